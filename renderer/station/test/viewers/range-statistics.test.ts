import { describe, expect, it } from 'vitest';
import { widenOverMerges } from './merged-cells.ts';
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

describe('the statistics of a selection widened over a merge', () => {
  // A2 = 25, A3 = 27 (two classes); B2:B3 merged = 450 (the coach they share); A4 = 24, B4 = 380.
  const shared: SheetGrid = {
    name: 'Sortie',
    rowCount: 4,
    columnCount: 2,
    totalRows: 4,
    totalColumns: 2,
    cells: new Map([
      [cellKey(1, 0), number(25)],
      [cellKey(1, 1), number(450)],
      [cellKey(2, 0), number(27)],
      [cellKey(3, 0), number(24)],
      [cellKey(3, 1), number(380)],
    ]),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    merges: [{ top: 1, left: 1, bottom: 2, right: 1 }],
  };
  const lines = { rows: [0, 1, 2, 3], columns: [0, 1] };

  it('adds up the cells the merge brought in, and the merge once', () => {
    // A2:B2 picked: the merge reaches row 3, so A3 comes in (25 + 27 + 450, not 25 + 450).
    const widened = widenOverMerges({ top: 1, left: 0, bottom: 1, right: 1 }, shared.merges, lines);
    expect(widened).toEqual({ top: 1, left: 0, bottom: 2, right: 1 });
    expect(rangeStatistics(shared, widened)).toMatchObject({ sum: 502, count: 3 });
    // A3:B4 picked (from under the merge's home): the merge comes in whole, counted once.
    const below = widenOverMerges({ top: 2, left: 0, bottom: 3, right: 1 }, shared.merges, lines);
    expect(rangeStatistics(shared, below)).toMatchObject({ sum: 25 + 27 + 450 + 24 + 380, count: 5 });
  });

  it('leaves the hidden top row of a merge out, its value counted at its home', () => {
    // The first grid: A2:A3 merged, row 2 hidden. A3:A4 picked grows to A2:A4: 10 + 100, not A2's twice.
    const sheet = grid();
    const visible = { rows: [0, 2, 3], columns: [0] };
    const widened = widenOverMerges({ top: 2, left: 0, bottom: 3, right: 0 }, sheet.merges, visible);
    expect(widened).toEqual({ top: 1, left: 0, bottom: 3, right: 0 });
    expect(rangeStatistics(sheet, widened)).toMatchObject({ sum: 110, count: 2 });
  });
});
