// Limits on what a viewer reads, checked before any parsing: a small hostile file (a zip bomb, a huge
// declared sheet) must not freeze or crash the candidate's screen. Over a limit, the file is unreadable
// (the candidate is told to report it); exam files are far below.
import { MAX_VIEWER_FILE_BYTES } from '../../../../core/challenge/station-viewers.ts';
import { isZip } from './file-signature.ts';
import { UnreadableFile } from './unreadable-file.ts';

/** The largest file a viewer reads (core's: the challenge browser keeps no larger office file). */
export const MAX_FILE_BYTES = MAX_VIEWER_FILE_BYTES;
/** The most a zip (.xlsx, .ods, .docx, .odt) may unpack to, all its parts together. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * The total size a zip's central directory declares for its parts, read without inflating anything.
 * Each entry must lie inside the file, so a forged entry count cannot make the walk long. Throws
 * UnreadableFile for a zip whose directory is damaged.
 */
export function zipDeclaredSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = () => new UnreadableFile('zip: damaged central directory');
  // The end record: 22 bytes, then a comment of up to 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i -= 1) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged();
  let entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(end - 12, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_END_OF_DIRECTORY) throw damaged();
    entries = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY) throw damaged();
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) size = zip64Size(view, offset + 46 + nameLength, extraLength);
    total += size;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}

/** An entry's uncompressed size from its zip64 extra field (infinite when it has none). */
function zip64Size(view: DataView, start: number, length: number): number {
  for (let p = start; p + 4 <= start + length && p + 4 <= view.byteLength;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001 && size >= 8 && p + 12 <= view.byteLength)
      return Number(view.getBigUint64(p + 4, true));
    p += 4 + size;
  }
  return Infinity;
}

/** Throws UnreadableFile when the file is too large to read, or a zip that unpacks to too much. */
export function checkFileLimits(bytes: Uint8Array): void {
  if (bytes.length > MAX_FILE_BYTES) throw new UnreadableFile(`too large: ${bytes.length} bytes`);
  if (isZip(bytes)) {
    const unzipped = zipDeclaredSize(bytes);
    if (unzipped > MAX_UNZIPPED_BYTES) throw new UnreadableFile(`too large once unzipped: ${unzipped} bytes`);
  }
}
