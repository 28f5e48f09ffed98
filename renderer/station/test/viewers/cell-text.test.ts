import { describe, expect, it } from 'vitest';
import { booleanText, errorText, formatNumber, formulaForDisplay, localizedNumberText } from './cell-text.ts';

describe('what a cell shows on a French screen', () => {
  it('writes numbers with a decimal comma and spaced thousands', () => {
    expect(localizedNumberText('1,234.50', 'fr')).toBe('1\u202f234,50');
    expect(localizedNumberText('12.5%', 'fr')).toBe('12,5%');
    expect(localizedNumberText('1.23457E+11', 'fr')).toBe('1,23457E+11');
    expect(localizedNumberText('1,234.50', 'en')).toBe('1,234.50');
    // Text a format adds keeps its punctuation; a leading decimal point is still a separator.
    expect(localizedNumberText('3 pts.', 'fr')).toBe('3 pts.');
    expect(localizedNumberText('1,250 km, env.', 'fr')).toBe('1\u202f250 km, env.');
    expect(localizedNumberText('.50', 'fr')).toBe(',50');
  });

  it('says VRAI/FAUX and the French error names', () => {
    expect(booleanText(true, 'fr')).toBe('VRAI');
    expect(booleanText(false, 'en')).toBe('FALSE');
    expect(errorText('#VALUE!', 'fr')).toBe('#VALEUR!');
    expect(errorText('#DIV/0!', 'fr')).toBe('#DIV/0!');
    expect(errorText('#VALUE!', 'en')).toBe('#VALUE!');
  });

  it('shows text from the file as it is, even named like an object’s own properties', () => {
    for (const text of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(errorText(text, 'fr')).toBe(text);
      expect(formulaForDisplay(`${text}(A1,B1)`, 'fr')).toBe(`=${text}(A1;B1)`);
      expect(formulaForDisplay(`${text.toUpperCase()}(A1)`, 'fr')).toBe(`=${text.toUpperCase()}(A1)`);
    }
  });

  it('formats the status line’s totals without floating-point noise', () => {
    expect(formatNumber(0.1 + 0.2, 'fr')).toBe('0,3');
    expect(formatNumber(665.6, 'fr')).toBe('665,6');
    expect(formatNumber(1234567.891, 'fr')).toBe('1\u202f234\u202f567,891');
    expect(formatNumber(10 / 3, 'fr')).toBe('3,333333');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(-0, 'fr')).toBe('0');
  });
});

describe('formulas as office software shows them', () => {
  it.each([
    ['SUM(B2:B9)', '=SOMME(B2:B9)'],
    ['AVERAGE(B2:B9)*1.2', '=MOYENNE(B2:B9)*1,2'],
    ['IF(C2>=10,"Reçu, bravo","Non reçu")', '=SI(C2>=10;"Reçu, bravo";"Non reçu")'],
    ["SUM('Notes, 4e A'!B2:B9,Feuil2!$C$3)", "=SOMME('Notes, 4e A'!B2:B9;Feuil2!$C$3)"],
    ['_xlfn.IFS(A1>1,TRUE,A1<0,FALSE)', '=SI.CONDITIONS(A1>1;VRAI;A1<0;FAUX)'],
    ['ROUND(B2/3, 2)', '=ARRONDI(B2/3; 2)'],
    ['"a""b,c"&A1', '="a""b,c"&A1'],
    ['SUM({1,2.5;3,4})', '=SOMME({1,2.5;3,4})'],
    ['MYMACRO(A1,B1)', '=MYMACRO(A1;B1)'],
    ['B2*C2', '=B2*C2'],
  ])('%s → %s', (stored, shown) => {
    expect(formulaForDisplay(stored, 'fr')).toBe(shown);
  });

  it('shows the stored formula on an English screen, without storage prefixes', () => {
    expect(formulaForDisplay('SUM(B2:B9,1.5)', 'en')).toBe('=SUM(B2:B9,1.5)');
    expect(formulaForDisplay('_xlfn.IFS(A1>1,1)', 'en')).toBe('=IFS(A1>1,1)');
  });
});
