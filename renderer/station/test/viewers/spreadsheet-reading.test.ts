// Real files written by SheetJS and read back as the viewer reads them: values as the file formats
// them (French separators for .xlsx on a French screen), formulas as stored, totals' numbers, caps.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { read, utils, write, type WorkBook } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from './file-limits.ts';
import type * as OdsScanner from './ods-hidden-lines.ts';
import { rangeStatistics } from './range-statistics.ts';
import { cellAt, workbookGrids, type SheetGrid } from './spreadsheet-grid.ts';
import { readSpreadsheet } from './spreadsheet-reading.ts';
import { UnreadableFile } from './unreadable-file.ts';
import { withEditedPart, zipClaiming } from './zip-testing.ts';

// The .ods scanner as the reader calls it, which a test can make fail or report sheets the file lacks.
const scanner = vi.hoisted(() => ({ fail: false, extra: new Map<string, OdsScanner.HiddenLines>() }));
vi.mock('./ods-hidden-lines.ts', async (importOriginal) => {
  const original = await importOriginal<typeof OdsScanner>();
  return {
    ...original,
    odsHiddenLines: (...args: Parameters<typeof original.odsHiddenLines>) => {
      if (scanner.fail) throw new Error('invalid zip data');
      const found = original.odsHiddenLines(...args);
      for (const [name, lines] of scanner.extra) found.set(name, lines);
      return found;
    },
  };
});
afterEach(() => {
  scanner.fail = false;
  scanner.extra.clear();
});

const FILES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/files');

function book(): WorkBook {
  const sheet = utils.aoa_to_sheet([
    ['Élève', 'Note', 'Admis'],
    ['Camille', 14.5, true],
    ['Yanis', 1234.5, false],
  ]);
  sheet.B2 = { t: 'n', v: 14.5 };
  sheet.B3 = { t: 'n', v: 1234.5, z: '#,##0.00' };
  sheet.B4 = { t: 'n', v: 1249, f: 'SUM(B2:B3)' };
  sheet.D2 = { t: 'n', v: 45306, z: 'dd/mm/yyyy' };
  sheet.D3 = { t: 'e', v: 0x0f };
  sheet['!ref'] = 'A1:D4';
  const hidden = utils.aoa_to_sheet([['secret']]);
  const result = utils.book_new();
  utils.book_append_sheet(result, sheet, 'Notes');
  utils.book_append_sheet(result, hidden, 'Cachée');
  utils.book_append_sheet(result, utils.aoa_to_sheet([]), 'Vide');
  result.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 0 }] };
  return result;
}

const bytesOf = (b: WorkBook, bookType: 'xlsx' | 'ods' | 'xls') =>
  new Uint8Array(write(b, { type: 'array', bookType }) as ArrayBuffer);
const text = (grid: SheetGrid | undefined, row: number, column: number) =>
  grid ? cellAt(grid, row, column)?.text : 'no grid';

/**
 * An .ods of two sheets: "Effectifs & co" with row 3 hidden by hand, row 5 by a filter (repeated) and
 * column B hidden; "__proto__" with its first row hidden.
 */
function odsWithHiddenLines(): Uint8Array {
  const sheet = utils.aoa_to_sheet([
    ['Classe', 'Code', 'Élèves'],
    ['6e A', 'X-61', 25],
    ['6e C', 'X-63', 30],
    ['5e A', 'X-51', 25],
    ['5e B', 'X-52', 27],
  ]);
  const ods = utils.book_new();
  utils.book_append_sheet(ods, sheet, 'Effectifs & co');
  utils.book_append_sheet(ods, utils.aoa_to_sheet([['x']]), '__proto__');
  const files = unzipSync(bytesOf(ods, 'ods'));
  let rows = 0;
  const content = strFromU8(files['content.xml'] ?? new Uint8Array())
    .replace(/<table:table-row>/g, () => {
      rows += 1;
      if (rows === 3 || rows === 6) return '<table:table-row table:visibility="collapse">';
      if (rows === 5) return '<table:table-row table:visibility="filter" table:number-rows-repeated="1">';
      return '<table:table-row>';
    })
    .replace(
      /(<table:table table:name="Effectifs &amp; co"[^>]*>)/,
      '$1<table:table-column/><table:table-column table:visibility="collapse"/><table:table-column table:number-columns-repeated="3"/>',
    );
  files['content.xml'] = strToU8(content);
  return zipSync(files);
}

/** Pupils per class: A1:C5, class "6e C" (row 3) and the codes (column B) to be given no size by hand. */
function classesBook(): WorkBook {
  const classes = utils.book_new();
  utils.book_append_sheet(
    classes,
    utils.aoa_to_sheet([
      ['Classe', 'Code', 'Élèves'],
      ['6e A', 61, 25],
      ['6e C', 63, 30],
      ['5e A', 51, 25],
      ['5e B', 52, 27],
    ]),
    'Effectifs',
  );
  return classes;
}

/**
 * An .xlsx as Excel saves a row dragged to height 0 and a column to width 0: `<row ht="0"
 * customHeight="1">`, `<col width="0" customWidth="1">`, no "hidden" (SheetJS writes neither).
 */
const xlsxWithFlatLines = () =>
  withEditedPart(bytesOf(classesBook(), 'xlsx'), 'xl/worksheets/sheet1.xml', (xml) =>
    xml
      .replace('<row r="3">', '<row r="3" ht="0" customHeight="1">')
      .replace('<sheetData>', '<cols><col min="2" max="2" width="0" customWidth="1"/></cols><sheetData>'),
  );

/** The same as an .ods: row 3 and column B with automatic styles of no height and no width. */
const odsWithFlatLines = () =>
  withEditedPart(bytesOf(classesBook(), 'ods'), 'content.xml', (xml) => {
    let rows = 0;
    return xml
      .replace(
        '<office:automatic-styles>',
        '<office:automatic-styles><style:style style:name="ro9" style:family="table-row"><style:table-row-properties style:row-height="0cm"/></style:style>' +
          '<style:style style:name="co9" style:family="table-column"><style:table-column-properties style:column-width="0cm"/></style:style>',
      )
      .replace(/<table:table-row>/g, () => {
        rows += 1;
        return rows === 3 ? '<table:table-row table:style-name="ro9">' : '<table:table-row>';
      })
      .replace(
        /(<table:table table:name="Effectifs"[^>]*>)/,
        '$1<table:table-column/><table:table-column table:style-name="co9"/><table:table-column/>',
      );
  });

describe('reading a spreadsheet', () => {
  it('shows an .xlsx as a French office suite would, and leaves hidden sheets out', () => {
    const grids = readSpreadsheet(bytesOf(book(), 'xlsx'), 'fr');
    expect(grids.map((g) => g.name)).toEqual(['Notes', 'Vide']);
    const [notes, empty] = grids;
    expect(notes).toMatchObject({ rowCount: 4, columnCount: 4, totalRows: 4, totalColumns: 4 });
    expect(text(notes, 0, 0)).toBe('Élève');
    expect(text(notes, 1, 1)).toBe('14,5');
    expect(text(notes, 2, 1)).toBe('1\u202f234,50');
    expect(text(notes, 1, 2)).toBe('VRAI');
    expect(text(notes, 1, 3)).toBe('15/01/2024');
    expect(text(notes, 2, 3)).toBe('#VALEUR!');
    expect(notes && cellAt(notes, 3, 1)).toEqual({
      text: '1249',
      number: 1249,
      formula: 'SUM(B2:B3)',
      align: 'end',
    });
    // A date is not a number to add up; a boolean neither.
    expect(notes && cellAt(notes, 1, 3)?.number).toBeNull();
    expect(notes && cellAt(notes, 1, 2)?.number).toBeNull();
    expect(empty).toMatchObject({ rowCount: 0, columnCount: 0 });
  });

  it('keeps English separators on an English screen', () => {
    const [notes] = readSpreadsheet(bytesOf(book(), 'xlsx'), 'en');
    expect(text(notes, 2, 1)).toBe('1,234.50');
    expect(text(notes, 1, 2)).toBe('TRUE');
  });

  it('reads .ods and .xls too', () => {
    const [ods] = readSpreadsheet(bytesOf(book(), 'ods'), 'fr');
    expect(text(ods, 0, 1)).toBe('Note');
    expect(ods && cellAt(ods, 3, 1)).toMatchObject({ number: 1249, formula: 'SUM(B2:B3)' });
    const [xls] = readSpreadsheet(bytesOf(book(), 'xls'), 'fr');
    expect(text(xls, 1, 1)).toBe('14,5');
  });

  it('reads the committed fixtures: two sheets, formulas, totals', () => {
    const outing = readSpreadsheet(
      new Uint8Array(readFileSync(path.join(FILES, 'sortie-scolaire.xlsx'))),
      'fr',
    );
    expect(outing.map((g) => g.name)).toEqual(['Dépenses', 'Élèves']);
    const [costs] = outing;
    expect(text(costs, 2, 1)).toBe('6,50');
    expect(costs && cellAt(costs, 4, 3)).toMatchObject({ text: '665,60', formula: 'SUM(D2:D4)' });
    expect(costs && rangeStatistics(costs, { top: 1, left: 3, bottom: 3, right: 3 })).toEqual({
      sum: 665.6,
      average: 665.6 / 3,
      count: 3,
      // The three totals are shown with two decimals: the status line shows its sum so.
      numberFormat: '0.00',
    });
    const [points] = readSpreadsheet(new Uint8Array(readFileSync(path.join(FILES, 'points-club.ods'))), 'fr');
    expect(text(points, 4, 2)).toBe('39');
  });

  it('reads the layout the author gave: hidden row and column, merged title, percentages', () => {
    const [classes] = readSpreadsheet(
      new Uint8Array(readFileSync(path.join(FILES, 'effectifs-college.xlsx'))),
      'fr',
    );
    if (!classes) throw new Error('no sheet');
    // Row 5 (6e C, closed) and column C (an internal code) are hidden in the file.
    expect([...classes.hiddenRows]).toEqual([4]);
    expect([...classes.hiddenColumns]).toEqual([2]);
    expect(classes.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(cellAt(classes, 2, 4)).toMatchObject({ text: '48%', number: 0.48, numberFormat: '0%' });
    // The totals' formulas were never computed: shown as formulas, counted nowhere.
    expect(cellAt(classes, 6, 1)).toEqual({
      text: '',
      number: null,
      formula: 'SUM(B3:B6)',
      align: 'start',
      uncalculated: true,
    });
    // The share of girls: 48 % + 50 % + 52 % (the closed class left out), in their format.
    expect(rangeStatistics(classes, { top: 2, left: 4, bottom: 5, right: 4 })).toEqual({
      sum: 1.5,
      average: 0.5,
      count: 3,
      numberFormat: '0%',
    });
    // Pupils: 25 + 24 + 25, neither the hidden 30 nor the uncomputed total; the hidden column's
    // numbers neither (none here but its codes), nor anything of a hidden column in a wider range.
    expect(rangeStatistics(classes, { top: 2, left: 1, bottom: 6, right: 1 })).toMatchObject({
      sum: 74,
      count: 3,
    });
  });

  it('reads an .ods’s hidden rows and columns, which SheetJS leaves out', () => {
    const [effectifs, other] = readSpreadsheet(odsWithHiddenLines(), 'fr');
    expect(effectifs?.name).toBe('Effectifs & co');
    expect([...(effectifs?.hiddenRows ?? [])]).toEqual([2, 4]);
    expect([...(effectifs?.hiddenColumns ?? [])]).toEqual([1]);
    expect(effectifs && rangeStatistics(effectifs, { top: 1, left: 0, bottom: 4, right: 2 })).toMatchObject({
      sum: 50,
      count: 2,
    });
    // A sheet really named "__proto__" gets its hidden row too.
    expect(other?.name).toBe('__proto__');
    expect([...(other?.hiddenRows ?? [])]).toEqual([0]);
    expect(Object.hasOwn(Object.prototype, '!rows')).toBe(false);
  });

  it('hides an .xlsx’s row of height 0 and column of width 0, as hidden ones', () => {
    const bytes = xlsxWithFlatLines();
    // What SheetJS makes of them (read with the styles): sizes of 0, no "hidden".
    const sheet = read(bytes, { type: 'array', cellStyles: true }).Sheets.Effectifs;
    expect(sheet?.['!rows']?.[2]).toEqual({ hpt: 0, hpx: 0 });
    expect(sheet?.['!cols']?.[1]).toMatchObject({ width: 0 });
    expect(sheet?.['!cols']?.[1]?.hidden).toBeUndefined();
    const [grid] = readSpreadsheet(bytes, 'fr');
    if (!grid) throw new Error('no sheet');
    expect([...grid.hiddenRows]).toEqual([2]);
    expect([...grid.hiddenColumns]).toEqual([1]);
    // The cells are still read (the row keeps its number); the totals leave them out: 25 + 25 + 27.
    expect(text(grid, 2, 0)).toBe('6e C');
    expect(rangeStatistics(grid, { top: 1, left: 0, bottom: 4, right: 2 })).toMatchObject({
      sum: 77,
      count: 3,
    });
  });

  it('hides an .ods’s row of height 0 and column of width 0, which SheetJS does not read', () => {
    const [grid] = readSpreadsheet(odsWithFlatLines(), 'fr');
    if (!grid) throw new Error('no sheet');
    expect([...grid.hiddenRows]).toEqual([2]);
    expect([...grid.hiddenColumns]).toEqual([1]);
    expect(rangeStatistics(grid, { top: 1, left: 0, bottom: 4, right: 2 })).toMatchObject({
      sum: 77,
      count: 3,
    });
  });

  it('ignores hidden lines the scanner finds for a sheet SheetJS did not read', () => {
    const sheet = utils.aoa_to_sheet([['x'], ['y']]);
    const ods = utils.book_new();
    utils.book_append_sheet(ods, sheet, 'Seule');
    scanner.extra.set('__proto__', { rows: [0], columns: [0] });
    scanner.extra.set('Absente', { rows: [1], columns: [] });
    const grids = readSpreadsheet(bytesOf(ods, 'ods'), 'fr');
    expect(grids.map((g) => [g.name, [...g.hiddenRows]])).toEqual([['Seule', []]]);
    // Never written on Object.prototype, where every object would find it.
    expect(Object.hasOwn(Object.prototype, '!rows')).toBe(false);
    expect(Object.hasOwn(Object.prototype, '!cols')).toBe(false);
  });

  it('shows every row and column of an .ods whose hidden lines cannot be scanned', () => {
    scanner.fail = true;
    const [effectifs, other] = readSpreadsheet(odsWithHiddenLines(), 'fr');
    expect(text(effectifs, 2, 0)).toBe('6e C');
    expect(effectifs?.hiddenRows.size).toBe(0);
    expect(effectifs?.hiddenColumns.size).toBe(0);
    expect(other?.hiddenRows.size).toBe(0);
  });

  it('shows a formula SheetJS wrote without its value as not computed', () => {
    const sheet = utils.aoa_to_sheet([[1], [2]]);
    sheet.A3 = { t: 'n', f: 'SUM(A1:A2)' };
    sheet['!ref'] = 'A1:A3';
    const withFormula = utils.book_new();
    utils.book_append_sheet(withFormula, sheet, 'F');
    const [grid] = readSpreadsheet(bytesOf(withFormula, 'xlsx'), 'fr');
    expect(grid && cellAt(grid, 2, 0)).toMatchObject({
      formula: 'SUM(A1:A2)',
      uncalculated: true,
      number: null,
    });
  });

  it('hides hidden columns’ numbers from the totals', () => {
    const sheet = utils.aoa_to_sheet([[1, 100, 2]]);
    sheet['!cols'] = [{}, { hidden: true }, {}];
    const wide = utils.book_new();
    utils.book_append_sheet(wide, sheet, 'C');
    const [grid] = readSpreadsheet(bytesOf(wide, 'xlsx'), 'fr');
    if (!grid) throw new Error('no sheet');
    expect(rangeStatistics(grid, { top: 0, left: 0, bottom: 0, right: 2 })).toMatchObject({
      sum: 3,
      count: 2,
    });
  });

  it('cuts a large sheet to what the grid draws, and says how large it was', () => {
    const rows = Array.from({ length: 30 }, (_, r) => Array.from({ length: 12 }, (_, c) => r * 100 + c));
    const big = utils.book_new();
    utils.book_append_sheet(big, utils.aoa_to_sheet(rows), 'Grand');
    const [grid] = workbookGrids(big, { language: 'fr', maxRows: 10, maxColumns: 5 });
    expect(grid).toMatchObject({ rowCount: 10, columnCount: 5, totalRows: 30, totalColumns: 12 });
    expect(grid && cellAt(grid, 9, 4)?.text).toBe('904');
    expect(grid && cellAt(grid, 10, 0)).toBeUndefined();
    expect(grid && cellAt(grid, 0, 5)).toBeUndefined();
  });

  it.each([
    ['plain text given as .xlsx', new TextEncoder().encode('Élève;Note\nCamille;12')],
    ['a zip that is not a spreadsheet', new TextEncoder().encode('PK\u0003\u0004 broken')],
    [
      'a password-protected (encrypted) container',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]),
    ],
    ['an empty file', new Uint8Array()],
    // SheetJS would guess these as CSV/HTML, and read the French "12,5" as 125.
    ['a French CSV named .xls', new TextEncoder().encode('Élève;Note\nCamille;12,5\nYanis;8,75\n')],
    ['a CSV named .xls', new TextEncoder().encode('Élève,Note\nCamille,12\n')],
    ['an Excel "web page" named .xls', new TextEncoder().encode('<table><tr><td>12,5</td></tr></table>')],
    ['a file over the size limit', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x50, 0, 1).fill(0x4b, 1, 2)],
    ['a zip bomb (declared size)', zipClaiming(MAX_UNZIPPED_BYTES + 1)],
  ])('refuses %s as unreadable', (_, bytes) => {
    expect(() => readSpreadsheet(bytes, 'fr')).toThrow(UnreadableFile);
  });

  it('reads no cell past the columns the grid draws', () => {
    const sheet = utils.aoa_to_sheet([Array.from({ length: 300 }, (_, c) => c)]);
    const big = utils.book_new();
    let listed = false;
    const watched = new Proxy(sheet, {
      ownKeys: (target) => {
        listed = true;
        return Reflect.ownKeys(target);
      },
    });
    utils.book_append_sheet(big, watched, 'Large');
    const [grid] = workbookGrids(big, { language: 'fr', maxColumns: 5 });
    expect(grid).toMatchObject({ rowCount: 1, columnCount: 5, totalColumns: 300 });
    expect(grid?.cells.size).toBe(5);
    // The sheet's cells are looked up within the grid's bounds, never all listed.
    expect(listed).toBe(false);
  });
});

describe('the status line’s statistics', () => {
  it('takes an .ods’s number styles as an .xlsx’s formats: percentages add up as percentages', () => {
    const sheet = utils.aoa_to_sheet([[0.25, 0.5, 1234.5]]);
    sheet.A1 = { t: 'n', v: 0.25, z: '0%' };
    sheet.B1 = { t: 'n', v: 0.5, z: '0%' };
    sheet.C1 = { t: 'n', v: 1234.5, z: '#,##0.00' };
    const shares = utils.book_new();
    utils.book_append_sheet(shares, sheet, 'Parts');
    const [grid] = readSpreadsheet(bytesOf(shares, 'ods'), 'fr');
    if (!grid) throw new Error('no sheet');
    expect(cellAt(grid, 0, 0)?.numberFormat).toBe('0%');
    expect(rangeStatistics(grid, { top: 0, left: 0, bottom: 0, right: 1 })).toEqual({
      sum: 0.75,
      average: 0.375,
      count: 2,
      numberFormat: '0%',
    });
    expect(rangeStatistics(grid, { top: 0, left: 0, bottom: 0, right: 2 }).numberFormat).toBeNull();
  });

  it('adds up the numbers of a selection, leaving text and empty cells out', () => {
    const [notes] = readSpreadsheet(bytesOf(book(), 'xlsx'), 'fr');
    if (!notes) throw new Error('no sheet');
    expect(rangeStatistics(notes, { top: 0, left: 0, bottom: 3, right: 3 })).toEqual({
      sum: 14.5 + 1234.5 + 1249,
      average: (14.5 + 1234.5 + 1249) / 3,
      count: 3,
      // 14.5 and 1249 in General, 1 234,50 with thousands: no common format.
      numberFormat: null,
    });
    expect(rangeStatistics(notes, { top: 0, left: 0, bottom: 2, right: 0 })).toEqual({
      sum: 0,
      average: null,
      count: 0,
      numberFormat: null,
    });
    // A selection larger than the sheet counts what is there.
    expect(rangeStatistics(notes, { top: 1, left: 1, bottom: 1999, right: 99 }).count).toBe(3);
  });
});
