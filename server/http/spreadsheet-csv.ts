// CSV for the spreadsheets schools open exports in (Excel, LibreOffice): a BOM so accents read right,
// `;` (the French list separator), CRLF. A cell that starts with = + - @, a tab or a CR is prefixed
// with ' so that a name typed as a formula (« =HYPERLINK(…) ») is shown, never run, when staff open
// the file.
import { stringify } from 'csv-stringify/sync';

export type SpreadsheetCell = string | number;

export function spreadsheetCsv(header: readonly string[], rows: readonly SpreadsheetCell[][]): string {
  return stringify([[...header], ...rows.map((r) => [...r])], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    escape_formulas: true,
    // csv-stringify quotes only the record delimiter itself (CRLF): a lone LF or CR would split the row.
    quoted_match: /[\r\n]/,
  });
}
