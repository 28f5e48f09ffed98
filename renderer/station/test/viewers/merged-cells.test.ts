import { describe, expect, it } from 'vitest';
import { navigate, selectionRange, singleCell, type GridSelection } from './grid-navigation.ts';
import { isOneCell, mergeHome, mergeIndex, settleOnMerges, widenOverMerges } from './merged-cells.ts';

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

describe('a selection across merged cells', () => {
  const range = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

  it('grows to hold whole every merge it partly covers', () => {
    // A3:B3 covers B3 of the block B3:C4: the block comes in whole, A4 with it.
    expect(widenOverMerges(range(2, 0, 2, 1), [title, block], all)).toEqual(range(2, 0, 3, 2));
    // From A2 up into the title: A1:A2 takes the title's width.
    expect(widenOverMerges(range(0, 0, 1, 0), [title, block], all)).toEqual(range(0, 0, 1, 2));
    // Apart from any merge, or holding them already: unchanged.
    expect(widenOverMerges(range(1, 0, 1, 3), [title, block], all)).toEqual(range(1, 0, 1, 3));
    expect(widenOverMerges(range(0, 0, 4, 3), [title, block], all)).toEqual(range(0, 0, 4, 3));
  });

  it('grows again while growing touches other merges, whatever their order in the file', () => {
    // B1:B2, then A2:A3 (reached once B2 is in), then B3:C3 (reached once A3 is in).
    const first = range(0, 1, 1, 1);
    const second = range(1, 0, 2, 0);
    const third = range(2, 1, 2, 2);
    const lines = { rows: [0, 1, 2, 3], columns: [0, 1, 2, 3] };
    expect(widenOverMerges(range(0, 0, 0, 1), [third, second, first], lines)).toEqual(range(0, 0, 2, 2));
    // Touching none of them: nothing grows.
    expect(widenOverMerges(range(0, 0, 0, 0), [third, second, first], lines)).toEqual(range(0, 0, 0, 0));
  });

  it('takes in a merge whose top row is hidden, by its visible part, and ignores one hidden whole', () => {
    // Row 3 (index 2) hidden: the block is drawn from B4, its home; selecting A4:B4 takes B3:C4.
    const rowHidden = { rows: [0, 1, 3, 4], columns: all.columns };
    expect(mergeHome(block, rowHidden)).toEqual({ row: 3, column: 1 });
    expect(widenOverMerges(range(3, 0, 3, 1), [title, block], rowHidden)).toEqual(range(2, 0, 3, 2));
    // Rows 3 and 4 hidden: the block is not drawn, so A2:B5 (over it) keeps its width.
    const blockHidden = { rows: [0, 1, 4], columns: all.columns };
    expect(widenOverMerges(range(1, 0, 4, 1), [title, block], blockHidden)).toEqual(range(1, 0, 4, 1));
  });

  it('is one cell when it is a single cell or exactly one merge', () => {
    expect(isOneCell(range(1, 1, 1, 1), merges)).toBe(true);
    expect(isOneCell(title, merges)).toBe(true);
    expect(isOneCell(range(0, 0, 1, 2), merges)).toBe(false);
    expect(isOneCell(range(1, 1, 1, 2), merges)).toBe(false);
  });

  it('widens a Shift+arrow selection; the moves themselves stay as they were', () => {
    // As the grid does it: navigate, settle on merges, then widen what is highlighted.
    const press = (selection: GridSelection, key: string): GridSelection => {
      const next = navigate(selection, { key, shift: true, ctrl: false }, all, 10);
      if (!next) throw new Error(`${key} is not the grid's`);
      return { anchor: next.anchor, active: settleOnMerges(selection.active, next.active, key, merges, all) };
    };
    const widened = (selection: GridSelection) =>
      widenOverMerges(selectionRange(selection), [title, block], all);
    // From A3, next to the block: Shift+Right lands on its home B3; A3:B3 grows to A3:C4.
    const once = press(singleCell({ row: 2, column: 0 }), 'ArrowRight');
    expect(once).toEqual({ anchor: { row: 2, column: 0 }, active: { row: 2, column: 1 } });
    expect(widened(once)).toEqual(range(2, 0, 3, 2));
    // Again: past the block's edge to D3 (as a move without Shift), the block still held.
    const twice = press(once, 'ArrowRight');
    expect(twice.active).toEqual({ row: 2, column: 3 });
    expect(widened(twice)).toEqual(range(2, 0, 3, 3));
    // Back left: into the block, on its home.
    expect(press(twice, 'ArrowLeft').active).toEqual({ row: 2, column: 1 });
    // Up twice from A3: into the title, on A1; A1:A3 takes the title's width to C, then the block
    // B3:C4 it now covers part of, down to row 4.
    const up = press(press(singleCell({ row: 2, column: 0 }), 'ArrowUp'), 'ArrowUp');
    expect(up).toEqual({ anchor: { row: 2, column: 0 }, active: { row: 0, column: 0 } });
    expect(widened(up)).toEqual(range(0, 0, 3, 2));
  });
});
