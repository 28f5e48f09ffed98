// The status line of office software: the sum, average and count of the numbers in the selection, so
// that a candidate can get a total without writing a formula. Text, dates and empty cells are not
// counted (as LibreOffice's and Excel's "Somme" leave text out), nor hidden rows and columns (Excel's
// status bar adds up what is visible: a row hidden by a filter is not in the candidate's count), nor a
// formula the file holds without its result. A merged range counts its value once, where the grid
// draws it (its first visible cell), even when its top-left cell is in a hidden row or column.
import type { CellRange } from './cell-address.ts';
import { inRange } from './cell-address.ts';
import { mergeHome, mergeIndex, type MergeIndex, type VisibleLines } from './merged-cells.ts';
import { cellAt, keyPosition, type GridCell, type SheetGrid } from './spreadsheet-grid.ts';
import { visibleIndexes } from './visible-axis.ts';

export interface RangeStatistics {
  sum: number;
  /** null when the selection holds no number. */
  average: number | null;
  /** How many cells of the selection hold a number. */
  count: number;
  /** The number format all these numbers share (25 %, 1 234,50 €), or null (mixed, or none). */
  numberFormat: string | null;
}

/** What the grid already knows of the sheet's merges and visible lines (built here when not given). */
export interface DrawnLayout {
  merges: MergeIndex;
  lines: VisibleLines;
}

export function rangeStatistics(grid: SheetGrid, range: CellRange, layout?: DrawnLayout): RangeStatistics {
  const merges = layout?.merges ?? mergeIndex(grid.merges);
  const lines = layout?.lines ?? {
    rows: visibleIndexes(grid.rowCount, grid.hiddenRows),
    columns: visibleIndexes(grid.columnCount, grid.hiddenColumns),
  };
  let sum = 0;
  let count = 0;
  // undefined: no number yet; null: numbers of different formats (or one without).
  let numberFormat: string | null | undefined;
  const add = (cell: GridCell | undefined) => {
    if (!cell || cell.number === null) return;
    sum += cell.number;
    count += 1;
    const format = cell.numberFormat ?? null;
    numberFormat = numberFormat === undefined || numberFormat === format ? format : null;
  };
  // A cell outside merges counts where it is; merged cells are counted below, by their range.
  const addCell = (row: number, column: number, cell: GridCell | undefined) => {
    if (!cell || merges.at(row, column)) return;
    if (grid.hiddenRows.has(row) || grid.hiddenColumns.has(column)) return;
    add(cell);
  };
  const bottom = Math.min(range.bottom, grid.rowCount - 1);
  const right = Math.min(range.right, grid.columnCount - 1);
  // Sparse sheets: walk the filled cells when they are fewer than the selection's cells.
  const selected = (bottom - range.top + 1) * (right - range.left + 1);
  if (selected > grid.cells.size) {
    for (const [key, cell] of grid.cells) {
      const { row, column } = keyPosition(key);
      if (row < range.top || row > bottom || column < range.left || column > right) continue;
      addCell(row, column, cell);
    }
  } else {
    for (let row = range.top; row <= bottom; row += 1) {
      for (let column = range.left; column <= right; column += 1)
        addCell(row, column, cellAt(grid, row, column));
    }
  }
  // A merge holds its value in its top-left cell, and is drawn (and selected) at its home: the value
  // counts when the home is in the selection (the home is visible by definition).
  for (const merge of grid.merges) {
    const home = mergeHome(merge, lines);
    if (home && inRange(range, home.row, home.column)) add(cellAt(grid, merge.top, merge.left));
  }
  return { sum, average: count > 0 ? sum / count : null, count, numberFormat: numberFormat ?? null };
}
