// A spreadsheet or word-processor file the candidate downloaded in the challenge browser. The station
// saved it in the candidate's sandbox and said so (browserFileOpened): a calm notice in the browser
// column names it and offers « Ouvrir le fichier ». Nothing opens by itself: a page can download a file
// on every visit (a frame, a refresh, a script), and a dialog that came back each time would trap the
// candidate. Opened, the file is shown in the read-only office viewer and dialog a challenge's own files
// open in (attachments.tsx), never in the browser's page. Paused or locked, the notice and viewer go.
import { useEffect, useId, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationEvent } from '../../../core/contracts/station-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { Dialog } from '../../shared/dialog.tsx';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { OfficeViewer } from './viewers/office-viewer.tsx';

export type DownloadedFileOpened = Extract<StationEvent, { type: 'browserFileOpened' }>;

/** The file the notice names (the last one downloaded), and the one shown in the viewer, if any. */
export interface DownloadedFiles {
  notice: DownloadedFileOpened | null;
  viewing: DownloadedFileOpened | null;
}

export type DownloadedFilesAction =
  | { type: 'downloaded'; file: DownloadedFileOpened; inProgress: boolean }
  | { type: 'open' }
  | { type: 'closeViewer' }
  | { type: 'dismiss' }
  | { type: 'paused' };

export const NO_DOWNLOADED_FILE: DownloadedFiles = { notice: null, viewing: null };

export function downloadedFiles(state: DownloadedFiles, action: DownloadedFilesAction): DownloadedFiles {
  switch (action.type) {
    // A file that arrives once the test is paused is not offered afterwards. Another file replaces
    // the notice; a viewer the candidate opened stays on what they are reading.
    case 'downloaded':
      return action.inProgress ? { ...state, notice: action.file } : state;
    case 'open':
      return state.notice ? { ...state, viewing: state.notice } : state;
    case 'closeViewer':
      return { ...state, viewing: null };
    case 'dismiss':
    case 'paused':
      return NO_DOWNLOADED_FILE;
  }
}

/** Listens for the files the challenge browser hands to the screen, and offers the last one. */
export function DownloadedFile() {
  const { t } = useTranslation();
  const api = useStationApi();
  const [files, dispatch] = useReducer(downloadedFiles, NO_DOWNLOADED_FILE);
  const inProgress = useStation((s) => s.status?.exam.phase === 'inProgress');
  const inProgressNow = useRef(inProgress);
  const tNow = useRef(t);
  tNow.current = t;
  useEffect(() => {
    inProgressNow.current = inProgress;
    if (!inProgress) dispatch({ type: 'paused' });
  }, [inProgress]);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'browserFileOpened') return;
        dispatch({ type: 'downloaded', file: event, inProgress: inProgressNow.current });
        // Said once, when it arrives (the station says a file once per visit of its page).
        if (inProgressNow.current) announce(tNow.current('test.downloaded.title', { name: event.fileName }));
      }),
    [api],
  );

  if (!inProgress || !files.notice) return null;
  return (
    <>
      <DownloadedFileNotice
        file={files.notice}
        onOpen={() => dispatch({ type: 'open' })}
        onDismiss={() => {
          dispatch({ type: 'dismiss' });
          // The notice's buttons are gone: back to the browser, where the candidate was.
          document.getElementById('browser-address')?.focus();
        }}
      />
      {files.viewing && (
        <DownloadedFileViewer
          key={files.viewing.url}
          opened={files.viewing}
          onClose={() => dispatch({ type: 'closeViewer' })}
        />
      )}
    </>
  );
}

/** The notice in the browser column: which file, « Ouvrir le fichier » and « Fermer ». */
export function DownloadedFileNotice({
  file,
  onOpen,
  onDismiss,
}: {
  file: DownloadedFileOpened;
  onOpen: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="notice downloaded-file-notice" data-testid="downloaded-file-notice">
      <p id={titleId} className="notice-title">
        {t('test.downloaded.title', { name: file.fileName })}
      </p>
      <div className="downloaded-file-actions">
        <button type="button" className="button button-primary" onClick={onOpen} aria-describedby={titleId}>
          {t('test.downloaded.open')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={onDismiss}
          aria-describedby={titleId}
        >
          {t('browser.closeNotice')}
        </button>
      </div>
    </div>
  );
}

export function DownloadedFileViewer({
  opened,
  onClose,
}: {
  opened: DownloadedFileOpened;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const name = opened.fileName;
  const notice = t('test.downloaded.notice');
  // The dialog is not described by its body (a spreadsheet's every cell would be read): the sentence
  // that says where the file comes from is said once when it opens.
  useEffect(() => {
    announce(notice);
  }, [notice]);
  return (
    <Dialog
      title={t('test.downloaded.title', { name })}
      onClose={onClose}
      className={`viewer viewer-for-${opened.viewer} downloaded-file`}
      scrollable
      bodyDescribes={false}
      // Focus goes back to « Ouvrir le fichier »; should the notice be gone, to the address bar.
      returnFocusFallback={() => [document.getElementById('browser-address')]}
      actions={
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p className="hint" data-testid="downloaded-file-hint">
        {notice}
      </p>
      <OfficeViewer
        kind={opened.viewer}
        url={opened.url}
        mediaType={opened.mediaType}
        name={name}
        // A web site's file: nothing for the candidate to report, another version to look for.
        unreadableMessage={t('test.downloaded.unreadable')}
      />
    </Dialog>
  );
}
