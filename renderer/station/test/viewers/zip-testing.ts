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
