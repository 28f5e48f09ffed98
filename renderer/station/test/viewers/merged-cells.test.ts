import { describe, expect, it } from 'vitest';
import { mergeHome, mergeIndex, settleOnMerges } from './merged-cells.ts';

// A title merged over A1:C1, and B3:C4 merged; nothing hidden, then column A hidden.
const title = { top: 0, left: 0, bottom: 0, right: 2 };
const block = { top: 2, left: 1, bottom: 3, right: 2 };
const merges = mergeIndex([title, block]);
const all = { rows: [0, 1, 2, 3, 4], columns: [0, 1, 2, 3] };

describe('merged cells', () => {
  it('finds the range holding a cell', () => {
    expect(merges.at(0, 2)).toBe(title);
    expect(merges.at(3, 2)).toBe(block);
    expect(merges.at(1, 1)).toBeUndefined();
    expect(merges.at(0, 3)).toBeUndefined();
  });

  it('puts a range on its first visible cell, or nowhere when all of it is hidden', () => {
    expect(mergeHome(title, all)).toEqual({ row: 0, column: 0 });
    expect(mergeHome(title, { rows: all.rows, columns: [1, 2, 3] })).toEqual({ row: 0, column: 1 });
    expect(mergeHome(title, { rows: [1, 2], columns: all.columns })).toBeNull();
  });

  it('lands a move into a range on its home cell', () => {
    expect(settleOnMerges({ row: 1, column: 2 }, { row: 0, column: 2 }, 'ArrowUp', merges, all)).toEqual({
      row: 0,
      column: 0,
    });
    expect(settleOnMerges({ row: 4, column: 2 }, { row: 3, column: 2 }, 'ArrowUp', merges, all)).toEqual({
      row: 2,
      column: 1,
    });
  });

  it('moves out of a range past its edge, never getting stuck in it', () => {
    // From the title's home, right would be B1 (inside): it goes on to D1.
    expect(settleOnMerges({ row: 0, column: 0 }, { row: 0, column: 1 }, 'ArrowRight', merges, all)).toEqual({
      row: 0,
      column: 3,
    });
    // Down from B3 (the block's home) lands in B4, still the block: it goes on to B5.
    expect(settleOnMerges({ row: 2, column: 1 }, { row: 3, column: 1 }, 'ArrowDown', merges, all)).toEqual({
      row: 4,
      column: 1,
    });
    // Up from the title: the sheet's edge, the focus stays.
    expect(settleOnMerges({ row: 0, column: 0 }, { row: 0, column: 0 }, 'ArrowUp', merges, all)).toEqual({
      row: 0,
      column: 0,
    });
  });
});
