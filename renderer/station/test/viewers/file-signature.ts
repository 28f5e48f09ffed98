// What an office file's first bytes say it is. SheetJS reads anything (random bytes become a sheet of
// garbage text, text is guessed as CSV or HTML), so a spreadsheet that is neither a zip nor an OLE
// container is refused as unreadable rather than shown wrong; the candidate is then told to report it.

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
 * Whether the spreadsheet viewer should try the file: a real spreadsheet container only, a zip (.xlsx,
 * .ods) or an OLE container (.xls). Text (a CSV or an Excel "web page" named .xls, a .csv served as
 * .xls) is refused: SheetJS would guess its format and misread it (French "12,5" became 125).
 */
export function mayBeSpreadsheet(bytes: Uint8Array): boolean {
  return isZip(bytes) || isOleContainer(bytes);
}
