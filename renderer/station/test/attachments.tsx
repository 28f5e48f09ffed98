// A challenge's files: the station copies each into the candidate's sandbox and says which built-in
// viewer shows it (PDF, image, text, CSV as a table, spreadsheets and word-processor files read only:
// viewers/). Nothing is executed or downloaded elsewhere.
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../core/challenge/challenge.ts';
import type { StationResponse } from '../../../core/contracts/station-api.ts';
import { Dialog } from '../../shared/dialog.tsx';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { parseCsv } from './csv-table.ts';
import { pdfViewerUrl } from './pdf-viewer-url.ts';
import { OfficeViewer } from './viewers/office-viewer.tsx';

type Opened = StationResponse<'openAttachment'>;

export function Attachments({
  challengeId,
  attachments,
}: {
  challengeId: string;
  attachments: Attachment[];
}) {
  const { t, i18n } = useTranslation();
  const api = useStationApi();
  const [opening, setOpening] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  // Paused or locked, the question is hidden: its file viewer closes with it (a modal viewer left open
  // would keep the pause panel from being read), and a file still opening is not shown afterwards.
  const inProgress = useStation((s) => s.status?.exam.phase === 'inProgress');
  const reported = useStation((s) => s.status?.exam.alertPending ?? false);
  const inProgressNow = useRef(inProgress);
  useEffect(() => {
    inProgressNow.current = inProgress;
    if (!inProgress) setOpened(null);
  }, [inProgress]);

  const open = async (attachment: Attachment) => {
    setOpening(attachment.hash);
    setFailed(null);
    const result = await api.openAttachment({ challengeId, hash: attachment.hash });
    setOpening(null);
    if (!result.ok) setFailed(attachment.hash);
    else if (inProgressNow.current) setOpened(result.value);
  };

  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title" className="section-title">
        {t('test.attachments.title')}
      </h2>
      <ul className="attachment-list">
        {attachments.map((attachment) => (
          <li key={attachment.hash}>
            <button
              type="button"
              className="button button-secondary attachment-button"
              onClick={() => void open(attachment)}
              aria-describedby={
                failed === attachment.hash ? `attachment-failed-${attachment.hash}` : undefined
              }
              data-attachment={attachment.fileName}
            >
              <span aria-hidden="true" className="file-icon">
                {fileBadge(attachment) || t('test.attachments.fileBadge')}
              </span>
              {t('test.attachments.open', { name: attachment.fileName })}
              <span className="muted"> ({formatSize(attachment.size, t, i18n.language)})</span>
            </button>
            {opening === attachment.hash && (
              <span role="status" className="muted">
                {' '}
                {t('test.attachments.opening')}
              </span>
            )}
            {failed === attachment.hash && (
              <p id={`attachment-failed-${attachment.hash}`} role="alert" className="field-error">
                {t('test.attachments.failed')}
              </p>
            )}
          </li>
        ))}
      </ul>
      {opened && inProgress && (
        <AttachmentViewer opened={opened} onClose={() => setOpened(null)} reported={reported} />
      )}
    </section>
  );
}

/** The file's extension as a short badge ("PDF", "CSV"), or '' when it has none to show. */
export function fileBadge(attachment: Pick<Attachment, 'fileName'>): string {
  const parts = attachment.fileName.split('.');
  return parts.length > 1 ? (parts.pop() ?? '').slice(0, 4).toUpperCase() : '';
}

function formatSize(bytes: number, t: TFunction, language: string): string {
  if (bytes < 1024) return t('test.attachments.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('test.attachments.size.kb', { n: Math.ceil(bytes / 1024) });
  const mb = (bytes / (1024 * 1024)).toLocaleString(language, { maximumFractionDigits: 1 });
  return t('test.attachments.size.mb', { n: mb });
}

export function AttachmentViewer({
  opened,
  onClose,
  reported = false,
}: {
  opened: Opened;
  onClose: () => void;
  /**
   * A report of the question is pending: « Signaler un problème » is disabled, and a document's
   * missing images are worded for that (viewer-messages.tsx).
   */
  reported?: boolean;
}) {
  const { t } = useTranslation();
  const name = opened.attachment.fileName;
  return (
    <Dialog
      title={t('test.attachments.viewerTitle', { name })}
      onClose={onClose}
      className={`viewer viewer-for-${opened.viewer}`}
      scrollable
      bodyDescribes={opened.viewer !== 'spreadsheet' && opened.viewer !== 'document'}
      actions={
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      {opened.viewer === 'image' && (
        <img className="viewer-image" src={opened.url} alt={t('test.attachments.image', { name })} />
      )}
      {opened.viewer === 'pdf' && (
        <>
          <iframe
            className="viewer-pdf"
            src={pdfViewerUrl(opened.url)}
            title={t('test.attachments.viewerTitle', { name })}
          />
          <p className="hint">{t('test.attachments.pdfFallback')}</p>
        </>
      )}
      {(opened.viewer === 'text' || opened.viewer === 'csv') && (
        <TextContent url={opened.url} kind={opened.viewer} name={name} />
      )}
      {(opened.viewer === 'spreadsheet' || opened.viewer === 'document') && (
        <OfficeViewer
          kind={opened.viewer}
          url={opened.url}
          mediaType={opened.attachment.mediaType}
          name={name}
          missingImagesAdvice={reported ? 'reported' : 'report'}
        />
      )}
    </Dialog>
  );
}

function TextContent({ url, kind, name }: { url: string; kind: 'text' | 'csv'; name: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch(url)
      .then((response) =>
        response.ok ? response.text() : Promise.reject(new Error(String(response.status))),
      )
      .then((body) => live && setText(body))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [url]);
  if (failed) return <p role="alert">{t('test.attachments.failed')}</p>;
  if (text === null) return <p role="status">{t('test.attachments.opening')}</p>;
  if (text.trim() === '') return <p>{t('test.attachments.empty')}</p>;
  if (kind === 'text') {
    return (
      <pre className="viewer-text" aria-label={name}>
        {text}
      </pre>
    );
  }
  const { rows } = parseCsv(text);
  const [header, ...body] = rows;
  return (
    <div
      className="viewer-table"
      tabIndex={0}
      role="region"
      aria-label={t('test.attachments.csvCaption', { name })}
    >
      <table>
        <caption className="visually-hidden">{t('test.attachments.csvCaption', { name })}</caption>
        {header && (
          <thead>
            <tr>
              {header.map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
