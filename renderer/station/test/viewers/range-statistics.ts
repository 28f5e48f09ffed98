// The status line of office software: the sum, average and count of the numbers in the selection, so
// that a candidate can get a total without writing a formula. Text, dates and empty cells are not
// counted (as LibreOffice's and Excel's "Somme" leave text out).
import type { CellRange } from './cell-address.ts';
import { cellAt, keyPosition, type SheetGrid } from './spreadsheet-grid.ts';

export interface RangeStatistics {
  sum: number;
  /** null when the selection holds no number. */
  average: number | null;
  /** How many cells of the selection hold a number. */
  count: number;
}

export function rangeStatistics(grid: SheetGrid, range: CellRange): RangeStatistics {
  let sum = 0;
  let count = 0;
  const bottom = Math.min(range.bottom, grid.rowCount - 1);
  const right = Math.min(range.right, grid.columnCount - 1);
  // Sparse sheets: walk the filled cells when they are fewer than the selection's cells.
  const selected = (bottom - range.top + 1) * (right - range.left + 1);
  if (selected > grid.cells.size) {
    for (const [key, cell] of grid.cells) {
      const { row, column } = keyPosition(key);
      if (row < range.top || row > bottom || column < range.left || column > right) continue;
      if (cell.number !== null) {
        sum += cell.number;
        count += 1;
      }
    }
  } else {
    for (let row = range.top; row <= bottom; row += 1) {
      for (let column = range.left; column <= right; column += 1) {
        const number = cellAt(grid, row, column)?.number ?? null;
        if (number !== null) {
          sum += number;
          count += 1;
        }
      }
    }
  }
  return { sum, average: count > 0 ? sum / count : null, count };
}
