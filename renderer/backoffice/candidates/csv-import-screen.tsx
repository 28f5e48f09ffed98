// Import a class list (CSV): the template to fill, the file, a preview line by line (what will be
// imported, what is refused and how to fix it), then the import itself and its report. Nothing is
// stored before the referent confirms; refused lines are never stored. The input is emptied once the
// file is read, so that the corrected file (often the same name) can be chosen again after a refusal.
import { useRef, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import {
  centrePaths,
  type ApiFailure,
  type CandidateImportReport,
  type CentreSession,
} from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { hrefFor } from '../state/router.ts';
import { asFailure } from '../state/use-resource.ts';
import { announce } from '../../shared/announcer.tsx';
import { ErrorNotice, NextStep } from '../ui/page.tsx';
import { takeChosenFile } from './file-input.ts';
import { ImportFileField } from './import-file-field.tsx';
import { SessionImportPage } from './session-import-page.tsx';
import { acceptedLines, importSummary, lineErrorText, previewSummary } from './import-report.ts';
import { readCsvRefusal } from './csv-refusal.ts';
import { DataTable } from '../ui/data-table.tsx';

export function CsvImportScreen({ sessionId }: { sessionId: string }) {
  const t = useT();
  return (
    <SessionImportPage
      sessionId={sessionId}
      title={t('csvImport.title')}
      intro={t('csvImport.intro')}
      closed={t('errors.SESSION_CLOSED')}
    >
      {(session) => <CsvImport session={session} />}
    </SessionImportPage>
  );
}

type Step =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'preview'; file: Blob; report: CandidateImportReport }
  | { step: 'importing'; file: Blob; report: CandidateImportReport }
  | { step: 'done'; report: CandidateImportReport };

function CsvImport({ session }: { session: CentreSession }) {
  const t = useT();
  const client = useClient();
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  async function preview(chosen: File) {
    setFailure(null);
    setStep({ step: 'checking' });
    try {
      // Read, then the input emptied: browsers fire `change` only for a different file (file-input.ts).
      const file = await takeChosenFile(chosen, input.current);
      const report = await client.importCandidates(session.id, file, true);
      setStep({ step: 'preview', file, report });
      announce(previewSummary(acceptedLines(report), report.rejected, t));
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (e) {
      setFailure(asFailure(e));
      setStep({ step: 'choose' });
    }
  }

  async function importNow() {
    if (step.step !== 'preview') return;
    setFailure(null);
    setStep({ ...step, step: 'importing' });
    try {
      const report = await client.importCandidates(session.id, step.file, false);
      setStep({ step: 'done', report });
      announce(importSummary(report.imported, report.rejected, t));
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (e) {
      setFailure(asFailure(e));
      setStep({ ...step, step: 'preview' });
    }
  }

  function again() {
    setStep({ step: 'choose' });
    if (input.current) input.current.value = '';
    input.current?.focus();
  }

  const report = 'report' in step ? step.report : null;
  const valid = report ? acceptedLines(report) : 0;
  return (
    <>
      <section className="section" aria-labelledby="csv-template">
        <h2 id="csv-template">{t('csvImport.templateTitle')}</h2>
        <p className="hint">{t('csvImport.templateHint')}</p>
        <a
          className="button button-secondary"
          href={centrePaths.candidateTemplate}
          download
          data-testid="csv-template"
        >
          {t('csvImport.template')}
        </a>
      </section>
      <section className="section" aria-labelledby="csv-file">
        <h2 id="csv-file">{t('csvImport.fileTitle')}</h2>
        <ImportFileField
          label={t('csvImport.file')}
          hint={t('csvImport.fileHint')}
          accept=".csv,text/csv,text/plain"
          testId="csv-input"
          inputRef={input}
          onFile={(file) => void preview(file)}
        />
        {step.step === 'checking' && <p role="status">{t('csvImport.checking')}</p>}
        <ImportFailure failure={failure} />
      </section>

      {report && (
        <section
          className="section"
          aria-labelledby="csv-result"
          data-testid="csv-report"
          data-step={step.step}
        >
          <h2 id="csv-result" ref={resultHeading} tabIndex={-1}>
            {step.step === 'done' ? t('csvImport.doneTitle') : t('csvImport.previewTitle')}
          </h2>
          <p
            className={`notice ${report.rejected > 0 ? 'notice-warning' : 'notice-ok'}`}
            data-testid="csv-summary"
          >
            {step.step === 'done'
              ? importSummary(report.imported, report.rejected, t)
              : previewSummary(valid, report.rejected, t)}
          </p>
          <p className="hint">
            {t('csvImport.detected', {
              separator: report.separator === '\t' ? 'tab' : report.separator,
              encoding: report.encoding.toUpperCase(),
            })}{' '}
            {t('csvImport.columns')} :{' '}
            {report.columns
              .map(
                (c) =>
                  `${c.header} → ${c.field ? t(`csvImport.fields.${c.field as 'lastName'}`) : t('csvImport.ignored')}`,
              )
              .join(' · ')}
          </p>
          {report.lines.length === 0 ? (
            <p>{t('csvImport.empty')}</p>
          ) : (
            <DataTable
              caption={t('csvImport.previewTitle')}
              testId="csv-lines"
              columns={[
                t('csvImport.line'),
                t('csvImport.name'),
                t('csvImport.status'),
                t('csvImport.reasons'),
              ]}
            >
              {report.lines.map((line) => (
                <tr
                  key={line.line}
                  data-testid="csv-line"
                  data-status={line.status}
                  className={line.status === 'rejected' ? 'row-rejected' : ''}
                >
                  <th scope="row">{line.line}</th>
                  <td>{line.name ?? t('csvImport.otherName')}</td>
                  <td>
                    <span className={`tag tag-${line.status}`}>{t(`csvImport.statuses.${line.status}`)}</span>
                  </td>
                  <td>
                    {line.errors.length > 0 && (
                      <ul className="reasons">
                        {line.errors.map((error, i) => (
                          <li key={i}>{lineErrorText(error, report.columns, t)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {step.step === 'preview' || step.step === 'importing' ? (
            valid > 0 ? (
              <>
                {report.rejected > 0 && <p className="hint">{t('csvImport.fixHint')}</p>}
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    aria-disabled={step.step === 'importing' || undefined}
                    data-testid="csv-confirm"
                    onClick={() => void importNow()}
                  >
                    {t('csvImport.confirm', { count: valid })}
                  </button>
                  <button type="button" className="button button-secondary" onClick={again}>
                    {t('common.cancel')}
                  </button>
                </div>
              </>
            ) : (
              <p className="notice notice-error">{t('csvImport.nothingValid')}</p>
            )
          ) : (
            <NextStep>
              <p>{t('csvImport.doneNext')}</p>
              <ul className="toolbar">
                <li>
                  <a
                    className="button button-primary"
                    href={hrefFor({ page: 'session', sessionId: session.id })}
                  >
                    {t('common.backToSession')} {session.number}
                  </a>
                </li>
                <li>
                  <a
                    className="button button-secondary"
                    href={hrefFor({ page: 'profiles', sessionId: session.id })}
                  >
                    {t('session.candidates.profiles')}
                  </a>
                </li>
                <li>
                  <button type="button" className="button button-secondary" onClick={again}>
                    {t('csvImport.again')}
                  </button>
                </li>
              </ul>
            </NextStep>
          )}
        </section>
      )}
    </>
  );
}

function ImportFailure({ failure }: { failure: ApiFailure | null }) {
  const t = useT();
  if (!failure) return null;
  if (failure.code === 'INVALID_CSV' || failure.code === 'UNSUPPORTED_MEDIA_TYPE') {
    const refusal = failure.code === 'INVALID_CSV' ? readCsvRefusal(failure.message) : null;
    return (
      <p className="notice notice-error" role="alert" data-testid="error" data-code={failure.code}>
        {refusal === null || refusal.kind === 'unreadable'
          ? t(`csvImport.errors.${failure.code}`)
          : refusal.kind === 'empty'
            ? t('csvImport.errors.empty')
            : refusal.kind === 'tooManyLines'
              ? t('csvImport.errors.tooManyLines', { lines: refusal.lines, max: refusal.max })
              : t('csvImport.errors.missingColumns', { missing: refusal.missing, found: refusal.found })}
      </p>
    );
  }
  return <ErrorNotice failure={failure} />;
}
