// What of a sheet's layout the grid keeps, so that the candidate sees what the question's author saw:
// hidden rows and columns (hidden by hand or by an autofilter: the file says "hidden" either way; a row
// of height 0 or a column of width 0 is hidden too, as Excel and LibreOffice show it) and merged
// ranges. SheetJS gives rows' and columns' properties only when read with `cellStyles`.
import type { ColInfo, RowInfo, WorkSheet } from '@e965/xlsx';
import type { CellRange } from './cell-address.ts';

export interface SheetLayout {
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  /** Merged ranges within the grid drawn (cut to it), each at least two cells. */
  merges: readonly CellRange[];
}

/** A size the file gives that leaves nothing to draw (0, or less: a damaged file); NaN is no size. */
const isFlat = (size: number | undefined) => typeof size === 'number' && size <= 0;

/**
 * A row of no height: SheetJS reads `<row ht="0">` as hpt 0 (and hpx 0). An .ods's `style:row-height`
 * it does not read (ods-hidden-lines.ts marks those rows hidden).
 */
export const isHiddenRow = (row: RowInfo | undefined): boolean =>
  row?.hidden === true || isFlat(row?.hpt) || isFlat(row?.hpx);

/**
 * A column of no width: SheetJS reads `<col width="0">` as width 0 (without wpx or wch, which it
 * works out from a width above 0 only); a sheet built in memory may give wpx or wch instead.
 */
export const isHiddenColumn = (column: ColInfo | undefined): boolean =>
  column?.hidden === true || isFlat(column?.width) || isFlat(column?.wpx) || isFlat(column?.wch);

/** The hidden rows/columns among the first `limit`, from SheetJS's `!rows` or `!cols`. */
function hiddenIndexes<Line>(
  lines: readonly (Line | undefined)[] | undefined,
  limit: number,
  isHidden: (line: Line | undefined) => boolean,
) {
  const hidden = new Set<number>();
  if (!lines) return hidden;
  const end = Math.min(lines.length, limit);
  for (let i = 0; i < end; i += 1) if (isHidden(lines[i])) hidden.add(i);
  return hidden;
}

/** Merges considered per sheet: more than any real sheet has; a file with more is not trusted past them. */
export const MAX_MERGES = 10_000;
/** Cells examined for overlaps per sheet (5 × the largest grid drawn): past it, merges are ignored. */
const OVERLAP_CHECK_BUDGET = 1_000_000;

export function sheetLayout(sheet: WorkSheet, rowCount: number, columnCount: number): SheetLayout {
  const merges: CellRange[] = [];
  // A damaged file may have overlapping merges: the first one wins (two cells cannot span one place).
  // Which drawn cells a merge already covers (rows × columns ≤ MAX_ROWS × MAX_COLUMNS bytes).
  const taken = new Uint8Array(Math.max(0, rowCount) * Math.max(0, columnCount));
  // A hostile file may list many large overlapping merges: the checking is bounded, not the file.
  let budget = OVERLAP_CHECK_BUDGET;
  const overlaps = (range: CellRange) => {
    for (let row = range.top; row <= range.bottom; row += 1) {
      const base = row * columnCount;
      for (let column = range.left; column <= range.right; column += 1) {
        budget -= 1;
        if (taken[base + column] === 1) return true;
      }
    }
    return false;
  };
  const listed = sheet['!merges'] ?? [];
  const considered = Math.min(listed.length, MAX_MERGES);
  for (let i = 0; i < considered && budget > 0; i += 1) {
    const merge = listed[i];
    if (!merge) continue;
    const range = {
      top: merge.s.r,
      left: merge.s.c,
      bottom: Math.min(merge.e.r, rowCount - 1),
      right: Math.min(merge.e.c, columnCount - 1),
    };
    // A malformed reference ("A0:B1" decodes to row −1) or one outside the drawn grid: ignored.
    const { top, left, bottom, right } = range;
    if (![top, left, bottom, right].every(Number.isInteger) || top < 0 || left < 0) continue;
    if (top > bottom || left > right) continue;
    if (top === bottom && left === right) continue;
    if (overlaps(range)) continue;
    merges.push(range);
    for (let row = top; row <= bottom; row += 1)
      taken.fill(1, row * columnCount + left, row * columnCount + right + 1);
  }
  return {
    hiddenRows: hiddenIndexes(sheet['!rows'], rowCount, isHiddenRow),
    hiddenColumns: hiddenIndexes(sheet['!cols'], columnCount, isHiddenColumn),
    merges,
  };
}
