// Reading a candidate list as French school spreadsheets export it: UTF-8 with or without BOM (or
// Windows-1252, which Excel still writes), `;` or `,` (or tab) separators, French column names in any
// order, dates as DD/MM/YYYY or YYYY-MM-DD, "oui"/"non" flags. Each line becomes a candidate or a list
// of reasons, named by the column as written in the file; nothing is stored here.
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { CandidateInputSchema, type CandidateInput } from '../../core/contracts/centre-api.ts';
import { candidateMatchKey } from '../../core/session/candidate-name.ts';
import { CANDIDATE_CSV_LABELS, type CandidateCsvField } from '../../core/session/candidate-csv-columns.ts';
import { ApiError } from '../http/api-error.ts';

export type CandidateField = CandidateCsvField;

/** Column names after normalization (lower case, no accents, letters and digits only, no "(…)"). */
const SYNONYMS: Readonly<Record<CandidateField, readonly string[]>> = {
  lastName: ['nom', 'nomdenaissance', 'nomdefamille', 'nomdusage', 'nomeleve', 'nomdeleleve', 'lastname'],
  firstName: ['prenom', 'prenoms', 'premierprenom', 'prenomeleve', 'prenomdeleleve', 'firstname'],
  sex: ['sexe', 'genre', 'sex'],
  birthdate: ['datedenaissance', 'datenaissance', 'nele', 'neele', 'nee', 'birthdate'],
  birthCountry: ['pays', 'paysdenaissance', 'paysnaissance', 'birthcountry'],
  birthCity: [
    'communedenaissance',
    'communenaissance',
    'villedenaissance',
    'nomdelacommune',
    'nomdelacommunedenaissance',
    'lieudenaissance',
    'commune',
    'ville',
    'birthcity',
  ],
  birthInseeCode: [
    'codeinsee',
    'codeinseedenaissance',
    'codeinseedelacommunedenaissance',
    'codeinseecommunedenaissance',
    'insee',
    'birthinseecode',
  ],
  birthPostalCode: ['codepostal', 'codepostaldenaissance', 'cp', 'birthpostalcode'],
  externalId: ['identifiantexterne', 'idexterne', 'numeroeleve', 'numerodeleleve', 'ine', 'externalid'],
  resultEmail: [
    'adresseemaildudestinatairedesresultats',
    'emaildudestinatairedesresultats',
    'emaildesresultats',
    'courrieldesresultats',
    'email',
    'mail',
    'courriel',
    'adresseemail',
    'resultemail',
  ],
  extraTimePercentage: [
    'tempsmajore',
    'tempsmajorepourcentage',
    'tierstemps',
    'majorationdetemps',
    'tempssupplementaire',
    'extratime',
    'extratimepercentage',
  ],
  accessibilityAdjustment: [
    'amenagement',
    'amenagementaccessibilite',
    'besoindamenagement',
    'accessibilite',
    'adaptation',
    'accessibilityadjustment',
  ],
};

const REQUIRED: readonly CandidateField[] = ['lastName', 'firstName', 'sex', 'birthdate'];

const LABELS = CANDIDATE_CSV_LABELS;

/** Far longer than any column name: a longer header cell is an unknown column, never normalized. */
const MAX_HEADER_LENGTH = 200;
/** Far longer than any way of writing a sex, a yes/no or a percentage: a longer cell is invalid as it is. */
const MAX_CODE_LENGTH = 50;

export function normalizeHeader(header: string): string {
  return (
    header
      // "(" excluded inside: with [^)]* a run of "(" without ")" is rescanned from each one (quadratic).
      .replace(/\([^()]*\)/g, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
  );
}

function fieldOf(header: string): CandidateField | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  const key = normalizeHeader(header);
  for (const [field, names] of Object.entries(SYNONYMS) as [CandidateField, readonly string[]][]) {
    if (names.includes(key)) return field;
  }
  return null;
}

export type Separator = ';' | ',' | '\t';
export type Encoding = 'utf-8' | 'windows-1252';

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel's "CSV (séparateur point-virgule)" on Windows writes Windows-1252.
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** The separator of the header line, quotes aside: the most frequent of `;`, `,` and tab. */
export function detectSeparator(text: string): Separator {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c] += 1;
  }
  const best = (Object.entries(counts) as [Separator, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ';';
}

/** DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY, DD.MM.YYYY or YYYY-MM-DD → YYYY-MM-DD; null if not a real date. */
export function parseFrenchDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr) [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0', '']);

function parseFlag(value: string): boolean | null {
  if (value.length > MAX_CODE_LENGTH) return null;
  const v = normalizeHeader(value) || value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

function parseSex(value: string): string {
  if (value.length > MAX_CODE_LENGTH) return value.trim(); // the schema refuses it: M or F
  const v = normalizeHeader(value);
  if (['m', 'h', 'g', 'masculin', 'homme', 'garcon'].includes(v)) return 'M';
  if (['f', 'feminin', 'femme', 'fille'].includes(v)) return 'F';
  return value.trim();
}

/** "30", "30 %", "30%", "" → 30, 30, 30, 0; anything else is left for the schema to refuse. */
function parseExtraTime(value: string): number | string {
  const trimmed = value.trim();
  if (trimmed.length > MAX_CODE_LENGTH) return trimmed;
  // Not /\s*%$/: on a long run of spaces it retries from each one (quadratic).
  const v = (trimmed.endsWith('%') ? trimmed.slice(0, -1).trimEnd() : trimmed).replace(',', '.');
  if (v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : value.trim();
}

export interface CsvColumn {
  header: string;
  field: CandidateField | null;
}

export type LineErrorCode =
  'REQUIRED' | 'INVALID' | 'DUPLICATE_IN_FILE' | 'ALREADY_ENROLLED' | 'TOO_MANY_COLUMNS';

export interface ParsedLine {
  line: number;
  name: string | null;
  candidate: CandidateInput | null;
  errors: { column: string | null; code: LineErrorCode; message: string }[];
}

export interface ParsedCsv {
  separator: Separator;
  encoding: Encoding;
  columns: CsvColumn[];
  lines: ParsedLine[];
}

const MAX_LINES = 2000;

/**
 * Reads the file. Throws ApiError 400 when the file as a whole cannot be read (not CSV, a required
 * column missing, too many lines); line problems are reported per line.
 */
export function parseCandidateCsv(bytes: Uint8Array, enrolledKeys: ReadonlySet<string>): ParsedCsv {
  const { text, encoding } = decodeCsv(bytes);
  const separator = detectSeparator(text);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new ApiError(400, 'INVALID_CSV', `the file cannot be read as CSV: ${reason}`);
  }
  const [header, ...data] = rows;
  if (!header) throw new ApiError(400, 'INVALID_CSV', 'the file is empty');
  if (data.length > MAX_LINES) {
    throw new ApiError(
      400,
      'INVALID_CSV',
      `the file has ${data.length} lines; at most ${MAX_LINES} at a time`,
    );
  }
  const columns: CsvColumn[] = header.record.map((h) => ({ header: h, field: fieldOf(h) }));
  const seen = new Set<CandidateField>();
  for (const column of columns) {
    if (column.field && seen.has(column.field)) column.field = null; // the first one wins
    if (column.field) seen.add(column.field);
  }
  const missing = REQUIRED.filter((f) => !seen.has(f));
  if (missing.length > 0) {
    throw new ApiError(
      400,
      'INVALID_CSV',
      `missing column(s): ${missing.map((f) => LABELS[f]).join(', ')} (columns found: ${columns
        // Cut: a header of a megabyte is not echoed whole in the message.
        .map((c) => (c.header.length > 60 ? `${c.header.slice(0, 60)}…` : c.header))
        .join(', ')})`,
    );
  }
  const headerOf = new Map(columns.flatMap((c) => (c.field ? [[c.field, c.header] as const] : [])));
  const inFile = new Map<string, number>();
  const lines = data
    .filter((row) => row.record.some((v) => v !== ''))
    .map((row): ParsedLine => {
      const line = row.info.lines - row.record.join('').split('\n').length + 1;
      const raw: Partial<Record<CandidateField, string>> = {};
      columns.forEach((c, i) => {
        if (c.field) raw[c.field] = row.record[i] ?? '';
      });
      const result = readLine(raw, headerOf, line);
      if (row.record.length > columns.length && row.record.slice(columns.length).some((v) => v !== '')) {
        result.errors.push({
          column: null,
          code: 'TOO_MANY_COLUMNS',
          message: `the line has ${row.record.length} values for ${columns.length} columns (a separator inside a value?)`,
        });
        result.candidate = null;
      }
      if (result.candidate) {
        const key = `${candidateMatchKey(result.candidate)}|${result.candidate.birthdate}`;
        if (enrolledKeys.has(key)) {
          result.errors.push({
            column: null,
            code: 'ALREADY_ENROLLED',
            message: 'this candidate (same names and birthdate) is already enrolled in the session',
          });
          result.candidate = null;
        } else if (inFile.has(key)) {
          result.errors.push({
            column: null,
            code: 'DUPLICATE_IN_FILE',
            message: `the same candidate is already on line ${inFile.get(key)}`,
          });
          result.candidate = null;
        } else {
          inFile.set(key, line);
        }
      }
      return result;
    });
  return { separator, encoding, columns, lines };
}

function readLine(
  raw: Partial<Record<CandidateField, string>>,
  headerOf: ReadonlyMap<CandidateField, string>,
  line: number,
): ParsedLine {
  const errors: ParsedLine['errors'] = [];
  const text = (field: CandidateField): string | null => {
    const v = raw[field]?.trim() ?? '';
    return v === '' ? null : v;
  };
  const name = [text('firstName'), text('lastName')].filter(Boolean).join(' ') || null;
  for (const field of REQUIRED) {
    if (text(field) === null) {
      errors.push({ column: headerOf.get(field) ?? LABELS[field], code: 'REQUIRED', message: 'is empty' });
    }
  }
  const birthdateText = text('birthdate');
  const birthdate = birthdateText === null ? null : parseFrenchDate(birthdateText);
  if (birthdateText !== null && birthdate === null) {
    errors.push({
      column: headerOf.get('birthdate') ?? null,
      code: 'INVALID',
      message: `"${birthdateText}" is not a date written JJ/MM/AAAA or AAAA-MM-JJ`,
    });
  }
  const flagText = text('accessibilityAdjustment');
  const flag = flagText === null ? false : parseFlag(flagText);
  if (flag === null) {
    errors.push({
      column: headerOf.get('accessibilityAdjustment') ?? null,
      code: 'INVALID',
      message: `"${flagText}" is not oui or non`,
    });
  }
  if (errors.length > 0) return { line, name, candidate: null, errors };

  const insee = text('birthInseeCode');
  const postal = text('birthPostalCode');
  const input = {
    lastName: text('lastName'),
    firstName: text('firstName'),
    sex: parseSex(text('sex') ?? ''),
    birthdate,
    // Most school exports leave the country out for pupils born in France.
    birthCountry: text('birthCountry') ?? (insee || postal ? 'France' : ''),
    birthCity: text('birthCity'),
    birthInseeCode: insee,
    birthPostalCode: postal,
    externalId: text('externalId'),
    resultEmail: text('resultEmail'),
    extraTimePercentage: parseExtraTime(raw.extraTimePercentage ?? ''),
    accessibilityAdjustment: flag,
  };
  const parsed = CandidateInputSchema.safeParse(input);
  if (parsed.success) return { line, name, candidate: parsed.data, errors };
  return { line, name, candidate: null, errors: issuesToErrors(parsed.error, headerOf) };
}

function issuesToErrors(
  error: z.ZodError,
  headerOf: ReadonlyMap<CandidateField, string>,
): ParsedLine['errors'] {
  return error.issues.map((issue) => {
    const field = issue.path[0] as CandidateField | undefined;
    const column = field ? (headerOf.get(field) ?? LABELS[field]) : null;
    const empty = issue.code === 'too_small' || /empty/.test(issue.message);
    return { column, code: empty ? 'REQUIRED' : 'INVALID', message: issue.message };
  });
}

/** The template the back office offers: Excel-friendly (BOM, `;`), with one example line. */
export function candidateCsvTemplate(): string {
  const fields = Object.keys(LABELS) as CandidateField[];
  const example: Record<CandidateField, string> = {
    lastName: 'Martin',
    firstName: 'Léa',
    sex: 'F',
    birthdate: '02/04/2011',
    birthCountry: 'France',
    birthCity: 'Lyon',
    birthInseeCode: '69123',
    birthPostalCode: '',
    externalId: '2011040201',
    resultEmail: '',
    extraTimePercentage: '0',
    accessibilityAdjustment: 'non',
  };
  return `\uFEFF${fields.map((f) => LABELS[f]).join(';')}\r\n${fields.map((f) => example[f]).join(';')}\r\n`;
}
