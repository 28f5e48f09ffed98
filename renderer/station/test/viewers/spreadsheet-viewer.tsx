// The read-only spreadsheet viewer (.xlsx, .xls, .ods), loaded lazily by attachments.tsx with SheetJS:
// the file's bytes are read in this sandboxed page, never by the station's main process. Sheet tabs
// when the workbook has several, then the sheet's grid and status line (spreadsheet-sheet.tsx).
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetGrid } from './spreadsheet-grid.ts';
import { readSpreadsheet } from './spreadsheet-reading.ts';
import { SpreadsheetSheet } from './spreadsheet-sheet.tsx';
import { useFileContent, type OfficeViewerProps } from './use-file-content.ts';
import { NotReady } from './viewer-messages.tsx';

export default function SpreadsheetViewer({ url, mediaType }: OfficeViewerProps) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const content = useFileContent(
    url,
    (bytes) => readSpreadsheet(bytes, language),
    `${mediaType} ${language}`,
  );
  if (content.state !== 'ready') return <NotReady content={content} />;
  return <SpreadsheetWorkbook sheets={content.value} />;
}

export function SpreadsheetWorkbook({ sheets }: { sheets: SheetGrid[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const sheet = sheets[current] ?? sheets[0];
  if (!sheet) return null;

  const choose = (index: number) => {
    setCurrent(index);
    tabs.current[index]?.focus();
  };
  // The tabs' own keys (WAI-ARIA tabs pattern): arrows move between sheets, Home/End to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = sheets.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (current + 1) % sheets.length
        : event.key === 'ArrowLeft'
          ? (current + last) % sheets.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    choose(next);
  };

  return (
    <div className="spreadsheet">
      <p className="hint">{t('test.attachments.sheet.hint')}</p>
      {sheets.length > 1 && (
        <div
          role="tablist"
          aria-label={t('test.attachments.sheet.tabs')}
          className="sheet-tabs"
          onKeyDown={onKeyDown}
        >
          {sheets.map((s, i) => (
            <button
              key={i}
              ref={(element) => {
                tabs.current[i] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${i}`}
              aria-selected={i === current}
              aria-controls={`${id}-panel`}
              tabIndex={i === current ? 0 : -1}
              className="sheet-tab"
              onClick={() => choose(i)}
            >
              {s.name}
            </button>
          ))}
        </div>
      )}
      <div
        id={`${id}-panel`}
        {...(sheets.length > 1 ? { role: 'tabpanel', 'aria-labelledby': `${id}-tab-${current}` } : {})}
      >
        {/* A sheet of its own: the selection starts again at A1 on another sheet. */}
        <SpreadsheetSheet key={current} grid={sheet} />
      </div>
    </div>
  );
}
