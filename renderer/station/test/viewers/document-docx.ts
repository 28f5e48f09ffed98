// A Word file (.docx) converted by mammoth into simple HTML (headings, lists, tables, bold/italic/
// underline, images as data: URIs), in the page. Mammoth in the browser never opens linked files (its browser
// build refuses them) and `externalFileAccess: false` says so again; the HTML is then sanitized and
// walked into the document model (document-html.ts).
import mammoth from 'mammoth';
import { checkFileLimits } from './file-limits.ts';
import { isZip } from './file-signature.ts';
import { UnreadableFile } from './unreadable-file.ts';

/**
 * An image the file carries, as a data: URI; one it only links to (never read: external file access is
 * off) keeps its description and no address, so that the viewer marks it as not shown. Mammoth's own
 * converter drops such an image without a word: the candidate would not know something is missing.
 */
const convertImage = mammoth.images.imgElement((image) =>
  Promise.resolve()
    .then(() => image.readAsBase64String())
    .then(
      (data) => ({ src: `data:${image.contentType};base64,${data}` }),
      () => ({ src: '' }),
    ),
);

/** Mammoth's options (exported for the tests: mammoth in Node reads a Buffer, not an ArrayBuffer). */
export const DOCX_OPTIONS = {
  convertImage,
  ignoreEmptyParagraphs: true,
  externalFileAccess: false,
  includeEmbeddedStyleMap: false,
  // Mammoth drops underline by default (it reads as a link on the web); in a question's file it may be
  // the emphasis the author meant, so it is kept as <u>.
  styleMap: ['u => u'],
};

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // A password-protected .docx is an encrypted OLE container, not a zip.
  if (!isZip(bytes)) throw new UnreadableFile('not a zip');
  checkFileLimits(bytes);
  const arrayBuffer = bytes.slice().buffer;
  try {
    const result = await mammoth.convertToHtml({ arrayBuffer }, DOCX_OPTIONS);
    return result.value;
  } catch (error) {
    throw new UnreadableFile(`docx: ${error instanceof Error ? error.message : String(error)}`);
  }
}
