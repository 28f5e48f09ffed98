// An OpenDocument text (.odt), read in the page: the zip opened with fflate, content.xml parsed by the
// browser's DOMParser (given by the caller: tests use another), and walked into the viewer's document
// model: headings, paragraphs, lists, tables, bold/italic from the file's styles, images the file
// carries (as data: URIs), links as text. No library reads ODT well; this reads what exam files hold.
import { unzipSync, strFromU8, type UnzipFileInfo } from 'fflate';
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
import { checkFileLimits } from './file-limits.ts';
import { isZip } from './file-signature.ts';
import { UnreadableFile } from './unreadable-file.ts';

export type ParseXml = (xml: string) => Document;

const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const;

/** Limits on what is unpacked (a zip can claim any size): the XML parts, and each image. */
const MAX_XML_BYTES = 30 * 1024 * 1024;
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const MAX_IMAGES_BYTES = 40 * 1024 * 1024;
const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
};

const ELEMENT = 1;
const TEXT = 3;

export function readOdt(bytes: Uint8Array, parseXml: ParseXml): DocumentContent {
  if (!isZip(bytes)) throw new UnreadableFile('not a zip');
  checkFileLimits(bytes);
  const parts = unzip(
    bytes,
    (file) =>
      ['content.xml', 'styles.xml', 'META-INF/manifest.xml'].includes(file.name) &&
      file.originalSize <= MAX_XML_BYTES,
  );
  const manifest = parts['META-INF/manifest.xml'];
  // A password-protected file keeps its parts encrypted: say so rather than show nothing.
  if (manifest && strFromU8(manifest).includes('encryption-data'))
    throw new UnreadableFile('password-protected');
  const contentXml = parts['content.xml'];
  if (!contentXml) throw new UnreadableFile('no content.xml');
  const content = parse(parseXml, strFromU8(contentXml));
  const styles = parts['styles.xml'] ? parse(parseXml, strFromU8(parts['styles.xml'])) : null;

  const reader = new OdtReader(new OdtStyles([styles, content]), new ReadingBudget());
  const body = first(content.documentElement, NS.office, 'body');
  const text = body && first(body, NS.office, 'text');
  if (!text) throw new UnreadableFile('not a text document');
  const blocks = reader.blocks(text, 0);
  blocks.push(...reader.notes());
  return { blocks: withImages(blocks, bytes, reader.imagePaths), truncated: reader.budget.truncated };
}

function unzip(bytes: Uint8Array, filter: (file: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    throw new UnreadableFile(`zip: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parse(parseXml: ParseXml, xml: string): Document {
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (error) {
    throw new UnreadableFile(`xml: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The browser's DOMParser does not throw: it returns a document holding a <parsererror>.
  if (!doc.documentElement || doc.getElementsByTagName('parsererror').length > 0) {
    throw new UnreadableFile('xml: not well-formed');
  }
  return doc;
}

const children = (node: Node): Element[] =>
  Array.from(node.childNodes).filter((child): child is Element => child.nodeType === ELEMENT);
const is = (node: Element, ns: string, name: string) => node.namespaceURI === ns && node.localName === name;
const first = (node: Element, ns: string, name: string) =>
  children(node).find((c) => is(c, ns, name)) ?? null;
/** An attribute's value, null when absent or empty (some DOMs give '' for a missing attribute). */
const attr = (node: Element, ns: string, name: string) => node.getAttributeNS(ns, name) || null;

/** The file's named styles: which make text bold, italic…, and which lists are numbered. */
class OdtStyles {
  readonly #text = new Map<string, { parent: string | null; format: TextFormat }>();
  readonly #lists = new Map<string, Element>();

  constructor(documents: (Document | null)[]) {
    for (const doc of documents) {
      if (!doc) continue;
      for (const style of Array.from(doc.getElementsByTagNameNS(NS.style, 'style'))) {
        const name = attr(style, NS.style, 'name');
        if (!name) continue;
        const props = first(style, NS.style, 'text-properties');
        this.#text.set(name, {
          parent: attr(style, NS.style, 'parent-style-name'),
          format: props ? formatOfProps(props) : {},
        });
      }
      for (const list of Array.from(doc.getElementsByTagNameNS(NS.text, 'list-style'))) {
        const name = attr(list, NS.style, 'name');
        if (name) this.#lists.set(name, list);
      }
    }
  }

  /** A style's formatting, with what its parents give (the nearer wins). */
  format(name: string | null): TextFormat {
    const chain: TextFormat[] = [];
    const seen = new Set<string>();
    for (let current = name; current && !seen.has(current) && seen.size < 20;) {
      seen.add(current);
      const style = this.#text.get(current);
      if (!style) break;
      chain.unshift(style.format);
      current = style.parent;
    }
    return Object.assign({}, ...chain) as TextFormat;
  }

  /** Whether a list style numbers its items at a level (1-based); bullets otherwise. */
  ordered(name: string | null, level: number): boolean {
    const style = name ? this.#lists.get(name) : undefined;
    if (!style) return false;
    const levels = children(style);
    const atLevel =
      levels.find((l) => Number(attr(l, NS.text, 'level')) === level) ??
      levels.find((l) => Number(attr(l, NS.text, 'level')) === 1);
    return atLevel ? is(atLevel, NS.text, 'list-level-style-number') : false;
  }
}

function formatOfProps(props: Element): TextFormat {
  const format: TextFormat = {};
  const weight = attr(props, NS.fo, 'font-weight');
  if (weight) format.bold = weight === 'bold' || Number(weight) >= 600;
  const style = attr(props, NS.fo, 'font-style');
  if (style) format.italic = style === 'italic' || style === 'oblique';
  const underline = attr(props, NS.style, 'text-underline-style');
  if (underline) format.underline = underline !== 'none';
  const strike = attr(props, NS.style, 'text-line-through-style');
  if (strike) format.strike = strike !== 'none';
  const position = attr(props, NS.style, 'text-position');
  if (position) {
    const shift = position.trim().split(/\s+/)[0] ?? '0';
    if (shift === 'super' || parseFloat(shift) > 0) format.script = 'sup';
    else if (shift === 'sub' || parseFloat(shift) < 0) format.script = 'sub';
  }
  return format;
}

/** Parts of the body that hold no reading text (declarations, comments, change tracking, index templates). */
const SKIPPED = new Set([
  'sequence-decls',
  'variable-decls',
  'user-field-decls',
  'tracked-changes',
  'annotation',
  'annotation-end',
  'table-of-content-source',
  'alphabetical-index-source',
  'illustration-index-source',
  'forms',
  'bookmark',
  'bookmark-start',
  'bookmark-end',
  'reference-mark-start',
  'reference-mark-end',
  'soft-page-break',
]);

class OdtReader {
  readonly imagePaths = new Set<string>();
  readonly #notes: Block[] = [];

  readonly styles: OdtStyles;
  readonly budget: ReadingBudget;

  constructor(styles: OdtStyles, budget: ReadingBudget) {
    this.styles = styles;
    this.budget = budget;
  }

  blocks(container: Element, depth: number, listStyle: string | null = null, listLevel = 0): Block[] {
    const blocks: Block[] = [];
    for (const node of children(container)) {
      if (!this.budget.take()) break;
      if (SKIPPED.has(node.localName)) continue;
      if (is(node, NS.text, 'h') || is(node, NS.text, 'p')) {
        const trailing: Block[] = [];
        const format = this.styles.format(attr(node, NS.text, 'style-name'));
        const content = this.inlines(node, format, depth + 1, trailing);
        if (hasContent(content)) {
          if (is(node, NS.text, 'h')) {
            const level = Math.min(6, Math.max(1, Number(attr(node, NS.text, 'outline-level')) || 1));
            blocks.push({ kind: 'heading', level, content });
          } else {
            blocks.push({ kind: 'paragraph', content });
          }
        }
        blocks.push(...trailing);
      } else if (is(node, NS.text, 'list')) {
        const style = attr(node, NS.text, 'style-name') ?? listStyle;
        const level = listLevel + 1;
        const items = children(node)
          .filter((item) => is(item, NS.text, 'list-item') || is(item, NS.text, 'list-header'))
          .map((item) => (depth < MAX_DEPTH ? this.blocks(item, depth + 1, style, level) : []));
        if (items.length > 0)
          blocks.push({ kind: 'list', ordered: this.styles.ordered(style, level), items });
      } else if (is(node, NS.table, 'table')) {
        const rows = this.tableRows(node, false, depth + 1);
        if (rows.length > 0) blocks.push({ kind: 'table', rows });
      } else if (is(node, NS.draw, 'frame')) {
        // A frame anchored to the page rather than inside a paragraph.
        const trailing: Block[] = [];
        const content = this.frame(node, depth + 1, trailing);
        if (hasContent(content)) blocks.push({ kind: 'paragraph', content });
        blocks.push(...trailing);
      } else if (depth < MAX_DEPTH) {
        // Sections, indexes' bodies, other containers: their content is the document's.
        blocks.push(...this.blocks(node, depth + 1, listStyle, listLevel));
      }
    }
    return blocks;
  }

  /** Footnotes and endnotes, after the text (as numbered notes are read in print). */
  notes(): Block[] {
    return this.#notes;
  }

  tableRows(container: Element, header: boolean, depth: number): TableCell[][] {
    const rows: TableCell[][] = [];
    for (const node of children(container)) {
      if (!this.budget.take()) break;
      if (is(node, NS.table, 'table-header-rows')) rows.push(...this.tableRows(node, true, depth + 1));
      else if (is(node, NS.table, 'table-rows') || is(node, NS.table, 'table-row-group'))
        rows.push(...this.tableRows(node, header, depth + 1));
      else if (is(node, NS.table, 'table-row')) {
        const cells: TableCell[] = [];
        const rowStart = this.budget.used;
        for (const cell of children(node)) {
          if (!is(cell, NS.table, 'table-cell')) continue; // covered cells are drawn by their spanning cell
          const cellStart = this.budget.used;
          const blocks = depth < MAX_DEPTH ? this.blocks(cell, depth + 1) : [];
          // Each copy of a repeated cell is drawn, and counted, as many times as its content is large.
          const cost = Math.max(1, this.budget.used - cellStart);
          const repeat = Math.min(repeated(attr(cell, NS.table, 'number-columns-repeated')), 50);
          for (let i = 0; i < repeat && (i === 0 || this.budget.take(cost)); i += 1) {
            cells.push({
              header,
              colSpan: repeated(attr(cell, NS.table, 'number-columns-spanned')),
              rowSpan: repeated(attr(cell, NS.table, 'number-rows-spanned')),
              blocks,
            });
          }
        }
        const cost = Math.max(1, this.budget.used - rowStart);
        const repeat = Math.min(repeated(attr(node, NS.table, 'number-rows-repeated')), 100);
        for (let i = 0; i < repeat && cells.length > 0 && (i === 0 || this.budget.take(cost)); i += 1)
          rows.push(cells);
      }
    }
    return rows;
  }

  inlines(node: Element, format: TextFormat, depth: number, trailing: Block[]): Inline[] {
    const out: Inline[] = [];
    for (const child of Array.from(node.childNodes)) {
      if (!this.budget.take()) break;
      if (child.nodeType === TEXT) {
        // ODF collapses white space in text; runs of spaces are written <text:s text:c="n"/>.
        const text = (child.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ');
        if (text) out.push({ kind: 'text', text, ...format });
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const element = child as Element;
      if (SKIPPED.has(element.localName)) continue;
      if (is(element, NS.text, 's')) {
        out.push({
          kind: 'text',
          text: ' '.repeat(Math.min(repeated(attr(element, NS.text, 'c')), 100)),
          ...format,
        });
      } else if (is(element, NS.text, 'tab')) {
        out.push({ kind: 'text', text: '\t', ...format });
      } else if (is(element, NS.text, 'line-break')) {
        out.push({ kind: 'break' });
      } else if (is(element, NS.text, 'span')) {
        const inner = { ...format, ...this.styles.format(attr(element, NS.text, 'style-name')) };
        if (depth < MAX_DEPTH) out.push(...this.inlines(element, inner, depth + 1, trailing));
      } else if (is(element, NS.text, 'a')) {
        const href = attr(element, NS.xlink, 'href');
        const content = depth < MAX_DEPTH ? this.inlines(element, format, depth + 1, trailing) : [];
        out.push({ kind: 'link', url: href && /^(?:https?:|mailto:)/i.test(href) ? href : null, content });
      } else if (is(element, NS.text, 'note')) {
        const citation = first(element, NS.text, 'note-citation')?.textContent?.trim() ?? '';
        const body = first(element, NS.text, 'note-body');
        out.push({ kind: 'text', text: citation, ...format, script: 'sup' });
        if (body && depth < MAX_DEPTH) {
          const noteBlocks = this.blocks(body, depth + 1);
          const [head, ...rest] = noteBlocks;
          if (head?.kind === 'paragraph') {
            this.#notes.push(
              { kind: 'paragraph', content: [{ kind: 'text', text: `${citation}. ` }, ...head.content] },
              ...rest,
            );
          } else {
            this.#notes.push(...noteBlocks);
          }
        }
      } else if (is(element, NS.draw, 'frame')) {
        out.push(...this.frame(element, depth + 1, trailing));
      } else if (depth < MAX_DEPTH) {
        // Fields (dates, page numbers, references…) and other wrappers: their text is what shows.
        out.push(...this.inlines(element, format, depth + 1, trailing));
      }
    }
    return out;
  }

  /** A frame: an image (from the file), or a text box whose paragraphs follow the current one. */
  frame(frame: Element, depth: number, trailing: Block[]): Inline[] {
    const alt = [first(frame, NS.svg, 'title'), first(frame, NS.svg, 'desc')]
      .map((e) => e?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' — ');
    const image = first(frame, NS.draw, 'image');
    if (image) {
      const href = attr(image, NS.xlink, 'href') ?? '';
      const path = href.replace(/^\.\//, '');
      if (/^[A-Za-z0-9_./ -]+$/.test(path) && !path.includes('..') && !/^[a-z][a-z0-9+.-]*:/i.test(path)) {
        this.imagePaths.add(path);
        return [{ kind: 'image', src: `odt-part:${path}`, alt }];
      }
      // A linked (remote or local) image is never fetched.
      return [{ kind: 'missingImage', alt }];
    }
    const box = first(frame, NS.draw, 'text-box');
    if (box && depth < MAX_DEPTH) trailing.push(...this.blocks(box, depth + 1));
    return [];
  }
}

function repeated(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/** Puts the images the file carries in place of their `odt-part:` references (data: URIs). */
function withImages(blocks: Block[], bytes: Uint8Array, paths: Set<string>): Block[] {
  if (paths.size === 0) return blocks;
  let total = 0;
  const files = unzip(bytes, (file) => {
    if (!paths.has(file.name) || file.originalSize > MAX_IMAGE_BYTES) return false;
    total += file.originalSize;
    return total <= MAX_IMAGES_BYTES;
  });
  const sources = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    const type = IMAGE_TYPES[name.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) continue;
    const src = `data:${type};base64,${base64(data)}`;
    if (EMBEDDED_IMAGE.test(src)) sources.set(name, src);
  }
  const mapInline = (inline: Inline): Inline => {
    if (inline.kind === 'image' && inline.src.startsWith('odt-part:')) {
      const src = sources.get(inline.src.slice('odt-part:'.length));
      return src ? { ...inline, src } : { kind: 'missingImage', alt: inline.alt };
    }
    if (inline.kind === 'link') return { ...inline, content: inline.content.map(mapInline) };
    return inline;
  };
  const mapBlock = (block: Block): Block => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return { ...block, content: block.content.map(mapInline) };
      case 'list':
        return { ...block, items: block.items.map((item) => item.map(mapBlock)) };
      case 'table':
        return {
          ...block,
          rows: block.rows.map((row) => row.map((cell) => ({ ...cell, blocks: cell.blocks.map(mapBlock) }))),
        };
    }
  };
  return blocks.map(mapBlock);
}

function base64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) {
    binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
