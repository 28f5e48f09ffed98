// What the office viewers say while a file opens, when it does not arrive, and when it cannot be read.
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileContent } from './use-file-content.ts';

/** What « cannot be read » says when a caller has its own words (OfficeViewer's unreadableMessage). */
export const UnreadableMessage = createContext<string | null>(null);

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
