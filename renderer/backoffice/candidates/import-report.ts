// The CSV import's per-line report in the referent's words: which column, what is wrong, how to fix
// it. The server names the column as written in the file and, for the columns it recognised, the
// field behind it; the field decides the advice. A field the file has no column for is named by the
// server's own label (the template's header): mapped back here, so that the advice is still ours (and
// says to add the column), never the server's English detail.
import { CANDIDATE_CSV_LABELS, type CandidateCsvField } from '../../../core/session/candidate-csv-columns.ts';
import type { CandidateImportReport } from '../api/centre-client.ts';
import type { MessageKey, Translate } from '../i18n/use-t.ts';

type LineError = CandidateImportReport['lines'][number]['errors'][number];
type Columns = CandidateImportReport['columns'];

const FIELDS = Object.keys(CANDIDATE_CSV_LABELS) as CandidateCsvField[];
type ImportField = CandidateCsvField;

function isField(value: string | null | undefined): value is ImportField {
  return (FIELDS as readonly (string | null | undefined)[]).includes(value);
}

export function fieldOfColumn(column: string, columns: Columns): ImportField | null {
  const field = columns.find((c) => c.header === column)?.field;
  return isField(field) ? field : null;
}

/** The field behind a server label that is none of the file's headers: its column is missing. */
export function missingColumnField(column: string, columns: Columns): ImportField | null {
  if (columns.some((c) => c.header === column)) return null;
  return FIELDS.find((f) => CANDIDATE_CSV_LABELS[f] === column) ?? null;
}

export function lineErrorText(error: LineError, columns: Columns, t: Translate): string {
  if (error.column === null) {
    const line = /line (\d+)/.exec(error.message)?.[1];
    const detail = line ? t('csvImport.line') + ` ${line}` : error.message;
    const key: MessageKey =
      error.code === 'REQUIRED' || error.code === 'INVALID'
        ? 'csvImport.lineErrors.INVALID'
        : (`csvImport.lineErrors.${error.code}` as MessageKey);
    return t('csvImport.wholeLine') + t(key, { detail });
  }
  const prefix = t('csvImport.columnLabel', { column: error.column });
  const missing = missingColumnField(error.column, columns);
  if (missing) {
    return prefix + t('csvImport.missingColumn', { hint: t(`csvImport.fieldHints.${missing}`) });
  }
  const field = fieldOfColumn(error.column, columns);
  if (error.code === 'REQUIRED' && field !== 'birthInseeCode' && field !== 'birthCity') {
    return prefix + t('csvImport.lineErrors.REQUIRED');
  }
  if (field) return prefix + t(`csvImport.fieldHints.${field}`);
  return `${prefix}${t(`csvImport.lineErrors.${error.code}`, { detail: '' })} ${t('csvImport.serverSaid', {
    message: error.message,
  })}`;
}

/** Lines the import would take (preview) or took (import). */
export function acceptedLines(report: CandidateImportReport): number {
  return report.lines.filter((l) => l.status !== 'rejected').length;
}

/** The preview's summary, "3 lignes prêtes à importer, 1 ligne refusée.": each count with its plural. */
export function previewSummary(valid: number, rejected: number, t: Translate): string {
  return t('csvImport.summary', {
    valid: t('csvImport.counts.valid', { count: valid }),
    rejected: t('csvImport.counts.rejected', { count: rejected }),
  });
}

/** The import's summary, "3 candidats importés, 1 ligne refusée.": each count with its plural. */
export function importSummary(imported: number, rejected: number, t: Translate): string {
  return t('csvImport.done', {
    imported: t('csvImport.counts.imported', { count: imported }),
    rejected: t('csvImport.counts.rejected', { count: rejected }),
  });
}
