// Reading a spreadsheet's bytes in the screen (sandboxed, no Node): SheetJS, in this lazily loaded
// chunk only. Macros are never kept (bookVBA off) and nothing is computed: cells show the values the
// file saved. A corrupt, password-protected, too large or text file throws UnreadableFile.
import { read } from '@e965/xlsx';
import { checkFileLimits } from './file-limits.ts';
import { mayBeSpreadsheet } from './file-signature.ts';
import { MAX_ROWS, workbookGrids, type SheetGrid } from './spreadsheet-grid.ts';
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
      bookVBA: false,
      // Excel's built-in short date (format 14) follows the reader's locale: the French order, that
      // of the files' authors.
      dateNF: 'dd/mm/yyyy',
      // Rows past what the grid draws are not even read (a huge sheet would fill the memory).
      sheetRows: MAX_ROWS,
    });
    grids = workbookGrids(book, { language });
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : String(error));
  }
  if (grids.length === 0) throw new UnreadableFile('no sheet');
  return grids;
}
