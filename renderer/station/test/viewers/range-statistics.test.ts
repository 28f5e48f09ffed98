import { describe, expect, it } from 'vitest';
import { rangeStatistics } from './range-statistics.ts';
import { cellKey, type GridCell, type SheetGrid } from './spreadsheet-grid.ts';

const number = (n: number): GridCell => ({ text: String(n), number: n, formula: null, align: 'end' });

/** A1 = 1, A2 = 10 merged over A2:A3 with row 2 hidden (the merge is drawn on row 3), A4 = 100. */
function grid(): SheetGrid {
  return {
    name: 'Fusion',
    rowCount: 4,
    columnCount: 1,
    totalRows: 4,
    totalColumns: 1,
    cells: new Map([
      [cellKey(0, 0), number(1)],
      [cellKey(1, 0), number(10)],
      [cellKey(3, 0), number(100)],
    ]),
    hiddenRows: new Set([1]),
    hiddenColumns: new Set(),
    merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
  };
}

describe('the statistics of a merged range whose top row is hidden', () => {
  it('counts its value where it is drawn (its first visible row)', () => {
    // Selecting the drawn cell, A3: the merge's value, 10.
    expect(rangeStatistics(grid(), { top: 2, left: 0, bottom: 2, right: 0 })).toMatchObject({
      sum: 10,
      count: 1,
    });
    expect(rangeStatistics(grid(), { top: 0, left: 0, bottom: 3, right: 0 })).toMatchObject({
      sum: 111,
      count: 3,
    });
    // A selection that leaves the drawn cell out does not count it.
    expect(rangeStatistics(grid(), { top: 3, left: 0, bottom: 3, right: 0 })).toMatchObject({
      sum: 100,
      count: 1,
    });
  });

  it('counts a merge once, its other cells’ values left out', () => {
    const sheet = grid();
    const cells = new Map(sheet.cells);
    cells.set(cellKey(2, 0), number(5));
    expect(rangeStatistics({ ...sheet, cells }, { top: 0, left: 0, bottom: 3, right: 0 })).toMatchObject({
      sum: 111,
      count: 3,
    });
  });

  it('leaves out a merge the file hides entirely', () => {
    const sheet = { ...grid(), hiddenRows: new Set([1, 2]) };
    expect(rangeStatistics(sheet, { top: 0, left: 0, bottom: 3, right: 0 })).toMatchObject({
      sum: 101,
      count: 2,
    });
  });
});
