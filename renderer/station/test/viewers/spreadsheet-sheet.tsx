// One sheet as an ARIA grid: column letters and row numbers, the cells' values, one cell in the Tab
// order at a time (roving tabindex), arrows / Home / End / Page up-down to move, Shift (or Shift+click,
// or a drag) to select a range, whose Somme, Moyenne and Nombre show in the status line as in office
// software. Read only: nothing can be typed in. A large sheet draws only the rows in view.
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
import { cellAddress, columnLetters, inRange, rangeAddress, rangeCellCount } from './cell-address.ts';
import { formatNumber, formulaForDisplay } from './cell-text.ts';
import {
  DRAW_ALL_ROWS,
  navigate,
  rowWindow,
  selectionRange,
  singleCell,
  type GridSelection,
} from './grid-navigation.ts';
import { rangeStatistics, type RangeStatistics } from './range-statistics.ts';
import { cellAt, type SheetGrid } from './spreadsheet-grid.ts';

/** A row's height before one is measured (CSS pixels at 100 %). */
const DEFAULT_ROW_HEIGHT = 34;
/** How long the selection must stay still before its totals are read out (Shift+arrows moves fast). */
const ANNOUNCE_AFTER_MS = 600;

export function SpreadsheetSheet({ grid }: { grid: SheetGrid }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const [selection, setSelection] = useState<GridSelection>(singleCell({ row: 0, column: 0 }));
  const [view, setView] = useState({ scrollTop: 0, height: 480, rowHeight: DEFAULT_ROW_HEIGHT });
  const scroller = useRef<HTMLDivElement>(null);
  const focusActive = useRef(false);
  const dragging = useRef(false);

  const { rowCount, columnCount } = grid;
  const range = selectionRange(selection);
  const drawn = rowWindow({
    scrollTop: view.scrollTop,
    viewportHeight: view.height,
    rowHeight: view.rowHeight,
    rowCount,
    activeRow: selection.active.row,
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
    () => rangeStatistics(grid, range),
    [grid, range.top, range.left, range.bottom, range.right],
  );
  const active = cellAt(grid, selection.active.row, selection.active.column);
  const spoken =
    rangeCellCount(range) > 1
      ? statistics.count > 0
        ? t('test.attachments.sheet.announceRange', {
            range: rangeAddress(range),
            sum: formatNumber(statistics.sum, language),
            average: formatNumber(statistics.average ?? 0, language),
            numbers: statistics.count,
          })
        : t('test.attachments.sheet.announceRangeNoNumbers', { range: rangeAddress(range) })
      : active?.formula
        ? t('test.attachments.sheet.formula', { formula: formulaForDisplay(active.formula, language) })
        : '';
  useEffect(() => {
    if (!spoken) return;
    const timer = setTimeout(() => announce(spoken), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [spoken]);

  if (rowCount === 0 || columnCount === 0) return <p>{t('test.attachments.sheet.empty')}</p>;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const pageRows = Math.max(1, Math.floor(view.height / view.rowHeight) - 2);
    const next = navigate(
      selection,
      { key: event.key, shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey },
      { rows: rowCount, columns: columnCount },
      pageRows,
    );
    if (!next) return;
    event.preventDefault();
    focusActive.current = true;
    setSelection(next);
  };

  const cellOf = (event: MouseEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-column]');
    const row = cell?.parentElement?.dataset.row;
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

  const columns = Array.from({ length: columnCount }, (_, c) => c);
  // The drawn segments' rows, with spacers of the missing rows' height in between, so that the scroll
  // bar is the whole sheet's and each drawn row is where it belongs.
  const body: (number | { gapFrom: number; rows: number })[] = [];
  let next = 0;
  for (const segment of drawn) {
    if (segment.start > next) body.push({ gapFrom: next, rows: segment.start - next });
    for (let r = segment.start; r < segment.end; r += 1) body.push(r);
    next = segment.end;
  }
  if (next < rowCount) body.push({ gapFrom: next, rows: rowCount - next });
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
          rowCount > DRAW_ALL_ROWS
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
                  className={range.left <= c && c <= range.right ? 'sheet-header-selected' : undefined}
                >
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((r) =>
              typeof r !== 'number' ? (
                <tr key={`gap-${r.gapFrom}`} aria-hidden="true" className="sheet-spacer">
                  <td colSpan={columnCount + 1} style={{ height: r.rows * view.rowHeight }} />
                </tr>
              ) : (
                <tr key={r} data-row={r} aria-rowindex={r + 2}>
                  <th
                    scope="row"
                    aria-colindex={1}
                    className={range.top <= r && r <= range.bottom ? 'sheet-header-selected' : undefined}
                  >
                    {r + 1}
                  </th>
                  {columns.map((c) => {
                    const cell = cellAt(grid, r, c);
                    const isActive = selection.active.row === r && selection.active.column === c;
                    const selected = inRange(range, r, c);
                    return (
                      <td
                        key={c}
                        id={cellId(r, c)}
                        data-column={c}
                        aria-colindex={c + 2}
                        aria-selected={selected}
                        tabIndex={isActive ? 0 : -1}
                        className={[
                          'sheet-cell',
                          cell ? `sheet-cell-${cell.align}` : '',
                          selected ? 'sheet-cell-selected' : '',
                          isActive ? 'sheet-cell-active' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                      >
                        {cell?.text}
                      </td>
                    );
                  })}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <SelectionStatus grid={grid} selection={selection} statistics={statistics} language={language} />
    </div>
  );
}

/** The status line: the active cell (address, formula, value), or the range and its totals. */
export function SelectionStatus({
  grid,
  selection,
  statistics,
  language,
}: {
  grid: SheetGrid;
  selection: GridSelection;
  /** The selection's totals (rangeStatistics). */
  statistics: RangeStatistics;
  language: string;
}) {
  const { t } = useTranslation();
  const range = selectionRange(selection);
  const count = rangeCellCount(range);
  let parts: string[];
  if (count === 1) {
    const cell = cellAt(grid, range.top, range.left);
    parts = [
      t('test.attachments.sheet.cell', { address: cellAddress({ row: range.top, column: range.left }) }),
    ];
    if (cell?.formula)
      parts.push(t('test.attachments.sheet.formula', { formula: formulaForDisplay(cell.formula, language) }));
    parts.push(
      cell && cell.text !== ''
        ? t('test.attachments.sheet.value', { value: cell.text })
        : t('test.attachments.sheet.emptyCell'),
    );
  } else {
    parts = [
      t('test.attachments.sheet.range', {
        range: rangeAddress(range),
        cells: count.toLocaleString(language),
      }),
    ];
    if (statistics.count === 0) parts.push(t('test.attachments.sheet.noNumbers'));
    else
      parts.push(
        t('test.attachments.sheet.sum', { value: formatNumber(statistics.sum, language) }),
        t('test.attachments.sheet.average', { value: formatNumber(statistics.average ?? 0, language) }),
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
