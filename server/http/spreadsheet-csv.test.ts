import { describe, expect, it } from 'vitest';
import { spreadsheetCsv, spreadsheetDate, spreadsheetTime } from './spreadsheet-csv.ts';

describe('spreadsheetCsv', () => {
  it('writes a BOM, `;` between cells and CRLF after every line', () => {
    expect(spreadsheetCsv(['Nom', 'Score'], [['MARTIN', 101]])).toBe('\uFEFFNom;Score\r\nMARTIN;101\r\n');
  });

  it('quotes cells holding the separator, a quote or a line break', () => {
    expect(spreadsheetCsv(['a'], [['x;y'], ['dit "oui"'], ['deux\nlignes']])).toBe(
      '\uFEFFa\r\n"x;y"\r\n"dit ""oui"""\r\n"deux\nlignes"\r\n',
    );
  });

  it('turns a cell that a spreadsheet would run as a formula into text', () => {
    const csv = spreadsheetCsv(
      ['Nom'],
      [['=HYPERLINK("https://example.org","x")'], ['@SUM(A1)'], ['+33'], ['-2'], ['\tcmd']],
    );
    const cells = csv.slice(1).split('\r\n').slice(1, -1);
    expect(cells).toEqual([
      `"'=HYPERLINK(""https://example.org"",""x"")"`,
      "'@SUM(A1)",
      "'+33",
      "'-2",
      "'\tcmd",
    ]);
  });

  it('leaves ordinary names, dates and numbers as they are', () => {
    expect(spreadsheetCsv(['a', 'b', 'c'], [["N'GUYEN", '2011-04-02', 0]])).toBe(
      "\uFEFFa;b;c\r\nN'GUYEN;2011-04-02;0\r\n",
    );
  });

  it('writes dates and times as a French school reads them', () => {
    expect(spreadsheetDate('2011-04-02')).toBe('02/04/2011');
    // 08:00 UTC in December is 09:00 in Paris; in July, 10:00.
    expect(spreadsheetTime('2026-12-08T08:00:03.000Z', 'Europe/Paris')).toBe('09:00');
    expect(spreadsheetTime('2026-07-02T08:00:00.000Z', 'Europe/Paris')).toBe('10:00');
    expect(spreadsheetTime('2026-12-08T08:00:00.000Z', 'Indian/Reunion')).toBe('12:00');
  });
});
