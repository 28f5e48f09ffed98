// Hostile zips for the viewers' tests, built with fflate.
import { strToU8, zipSync } from 'fflate';

/** A zip whose central directory says its (small) part unpacks to `size` bytes: a bomb's claim. */
export function zipClaiming(size: number, files: Record<string, Uint8Array> = { 'a.xml': strToU8('<a/>') }) {
  const zip = zipSync(files);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i += 1) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return zip;
}
