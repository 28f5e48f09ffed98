// CSV for the spreadsheets schools open exports in (Excel, LibreOffice): a BOM so accents read right,
// `;` (the French list separator), CRLF. A cell that starts with = + - @, a tab or a CR is prefixed
// with ' so that a name typed as a formula (« =HYPERLINK(…) ») is shown, never run, when staff open
// the file.
import { stringify } from 'csv-stringify/sync';

export type SpreadsheetCell = string | number;

/** "2011-04-02" → "02/04/2011", as French spreadsheets read dates. */
export function spreadsheetDate(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : ymd;
}

/** An instant as the school's clock read it ("09:00"), not as UTC. */
export function spreadsheetTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
}

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
