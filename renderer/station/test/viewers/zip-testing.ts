// Hostile or hand-edited zips for the viewers' tests, built with fflate.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** A zip whose central directory says its (small) part unpacks to `size` bytes: a bomb's claim. */
export function zipClaiming(size: number, files: Record<string, Uint8Array> = { 'a.xml': strToU8('<a/>') }) {
  const zip = zipSync(files);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i += 1) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return zip;
}

/**
 * The zip with one XML part rewritten by hand: what a library will not write (SheetJS writes no
 * `<row ht="0">`). Throws when the part is missing or the edit changes nothing, so that a fixture
 * never silently stays as the library wrote it.
 */
export function withEditedPart(zip: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(zip);
  const bytes = files[part];
  if (!bytes) throw new Error(`no ${part} in the zip`);
  const xml = strFromU8(bytes);
  const edited = edit(xml);
  if (edited === xml) throw new Error(`the edit left ${part} unchanged`);
  files[part] = strToU8(edited);
  return zipSync(files);
}

/**
 * The .docx with an image at the end of its second paragraph that the file only links to (a
 * relationship to an outside address, as Word saves « Insérer et lier »): the viewer never reads it.
 */
export function withLinkedImage(docx: Uint8Array, description: string, url: string): Uint8Array {
  const drawing =
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">' +
    `<wp:extent cx="952500" cy="952500"/><wp:docPr id="901" name="Image liée" descr="${description}"/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>' +
    '<a:blip r:link="rIdLinkedImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
  const withDrawing = withEditedPart(docx, 'word/document.xml', (xml) => {
    const second = xml.indexOf('</w:p>', xml.indexOf('</w:p>') + 1);
    return second < 0 ? xml : xml.slice(0, second) + drawing + xml.slice(second);
  });
  return withEditedPart(withDrawing, 'word/_rels/document.xml.rels', (xml) =>
    xml.replace(
      '</Relationships>',
      '<Relationship Id="rIdLinkedImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" ' +
        `Target="${url}" TargetMode="External"/></Relationships>`,
    ),
  );
}
