import { utils, type Range, type WorkSheet } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { isHiddenColumn, isHiddenRow, MAX_MERGES, sheetLayout } from './sheet-layout.ts';

const merge = (top: number, left: number, bottom: number, right: number): Range => ({
  s: { r: top, c: left },
  e: { r: bottom, c: right },
});
const sheetWith = (merges: Range[]): WorkSheet => ({ ...utils.aoa_to_sheet([['x']]), '!merges': merges });

describe('a sheet’s merged ranges', () => {
  it('keeps the first of overlapping merges, and ranges cut to the drawn grid', () => {
    const layout = sheetLayout(sheetWith([merge(0, 0, 0, 3), merge(0, 2, 1, 4), merge(5, 1, 9, 1)]), 8, 3);
    expect(layout.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 5, left: 1, bottom: 7, right: 1 },
    ]);
  });

  it('ignores a malformed range (A0:B1 decodes to row −1) and one past the grid', () => {
    const layout = sheetLayout(
      sheetWith([merge(-1, 0, 0, 1), merge(0, -3, 1, 0), merge(50, 0, 60, 1)]),
      10,
      5,
    );
    expect(layout.merges).toEqual([]);
  });

  it('stays bounded on a hostile file of many large overlapping merges', () => {
    // 50,000 merges of the whole grid: the first is kept, the others overlap it.
    const hostile = Array.from({ length: 50_000 }, () => merge(0, 0, 1999, 99));
    const layout = sheetLayout(sheetWith(hostile), 2000, 100);
    expect(layout.merges).toEqual([{ top: 0, left: 0, bottom: 1999, right: 99 }]);
    // Merges past MAX_MERGES are not considered, even when they would fit.
    const many = Array.from({ length: MAX_MERGES + 5 }, (_, i) => merge(i % 2000, 0, i % 2000, 0));
    many.push(merge(0, 1, 0, 2));
    expect(sheetLayout(sheetWith(many), 2000, 100).merges).toEqual([]);
  });
});

describe('a sheet’s hidden rows and columns', () => {
  it('hides a row of no height and a column of no width, as hidden ones', () => {
    const sheet: WorkSheet = {
      ...utils.aoa_to_sheet([[1, 2, 3, 4, 5]]),
      '!rows': [{ hpt: 15 }, { hpt: 0, hpx: 0 }, { hpx: 0 }, { hidden: true }, { hpt: 12.75, hpx: 17 }, {}],
      '!cols': [
        { wch: 10 },
        { width: 0 },
        { wpx: 0 },
        { wch: 0 },
        { hidden: true, width: 8 },
        { width: 0.5 },
      ],
    };
    const layout = sheetLayout(sheet, 6, 6);
    expect([...layout.hiddenRows]).toEqual([1, 2, 3]);
    expect([...layout.hiddenColumns]).toEqual([1, 2, 3, 4]);
  });

  it('takes a size below 0 (a damaged file) as none, and a size that is not a number as not given', () => {
    expect(isHiddenRow({ hpt: -3 })).toBe(true);
    expect(isHiddenRow({ hpt: Number.NaN })).toBe(false);
    expect(isHiddenRow(undefined)).toBe(false);
    expect(isHiddenColumn({ width: -1 })).toBe(true);
    expect(isHiddenColumn({ width: Number.NaN, wch: 8 })).toBe(false);
    expect(isHiddenColumn({ hidden: false, width: 12 })).toBe(false);
  });
});
