// What the office viewers say while a file opens, when it does not arrive, when it cannot be read, and
// whether a document says what to do about its images not shown.
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileContent } from './use-file-content.ts';

/** What « cannot be read » says when a caller has its own words (OfficeViewer's unreadableMessage). */
export const UnreadableMessage = createContext<string | null>(null);

/**
 * What a document says (once, above it) about the images it does not show (OfficeViewer's
 * missingImagesAdvice): for a question's own file, `report` (« Signaler un problème »), or `reported`
 * while a report of the question is pending (the button is disabled: tell the invigilator when they
 * come); for a web site's file, null: nothing there is the question's to report. Each such image is
 * marked where it was either way.
 */
export type MissingImagesAdvice = 'report' | 'reported' | null;
export const MissingImagesAdvice = createContext<MissingImagesAdvice>('report');

export function Unreadable() {
  const { t } = useTranslation();
  const message = useContext(UnreadableMessage);
  return (
    <p role="alert" className="viewer-unreadable" data-testid="viewer-unreadable">
      {message ?? t('test.attachments.unreadable')}
    </p>
  );
}

/** The message for a file not (yet) ready, or null when it is. */
export function NotReady({ content }: { content: FileContent<unknown> }) {
  const { t } = useTranslation();
  if (content.state === 'loading') return <p role="status">{t('test.attachments.opening')}</p>;
  if (content.state === 'failed') return <p role="alert">{t('test.attachments.failed')}</p>;
  if (content.state === 'unreadable') return <Unreadable />;
  return null;
}
