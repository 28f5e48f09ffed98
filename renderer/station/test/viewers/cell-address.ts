// Cell addresses as office software writes them: columns A…Z, AA…, rows from 1 (the grid counts from 0).

/** The column's letters: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export interface CellPosition {
  row: number;
  column: number;
}

/** "B3" for row 2, column 1. */
export function cellAddress({ row, column }: CellPosition): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The rectangle between two corners, whichever way it was selected. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rangeBetween(a: CellPosition, b: CellPosition): CellRange {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function rangeCellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

export function inRange(range: CellRange, row: number, column: number): boolean {
  return row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

/** "B2:D9", or "B2" for a single cell. */
export function rangeAddress(range: CellRange): string {
  const start = cellAddress({ row: range.top, column: range.left });
  if (rangeCellCount(range) === 1) return start;
  return `${start}:${cellAddress({ row: range.bottom, column: range.right })}`;
}
