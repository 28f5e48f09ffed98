import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error.ts';
import {
  candidateCsvTemplate,
  decodeCsv,
  detectSeparator,
  normalizeHeader,
  parseCandidateCsv,
  parseFrenchDate,
} from './candidate-csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('candidate CSV as French school spreadsheets export it', () => {
  it.each([
    ['02/04/2011', '2011-04-02'],
    ['2/4/2011', '2011-04-02'],
    ['02-04-2011', '2011-04-02'],
    ['02.04.2011', '2011-04-02'],
    ['2011-04-02', '2011-04-02'],
    ['31/02/2011', null],
    ['2011/04/02', null],
    ['04/02/11', null],
    ['', null],
  ])('reads the date %j as %j', (text, expected) => {
    expect(parseFrenchDate(text)).toBe(expected);
  });

  it('detects the separator from the header, ignoring quoted ones', () => {
    expect(detectSeparator('Nom;Prénom;Sexe\nA,B;C;D')).toBe(';');
    expect(detectSeparator('"Nom; de naissance",Prénom,Sexe')).toBe(',');
    expect(detectSeparator('Nom\tPrénom\tSexe')).toBe('\t');
  });

  it('reads UTF-8 with or without BOM, and Windows-1252 (Excel on Windows)', () => {
    expect(decodeCsv(utf8('\uFEFFNom;Prénom'))).toEqual({ text: 'Nom;Prénom', encoding: 'utf-8' });
    expect(decodeCsv(utf8('Nom;Prénom'))).toEqual({ text: 'Nom;Prénom', encoding: 'utf-8' });
    const cp1252 = Uint8Array.from([0x4e, 0x6f, 0x6d, 0x3b, 0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d]);
    expect(decodeCsv(cp1252)).toEqual({ text: 'Nom;Prénom', encoding: 'windows-1252' });
  });

  it('maps French column names in any order, with comma separators and quoted values', () => {
    const csv =
      'Date de naissance,"Nom de naissance",Prénom,Sexe (M ou F),Pays de naissance,Commune de naissance,Temps majoré (%),Aménagement\n' +
      '15/09/2010,"Dupont, épouse Leroy",Chloé,f,Belgique,Liège,30 %,oui\n';
    const parsed = parseCandidateCsv(utf8(csv), new Set());
    expect(parsed.separator).toBe(',');
    expect(parsed.lines).toHaveLength(1);
    expect(parsed.lines[0]?.errors).toEqual([]);
    expect(parsed.lines[0]?.candidate).toMatchObject({
      lastName: 'Dupont, épouse Leroy',
      firstName: 'Chloé',
      sex: 'F',
      birthdate: '2010-09-15',
      birthCountry: 'Belgique',
      birthCity: 'Liège',
      extraTimePercentage: 30,
      accessibilityAdjustment: true,
    });
  });

  it('reports each rejected line with the column as written and the reason', () => {
    const csv =
      'Nom;Prénom;Sexe;Date de naissance;Code INSEE;Temps majoré;Aménagement;E-mail\n' +
      ';Léa;F;02/04/2011;69123;;;\n' +
      'Martin;Hugo;M;02/04/2011;691;;;\n' +
      'Petit;Zoé;F;02/04/2011;69123;300;peut-être;zoe@\n' +
      'Roux;Tom;M;02/04/2011;69123;;;;en trop\n';
    const parsed = parseCandidateCsv(utf8(csv), new Set());
    const errors = parsed.lines.map((l) => l.errors.map((e) => `${e.column}:${e.code}`));
    expect(errors).toEqual([
      ['Nom:REQUIRED'],
      ['Code INSEE:INVALID'],
      ['Aménagement:INVALID'],
      ['null:TOO_MANY_COLUMNS'],
    ]);
    expect(parsed.lines.map((l) => l.line)).toEqual([2, 3, 4, 5]);
  });

  it('refuses a candidate already enrolled, and the second copy of one in the file', () => {
    const csv =
      'Nom;Prénom;Sexe;Date de naissance;Code INSEE\nMartin;Léa;F;02/04/2011;69123\nMARTIN;lea;F;2011-04-02;69123\nRoux;Tom;M;01/01/2011;69123\n';
    const parsed = parseCandidateCsv(utf8(csv), new Set(['ROUX|TOM|2011-01-01']));
    expect(parsed.lines.map((l) => l.errors.map((e) => e.code))).toEqual([
      [],
      ['DUPLICATE_IN_FILE'],
      ['ALREADY_ENROLLED'],
    ]);
  });

  it('refuses the whole file when a required column is missing, naming it', () => {
    expect(() => parseCandidateCsv(utf8('Nom;Prénom;Sexe\nMartin;Léa;F\n'), new Set())).toThrowError(
      ApiError,
    );
    expect(() => parseCandidateCsv(utf8('Nom;Prénom;Sexe\nMartin;Léa;F\n'), new Set())).toThrow(
      /Date de naissance/,
    );
    expect(() => parseCandidateCsv(utf8(''), new Set())).toThrow(/empty/);
    expect(() => parseCandidateCsv(utf8('Nom;Prénom\n"Martin;Léa\n'), new Set())).toThrow(/cannot be read/);
  });

  // A referent's file must not block the event loop: the quadratic normalizer took about 40 s on each of
  // these (minutes at the 2 MB limit). A synchronous test past its timeout fails (vitest checks it once
  // the test returns), so the timeout below is what turns "slow" into "fails"; the assertions are behaviour.
  describe('pathological files, at once', () => {
    const HEADER = 'Nom;Prénom;Sexe;Date de naissance;Code INSEE;Temps majoré (%);Aménagement';
    const parens = '('.repeat(200_000);

    it('keeps recognizing "Temps majoré (%)" and other "(…)" in column names', () => {
      expect(normalizeHeader('Temps majoré (%)')).toBe('tempsmajore');
      expect(normalizeHeader('Sexe (M ou F)')).toBe('sexe');
      expect(normalizeHeader('Aménagement accessibilité (oui/non)')).toBe('amenagementaccessibilite');
    });

    it('reads a header cell full of "(" as an unknown column', { timeout: 5000 }, () => {
      const csv = `${HEADER};${parens}\nMartin;Léa;F;02/04/2011;69123;30 %;non;x\n`;
      const parsed = parseCandidateCsv(utf8(csv), new Set());
      expect(parsed.columns.map((c) => c.field)).toEqual([
        'lastName',
        'firstName',
        'sex',
        'birthdate',
        'birthInseeCode',
        'extraTimePercentage',
        'accessibilityAdjustment',
        null,
      ]);
      expect(parsed.lines[0]?.errors).toEqual([]);
      // With the required columns missing, the whole file is refused, the long header cut in the message.
      let refusal: unknown = null;
      try {
        parseCandidateCsv(utf8(`Nom;Prénom;${parens}\nMartin;Léa;x\n`), new Set());
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ApiError);
      expect((refusal as ApiError).message).toMatch(
        /^missing column\(s\): Sexe \(M ou F\), Date de naissance/,
      );
      expect((refusal as ApiError).message.length).toBeLessThan(300);
    });

    it.each([
      ['Sexe', 2, parens],
      ['Aménagement', 6, parens],
      ['Temps majoré (%)', 5, `1${' '.repeat(200_000)}1`],
    ])('reports an endless "%s" value as invalid on its line', { timeout: 5000 }, (column, index, value) => {
      const cells = ['Martin', 'Léa', 'F', '02/04/2011', '69123', '0', 'non'];
      cells[index] = value;
      const csv = `${HEADER}\nRoux;Tom;M;01/01/2011;69123;;\n${cells.join(';')}\n`;
      const parsed = parseCandidateCsv(utf8(csv), new Set());
      expect(parsed.lines.map((l) => l.errors.map((e) => `${e.column}:${e.code}`))).toEqual([
        [],
        [`${column}:INVALID`],
      ]);
    });
  });

  it('offers a template that its own reader accepts', () => {
    const parsed = parseCandidateCsv(utf8(candidateCsvTemplate()), new Set());
    expect(parsed.columns.every((c) => c.field !== null)).toBe(true);
    expect(parsed.lines[0]?.errors).toEqual([]);
  });
});
