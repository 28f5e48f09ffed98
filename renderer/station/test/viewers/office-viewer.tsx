// The spreadsheet and document viewers, each in a chunk of its own (dynamic import): their parsers
// (SheetJS; mammoth, DOMPurify, fflate) are loaded when a candidate opens such a file, so the candidate
// screens' first load does not carry them. Whatever fails inside shows the "cannot be read" message.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeViewerProps } from './use-file-content.ts';
import { ViewerBoundary } from './viewer-boundary.tsx';
import { MissingImagesAdvice, Unreadable, UnreadableMessage } from './viewer-messages.tsx';

const SpreadsheetViewer = lazy(() => import('./spreadsheet-viewer.tsx'));
const DocumentViewer = lazy(() => import('./document-viewer.tsx'));

export function OfficeViewer({
  kind,
  unreadableMessage = null,
  missingImagesAdvice = 'report',
  ...file
}: OfficeViewerProps & {
  kind: 'spreadsheet' | 'document';
  /** What to say when the file cannot be read, instead of the attachments' « report it ». */
  unreadableMessage?: string | null;
  /** What a document says about its images not shown (viewer-messages.tsx; null: a web site's file). */
  missingImagesAdvice?: MissingImagesAdvice;
}) {
  const { t } = useTranslation();
  return (
    <UnreadableMessage.Provider value={unreadableMessage}>
      <MissingImagesAdvice.Provider value={missingImagesAdvice}>
        <ViewerBoundary fallback={<Unreadable />}>
          <Suspense fallback={<p role="status">{t('test.attachments.opening')}</p>}>
            {kind === 'spreadsheet' ? <SpreadsheetViewer {...file} /> : <DocumentViewer {...file} />}
          </Suspense>
        </ViewerBoundary>
      </MissingImagesAdvice.Provider>
    </UnreadableMessage.Provider>
  );
}
