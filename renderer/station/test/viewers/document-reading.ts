// Reading a word-processor file in the page, by its media type (the station's viewer kind `document`):
// .docx through mammoth and DOMPurify, .odt with fflate and the browser's DOMParser. Loaded lazily with
// the document viewer, so the candidate screens' first load does not carry these libraries.
import { docxToHtml } from './document-docx.ts';
import { documentFromHtml, sanitizeDocumentHtml } from './document-html.ts';
import type { DocumentContent } from './document-model.ts';
import { readOdt } from './document-odt.ts';
import { UnreadableFile } from './unreadable-file.ts';

const ODT = 'application/vnd.oasis.opendocument.text';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function readDocument(bytes: Uint8Array, mediaType: string): Promise<DocumentContent> {
  const type = mediaType.toLowerCase();
  if (type === ODT) return readOdt(bytes, (xml) => new DOMParser().parseFromString(xml, 'application/xml'));
  if (type === DOCX) return documentFromHtml(sanitizeDocumentHtml(await docxToHtml(bytes)));
  throw new UnreadableFile(`not a document type: ${mediaType}`);
}
