// What an office file's first bytes say it is. SheetJS reads anything (random bytes become a sheet of
// garbage text), so a spreadsheet that is neither a zip nor an OLE container is refused as unreadable
// rather than shown as nonsense; the candidate is then told to report it.

/** .xlsx, .ods, .docx, .odt are zips. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** .xls, and the encrypted container a password-protected .xlsx/.docx is saved in. */
export function isOleContainer(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return signature.every((byte, i) => bytes[i] === byte);
}

/**
 * Whether the spreadsheet viewer should try the file: a zip or an OLE container, or, for a file given
 * as .xls, also text (Excel's "web page" and CSV exports are often named .xls, and SheetJS reads them).
 */
export function mayBeSpreadsheet(bytes: Uint8Array, mediaType: string): boolean {
  if (isZip(bytes) || isOleContainer(bytes)) return true;
  return mediaType.toLowerCase() === 'application/vnd.ms-excel' && bytes.length > 0 && !bytes.includes(0);
}
