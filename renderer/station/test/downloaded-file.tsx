// A spreadsheet or word-processor file the candidate downloaded in the challenge browser. The station
// saved it in the candidate's sandbox and said so (browserFileOpened, kept by the store): the browser
// panel shows a calm notice where it shows a refused file (above the page), which names it and offers
// « Ouvrir le fichier ». Nothing opens by itself: a page can download a file on every visit (a frame, a
// refresh, a script), and a dialog that came back each time would trap the candidate. Opened, the file
// is shown in the read-only office viewer and dialog a challenge's own files open in (attachments.tsx),
// never in the browser's page.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationEvent } from '../../../core/contracts/station-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { Dialog } from '../../shared/dialog.tsx';
import { OfficeViewer } from './viewers/office-viewer.tsx';

export type DownloadedFileOpened = Extract<StationEvent, { type: 'browserFileOpened' }>;

/** Stands for the name in the translated sentence, which is then cut around it (never in a file name). */
const NAME_MARK = '\u0000';

/**
 * A translated sentence with a file's name in it, the name isolated (<bdi>: a right-to-left or mixed
 * name does not reorder the sentence around it) and allowed to wrap anywhere (a 255-character name
 * without spaces stays inside the panel). `sentence` words it with the name it is given. The name is
 * never passed through the translation: a site's name is never read as markup or as a placeholder.
 */
/** The same sentence as text (what a screen reader is told), the name put in after the translation. */
export function sentenceWithName(sentence: (name: string) => string, name: string): string {
  const [before, after, ...more] = sentence(NAME_MARK).split(NAME_MARK);
  if (after === undefined || more.length > 0) return `${sentence('').trim()} ${name}`;
  return `${before ?? ''}${name}${after}`;
}

export function SentenceWithName({ sentence, name }: { sentence: (name: string) => string; name: string }) {
  const [before, after, ...more] = sentence(NAME_MARK).split(NAME_MARK);
  const isolated = <bdi className="file-name">{name}</bdi>;
  // A translation without the name's place: the sentence, then the name.
  if (after === undefined || more.length > 0)
    return (
      <>
        {sentence('').trim()} {isolated}
      </>
    );
  return (
    <>
      {before}
      {isolated}
      {after}
    </>
  );
}

/** The notice in the browser panel: which file, « Ouvrir le fichier » and « Fermer ». */
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
    <div className="notice browser-notice downloaded-file-notice" data-testid="downloaded-file-notice">
      <p id={titleId} className="notice-title">
        <SentenceWithName sentence={(name) => t('test.downloaded.title', { name })} name={file.fileName} />
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
      title={
        <SentenceWithName sentence={(shown) => t('test.downloaded.title', { name: shown })} name={name} />
      }
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
