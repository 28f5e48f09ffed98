// A .docx, converted to HTML by mammoth, becomes the viewer's document model: the HTML is first
// sanitized by DOMPurify against a short allow-list (no script, no event handler, no style, no frame),
// then walked into plain data with the same allow-list again, so that nothing from the file reaches
// the page as markup. Images are kept only when they come from the file itself (data: URIs); links
// become text.
import DOMPurify from 'dompurify';
import {
  EMBEDDED_IMAGE,
  MAX_DEPTH,
  ReadingBudget,
  hasContent,
  type Block,
  type DocumentContent,
  type Inline,
  type TableCell,
  type TextFormat,
} from './document-model.ts';

const ALLOWED_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'sup',
  'sub',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'span',
];

/**
 * The viewer's own DOMPurify instance (its hook must not change how challenge Markdown is sanitized):
 * an image source that is not inside the file is dropped here already, so that no step after it can
 * make the browser fetch it.
 */
let purifier: ReturnType<typeof DOMPurify> | null = null;
function documentPurifier(): ReturnType<typeof DOMPurify> {
  if (!purifier) {
    purifier = DOMPurify(window);
    purifier.addHook('uponSanitizeAttribute', (_node, event) => {
      if (event.attrName === 'src' && !EMBEDDED_IMAGE.test(event.attrValue)) event.keepAttr = false;
    });
  }
  return purifier;
}

/** DOMPurify's pass, in the page (it needs the browser's DOM). The fragment belongs to an inert document. */
export function sanitizeDocumentHtml(html: string): DocumentFragment {
  return documentPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'src', 'alt', 'colspan', 'rowspan'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}

const ELEMENT = 1;
const TEXT = 3;
const HEADING = /^h([1-6])$/;
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table']);
/** Elements whose content is never shown, should one get past the sanitizer. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
]);

const tagOf = (node: Node) => (node.nodeName || '').toLowerCase();
const elementChildren = (node: Node) => Array.from(node.childNodes);

/** The document model of sanitized HTML (a DocumentFragment, or any node holding the content). */
export function documentFromHtml(root: Node): DocumentContent {
  const budget = new ReadingBudget();
  const blocks = readBlocks(root, budget, 0);
  return { blocks, truncated: budget.truncated };
}

/** A container's blocks; loose inline content between them becomes paragraphs. */
function readBlocks(container: Node, budget: ReadingBudget, depth: number): Block[] {
  const blocks: Block[] = [];
  let loose: Inline[] = [];
  const flush = () => {
    if (hasContent(loose)) blocks.push({ kind: 'paragraph', content: loose });
    loose = [];
  };
  for (const node of elementChildren(container)) {
    if (!budget.take()) break;
    const tag = tagOf(node);
    if (node.nodeType === ELEMENT && DROPPED.has(tag)) continue;
    if (node.nodeType === ELEMENT && BLOCK_TAGS.has(tag)) {
      flush();
      const block = readBlock(node, tag, budget, depth + 1);
      if (block) blocks.push(block);
    } else if (
      node.nodeType === ELEMENT &&
      depth < MAX_DEPTH &&
      ['thead', 'tbody', 'div', 'li'].includes(tag)
    ) {
      flush();
      blocks.push(...readBlocks(node, budget, depth + 1));
    } else {
      loose.push(...readInlines(node, {}, budget, depth + 1));
    }
  }
  flush();
  return blocks;
}

function readBlock(node: Node, tag: string, budget: ReadingBudget, depth: number): Block | null {
  const heading = HEADING.exec(tag);
  if (heading) {
    const content = readInlines(node, {}, budget, depth, true);
    return hasContent(content) ? { kind: 'heading', level: Number(heading[1]), content } : null;
  }
  if (tag === 'p') {
    const content = readInlines(node, {}, budget, depth, true);
    return hasContent(content) ? { kind: 'paragraph', content } : null;
  }
  if (tag === 'ul' || tag === 'ol') {
    const items = elementChildren(node)
      .filter((child) => tagOf(child) === 'li')
      .map((li) => (depth < MAX_DEPTH ? readBlocks(li, budget, depth + 1) : flatText(li)));
    return items.length > 0 ? { kind: 'list', ordered: tag === 'ol', items } : null;
  }
  // table
  const rows: TableCell[][] = [];
  const collectRows = (parent: Node, inHead: boolean) => {
    for (const child of elementChildren(parent)) {
      const childTag = tagOf(child);
      if (childTag === 'thead' || childTag === 'tbody' || childTag === 'tfoot')
        collectRows(child, childTag === 'thead');
      else if (childTag === 'tr') {
        const cells = elementChildren(child)
          .filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th')
          .map((cell) => ({
            header: inHead || tagOf(cell) === 'th',
            colSpan: span((cell as Element).getAttribute('colspan')),
            rowSpan: span((cell as Element).getAttribute('rowspan')),
            blocks: depth < MAX_DEPTH ? readBlocks(cell, budget, depth + 1) : flatText(cell),
          }));
        if (cells.length > 0) rows.push(cells);
      }
    }
  };
  collectRows(node, false);
  return rows.length > 0 ? { kind: 'table', rows } : null;
}

function readInlines(
  node: Node,
  format: TextFormat,
  budget: ReadingBudget,
  depth: number,
  isContainer = false,
): Inline[] {
  if (node.nodeType === TEXT) {
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
    return text === '' ? [] : [{ kind: 'text', text, ...format }];
  }
  if (node.nodeType !== ELEMENT) return [];
  const tag = tagOf(node);
  if (DROPPED.has(tag)) return [];
  if (!isContainer) {
    if (tag === 'br') return [{ kind: 'break' }];
    if (tag === 'img') {
      const element = node as Element;
      const src = element.getAttribute('src') ?? '';
      const alt = (element.getAttribute('alt') ?? '').trim();
      return [EMBEDDED_IMAGE.test(src) ? { kind: 'image', src, alt } : { kind: 'missingImage', alt }];
    }
  }
  if (depth > MAX_DEPTH) return [{ kind: 'text', text: node.textContent ?? '', ...format }];
  const inner = { ...format, ...formatOf(tag) };
  const content = elementChildren(node).flatMap((child) =>
    budget.take() ? readInlines(child, inner, budget, depth + 1) : [],
  );
  if (!isContainer && tag === 'a') {
    const href = (node as Element).getAttribute('href');
    return [{ kind: 'link', url: href && /^(?:https?:|mailto:)/i.test(href) ? href : null, content }];
  }
  return content;
}

function formatOf(tag: string): TextFormat {
  switch (tag) {
    case 'strong':
    case 'b':
      return { bold: true };
    case 'em':
    case 'i':
      return { italic: true };
    case 'u':
      return { underline: true };
    case 's':
    case 'del':
      return { strike: true };
    case 'sup':
      return { script: 'sup' };
    case 'sub':
      return { script: 'sub' };
    default:
      return {};
  }
}

function flatText(node: Node): Block[] {
  const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text ? [{ kind: 'paragraph', content: [{ kind: 'text', text }] }] : [];
}

function span(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 1000) : 1;
}
