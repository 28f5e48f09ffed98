// A file the challenge browser saved and offers: a spreadsheet or word-processor file the candidate
// downloaded, or a PDF, an image or a text a page downloaded by itself. The station saved it in the
// candidate's sandbox and said so (browserFileOpened, kept by the store): the browser panel shows a calm
// notice where it shows a refused file (above the page), which names it and offers « Ouvrir le
// fichier ». Nothing opens by itself: a page can download a file on every visit (a frame, a refresh, a
// script), and a dialog or a page that came back each time would trap the candidate. Opened, an office
// file is shown in the read-only office viewer and dialog a challenge's own files open in
// (attachments.tsx), never in the browser's page; the others in the browser's page (browser-panel.tsx).
// A long name is shown cut in its middle in the notice (shortened-file-name.ts), whole to screen
// readers; the viewer's title, which has room, shows it whole.
import { useEffect, useId, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationEvent } from '../../../core/contracts/station-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { Dialog } from '../../shared/dialog.tsx';
import { shortenedFileName } from './shortened-file-name.ts';
import { OfficeViewer } from './viewers/office-viewer.tsx';

export type DownloadedFileOpened = Extract<StationEvent, { type: 'browserFileOpened' }>;
/** A spreadsheet or a document: opened in the office viewer's dialog. */
export type OfficeFileOpened = Extract<DownloadedFileOpened, { mediaType: string }>;

export function isOfficeFile(file: DownloadedFileOpened): file is OfficeFileOpened {
  return file.viewer === 'spreadsheet' || file.viewer === 'document';
}

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

export function SentenceWithName({
  sentence,
  name,
  whole = false,
}: {
  sentence: (name: string) => string;
  name: string;
  /** Shows a long name whole (the keyboard is in its notice), not cut in its middle. */
  whole?: boolean;
}) {
  const [before, after, ...more] = sentence(NAME_MARK).split(NAME_MARK);
  const isolated = <FileName name={name} whole={whole} />;
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

/**
 * A file's name, isolated (<bdi>) and free to wrap. A long one is shown cut in its middle, its start
 * and its extension in view; the whole name is what screen readers say (once: the shown part is hidden
 * from them), the mouse's tooltip, and what is shown when `whole` (the keyboard in its notice).
 */
export function FileName({ name, whole = false }: { name: string; whole?: boolean }) {
  const shown = shortenedFileName(name);
  if (whole || shown === name) return <bdi className="file-name">{name}</bdi>;
  return (
    <bdi className="file-name">
      <span aria-hidden="true" title={name}>
        {shown}
      </span>
      <span className="visually-hidden">{name}</span>
    </bdi>
  );
}

/**
 * Whether the keyboard is in a notice (its focus shown: Tab, not a click), and the handlers that say
 * so: a long name is then shown whole, so a candidate who does not use a mouse can read it too. A
 * click does not unfold it (the notice does not grow under the pointer).
 */
export function useKeyboardInNotice(): {
  inside: boolean;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
} {
  const [inside, setInside] = useState(false);
  return {
    inside,
    onFocus: (event) => setInside(focusShown(event.target)),
    onBlur: (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node) || !event.currentTarget.contains(next)) setInside(false);
    },
  };
}

/** Whether the browser shows `element`'s focus (:focus-visible: reached by the keyboard). */
function focusShown(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    // A browser that does not know :focus-visible: shown, as focus rings are.
    return true;
  }
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
  const { inside, onFocus, onBlur } = useKeyboardInNotice();
  return (
    <div
      className="notice browser-notice downloaded-file-notice"
      data-testid="downloaded-file-notice"
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <p id={titleId} className="notice-title">
        <SentenceWithName
          sentence={(name) => t('test.downloaded.title', { name })}
          name={file.fileName}
          whole={inside}
        />
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

export function DownloadedFileViewer({ opened, onClose }: { opened: OfficeFileOpened; onClose: () => void }) {
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
      // The dialog has room for the whole name: read whole by the keyboard too, and said once.
      title={
        <SentenceWithName
          sentence={(shown) => t('test.downloaded.title', { name: shown })}
          name={name}
          whole
        />
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
        missingImagesAdvice={null}
      />
    </Dialog>
  );
}
