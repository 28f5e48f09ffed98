// One sheet as an ARIA grid: column letters and row numbers, the cells' values, one cell in the Tab
// order at a time (roving tabindex), arrows / Home / End / Page up-down to move, Shift (or Shift+click,
// or a drag) to select a range, whose Somme, Moyenne and Nombre show in the status line as in office
// software. Read only: nothing can be typed in. A large sheet draws only the rows in view. Hidden rows
// and columns are not drawn (the headers keep their numbers and letters); a merged range is one cell,
// and a selection that touches one takes it whole (merged-cells.ts), as in office software.
// A merged range cut by the drawn rows' window is drawn as one cell per drawn part, each with the
// range's value (the focus and the range's id stay on the part with its top row; screen readers read
// one part only).
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../shared/announcer.tsx';
import {
  cellAddress,
  columnLetters,
  inRange,
  rangeAddress,
  type CellPosition,
  type CellRange,
} from './cell-address.ts';
import { formulaForDisplay } from './cell-text.ts';
import {
  DRAW_ALL_ROWS,
  navigate,
  rowWindow,
  selectionRange,
  singleCell,
  type GridSelection,
  type RowSegment,
} from './grid-navigation.ts';
import {
  isOneCell,
  mergeHome,
  mergeIndex,
  settleOnMerges,
  widenOverMerges,
  type MergeIndex,
  type VisibleLines,
} from './merged-cells.ts';
import { rangeStatistics, type RangeStatistics } from './range-statistics.ts';
import { cellAt, type GridCell, type SheetGrid } from './spreadsheet-grid.ts';
import { statisticText } from './statistic-text.ts';
import { positionOf, visibleCount, visibleIndexes } from './visible-axis.ts';

/** A row's height before one is measured (CSS pixels at 100 %). */
const DEFAULT_ROW_HEIGHT = 34;
/** How long the selection must stay still before its totals are read out (Shift+arrows moves fast). */
const ANNOUNCE_AFTER_MS = 600;

export function SpreadsheetSheet({ grid }: { grid: SheetGrid }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const lines = useMemo<VisibleLines>(
    () => ({
      rows: visibleIndexes(grid.rowCount, grid.hiddenRows),
      columns: visibleIndexes(grid.columnCount, grid.hiddenColumns),
    }),
    [grid],
  );
  const merges = useMemo(() => mergeIndex(grid.merges), [grid]);
  const [selection, setSelection] = useState<GridSelection>(() => {
    const first = { row: lines.rows[0] ?? 0, column: lines.columns[0] ?? 0 };
    return singleCell(settleOnMerges(first, first, '', merges, lines));
  });
  const [view, setView] = useState({ scrollTop: 0, height: 480, rowHeight: DEFAULT_ROW_HEIGHT });
  const scroller = useRef<HTMLDivElement>(null);
  const focusActive = useRef(false);
  const dragging = useRef(false);

  const { rowCount, columnCount } = grid;
  const picked = selectionRange(selection);
  // What is highlighted, counted and read out: the selection with the merges it touches taken whole.
  const range = useMemo(
    () => widenOverMerges(picked, grid.merges, lines),
    [grid, lines, picked.top, picked.left, picked.bottom, picked.right],
  );
  const widened = shownCellCount(grid, range) > shownCellCount(grid, picked);
  // The window counts visible rows: `drawn` holds positions in `lines.rows`.
  const visibleRows = lines.rows.length;
  const drawn = rowWindow({
    scrollTop: view.scrollTop,
    viewportHeight: view.height,
    rowHeight: view.rowHeight,
    rowCount: visibleRows,
    activeRow: positionOf(lines.rows, selection.active.row),
  });
  const cellId = (row: number, column: number) => `${id}-${row}-${column}`;

  // Measure a row and the visible height (they change with the zoom), to know which rows to draw.
  useLayoutEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>('tbody tr[data-row]');
    if (!box) return;
    const rowHeight = row?.offsetHeight || DEFAULT_ROW_HEIGHT;
    const height = box.clientHeight || view.height;
    if (rowHeight !== view.rowHeight || height !== view.height) setView((v) => ({ ...v, rowHeight, height }));
  });

  // After a move with the keyboard, the new active cell takes the focus (which scrolls it into view).
  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    const cell = document.getElementById(cellId(selection.active.row, selection.active.column));
    cell?.focus();
    cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  // Screen readers hear the focused cell; the totals of a range and a cell's formula are said once the
  // selection settles.
  const statistics = useMemo(
    () => rangeStatistics(grid, range, { merges, lines }),
    [grid, merges, lines, range.top, range.left, range.bottom, range.right],
  );
  const active = valueCell(grid, merges, selection.active.row, selection.active.column);
  const totals = !isOneCell(range, merges)
    ? statistics.count > 0
      ? t('test.attachments.sheet.announceRange', {
          range: rangeAddress(range),
          sum: statisticText(statistics.sum, statistics.numberFormat, language),
          average: statisticText(statistics.average ?? 0, statistics.numberFormat, language),
          numbers: statistics.count,
        })
      : t('test.attachments.sheet.announceRangeNoNumbers', { range: rangeAddress(range) })
    : '';
  // A selection that grew over a merge says so: the candidate did not pick those cells one by one.
  const spoken = totals
    ? widened
      ? `${totals} ${t('test.attachments.sheet.widened')}.`
      : totals
    : active?.formula
      ? t('test.attachments.sheet.formula', { formula: formulaForDisplay(active.formula, language) })
      : '';
  useEffect(() => {
    if (!spoken) return;
    const timer = setTimeout(() => announce(spoken), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [spoken]);

  if (rowCount === 0 || columnCount === 0) return <p>{t('test.attachments.sheet.empty')}</p>;
  // Not empty: the file hides all of it (every row, or every column).
  if (visibleRows === 0 || lines.columns.length === 0) return <p>{t('test.attachments.sheet.allHidden')}</p>;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const pageRows = Math.max(1, Math.floor(view.height / view.rowHeight) - 2);
    const next = navigate(
      selection,
      { key: event.key, shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey },
      lines,
      pageRows,
    );
    if (!next) return;
    event.preventDefault();
    focusActive.current = true;
    const active = settleOnMerges(selection.active, next.active, event.key, merges, lines);
    // navigate() gives one object as anchor and active for a single cell.
    setSelection(next.anchor === next.active ? singleCell(active) : { anchor: next.anchor, active });
  };

  const cellOf = (event: MouseEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-column]');
    const row = cell?.dataset.row;
    const column = cell?.dataset.column;
    return row === undefined || column === undefined ? null : { row: Number(row), column: Number(column) };
  };
  const onMouseDown = (event: MouseEvent<HTMLTableElement>) => {
    const position = cellOf(event);
    if (!position || event.button !== 0) return;
    dragging.current = true;
    setSelection((current) =>
      event.shiftKey ? { anchor: current.anchor, active: position } : singleCell(position),
    );
  };
  const onMouseOver = (event: MouseEvent<HTMLTableElement>) => {
    if (!dragging.current || (event.buttons & 1) === 0) return;
    const position = cellOf(event);
    if (position) setSelection((current) => ({ anchor: current.anchor, active: position }));
  };

  const columns = lines.columns;
  // The drawn segments' rows, with spacers of the missing rows' height in between, so that the scroll
  // bar is the whole sheet's and each drawn row is where it belongs.
  type BodyRow = { row: number; position: number; segmentStart: number; segmentEnd: number };
  const body: (BodyRow | { gapFrom: number; rows: number })[] = [];
  let next = 0;
  for (const segment of drawn) {
    if (segment.start > next) body.push({ gapFrom: next, rows: segment.start - next });
    for (let p = segment.start; p < segment.end; p += 1) {
      body.push({
        row: lines.rows[p] ?? 0,
        position: p,
        segmentStart: segment.start,
        segmentEnd: segment.end,
      });
    }
    next = segment.end;
  }
  if (next < visibleRows) body.push({ gapFrom: next, rows: visibleRows - next });
  const cut = grid.totalRows > rowCount || grid.totalColumns > columnCount;

  return (
    <div className="sheet">
      {cut && (
        <p className="sheet-cut" role="note">
          {t('test.attachments.sheet.cut', {
            rows: rowCount.toLocaleString(language),
            lastColumn: columnLetters(columnCount - 1),
          })}
        </p>
      )}
      <div
        className="sheet-scroll"
        ref={scroller}
        onScroll={
          visibleRows > DRAW_ALL_ROWS
            ? (event) => {
                const scrollTop = event.currentTarget.scrollTop;
                setView((v) => (v.scrollTop === scrollTop ? v : { ...v, scrollTop }));
              }
            : undefined
        }
      >
        <table
          role="grid"
          className="sheet-grid"
          aria-label={t('test.attachments.sheet.grid', { name: grid.name })}
          aria-rowcount={rowCount + 1}
          aria-colcount={columnCount + 1}
          aria-multiselectable="true"
          aria-readonly="true"
          onKeyDown={onKeyDown}
          onMouseDown={onMouseDown}
          onMouseOver={onMouseOver}
        >
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="sheet-corner" aria-colindex={1}>
                <span className="visually-hidden">{t('test.attachments.sheet.corner')}</span>
              </th>
              {columns.map((c) => (
                <th
                  key={c}
                  scope="col"
                  aria-colindex={c + 2}
                  className={headerClass(range.left <= c && c <= range.right, grid.hiddenColumns.has(c - 1))}
                >
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((line) => {
              if (!('row' in line)) {
                return (
                  <tr key={`gap-${line.gapFrom}`} aria-hidden="true" className="sheet-spacer">
                    <td colSpan={columns.length + 1} style={{ height: line.rows * view.rowHeight }} />
                  </tr>
                );
              }
              const r = line.row;
              return (
                <tr key={r} data-row={r} aria-rowindex={r + 2}>
                  <th
                    scope="row"
                    aria-colindex={1}
                    className={headerClass(range.top <= r && r <= range.bottom, grid.hiddenRows.has(r - 1))}
                  >
                    {r + 1}
                  </th>
                  {columns.map((c) => {
                    const merge = merges.at(r, c);
                    let at = { row: r, column: c };
                    let span: { rows: number; columns: number } | null = null;
                    let holdsHome = true;
                    let readOut = true;
                    if (merge) {
                      const part = mergePart(merge, lines, drawn, line, c);
                      if (!part) return null;
                      ({ at, span, holdsHome, readOut } = part);
                    }
                    const cell = merge ? cellAt(grid, merge.top, merge.left) : cellAt(grid, r, c);
                    const isActive =
                      holdsHome && selection.active.row === at.row && selection.active.column === at.column;
                    const selected = inRange(range, at.row, at.column);
                    return (
                      <td
                        key={c}
                        id={holdsHome ? cellId(at.row, at.column) : undefined}
                        data-row={at.row}
                        data-column={at.column}
                        aria-colindex={c + 2}
                        colSpan={span && span.columns > 1 ? span.columns : undefined}
                        rowSpan={span && span.rows > 1 ? span.rows : undefined}
                        // A merge drawn again past the drawn rows' edge is read once, on its first part.
                        aria-selected={readOut ? selected : undefined}
                        aria-hidden={readOut ? undefined : true}
                        tabIndex={isActive ? 0 : -1}
                        className={[
                          'sheet-cell',
                          cell ? `sheet-cell-${cell.align}` : '',
                          merge ? 'sheet-cell-merged' : '',
                          selected ? 'sheet-cell-selected' : '',
                          isActive ? 'sheet-cell-active' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                      >
                        <CellContent cell={cell} language={language} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SelectionStatus
        grid={grid}
        merges={merges}
        selection={selection}
        range={range}
        statistics={statistics}
        language={language}
      />
    </div>
  );
}

/** A drawn part of a merged range: its home, its span, and whether it is the part a screen reader reads. */
export interface MergePart {
  at: CellPosition;
  span: { rows: number; columns: number };
  /** The part with the range's first visible row: it holds the range's id and the focus. */
  holdsHome: boolean;
  /** The one part read out: the home's, or, when the home's row is not drawn, the first drawn. */
  readOut: boolean;
}

/**
 * How a merged range is drawn at a drawn row and column: a part (one cell spanning the range's rows in
 * this segment of drawn rows), or null when another cell of the segment draws it. A range cut by the
 * drawn rows' window is drawn once per segment.
 */
export function mergePart(
  merge: CellRange,
  lines: VisibleLines,
  drawn: readonly RowSegment[],
  line: { position: number; segmentStart: number; segmentEnd: number },
  column: number,
): MergePart | null {
  const home = mergeHome(merge, lines);
  if (!home) return null;
  // The range's part in this segment of drawn rows starts at its first row here.
  const homePosition = positionOf(lines.rows, home.row);
  const partTop = Math.max(line.segmentStart, homePosition);
  if (line.position !== partTop || column !== home.column) return null;
  const bottom = visibleCount(lines.rows, 0, merge.bottom) - 1;
  const holdsHome = partTop === homePosition;
  const homeDrawn = drawn.some((s) => s.start <= homePosition && homePosition < s.end);
  const firstDrawn = drawn.find((s) => s.end > homePosition && s.start <= bottom);
  return {
    at: home,
    span: {
      rows: Math.min(bottom, line.segmentEnd - 1) - line.position + 1,
      columns: visibleCount(lines.columns, merge.left, merge.right),
    },
    holdsHome,
    readOut: holdsHome || (!homeDrawn && firstDrawn?.start === line.segmentStart),
  };
}

/** The status line: the active cell (address, formula, value), or the range and its totals. */
export function SelectionStatus({
  grid,
  merges,
  selection,
  range: given,
  statistics,
  language,
}: {
  grid: SheetGrid;
  /** The sheet's merge index (the grid's); built here when not given. */
  merges?: MergeIndex;
  selection: GridSelection;
  /** The selection widened over the merges it touches (widenOverMerges); worked out here when not given. */
  range?: CellRange;
  /** The selection's totals (rangeStatistics), over the widened range. */
  statistics: RangeStatistics;
  language: string;
}) {
  const { t } = useTranslation();
  const index = useMemo(() => merges ?? mergeIndex(grid.merges), [merges, grid]);
  const picked = selectionRange(selection);
  const range =
    given ??
    widenOverMerges(picked, grid.merges, {
      rows: visibleIndexes(grid.rowCount, grid.hiddenRows),
      columns: visibleIndexes(grid.columnCount, grid.hiddenColumns),
    });
  let parts: string[];
  if (isOneCell(range, index)) {
    // One cell, or one merged cell: the cell the focus is on (a merge's home), as before any widening.
    const { row, column } = selection.active;
    const cell = valueCell(grid, index, row, column);
    parts = [t('test.attachments.sheet.cell', { address: cellAddress({ row, column }) })];
    if (cell?.formula)
      parts.push(t('test.attachments.sheet.formula', { formula: formulaForDisplay(cell.formula, language) }));
    parts.push(
      cell?.uncalculated
        ? t('test.attachments.sheet.notCalculated')
        : cell && cell.text !== ''
          ? t('test.attachments.sheet.value', { value: cell.text })
          : t('test.attachments.sheet.emptyCell'),
    );
  } else {
    const count = shownCellCount(grid, range);
    parts = [
      t('test.attachments.sheet.range', {
        range: rangeAddress(range),
        cells: count.toLocaleString(language),
      }),
    ];
    // Only when the candidate sees more cells: a merge's hidden top row brings in nothing to see.
    if (count > shownCellCount(grid, picked)) parts.push(t('test.attachments.sheet.widened'));
    const shown = (value: number) => statisticText(value, statistics.numberFormat, language);
    if (statistics.count === 0) parts.push(t('test.attachments.sheet.noNumbers'));
    else
      parts.push(
        t('test.attachments.sheet.sum', { value: shown(statistics.sum) }),
        t('test.attachments.sheet.average', { value: shown(statistics.average ?? 0) }),
        t('test.attachments.sheet.count', { value: statistics.count.toLocaleString(language) }),
      );
  }
  return (
    <div
      className="sheet-status"
      role="group"
      aria-label={t('test.attachments.sheet.status')}
      data-testid="sheet-status"
    >
      {parts.map((part, i) => (
        <span key={i} className="sheet-status-part">
          {part}
        </span>
      ))}
    </div>
  );
}

/** The cells of a range the candidate sees: hidden rows and columns of the range are not counted. */
function shownCellCount(grid: SheetGrid, range: CellRange): number {
  const hiddenIn = (hidden: ReadonlySet<number>, from: number, to: number) => {
    let n = 0;
    for (const index of hidden) if (index >= from && index <= to) n += 1;
    return n;
  };
  return (
    (range.bottom - range.top + 1 - hiddenIn(grid.hiddenRows, range.top, range.bottom)) *
    (range.right - range.left + 1 - hiddenIn(grid.hiddenColumns, range.left, range.right))
  );
}

/** A header's look: selected, and marked after hidden rows or columns (as office software does). */
function headerClass(selected: boolean, afterHidden: boolean): string | undefined {
  const names = [selected ? 'sheet-header-selected' : '', afterHidden ? 'sheet-header-after-hidden' : ''];
  return names.filter(Boolean).join(' ') || undefined;
}

/** The cell whose value a position shows: a merged range's top-left cell for any of its cells. */
function valueCell(grid: SheetGrid, merges: MergeIndex, row: number, column: number): GridCell | undefined {
  const merge = merges.at(row, column);
  return merge ? cellAt(grid, merge.top, merge.left) : cellAt(grid, row, column);
}

/**
 * A cell's text; a formula the file holds without its result shows, muted, with a word that says so
 * (seen and heard alike: not by its grey italics alone).
 */
function CellContent({ cell, language }: { cell: GridCell | undefined; language: string }) {
  const { t } = useTranslation();
  if (!cell?.uncalculated || !cell.formula) return cell?.text;
  return (
    <span className="sheet-cell-uncalculated">
      {formulaForDisplay(cell.formula, language)} {t('test.attachments.sheet.uncalculated')}
    </span>
  );
}
