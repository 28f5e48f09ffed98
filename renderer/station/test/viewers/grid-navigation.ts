// Moving in the spreadsheet grid with the keyboard, as in office software: arrows, Home/End (Ctrl: to
// the first/last cell), Page up/down, Shift to extend the selection from where it started, Ctrl+A for
// the whole sheet; over the visible rows and columns only (hidden ones are stepped over). And which
// rows to draw: a large sheet draws only the rows in view, plus a margin.
import { rangeBetween, type CellPosition, type CellRange } from './cell-address.ts';
import type { VisibleLines } from './merged-cells.ts';
import { positionOf } from './visible-axis.ts';

export interface GridSelection {
  /** The cell with the focus (where the selection ends). */
  active: CellPosition;
  /** Where the selection started (the active cell itself for a single cell). */
  anchor: CellPosition;
}

export interface GridKey {
  key: string;
  shift: boolean;
  /** Ctrl, or Cmd on a Mac. */
  ctrl: boolean;
}

export const selectionRange = (selection: GridSelection): CellRange =>
  rangeBetween(selection.anchor, selection.active);

export function singleCell(position: CellPosition): GridSelection {
  return { active: position, anchor: position };
}

/**
 * The selection after a key, or null when the key is not the grid's (Tab, Escape, letters…). Moves
 * count visible rows and columns (`lines`: their indexes, in order); the result is in the sheet's own
 * row and column indexes.
 */
export function navigate(
  selection: GridSelection,
  key: GridKey,
  lines: VisibleLines,
  pageRows: number,
): GridSelection | null {
  const rowCount = lines.rows.length;
  const columnCount = lines.columns.length;
  if (rowCount === 0 || columnCount === 0) return null;
  // Positions in the visible lines, from here on.
  const last = { row: rowCount - 1, column: columnCount - 1 };
  const toSheet = (position: CellPosition): CellPosition => ({
    row: lines.rows[position.row] ?? 0,
    column: lines.columns[position.column] ?? 0,
  });
  if (key.ctrl && key.key.toLowerCase() === 'a') {
    return { anchor: toSheet({ row: 0, column: 0 }), active: toSheet(last) };
  }
  const row = positionOf(lines.rows, selection.active.row);
  const column = positionOf(lines.columns, selection.active.column);
  const page = Math.max(1, pageRows);
  let next: CellPosition;
  switch (key.key) {
    case 'ArrowUp':
      next = { row: key.ctrl ? 0 : row - 1, column };
      break;
    case 'ArrowDown':
      next = { row: key.ctrl ? last.row : row + 1, column };
      break;
    case 'ArrowLeft':
      next = { row, column: key.ctrl ? 0 : column - 1 };
      break;
    case 'ArrowRight':
      next = { row, column: key.ctrl ? last.column : column + 1 };
      break;
    case 'Home':
      next = key.ctrl ? { row: 0, column: 0 } : { row, column: 0 };
      break;
    case 'End':
      next = key.ctrl ? last : { row, column: last.column };
      break;
    case 'PageUp':
      next = { row: row - page, column };
      break;
    case 'PageDown':
      next = { row: row + page, column };
      break;
    default:
      return null;
  }
  const active = toSheet({
    row: Math.min(Math.max(next.row, 0), last.row),
    column: Math.min(Math.max(next.column, 0), last.column),
  });
  return key.shift ? { anchor: selection.anchor, active } : singleCell(active);
}

/** Sheets up to this many rows are drawn whole; larger ones only around what is in view. */
export const DRAW_ALL_ROWS = 200;

export interface RowSegment {
  /** The first row drawn. */
  start: number;
  /** The row after the last one drawn. */
  end: number;
}

/**
 * The rows to draw, as sorted [start, end) segments: those in view (from the scroll position) with a
 * margin, and, when the active row is elsewhere (the view was scrolled away from it with the mouse), that
 * row as well, on its own, so that it keeps the Tab stop and can take the focus again.
 */
export function rowWindow(options: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  activeRow: number;
  margin?: number;
}): RowSegment[] {
  const { rowCount } = options;
  if (rowCount <= DRAW_ALL_ROWS) return rowCount > 0 ? [{ start: 0, end: rowCount }] : [];
  const margin = options.margin ?? 20;
  const height = Math.max(1, options.rowHeight);
  const inView = Math.ceil(Math.max(options.viewportHeight, height) / height);
  const first = Math.min(Math.floor(Math.max(0, options.scrollTop) / height), Math.max(0, rowCount - inView));
  const start = Math.max(0, first - margin);
  const end = Math.min(rowCount, first + inView + margin);
  const active = options.activeRow;
  if (active < 0 || active >= rowCount || (active >= start && active < end)) return [{ start, end }];
  const extra = { start: active, end: active + 1 };
  return active < start ? [extra, { start, end }] : [{ start, end }, extra];
}
