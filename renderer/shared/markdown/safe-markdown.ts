// Challenge text is Markdown written by content authors and shipped in the test package: render it,
// then sanitize it with DOMPurify against a short allow-list. No script, no event handler, no style,
// no frame, no form; links only to http(s) (the screens open them in the challenge browser); images
// only when `resolveImage` accepts them (package images), never remote ones: those are replaced by
// words (`missingImage`), so that the candidate knows an image is missing and what it showed.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

export const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'span',
  'sup',
  'sub',
  'kbd',
] as const;
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'start'];
/** `package:` marks an image that must come from the test package (resolved by the caller). */
const ALLOWED_URI = /^(?:https?:|package:)/i;

/** Private-use characters survive Markdown and sanitizing untouched: they mark where fields go. */
const FIELD_OPEN = '\uE000';
const FIELD_CLOSE = '\uE001';
export const FIELD_MARK = new RegExp(`${FIELD_OPEN}(\\d+)${FIELD_CLOSE}`, 'g');

export interface SafeMarkdownOptions {
  /** Field names whose `${name}` placeholders become field slots. */
  fields?: readonly string[];
  /** Turns an image source into an address the screens may load, or null to drop the image. */
  resolveImage?: (src: string) => string | null;
  /** The words shown in place of an image that is not shown, from its alternative text (default: that text). */
  missingImage?: (alt: string) => string;
}

export interface SafeMarkdown {
  fragment: DocumentFragment;
  /** Slot number (as found by FIELD_MARK) → field name. */
  slots: string[];
  /** How many images became words (`missingImage`): what the candidate reads as images not shown. */
  missingImages: number;
}

export function renderSafeMarkdown(markdown: string, options: SafeMarkdownOptions = {}): SafeMarkdown {
  const slots: string[] = [];
  const fields = new Set(options.fields ?? []);
  // Markers already in the text (none in real content) are dropped, so only real fields become slots.
  const withSlots = markdown
    .replace(/[\uE000\uE001]/g, '')
    .replace(/\$\{\s*([A-Za-z][A-Za-z0-9_-]{0,39})\s*\}/g, (whole, name: string) => {
      if (!fields.has(name)) return whole;
      slots.push(name);
      return `${FIELD_OPEN}${slots.length - 1}${FIELD_CLOSE}`;
    });
  const html = marked.parse(withSlots, { async: false });
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [...ALLOWED_TAGS],
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  let missingImages = 0;
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    const resolved = src && options.resolveImage ? options.resolveImage(src) : null;
    if (resolved) {
      img.setAttribute('src', resolved);
      if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
    } else {
      // A remote (or unknown) image is never fetched: its alternative text stays readable.
      const alt = (img.getAttribute('alt') ?? '').trim();
      img.replaceWith(fragment.ownerDocument.createTextNode(options.missingImage?.(alt) ?? alt));
      missingImages += 1;
    }
  }
  for (const link of Array.from(fragment.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    if (!href || !/^https?:/i.test(href)) link.removeAttribute('href');
  }
  return { fragment, slots, missingImages };
}
