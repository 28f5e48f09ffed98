// Hidden rows and columns of an OpenDocument spreadsheet. SheetJS (0.20.3) does not read them from an
// .ods (it does from .xlsx/.xls), so content.xml's rows and columns are scanned here for
// `table:visibility` "collapse" (hidden by hand) or "filter" (hidden by an autofilter), and for a style
// of no height or width (`style:row-height="0cm"`: nothing to draw, as in LibreOffice; SheetJS itself
// writes "0px" for a row of height 0). A linear scan of the tags, not a second DOM of the whole file:
// SheetJS has already parsed it once.
import { strFromU8, unzipSync } from 'fflate';

export interface HiddenLines {
  rows: number[];
  columns: number[];
}

// A tag's attributes: a '>' may stand in a quoted value, '<' never (XML forbids it), so a match never
// runs past the next '<' (linear on any file).
const TAG = /<(\/?)table:(table|table-row|table-column)(?=[\s/>])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
/** The styles' tags that may give a row or column no size (attributes as in TAG). */
const STYLE_TAG =
  /<(\/?)style:(style|default-style|table-row-properties|table-column-properties)(?=[\s/>])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
/** An ODF length ("0cm", "0.000in", "12pt"): its number. */
const LENGTH = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?:cm|mm|in|pt|pc|px)?\s*$/;
/** One attribute, its value in double or single quotes (a name starts after a space: linear). */
const ATTRIBUTE = /(?<=\s)([^\s=<>"'/]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** An attribute's text with XML's named entities read ("&amp;" → "&"). */
export const unescapeXml = (text: string): string =>
  text.replace(/&(\w+);/g, (all, entity: string) => ENTITIES.get(entity) ?? all);

/** A tag's attributes by name, values as written (a name inside another's value is not one). */
function attributesOf(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name = '', double, single] of text.matchAll(ATTRIBUTE)) {
    if (!found.has(name)) found.set(name, double ?? single ?? '');
  }
  return found;
}
const attribute = (attributes: Map<string, string>, name: string): string | null => {
  const value = attributes.get(`table:${name}`);
  return value === undefined ? null : unescapeXml(value);
};
const repeats = (attributes: Map<string, string>, name: string) =>
  Math.max(1, Number(attribute(attributes, name)) || 1);
const isHidden = (attributes: Map<string, string>) => {
  const visibility = attribute(attributes, 'visibility');
  return visibility === 'collapse' || visibility === 'filter';
};

/** A length of 0 (or less: a damaged file) leaves the line nothing to draw; no length, or not one, does. */
function isFlat(length: string | undefined): boolean {
  const match = length === undefined ? null : LENGTH.exec(unescapeXml(length));
  return match !== null && Number(match[1]) <= 0;
}

interface FlatStyles {
  rows: Set<string>;
  columns: Set<string>;
}

/**
 * The names of the row styles of no height and the column styles of no width. A row style whose
 * height LibreOffice works out itself (`style:use-optimal-row-height="true"`) gets one on opening.
 */
function flatStyles(xml: string): FlatStyles {
  const flat: FlatStyles = { rows: new Set(), columns: new Set() };
  let style: string | null = null;
  for (const [tag, closing, name, text = ''] of xml.matchAll(STYLE_TAG)) {
    const attributes = attributesOf(text);
    if (name === 'style' || name === 'default-style') {
      // Properties belong to the named style around them only (a default style has no name).
      const styleName = attributes.get('style:name');
      style =
        !closing && !tag.endsWith('/>') && name === 'style' && styleName ? unescapeXml(styleName) : null;
    } else if (style === null) {
      continue;
    } else if (name === 'table-row-properties') {
      const optimal = attributes.get('style:use-optimal-row-height') === 'true';
      if (!optimal && isFlat(attributes.get('style:row-height'))) flat.rows.add(style);
    } else if (isFlat(attributes.get('style:column-width'))) {
      flat.columns.add(style);
    }
  }
  return flat;
}

/**
 * The XML without its comments and CDATA sections, as SheetJS reads it: a row commented out is no
 * row. A linear walk (an unterminated comment drops the rest, as it ends the document).
 */
export function withoutComments(xml: string): string {
  const parts: string[] = [];
  let from = 0;
  let comment = xml.indexOf('<!--');
  let cdata = xml.indexOf('<![CDATA[');
  while (comment !== -1 || cdata !== -1) {
    const isComment = cdata === -1 || (comment !== -1 && comment < cdata);
    const start = isComment ? comment : cdata;
    parts.push(xml.slice(from, start));
    const end = isComment ? xml.indexOf('-->', start + 4) : xml.indexOf(']]>', start + 9);
    if (end === -1) return parts.join('');
    from = end + 3;
    // Each search starts past what was removed: the walk never goes back.
    if (comment !== -1 && comment < from) comment = xml.indexOf('<!--', from);
    if (cdata !== -1 && cdata < from) cdata = xml.indexOf('<![CDATA[', from);
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

/** Per sheet name (as written in the file, and read), its hidden rows and columns within the grid's limits (repeats counted, never unrolled past them). */
export function odsHiddenLines(
  bytes: Uint8Array,
  limits: { rows: number; columns: number },
): Map<string, HiddenLines> {
  const sheets = new Map<string, HiddenLines>();
  const content = unzipSync(bytes, { filter: (file) => file.name === 'content.xml' })['content.xml'];
  if (!content) return sheets;
  const xml = withoutComments(strFromU8(content));
  const flat = flatStyles(xml);
  const isFlatLine = (styles: Set<string>, attributes: Map<string, string>) => {
    const style = attribute(attributes, 'style-name');
    return style !== null && styles.has(style);
  };
  let depth = 0;
  let current: HiddenLines | null = null;
  let row = 0;
  let column = 0;
  for (const [tag, closing, name, text = ''] of xml.matchAll(TAG)) {
    const selfClosing = tag.endsWith('/>');
    const attributes = attributesOf(text);
    if (name === 'table') {
      if (closing) depth = Math.max(0, depth - 1);
      else if (!selfClosing) {
        depth += 1;
        // A table inside a cell (rare) is not the sheet's.
        if (depth === 1) {
          current = { rows: [], columns: [] };
          // SheetJS names the sheet with the attribute as written ("A &amp; B"): both are keys.
          const raw = attributes.get('table:name') ?? '';
          sheets.set(raw, current);
          sheets.set(unescapeXml(raw), current);
          row = 0;
          column = 0;
        }
      }
      continue;
    }
    if (closing || depth !== 1 || !current) continue;
    if (name === 'table-row') {
      const count = repeats(attributes, 'number-rows-repeated');
      if (isHidden(attributes) || isFlatLine(flat.rows, attributes))
        for (let r = row; r < Math.min(row + count, limits.rows); r += 1) current.rows.push(r);
      row += count;
    } else {
      const count = repeats(attributes, 'number-columns-repeated');
      if (isHidden(attributes) || isFlatLine(flat.columns, attributes)) {
        for (let c = column; c < Math.min(column + count, limits.columns); c += 1) current.columns.push(c);
      }
      column += count;
    }
  }
  return sheets;
}
