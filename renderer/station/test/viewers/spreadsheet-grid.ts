// The grid the spreadsheet viewer draws, from a workbook read by SheetJS: per visible sheet, what each
// cell shows (the file's cached value as the file formats it: nothing is recomputed), its formula as
// stored, and its number for the status line's totals; hidden rows and columns and merged ranges
// (sheet-layout.ts). Large sheets are cut to a size the screen can
// draw; the grid says how much was left out.
import { SSF, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { columnLetters } from './cell-address.ts';
import { booleanText, errorText, localizedNumberText } from './cell-text.ts';
import { unescapeXml } from './ods-hidden-lines.ts';
import { sheetLayout, type SheetLayout } from './sheet-layout.ts';

export const MAX_ROWS = 2000;
export const MAX_COLUMNS = 100;

export interface GridCell {
  /** What the cell shows. */
  text: string;
  /** Its number, for Somme/Moyenne/Nombre; null for text, dates, booleans and errors. */
  number: number | null;
  /** The formula as stored (no "=", English function names), or null. */
  formula: string | null;
  /** Numbers line up on the right, as in office software. */
  align: 'start' | 'end' | 'center';
  /** The number format the file gives a number (not "General"), for the totals' format. */
  numberFormat?: string;
  /**
   * A formula the file holds without its result (a generated file never opened in office software):
   * the station computes nothing, so the cell shows the formula, and it counts in no total.
   */
  uncalculated?: true;
}

export interface SheetGrid extends SheetLayout {
  name: string;
  /** The rows and columns drawn (from A1), within MAX_ROWS × MAX_COLUMNS. */
  rowCount: number;
  columnCount: number;
  /** How many the sheet has (more than drawn when it was cut). */
  totalRows: number;
  totalColumns: number;
  /** Filled cells only, by `cellKey`. */
  cells: ReadonlyMap<number, GridCell>;
}

/** Cells are keyed by one number: row × the widest sheet office software allows (16,384 columns). */
const STRIDE = 16384;
export const cellKey = (row: number, column: number): number => row * STRIDE + column;
export const keyPosition = (key: number): { row: number; column: number } => ({
  row: Math.floor(key / STRIDE),
  column: key % STRIDE,
});

export function cellAt(grid: SheetGrid, row: number, column: number): GridCell | undefined {
  return grid.cells.get(cellKey(row, column));
}

export interface GridOptions {
  language: string;
  maxRows?: number;
  maxColumns?: number;
}

/** The workbook's sheets as grids, hidden sheets left out (unless every sheet is hidden). */
export function workbookGrids(book: WorkBook, options: GridOptions): SheetGrid[] {
  // SheetJS formats .xlsx/.xls values itself (English separators); an .ods keeps the text it showed.
  const formattedBySheetJs = book.bookType !== 'ods';
  const hidden = (index: number) => (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
  const shown = book.SheetNames.filter((_, i) => !hidden(i));
  return (shown.length > 0 ? shown : book.SheetNames).map((name) => {
    const sheet = book.Sheets[name];
    // SheetJS keeps an .ods's sheet name as written in the XML ("Notes &amp; moyennes").
    const shownName = formattedBySheetJs ? name : unescapeXml(name);
    return sheetGrid(shownName, sheet, { ...options, localize: formattedBySheetJs });
  });
}

function sheetGrid(
  name: string,
  sheet: WorkSheet | undefined,
  options: GridOptions & { localize: boolean },
): SheetGrid {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const maxColumns = options.maxColumns ?? MAX_COLUMNS;
  const cells = new Map<number, GridCell>();
  // With `sheetRows`, SheetJS keeps the sheet's whole extent in !fullref.
  const extent = sheet?.['!fullref'] ?? sheet?.['!ref'];
  if (!sheet || !extent) {
    return {
      name,
      rowCount: 0,
      columnCount: 0,
      totalRows: 0,
      totalColumns: 0,
      cells,
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      merges: [],
    };
  }
  const whole = decodeRange(extent);
  // The cells are looked up within what the grid draws (never all listed: a sheet can hold many more).
  const drawnRange = decodeRange(sheet['!ref'] ?? extent);
  const lastRow = Math.min(drawnRange.bottom, maxRows - 1);
  const lastColumn = Math.min(drawnRange.right, maxColumns - 1);
  const letters = Array.from({ length: lastColumn + 1 }, (_, c) => columnLetters(c));
  let usedRows = 0;
  let usedColumns = 0;
  for (let row = 0; row <= lastRow; row += 1) {
    for (let column = 0; column <= lastColumn; column += 1) {
      const address = `${letters[column]}${row + 1}`;
      if (!Object.hasOwn(sheet, address)) continue;
      const cell = gridCell(sheet[address] as CellObject, options);
      if (!cell) continue;
      cells.set(cellKey(row, column), cell);
      usedRows = Math.max(usedRows, row + 1);
      usedColumns = Math.max(usedColumns, column + 1);
    }
  }
  const totalRows = Math.max(whole.bottom + 1, usedRows);
  const totalColumns = Math.max(whole.right + 1, usedColumns);
  const rowCount = Math.min(totalRows, maxRows);
  const columnCount = Math.min(totalColumns, maxColumns);
  return {
    name,
    rowCount,
    columnCount,
    totalRows,
    totalColumns,
    cells,
    ...sheetLayout(sheet, rowCount, columnCount),
  };
}

function gridCell(cell: CellObject, options: { language: string; localize: boolean }): GridCell | null {
  const formula = typeof cell.f === 'string' && cell.f !== '' ? cell.f : null;
  // No result saved: SheetJS gives a blank cell (`z`) for `<c><f>…</f></c>`, an error cell without
  // value for `<c t="e"><f>…</f></c>`.
  const noResult = cell.t === 'z' || ((cell.v === undefined || cell.v === null) && cell.w === undefined);
  if (noResult && !formula) return null;
  if (noResult && formula) {
    return { text: '', number: null, formula, align: 'start', uncalculated: true };
  }
  const raw = cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
  const isDate = cell.t === 'd' || (cell.t === 'n' && typeof cell.z === 'string' && SSF.is_date(cell.z));
  if (cell.t === 'n' && typeof cell.v === 'number' && !isDate) {
    const number: GridCell = {
      text: options.localize ? localizedNumberText(raw, options.language) : raw,
      number: Number.isFinite(cell.v) ? cell.v : null,
      formula,
      align: 'end',
    };
    // An .ods keeps LibreOffice's text for its cells; its number styles (SheetJS reads them as formats)
    // still give the statistics their form, as an .xlsx's formats do (25 % + 50 % is 75 %, not 0,75).
    const format = typeof cell.z === 'string' ? cell.z : 'General';
    if (format !== 'General') number.numberFormat = format;
    return number;
  }
  if (cell.t === 'b') {
    const text = options.localize ? booleanText(cell.v === true, options.language) : raw;
    return { text, number: null, formula, align: 'center' };
  }
  if (cell.t === 'e') {
    const text = options.localize ? errorText(raw, options.language) : raw;
    return { text, number: null, formula, align: 'center' };
  }
  return { text: raw, number: null, formula, align: isDate ? 'end' : 'start' };
}

/** "B3" → row 2, column 1 (null for a key that is not a cell address). */
function decodeCell(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(address);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1] ?? '') column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

function decodeRange(ref: string): { bottom: number; right: number } {
  const end = decodeCell(ref.split(':').pop() ?? '');
  return end ? { bottom: end.row, right: end.column } : { bottom: 0, right: 0 };
}
