import { describe, expect, it } from 'vitest';
import {
  cellAddress,
  columnLetters,
  inRange,
  rangeAddress,
  rangeBetween,
  rangeCellCount,
} from './cell-address.ts';

describe('cell addresses', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  it('writes a cell as its column letters and its row from 1', () => {
    expect(cellAddress({ row: 0, column: 0 })).toBe('A1');
    expect(cellAddress({ row: 9, column: 27 })).toBe('AB10');
  });

  it('takes a range selected in any direction as the same rectangle', () => {
    const range = rangeBetween({ row: 8, column: 3 }, { row: 1, column: 1 });
    expect(range).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(rangeAddress(range)).toBe('B2:D9');
    expect(rangeCellCount(range)).toBe(24);
    expect(inRange(range, 1, 1)).toBe(true);
    expect(inRange(range, 8, 4)).toBe(false);
    expect(rangeAddress(rangeBetween({ row: 2, column: 2 }, { row: 2, column: 2 }))).toBe('C3');
  });
});
