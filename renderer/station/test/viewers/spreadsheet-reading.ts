// Reading a spreadsheet's bytes in the screen (sandboxed, no Node): SheetJS, in this lazily loaded
// chunk only. Macros are never kept (bookVBA off) and nothing is computed: cells show the values the
// file saved. A corrupt, password-protected, too large or text file throws UnreadableFile.
import { read, type WorkBook } from '@e965/xlsx';
import { checkFileLimits } from './file-limits.ts';
import { isZip, mayBeSpreadsheet } from './file-signature.ts';
import { odsHiddenLines, type HiddenLines } from './ods-hidden-lines.ts';
import { MAX_COLUMNS, MAX_ROWS, workbookGrids, type SheetGrid } from './spreadsheet-grid.ts';
import { UnreadableFile } from './unreadable-file.ts';

export function readSpreadsheet(bytes: Uint8Array, language: string): SheetGrid[] {
  if (!mayBeSpreadsheet(bytes)) throw new UnreadableFile('not a spreadsheet');
  checkFileLimits(bytes);
  let grids: SheetGrid[];
  try {
    const book = read(bytes, {
      type: 'array',
      cellFormula: true,
      cellNF: true,
      cellHTML: false,
      // Rows' and columns' properties (hidden ones) are read only with the styles.
      cellStyles: true,
      bookVBA: false,
      // Excel's built-in short date (format 14) follows the reader's locale: the French order, that
      // of the files' authors.
      dateNF: 'dd/mm/yyyy',
      // Rows past what the grid draws are not even read (a huge sheet would fill the memory).
      sheetRows: MAX_ROWS,
    });
    if (book.bookType === 'ods' && isZip(bytes)) markOdsHiddenLines(book, bytes);
    grids = workbookGrids(book, { language });
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : String(error));
  }
  if (grids.length === 0) throw new UnreadableFile('no sheet');
  return grids;
}

/**
 * An .ods's hidden rows and columns, which SheetJS does not read, put where it puts an .xlsx's. The
 * scan is an extra: when it fails (a zip SheetJS reads but fflate does not), every row and column is
 * shown, as before it existed, rather than the whole file called unreadable.
 */
function markOdsHiddenLines(book: WorkBook, bytes: Uint8Array): void {
  let scanned: Map<string, HiddenLines>;
  try {
    scanned = odsHiddenLines(bytes, { rows: MAX_ROWS, columns: MAX_COLUMNS });
  } catch {
    return;
  }
  for (const [name, hidden] of scanned) {
    // Only the sheets SheetJS read: a name from the file never reaches Object.prototype ("__proto__"
    // when no sheet has that name), and a sheet really named so gets its hidden lines.
    if (!book.SheetNames.includes(name)) continue;
    const sheet = book.Sheets[name];
    if (!sheet || sheet === Object.prototype) continue;
    const rows = (sheet['!rows'] ??= []);
    for (const r of hidden.rows) rows[r] = { ...rows[r], hidden: true };
    const columns = (sheet['!cols'] ??= []);
    for (const c of hidden.columns) columns[c] = { ...columns[c], hidden: true };
  }
}
