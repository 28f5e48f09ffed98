// What a spreadsheet cell shows, in the screen's language. SheetJS formats .xlsx/.xls numbers with the
// file's number format but English separators ("1,234.50"): a French office suite shows "1 234,50",
// and so does the station for a French screen. An .ods keeps the text LibreOffice showed, already in
// its author's language: it is left as it is. Formulas are stored with English function names ("SUM");
// a French screen shows them as French office software does (« =SOMME(B2:B9) »).

const isFrench = (language: string) => language.toLowerCase().startsWith('fr');

/** A number as SheetJS formatted it, with French separators on a French screen. */
export function localizedNumberText(text: string, language: string): string {
  if (!isFrench(language)) return text;
  // Narrow no-break space: what French number formatting (Intl) groups thousands with. Only separators
  // followed by a digit: a format's own text (`0" pts."`, `#,##0" km, env."`) keeps its punctuation.
  return text.replace(/[.,](?=\d)/g, (sep) => (sep === '.' ? ',' : '\u202f'));
}

export function booleanText(value: boolean, language: string): string {
  if (isFrench(language)) return value ? 'VRAI' : 'FAUX';
  return value ? 'TRUE' : 'FALSE';
}

// Maps, not plain objects: the keys looked up come from the file ("__proto__", "constructor"…).
const FRENCH_ERRORS = new Map([
  ['#VALUE!', '#VALEUR!'],
  ['#NAME?', '#NOM?'],
  ['#NUM!', '#NOMBRE!'],
  ['#NULL!', '#NUL!'],
]);

export function errorText(text: string, language: string): string {
  return isFrench(language) ? (FRENCH_ERRORS.get(text) ?? text) : text;
}

/** A number for the status line (totals): "1 234,5" in French, up to six decimals. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(isFrench(language) ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 6 }).format(
    Object.is(value, -0) ? 0 : value,
  );
}

// The functions candidates meet in class, with the names French Excel and LibreOffice give them.
const FRENCH_FUNCTIONS = new Map(
  Object.entries({
    ABS: 'ABS',
    AND: 'ET',
    AVERAGE: 'MOYENNE',
    AVERAGEIF: 'MOYENNE.SI',
    AVERAGEIFS: 'MOYENNE.SI.ENS',
    CONCAT: 'CONCAT',
    CONCATENATE: 'CONCATENER',
    COUNT: 'NB',
    COUNTA: 'NBVAL',
    COUNTBLANK: 'NB.VIDE',
    COUNTIF: 'NB.SI',
    COUNTIFS: 'NB.SI.ENS',
    DATE: 'DATE',
    DAY: 'JOUR',
    HLOOKUP: 'RECHERCHEH',
    IF: 'SI',
    IFERROR: 'SIERREUR',
    IFS: 'SI.CONDITIONS',
    INDEX: 'INDEX',
    INT: 'ENT',
    ISBLANK: 'ESTVIDE',
    ISNUMBER: 'ESTNUM',
    LARGE: 'GRANDE.VALEUR',
    LEFT: 'GAUCHE',
    LEN: 'NBCAR',
    LOOKUP: 'RECHERCHE',
    LOWER: 'MINUSCULE',
    MATCH: 'EQUIV',
    MAX: 'MAX',
    MEDIAN: 'MEDIANE',
    MID: 'STXT',
    MIN: 'MIN',
    MOD: 'MOD',
    MONTH: 'MOIS',
    NOT: 'NON',
    NOW: 'MAINTENANT',
    OR: 'OU',
    POWER: 'PUISSANCE',
    PRODUCT: 'PRODUIT',
    PROPER: 'NOMPROPRE',
    RAND: 'ALEA',
    RANDBETWEEN: 'ALEA.ENTRE.BORNES',
    RANK: 'RANG',
    RIGHT: 'DROITE',
    ROUND: 'ARRONDI',
    ROUNDDOWN: 'ARRONDI.INF',
    ROUNDUP: 'ARRONDI.SUP',
    SMALL: 'PETITE.VALEUR',
    SQRT: 'RACINE',
    SUM: 'SOMME',
    SUMIF: 'SOMME.SI',
    SUMIFS: 'SOMME.SI.ENS',
    SUMPRODUCT: 'SOMMEPROD',
    TEXT: 'TEXTE',
    TODAY: 'AUJOURDHUI',
    TRIM: 'SUPPRESPACE',
    UPPER: 'MAJUSCULE',
    VALUE: 'CNUM',
    VLOOKUP: 'RECHERCHEV',
    XLOOKUP: 'RECHERCHEX',
    YEAR: 'ANNEE',
  }),
);

/** Prefixes Excel stores before newer functions (`_xlfn.IFS`, `_xlfn._xlws.SORT`): never shown. */
const STORAGE_PREFIX = /^(?:_xlfn\.|_xlws\.)+/i;

/**
 * A stored formula ("SUM(B2:B9)", no "=") as the candidate's office software would show it: with "="
 * and, on a French screen, French function names, ";" between arguments and decimal commas. Text in
 * quotes, sheet names and array constants are left untouched.
 */
export function formulaForDisplay(formula: string, language: string): string {
  const french = isFrench(language);
  let out = '=';
  let braces = 0;
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      // A quoted string or sheet name; a doubled quote stays inside it.
      let end = i + 1;
      while (end < formula.length && !(formula[end] === ch && formula[end + 1] !== ch)) {
        end += formula[end] === ch ? 2 : 1;
      }
      out += formula.slice(i, end + 1);
      i = end + 1;
    } else if (/[A-Za-z_\\]/.test(ch)) {
      const name = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(formula.slice(i))?.[0] ?? ch;
      i += name.length;
      const isCall = /^\s*\(/.test(formula.slice(i));
      const upper = name.toUpperCase();
      if (isCall) {
        const bare = name.replace(STORAGE_PREFIX, '');
        out += french ? (FRENCH_FUNCTIONS.get(bare.toUpperCase()) ?? bare) : bare;
      } else if (french && (upper === 'TRUE' || upper === 'FALSE')) {
        out += upper === 'TRUE' ? 'VRAI' : 'FAUX';
      } else {
        out += name;
      }
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(formula.charAt(i + 1)))) {
      const number = /^[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?/.exec(formula.slice(i))?.[0] ?? ch;
      i += number.length;
      out += french && braces === 0 ? number.replace('.', ',') : number;
    } else {
      if (ch === '{') braces += 1;
      if (ch === '}') braces = Math.max(0, braces - 1);
      out += french && braces === 0 && ch === ',' ? ';' : ch;
      i += 1;
    }
  }
  return out;
}
