import { describe, expect, it } from 'vitest';
import {
  DRAW_ALL_ROWS,
  navigate,
  rowWindow,
  selectionRange,
  singleCell,
  type GridKey,
} from './grid-navigation.ts';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);
const size = { rows: upTo(50), columns: upTo(6) };
const key = (name: string, mods: Partial<GridKey> = {}): GridKey => ({
  key: name,
  shift: false,
  ctrl: false,
  ...mods,
});
const at = (row: number, column: number) => singleCell({ row, column });

describe('moving in the grid with the keyboard', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(navigate(at(3, 2), key('ArrowDown'), size, 10)).toEqual(at(4, 2));
    expect(navigate(at(3, 2), key('ArrowLeft'), size, 10)).toEqual(at(3, 1));
    expect(navigate(at(0, 0), key('ArrowUp'), size, 10)).toEqual(at(0, 0));
    expect(navigate(at(0, 5), key('ArrowRight'), size, 10)).toEqual(at(0, 5));
  });

  it('goes to the row’s ends with Home/End and to the sheet’s with Ctrl', () => {
    expect(navigate(at(7, 3), key('Home'), size, 10)).toEqual(at(7, 0));
    expect(navigate(at(7, 3), key('End'), size, 10)).toEqual(at(7, 5));
    expect(navigate(at(7, 3), key('Home', { ctrl: true }), size, 10)).toEqual(at(0, 0));
    expect(navigate(at(7, 3), key('End', { ctrl: true }), size, 10)).toEqual(at(49, 5));
    expect(navigate(at(7, 3), key('ArrowDown', { ctrl: true }), size, 10)).toEqual(at(49, 3));
  });

  it('moves a page with Page up/down', () => {
    expect(navigate(at(7, 1), key('PageDown'), size, 10)).toEqual(at(17, 1));
    expect(navigate(at(7, 1), key('PageUp'), size, 10)).toEqual(at(0, 1));
    expect(navigate(at(45, 1), key('PageDown'), size, 10)).toEqual(at(49, 1));
  });

  it('extends the selection with Shift from where it started', () => {
    const down = navigate(at(1, 1), key('ArrowDown', { shift: true }), size, 10);
    const wider = down && navigate(down, key('ArrowRight', { shift: true }), size, 10);
    expect(wider).toEqual({ anchor: { row: 1, column: 1 }, active: { row: 2, column: 2 } });
    expect(wider && selectionRange(wider)).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    // Without Shift the selection is one cell again.
    expect(wider && navigate(wider, key('ArrowUp'), size, 10)).toEqual(at(1, 2));
    expect(navigate(at(4, 4), key('a', { ctrl: true }), size, 10)).toEqual({
      anchor: { row: 0, column: 0 },
      active: { row: 49, column: 5 },
    });
  });

  it('steps over hidden rows and columns, and ends on visible ones', () => {
    // Row 3 and column C (2) hidden; row 49 (the last) hidden too.
    const lines = { rows: upTo(49).filter((r) => r !== 2), columns: [0, 1, 3, 4, 5] };
    expect(navigate(at(1, 1), key('ArrowDown'), lines, 10)).toEqual(at(3, 1));
    expect(navigate(at(3, 1), key('ArrowUp'), lines, 10)).toEqual(at(1, 1));
    expect(navigate(at(0, 1), key('ArrowRight'), lines, 10)).toEqual(at(0, 3));
    expect(navigate(at(0, 3), key('ArrowLeft'), lines, 10)).toEqual(at(0, 1));
    // A page counts the rows seen: ten visible rows down from row 1 is row 12 (row 3 skipped).
    expect(navigate(at(1, 0), key('PageDown'), lines, 10)).toEqual(at(12, 0));
    expect(navigate(at(7, 0), key('End', { ctrl: true }), lines, 10)).toEqual(at(48, 5));
    expect(navigate(at(4, 4), key('a', { ctrl: true }), lines, 10)).toEqual({
      anchor: { row: 0, column: 0 },
      active: { row: 48, column: 5 },
    });
  });

  it('leaves other keys to the page (Tab, Escape, letters)', () => {
    expect(navigate(at(1, 1), key('Tab'), size, 10)).toBeNull();
    expect(navigate(at(1, 1), key('Escape'), size, 10)).toBeNull();
    expect(navigate(at(1, 1), key('a'), size, 10)).toBeNull();
    expect(navigate(at(0, 0), key('ArrowDown'), { rows: [], columns: [] }, 10)).toBeNull();
  });
});

describe('the rows drawn', () => {
  const view = { viewportHeight: 400, rowHeight: 40, activeRow: 0 };
  it('draws a small sheet whole', () => {
    expect(rowWindow({ ...view, scrollTop: 2000, rowCount: DRAW_ALL_ROWS })).toEqual([
      { start: 0, end: DRAW_ALL_ROWS },
    ]);
  });

  it('draws a large sheet around what is in view', () => {
    expect(rowWindow({ ...view, scrollTop: 4000, rowCount: 2000, activeRow: 100, margin: 5 })).toEqual([
      { start: 95, end: 115 },
    ]);
    expect(rowWindow({ ...view, scrollTop: 0, rowCount: 2000, margin: 5 })).toEqual([{ start: 0, end: 15 }]);
  });

  it('draws what is in view when scrolled away from the active cell (wheel, scroll bar)', () => {
    // A1 is active and the view is at row 500: rows 495-514 are drawn, and A1's row on its own.
    expect(rowWindow({ ...view, scrollTop: 20000, rowCount: 2000, activeRow: 0, margin: 5 })).toEqual([
      { start: 0, end: 1 },
      { start: 495, end: 515 },
    ]);
    expect(rowWindow({ ...view, scrollTop: 0, rowCount: 2000, activeRow: 1500, margin: 5 })).toEqual([
      { start: 0, end: 15 },
      { start: 1500, end: 1501 },
    ]);
  });

  it('never draws past the end of the sheet', () => {
    expect(rowWindow({ ...view, scrollTop: 1e9, rowCount: 2000, activeRow: 1999, margin: 5 })).toEqual([
      { start: 1985, end: 2000 },
    ]);
  });
});
