// A spreadsheet or word-processor file the candidate downloaded in the challenge browser. The station
// saved it in the candidate's sandbox and said so (browserFileOpened): it opens here, over the test
// screen, in the read-only office viewer and dialog a challenge's own files open in (attachments.tsx),
// never in the browser's page. Paused or locked, the viewer closes, as the question's does.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationEvent } from '../../../core/contracts/station-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { Dialog } from '../../shared/dialog.tsx';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { OfficeViewer } from './viewers/office-viewer.tsx';

export type DownloadedFileOpened = Extract<StationEvent, { type: 'browserFileOpened' }>;

/** Listens for the files the challenge browser hands to the screen, and shows the last one. */
export function DownloadedFile() {
  const api = useStationApi();
  const [opened, setOpened] = useState<DownloadedFileOpened | null>(null);
  const inProgress = useStation((s) => s.status?.exam.phase === 'inProgress');
  const inProgressNow = useRef(inProgress);
  useEffect(() => {
    inProgressNow.current = inProgress;
    if (!inProgress) setOpened(null);
  }, [inProgress]);

  useEffect(
    () =>
      api.onEvent((event) => {
        // A download that finishes once the test is paused is not shown afterwards (as a file opening).
        if (event.type === 'browserFileOpened' && inProgressNow.current) setOpened(event);
      }),
    [api],
  );

  if (!opened || !inProgress) return null;
  // Another file while one is shown replaces it (its own dialog, its own reading).
  return <DownloadedFileViewer key={opened.url} opened={opened} onClose={() => setOpened(null)} />;
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
      // The candidate was in the browser's page (outside this screen's focus order): back to its
      // address bar when nothing on the screen had the focus before.
      returnFocusFallback={() => [document.getElementById('browser-address')]}
      actions={
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p className="hint" data-testid="downloaded-file-notice">
        {notice}
      </p>
      <OfficeViewer kind={opened.viewer} url={opened.url} mediaType={opened.mediaType} name={name} />
    </Dialog>
  );
}
