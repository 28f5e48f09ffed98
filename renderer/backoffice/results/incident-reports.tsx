// « Signalements » on the back office's finalization page: the referent who finalizes there records the
// coded incident reports the invigilator did not (DOMAIN.md §7): the candidate, a C or E code with its
// meaning, the question's number for an E code, what happened. Saved reports are listed at once, each
// can be withdrawn (a report filed by mistake) after a confirmation; the jury reads them on the results
// page and may neutralize a question reported with an E code.
import { useEffect, useState, type FormEvent } from 'react';
import { announce } from '../../shared/announcer.tsx';
import type { ApiFailure, Candidate, CentreClient, Incident, IncidentInput } from '../api/centre-client.ts';
import { byName } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient } from '../state/auth.tsx';
import { asFailure, useResource } from '../state/use-resource.ts';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { Field, focusFirstInvalid } from '../ui/field.tsx';
import { Loaded } from '../ui/page.tsx';
import { FormProblems } from '../ui/save-form.tsx';
import {
  C_CODES,
  E_CODES,
  asIncidentCode,
  asksQuestion,
  checkIncident,
  emptyIncidentDraft,
  incidentErrorCount,
  type IncidentDraft,
  type IncidentErrors,
} from './incident-report-form.ts';
import { useCandidateListName, useCandidateName, type NameOf } from './candidate-names.tsx';
import { IncidentFacts } from './incident-facts.tsx';
import { codeMeaningKey, reportsInReadingOrder } from './jury-review.ts';

type Person = Pick<Candidate, 'id' | 'firstName' | 'lastName' | 'birthdate'>;

const HEADING = 'incident-reports';

/** What the section shows: the session's candidates and its reports. */
export interface IncidentData {
  candidates: Candidate[];
  incidents: Incident[];
}

/**
 * Saving and withdrawing reports, each answer applied to the list as it is when it comes (a save and a
 * withdrawal may overlap): a list captured when the action started would lose the report saved
 * meanwhile, or bring back the one withdrawn.
 */
export function incidentActions(
  client: Pick<CentreClient, 'reportIncident' | 'withdrawIncident'>,
  sessionId: string,
  update: (change: (current: IncidentData) => IncidentData) => void,
): {
  onReport: (input: IncidentInput) => Promise<Incident>;
  onWithdraw: (incident: Incident) => Promise<void>;
} {
  return {
    async onReport(input) {
      const saved = await client.reportIncident(sessionId, input);
      update((d) => ({ ...d, incidents: [...d.incidents.filter((i) => i.id !== saved.id), saved] }));
      return saved;
    },
    async onWithdraw(incident) {
      await client.withdrawIncident(sessionId, incident.id);
      update((d) => ({ ...d, incidents: d.incidents.filter((i) => i.id !== incident.id) }));
    },
  };
}

/**
 * The section with its data: the session's candidates and reports, read when the page opens.
 * `onCount`: told how many reports the session has, once read and after each change.
 */
export function IncidentReportsSection({
  sessionId,
  onCount,
}: {
  sessionId: string;
  onCount?: (count: number) => void;
}) {
  const client = useClient();
  const data = useResource<IncidentData>(async () => {
    const [candidates, incidents] = await Promise.all([
      client.candidates(sessionId),
      client.incidents(sessionId),
    ]);
    return { candidates, incidents };
  }, [client, sessionId]);
  const { onReport, onWithdraw } = incidentActions(client, sessionId, data.update);
  const count = data.data?.incidents.length ?? null;
  useEffect(() => {
    if (count !== null) onCount?.(count);
  }, [count, onCount]);
  return (
    <Loaded resource={data}>
      {({ candidates, incidents }) => (
        <IncidentReports
          candidates={candidates}
          incidents={incidents}
          onReport={onReport}
          onWithdraw={onWithdraw}
        />
      )}
    </Loaded>
  );
}

export function IncidentReports({
  candidates,
  incidents,
  onReport,
  onWithdraw,
  initialDraft = emptyIncidentDraft,
}: {
  candidates: readonly Person[];
  incidents: readonly Incident[];
  /** Saves the report; the list shows it once it resolves. */
  onReport: (input: IncidentInput) => Promise<Incident>;
  onWithdraw: (incident: Incident) => Promise<void>;
  /** The form's starting answers (a test renders a chosen code). */
  initialDraft?: IncidentDraft;
}) {
  const t = useT();
  const [draft, setDraft] = useState<IncidentDraft>(initialDraft);
  const [errors, setErrors] = useState<IncidentErrors | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  // Two « Jade MOREAU »: each named with the birthdate, in the list to choose from and in the reports,
  // as the rest of the page names them (candidate-names.tsx).
  const named = useCandidateName();
  const listed = useCandidateListName();
  const nameOf = (candidateId: string, as: NameOf = named) => {
    const candidate = byId.get(candidateId);
    return candidate ? as({ ...candidate, candidateId }) : candidateId;
  };
  const reports = reportsInReadingOrder(incidents, byId);
  const sorted = [...candidates].sort(byName);

  const say = (message: string) => {
    setSaid(message);
    announce(message);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (busy) return;
    setFailure(null);
    const checked = checkIncident(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form);
      return;
    }
    setErrors(null);
    setBusy(true);
    try {
      const saved = await onReport(checked.input);
      // The next report is often about the same candidate: they stay chosen.
      setDraft({ ...emptyIncidentDraft, candidateId: draft.candidateId });
      say(t('jury.reports.saved', { code: saved.code, name: nameOf(saved.candidateId) }));
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section card-panel" aria-labelledby={HEADING} data-testid="incident-reports">
      <h2 id={HEADING} tabIndex={-1}>
        {t('jury.reports.title')}
      </h2>
      <p className="hint">{t('jury.reports.intro')}</p>
      {said !== null && (
        <p className="notice notice-ok" data-testid="incident-said">
          {said}
        </p>
      )}
      {reports.length === 0 ? (
        <p data-testid="incidents-none">{t('jury.reports.none')}</p>
      ) : (
        <DataTable
          caption={t('jury.reports.caption')}
          captionVisible
          className="table-compact"
          testId="incident-list"
          columns={[
            t('jury.panel.candidate'),
            t('jury.panel.code'),
            t('jury.panel.question'),
            t('jury.panel.text'),
            <span className="visually-hidden" key="withdraw">
              {t('jury.reports.withdraw')}
            </span>,
          ]}
        >
          {reports.map((report) => {
            const name = nameOf(report.candidateId);
            return (
              <tr key={report.id} data-testid="incident-row" data-code={report.code}>
                <th scope="row">{name}</th>
                <td>{t(codeMeaningKey(report.code))}</td>
                <IncidentFacts report={report} />
                <td>
                  <ConfirmAction
                    title={t('jury.reports.withdrawTitle', { code: report.code, name })}
                    text={t('jury.reports.withdrawText')}
                    confirmLabel={t('jury.reports.withdrawConfirm')}
                    danger
                    onConfirm={async () => {
                      await onWithdraw(report);
                      say(t('jury.reports.withdrawn', { code: report.code, name }));
                      // Its row is gone: the keyboard goes back to the section's heading.
                      requestAnimationFrame(() => document.getElementById(HEADING)?.focus());
                    }}
                  >
                    {(ask) => (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={t('jury.reports.withdrawLabel', { code: report.code, name })}
                        onClick={ask}
                      >
                        {t('jury.reports.withdraw')}
                      </button>
                    )}
                  </ConfirmAction>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {candidates.length === 0 ? (
        <p data-testid="incident-no-candidates">{t('jury.reports.noCandidates')}</p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => void submit(e)}
          aria-labelledby={`${HEADING}-add`}
          data-testid="incident-form"
        >
          <h3 id={`${HEADING}-add`}>{t('jury.reports.addTitle')}</h3>
          <FormProblems failure={failure} errorCount={errors ? incidentErrorCount(errors) : 0} />
          <div className="field-row">
            <Field
              label={t('jury.reports.candidate')}
              error={errors?.candidate ? t('jury.reports.errors.candidate') : null}
            >
              {(control) => (
                <select
                  {...control}
                  className="input"
                  name="candidateId"
                  value={draft.candidateId}
                  onChange={(e) => setDraft((d) => ({ ...d, candidateId: e.target.value }))}
                >
                  <option value="">{t('jury.reports.chooseCandidate')}</option>
                  {sorted.map((c) => (
                    <option key={c.id} value={c.id}>
                      {nameOf(c.id, listed)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('jury.reports.code')} error={errors?.code ? t('jury.reports.errors.code') : null}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  name="code"
                  value={draft.code}
                  onChange={(e) => setDraft((d) => ({ ...d, code: asIncidentCode(e.target.value) }))}
                >
                  <option value="">{t('jury.reports.chooseCode')}</option>
                  <optgroup label={t('jury.reports.groupC')}>
                    {C_CODES.map((code) => (
                      <option key={code} value={code}>
                        {t(codeMeaningKey(code))}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('jury.reports.groupE')}>
                    {E_CODES.map((code) => (
                      <option key={code} value={code}>
                        {t(codeMeaningKey(code))}
                      </option>
                    ))}
                  </optgroup>
                </select>
              )}
            </Field>
          </div>
          {/* Only an E code is about a question: the field comes after the code that asks for it. */}
          {asksQuestion(draft) && (
            <Field
              label={t('jury.reports.question')}
              hint={t('jury.reports.questionHint')}
              error={errors?.question ? t('jury.reports.errors.question') : null}
            >
              {(control) => (
                <input
                  {...control}
                  className="input input-tiny"
                  inputMode="numeric"
                  autoComplete="off"
                  name="questionNumber"
                  value={draft.questionNumber}
                  onChange={(e) => setDraft((d) => ({ ...d, questionNumber: e.target.value }))}
                />
              )}
            </Field>
          )}
          <Field
            label={t('jury.reports.description')}
            optionalLabel={t('common.optional')}
            hint={t('jury.reports.descriptionHint')}
            error={errors?.description ? t('jury.reports.errors.description') : null}
          >
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={3}
                name="description"
                value={draft.description}
                onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
              />
            )}
          </Field>
          <button type="submit" className="button button-secondary" aria-disabled={busy || undefined}>
            {busy ? t('jury.reports.saving') : t('jury.reports.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
