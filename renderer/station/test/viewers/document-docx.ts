// A Word file (.docx) converted by mammoth into simple HTML (headings, lists, tables, bold/italic,
// images as data: URIs), in the page. Mammoth in the browser never opens linked files (its browser
// build refuses them) and `externalFileAccess: false` says so again; the HTML is then sanitized and
// walked into the document model (document-html.ts).
import mammoth from 'mammoth';
import { checkFileLimits } from './file-limits.ts';
import { isZip } from './file-signature.ts';
import { UnreadableFile } from './unreadable-file.ts';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // A password-protected .docx is an encrypted OLE container, not a zip.
  if (!isZip(bytes)) throw new UnreadableFile('not a zip');
  checkFileLimits(bytes);
  const arrayBuffer = bytes.slice().buffer;
  try {
    const result = await mammoth.convertToHtml(
      { arrayBuffer },
      { ignoreEmptyParagraphs: true, externalFileAccess: false, includeEmbeddedStyleMap: false },
    );
    return result.value;
  } catch (error) {
    throw new UnreadableFile(`docx: ${error instanceof Error ? error.message : String(error)}`);
  }
}
