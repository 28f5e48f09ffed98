// Merged cells: a range the file shows as one cell (a title over a table's columns). SheetJS keeps the
// value in the range's top-left cell and the others empty. The grid draws one cell for the visible part
// of the range, and moving with the keyboard treats it as one cell, as office software does.
import type { CellPosition, CellRange } from './cell-address.ts';
import { visibleAfter, visibleBefore } from './visible-axis.ts';

export interface MergeIndex {
  /** The merged range that holds this cell, if any. */
  at(row: number, column: number): CellRange | undefined;
}

/** Merges by row (a row rarely crosses more than a few): a look-up costs the row's merges only. */
export function mergeIndex(merges: readonly CellRange[]): MergeIndex {
  const byRow = new Map<number, CellRange[]>();
  for (const merge of merges) {
    for (let row = merge.top; row <= merge.bottom; row += 1) {
      const list = byRow.get(row);
      if (list) list.push(merge);
      else byRow.set(row, [merge]);
    }
  }
  return {
    at: (row, column) => byRow.get(row)?.find((m) => m.left <= column && column <= m.right),
  };
}

export interface VisibleLines {
  rows: readonly number[];
  columns: readonly number[];
}

/**
 * Where the merged range is drawn and takes the focus: its first visible row and column (its top-left
 * cell, unless that row or column is hidden). Null when the whole range is hidden.
 */
export function mergeHome(merge: CellRange, lines: VisibleLines): CellPosition | null {
  const row = visibleAfter(lines.rows, merge.top - 1);
  const column = visibleAfter(lines.columns, merge.left - 1);
  if (row === null || column === null || row > merge.bottom || column > merge.right) return null;
  return { row, column };
}

type Direction = 'up' | 'down' | 'left' | 'right' | null;

const DIRECTIONS = new Map<string, Direction>([
  ['ArrowUp', 'up'],
  ['PageUp', 'up'],
  ['ArrowDown', 'down'],
  ['PageDown', 'down'],
  ['ArrowLeft', 'left'],
  ['Home', 'left'],
  ['ArrowRight', 'right'],
  ['End', 'right'],
]);

/**
 * The cell a move ends on once merges are taken into account: a move that stays inside the merged
 * range it started from goes on past its edge (else the arrows would be stuck in it), and a move into
 * a merged range lands on its home cell.
 */
export function settleOnMerges(
  from: CellPosition,
  to: CellPosition,
  key: string,
  merges: MergeIndex,
  lines: VisibleLines,
): CellPosition {
  let target = to;
  const start = merges.at(from.row, from.column);
  const direction = DIRECTIONS.get(key) ?? null;
  if (start && direction && merges.at(target.row, target.column) === start) {
    const beyond =
      direction === 'down'
        ? { row: visibleAfter(lines.rows, start.bottom), column: target.column }
        : direction === 'up'
          ? { row: visibleBefore(lines.rows, start.top), column: target.column }
          : direction === 'right'
            ? { row: target.row, column: visibleAfter(lines.columns, start.right) }
            : { row: target.row, column: visibleBefore(lines.columns, start.left) };
    // At the sheet's edge the move has nowhere to go: the focus stays where it was.
    if (beyond.row === null || beyond.column === null) return from;
    target = { row: beyond.row, column: beyond.column };
  }
  const landed = merges.at(target.row, target.column);
  return (landed && mergeHome(landed, lines)) ?? target;
}

const touches = (a: CellRange, b: CellRange) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const holds = (outer: CellRange, inner: CellRange) =>
  outer.top <= inner.top &&
  inner.bottom <= outer.bottom &&
  outer.left <= inner.left &&
  inner.right <= outer.right;

/**
 * The selection grown until it holds whole every merged range it touches, as Excel and LibreOffice
 * select (a merged cell is one cell: it is in the selection or not). Growing can touch other merges:
 * it goes on until nothing changes. A merge the file hides entirely (no home) is not drawn, so it
 * widens nothing: the candidate could not see why the selection grew. The active cell is not moved.
 */
export function widenOverMerges(
  range: CellRange,
  merges: readonly CellRange[],
  lines: VisibleLines,
): CellRange {
  const drawn = merges.filter((merge) => mergeHome(merge, lines) !== null);
  let widened = range;
  // Each pass that grows the range makes it strictly larger, and a range never outgrows the sheet.
  for (let grew = true; grew;) {
    grew = false;
    for (const merge of drawn) {
      if (!touches(merge, widened) || holds(widened, merge)) continue;
      widened = {
        top: Math.min(widened.top, merge.top),
        left: Math.min(widened.left, merge.left),
        bottom: Math.max(widened.bottom, merge.bottom),
        right: Math.max(widened.right, merge.right),
      };
      grew = true;
    }
  }
  return widened;
}

/** Whether a (widened) selection is one cell to the candidate: a single cell, or exactly one merge. */
export function isOneCell(range: CellRange, merges: MergeIndex): boolean {
  if (range.top === range.bottom && range.left === range.right) return true;
  const merge = merges.at(range.top, range.left);
  return merge !== undefined && holds(merge, range);
}
