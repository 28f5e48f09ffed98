// What the document viewer draws, whatever the file was (.docx through mammoth's HTML, .odt from its
// XML): plain data, turned into React elements by document-article.tsx. Nothing from the file is ever
// given to the page as HTML, and only images carried inside the file (data: URIs) are kept.

export interface TextFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  script?: 'sup' | 'sub';
}

export type Inline =
  | ({ kind: 'text'; text: string } & TextFormat)
  | { kind: 'break' }
  | { kind: 'image'; src: string; alt: string }
  /** An image the viewer does not show (not inside the file): its description is said instead. */
  | { kind: 'missingImage'; alt: string }
  /** A link: shown as its text (and its address), never followed. */
  | { kind: 'link'; url: string | null; content: Inline[] };

export interface TableCell {
  header: boolean;
  colSpan: number;
  rowSpan: number;
  blocks: Block[];
}

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  | { kind: 'table'; rows: TableCell[][] };

export interface DocumentContent {
  blocks: Block[];
  /** Part of a very large (or very deeply nested) document was left out. */
  truncated: boolean;
}

/** Images the viewer shows: only those the file carries itself, of an image type. */
export const EMBEDDED_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|bmp|svg\+xml);base64,[A-Za-z0-9+/=\s]*$/i;

/** How much of a document is read: enough for any exam file, bounded for a hostile one. */
export const MAX_NODES = 20_000;
export const MAX_DEPTH = 40;

/** Counts what a reader has taken, to stop at MAX_NODES. */
export class ReadingBudget {
  #used = 0;
  truncated = false;
  /** How much has been taken so far. */
  get used(): number {
    return this.#used;
  }
  /** Takes `count` nodes (a repeated table row or cell counts as many times as it is drawn). */
  take(count = 1): boolean {
    this.#used += count;
    if (this.#used > MAX_NODES) this.truncated = true;
    return !this.truncated;
  }
}

/** A paragraph's content worth drawing: some visible text or an image. */
export function hasContent(content: Inline[]): boolean {
  return content.some((inline) =>
    inline.kind === 'text'
      ? inline.text.trim() !== ''
      : inline.kind === 'link'
        ? hasContent(inline.content)
        : inline.kind !== 'break',
  );
}

/** How many images the document does not show (said once above it, each one marked where it was). */
export function missingImageCount(blocks: readonly Block[]): number {
  const inInlines = (content: readonly Inline[]): number =>
    content.reduce(
      (n, inline) =>
        n + (inline.kind === 'missingImage' ? 1 : inline.kind === 'link' ? inInlines(inline.content) : 0),
      0,
    );
  return blocks.reduce((n, block) => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return n + inInlines(block.content);
      case 'list':
        return n + block.items.reduce((m, item) => m + missingImageCount(item), 0);
      case 'table':
        return n + block.rows.flat().reduce((m, cell) => m + missingImageCount(cell.blocks), 0);
    }
  }, 0);
}

/** The plain text of inline content (a link's label, a cell's words). */
export function plainText(content: Inline[]): string {
  return content
    .map((inline) =>
      inline.kind === 'text' ? inline.text : inline.kind === 'link' ? plainText(inline.content) : '',
    )
    .join('');
}
