// The read-only document viewer (.docx, .odt), loaded lazily by attachments.tsx with its readers
// (mammoth, DOMPurify, fflate): the file is read in this sandboxed page, never by the main process.
import { DocumentArticle } from './document-article.tsx';
import { readDocument } from './document-reading.ts';
import { useFileContent, type OfficeViewerProps } from './use-file-content.ts';
import { NotReady } from './viewer-messages.tsx';

export default function DocumentViewer({ url, mediaType, name }: OfficeViewerProps) {
  const content = useFileContent(url, (bytes) => readDocument(bytes, mediaType), mediaType);
  if (content.state !== 'ready') return <NotReady content={content} />;
  return <DocumentArticle content={content.value} name={name} />;
}
