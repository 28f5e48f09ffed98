// Reads a CSV attachment into rows for the built-in table viewer. French spreadsheets export with
// ";" as separator (the comma is the decimal mark), others with ",": the first line decides.
export interface CsvTable {
  rows: string[][];
  delimiter: ',' | ';' | '\t';
}

/** Upper bounds so a huge file cannot freeze the screen; the viewer says when rows were left out. */
export const MAX_ROWS = 2000;
export const MAX_COLUMNS = 100;

export function parseCsv(text: string): CsvTable & { truncated: boolean } {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let truncated = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else cell += c;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (rows.length >= MAX_ROWS) {
        truncated = i + 1 < source.length;
        break;
      }
    } else cell += c;
  }
  if (!truncated && (cell !== '' || row.length > 0)) {
    row.push(cell);
    rows.push(row);
  }
  const trimmed = rows.map((r) => {
    if (r.length > MAX_COLUMNS) truncated = true;
    return r.slice(0, MAX_COLUMNS);
  });
  return { rows: trimmed, delimiter, truncated };
}

function detectDelimiter(text: string): CsvTable['delimiter'] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c] += 1;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}
