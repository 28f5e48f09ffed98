// The rows (or columns) a sheet shows: those the file does not hide, in order. The grid draws, moves
// and counts over these; a hidden row keeps its number (row 3 hidden: the headers read 1, 2, 4), as
// in office software.

/** The indexes from 0 to count − 1 that are not hidden, in order. */
export function visibleIndexes(count: number, hidden: ReadonlySet<number>): number[] {
  const shown: number[] = [];
  for (let i = 0; i < count; i += 1) if (!hidden.has(i)) shown.push(i);
  return shown;
}

/** How many visible indexes are below `index` (binary search: the list is sorted). */
function lowerBound(shown: readonly number[], index: number): number {
  let low = 0;
  let high = shown.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((shown[middle] ?? 0) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The place of `index` in the visible list; a hidden index takes that of the next visible one. */
export function positionOf(shown: readonly number[], index: number): number {
  return Math.min(lowerBound(shown, index), Math.max(0, shown.length - 1));
}

/** The first visible index after `index`, or null. */
export function visibleAfter(shown: readonly number[], index: number): number | null {
  return shown[lowerBound(shown, index + 1)] ?? null;
}

/** The last visible index before `index`, or null. */
export function visibleBefore(shown: readonly number[], index: number): number | null {
  return shown[lowerBound(shown, index) - 1] ?? null;
}

/** How many visible indexes lie in [from, to]. */
export function visibleCount(shown: readonly number[], from: number, to: number): number {
  return Math.max(0, lowerBound(shown, to + 1) - lowerBound(shown, from));
}
