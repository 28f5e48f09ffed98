// « Décisions du jury » on the results page, before and after publication: per candidate, for an
// administrator (the routes refuse anyone else), « Corriger l'identité » (the names and birthdate,
// prefilled, and the reason; the invigilator's C1 report shown with it, as written) and « Annuler la
// certification » / « Rétablir la certification » (the reason asked in a confirmation that says what
// it does: no certificate, the public check says it was cancelled). Every decision already taken is
// listed: what, before → after, who, when, why. After a decision the page reads the results again,
// and the candidate's box says what happened and takes the focus; a refusal stays by the form or in
// the dialog. A referent reads the decisions taken, and who can take them.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { CandidateResult, Results } from '../../../core/contracts/invigilator-api.ts';
import type {
  CancellationRequest,
  IdentityCorrectionRequest,
} from '../../../core/contracts/jury-decisions.ts';
import { CommentCount, type CommentCountWords } from '../../shared/comment-count.tsx';
import type { ApiFailure, Incident } from '../api/centre-client.ts';
import { byName, dateTime } from '../format.ts';
import { useLocale, useT, type Translate } from '../i18n/use-t.ts';
import { asFailure } from '../state/use-resource.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { Field, focusFirstInvalid } from '../ui/field.tsx';
import { FormProblems } from '../ui/save-form.tsx';
import { useSubmitGuard } from '../ui/submit-guard.ts';
import {
  JURY_REASON_MAX,
  cancelledAt,
  checkIdentityCorrection,
  checkJuryReason,
  decisionWhat,
  decisionWhoWhen,
  identityDraft,
  identityErrorCount,
  identityText,
  isCancelledByJury,
  reportsOf,
  type IdentityDraft,
  type IdentityErrors,
} from './jury-decision-form.ts';
import { outcomeText } from './jury-review.ts';
import { useCandidateName } from './candidate-names.tsx';

/** The id of a candidate's « what was decided » line, which takes the focus after a decision. */
export const juryDecisionDoneId = (candidateId: string) => `jury-decision-done-${candidateId}`;

/** The reason's count under its field, in the jury's words. */
function reasonCountWords(t: Translate): CommentCountWords {
  return {
    count: ({ count }) => t('jury.decisions.reasonCount', { count }),
    countOver: ({ count, excess }) => t('jury.decisions.reasonCountOver', { count, excess }),
    wentOver: () => t('jury.decisions.errors.reasonTooLong'),
    backUnder: () => t('jury.decisions.reasonBackUnder'),
  };
}

export function JuryDecisions({
  results,
  administrator,
  onCorrectIdentity,
  onDecideCancellation,
}: {
  results: Results;
  /** Only an administrator (the jury) decides; a referent reads the decisions taken. */
  administrator: boolean;
  /** Sends the correction; resolves with the candidate's result once the page has it. */
  onCorrectIdentity: (candidateId: string, request: IdentityCorrectionRequest) => Promise<CandidateResult>;
  /** Sends the cancellation or its undoing; resolves with the candidate's result once the page has it. */
  onDecideCancellation: (candidateId: string, request: CancellationRequest) => Promise<CandidateResult>;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const locale = useLocale();
  const [asking, setAsking] = useState<{ candidateId: string; cancelled: boolean } | null>(null);
  // What the last decision on each candidate said, numbered: each new one takes the focus.
  const [done, setDone] = useState<Readonly<Record<string, { text: string; seq: number }>>>({});
  const decisions = useRef(0);
  if (results.results.length === 0) return null;
  const sorted = [...results.results].sort(byName);
  const said = (candidateId: string, sentence: string) => {
    decisions.current += 1;
    const seq = decisions.current;
    setDone((d) => ({ ...d, [candidateId]: { text: sentence, seq } }));
  };

  if (!administrator) {
    const decided = sorted.filter((r) => r.juryDecisions.length > 0);
    return (
      <section
        className="section card-panel"
        aria-labelledby="jury-decisions"
        data-testid="jury-decisions-referent"
      >
        <h2 id="jury-decisions">{t('jury.decisions.title')}</h2>
        <p className="hint">{t('jury.decisions.referent')}</p>
        {decided.map((result) => (
          <div key={result.candidateId} className="section">
            <h3>{nameOf(result)}</h3>
            <DecisionHistory result={result} />
          </div>
        ))}
      </section>
    );
  }

  const askedFor = asking ? results.results.find((r) => r.candidateId === asking.candidateId) : undefined;
  return (
    <section className="section card-panel" aria-labelledby="jury-decisions" data-testid="jury-decisions">
      <h2 id="jury-decisions">{t('jury.decisions.title')}</h2>
      <p className="hint">{t('jury.decisions.intro')}</p>
      {sorted.map((result) => (
        <CandidateDecisions
          key={result.candidateId}
          result={result}
          done={done[result.candidateId]?.text ?? null}
          doneSeq={done[result.candidateId]?.seq}
          onCorrect={async (request) => {
            const before = identityText(result, t, locale);
            const after = await onCorrectIdentity(result.candidateId, request);
            said(
              result.candidateId,
              t('jury.decisions.corrected', { before, after: identityText(after, t, locale) }),
            );
          }}
          onAsk={(cancelled) => setAsking({ candidateId: result.candidateId, cancelled })}
        />
      ))}
      {asking &&
        askedFor &&
        createPortal(
          <CancellationDialog
            result={askedFor}
            cancelled={asking.cancelled}
            onClose={() => setAsking(null)}
            onConfirm={async (reason) => {
              const after = await onDecideCancellation(askedFor.candidateId, {
                cancelled: asking.cancelled,
                reason,
              });
              said(
                askedFor.candidateId,
                asking.cancelled
                  ? t('jury.decisions.cancelled', { name: nameOf(after) })
                  : t('jury.decisions.uncancelled', {
                      name: nameOf(after),
                      outcome: outcomeText(after, t),
                    }),
              );
            }}
          />,
          document.body,
        )}
    </section>
  );
}

/** One candidate: their identity and the form to correct it, their certification, the decisions taken. */
export function CandidateDecisions({
  result,
  done,
  doneSeq,
  onCorrect,
  onAsk,
}: {
  result: CandidateResult;
  /** What the last decision said. */
  done: string | null;
  /**
   * Counts the decisions: at each new one, the keyboard goes to the sentence that says what was decided
   * (the form or button it came from may be gone or changed).
   */
  doneSeq?: number;
  onCorrect: (request: IdentityCorrectionRequest) => Promise<void>;
  /** Asks to cancel the certification (true) or to restore it (false). */
  onAsk: (cancelled: boolean) => void;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const locale = useLocale();
  const name = nameOf(result);
  const doneLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (doneSeq !== undefined) doneLine.current?.focus();
  }, [doneSeq]);
  const identityReports = reportsOf(result, 'C1');
  const fraudReports = reportsOf(result, 'C6');
  const cancelled = isCancelledByJury(result);
  const since = cancelledAt(result);
  const flags = [
    identityReports.length > 0 ? t('jury.decisions.flagC1') : null,
    fraudReports.length > 0 ? t('jury.decisions.flagC6') : null,
    result.juryDecisions.length > 0
      ? t('jury.decisions.flagDecisions', { count: result.juryDecisions.length })
      : null,
  ].filter((flag): flag is string => flag !== null);
  return (
    <details
      className="section"
      open={flags.length > 0 || done !== null}
      data-testid="jury-decision-candidate"
      data-candidate-id={result.candidateId}
    >
      <summary>
        <strong>
          {t('jury.decisions.summary', { name, status: t(`results.statuses.${result.status}`) })}
        </strong>
        {flags.length > 0 && <span className="sub-inline"> · {flags.join(' · ')}</span>}
      </summary>
      {done !== null && (
        <p
          ref={doneLine}
          className="notice notice-ok"
          id={juryDecisionDoneId(result.candidateId)}
          tabIndex={-1}
          data-testid="jury-decision-done"
        >
          {done}
        </p>
      )}
      <div className="section">
        <h3>{t('jury.decisions.identityTitle')}</h3>
        <p>{t('jury.decisions.identityNow', { identity: identityText(result, t, locale) })}</p>
        <Reports code="C1" reports={identityReports} />
        {/* A fresh form, prefilled, once the identity has changed. */}
        <IdentityForm
          key={`${result.lastName}|${result.firstName}|${result.birthdate}`}
          result={result}
          onCorrect={onCorrect}
        />
      </div>
      <div className="section">
        <h3>{t('jury.decisions.certificationTitle')}</h3>
        <p data-testid="jury-standing">
          {cancelled && since !== null
            ? t('jury.decisions.standingCancelled', { date: dateTime(since, locale) })
            : t('jury.decisions.standing', { outcome: outcomeText(result, t) })}
        </p>
        <Reports code="C6" reports={fraudReports} />
        <button
          type="button"
          className={`button button-small ${cancelled ? 'button-secondary' : 'button-danger-outline'}`}
          data-testid={cancelled ? 'uncancel-certification' : 'cancel-certification'}
          aria-label={t(cancelled ? 'jury.decisions.uncancelLabel' : 'jury.decisions.cancelLabel', { name })}
          onClick={() => onAsk(!cancelled)}
        >
          {t(cancelled ? 'jury.decisions.uncancel' : 'jury.decisions.cancel')}
        </button>
      </div>
      <h3>{t('jury.decisions.historyTitle')}</h3>
      <DecisionHistory result={result} />
    </details>
  );
}

/** The invigilator's reports of one code on the candidate, as written. */
function Reports({ code, reports }: { code: 'C1' | 'C6'; reports: readonly Incident[] }) {
  const t = useT();
  if (reports.length === 0) return null;
  return (
    <div className="notice" data-testid={`report-${code}`}>
      <p className="notice-title">{t('jury.decisions.reportTitle', { code })}</p>
      <ul>
        {reports.map((report) => (
          <li key={report.id}>
            {report.description.trim() === ''
              ? t('jury.decisions.reportNoText')
              : t('jury.decisions.reportText', { text: report.description })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The decisions taken on the candidate, oldest first. */
function DecisionHistory({ result }: { result: CandidateResult }) {
  const t = useT();
  const locale = useLocale();
  if (result.juryDecisions.length === 0) return <p>{t('jury.decisions.historyNone')}</p>;
  return (
    <ol className="action-list" data-testid="jury-decision-history">
      {result.juryDecisions.map((decision) => (
        <li key={decision.id} data-kind={decision.kind}>
          <span>
            <strong>{decisionWhat(decision, t, locale)}</strong> ({decisionWhoWhen(decision, t, locale)})
          </span>
          <span className="sub">{t('jury.decisions.reasonSaid', { reason: decision.reason })}</span>
        </li>
      ))}
    </ol>
  );
}

function fieldError(field: keyof IdentityDraft, errors: IdentityErrors, t: Translate): string | null {
  const problem = errors[field];
  if (field === 'lastName' && !problem && errors.unchanged) return t('jury.decisions.errors.unchanged');
  if (!problem) return null;
  if (field === 'reason')
    return t(problem === 'tooLong' ? 'jury.decisions.errors.reasonTooLong' : 'jury.decisions.errors.reason');
  if (field === 'birthdate') return t('jury.decisions.errors.birthdate');
  return t(problem === 'tooLong' ? 'jury.decisions.errors.tooLong' : `jury.decisions.errors.${field}`);
}

/** « Corriger l'identité »: the identity prefilled, the reason, checked as the server checks them. */
function IdentityForm({
  result,
  onCorrect,
}: {
  result: CandidateResult;
  onCorrect: (request: IdentityCorrectionRequest) => Promise<void>;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const countId = useId();
  const [draft, setDraft] = useState<IdentityDraft>(() => identityDraft(result));
  const [errors, setErrors] = useState<IdentityErrors>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useSubmitGuard();
  const name = nameOf(result);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (guard.held) return;
    const form = event.currentTarget;
    setFailure(null);
    const checked = checkIdentityCorrection(draft, result);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    if (!guard.claim()) return;
    setBusy(true);
    try {
      await onCorrect(checked.input);
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setBusy(false);
      guard.release();
    }
  }

  const text = (field: 'lastName' | 'firstName' | 'birthdate', type = 'text') => (
    <Field label={t(`jury.decisions.${field}`)} error={fieldError(field, errors, t)}>
      {(control) => (
        <input
          {...control}
          className={`input ${field === 'birthdate' ? 'input-short' : ''}`}
          type={type}
          name={field}
          autoComplete="off"
          value={draft[field]}
          onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        />
      )}
    </Field>
  );
  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid="identity-correction"
      aria-label={t('jury.decisions.correctLabel', { name })}
    >
      <FormProblems failure={failure} errorCount={identityErrorCount(errors)} />
      <div className="field-row">
        {text('lastName')}
        {text('firstName')}
        {text('birthdate', 'date')}
      </div>
      <Field
        label={t('jury.decisions.reason')}
        hint={t('jury.decisions.reasonHint')}
        error={fieldError('reason', errors, t)}
      >
        {(control) => (
          <textarea
            {...control}
            aria-describedby={[control['aria-describedby'], countId].filter(Boolean).join(' ')}
            className="input textarea"
            rows={2}
            name="reason"
            value={draft.reason}
            onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
          />
        )}
      </Field>
      <CommentCount
        id={countId}
        length={draft.reason.trim().length}
        max={JURY_REASON_MAX}
        words={reasonCountWords(t)}
      />
      <button type="submit" className="button button-secondary" aria-disabled={busy || undefined}>
        {busy ? t('jury.decisions.correcting') : t('jury.decisions.correct')}
      </button>
    </form>
  );
}

/** The confirmation of a cancellation (or its undoing): what it does, and the reason, required. */
function CancellationDialog({
  result,
  cancelled,
  onClose,
  onConfirm,
}: {
  result: CandidateResult;
  /** true: cancel the certification; false: restore it. */
  cancelled: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const countId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<'empty' | 'tooLong' | null>(null);
  const name = nameOf(result);
  const check = () => {
    const checked = checkJuryReason(reason);
    setError(checked.ok ? null : checked.error);
    if (!checked.ok) focusFirstInvalid(document.querySelector<HTMLElement>('dialog[open]'));
    return checked.ok;
  };
  return (
    <ConfirmDialog
      title={t(cancelled ? 'jury.decisions.cancelTitle' : 'jury.decisions.uncancelTitle', { name })}
      confirmLabel={t(cancelled ? 'jury.decisions.cancelConfirm' : 'jury.decisions.uncancelConfirm')}
      cancelLabel={t(cancelled ? 'jury.decisions.cancelKeep' : 'jury.decisions.uncancelKeep')}
      danger={cancelled}
      check={check}
      onClose={onClose}
      onConfirm={async () => {
        const checked = checkJuryReason(reason);
        if (checked.ok) await onConfirm(checked.reason);
      }}
    >
      {cancelled ? (
        <>
          <p>{t('jury.decisions.cancelText')}</p>
          {result.verificationCode !== null && (
            <p>{t('jury.decisions.cancelCode', { code: result.verificationCode })}</p>
          )}
          <p>{t('jury.decisions.cancelUndo')}</p>
        </>
      ) : (
        <p>{t('jury.decisions.uncancelText')}</p>
      )}
      <Field
        label={t('jury.decisions.reason')}
        hint={t('jury.decisions.reasonHint')}
        error={
          error === null
            ? null
            : t(error === 'tooLong' ? 'jury.decisions.errors.reasonTooLong' : 'jury.decisions.errors.reason')
        }
      >
        {(control) => (
          <textarea
            {...control}
            aria-describedby={[control['aria-describedby'], countId].filter(Boolean).join(' ')}
            className="input textarea"
            rows={3}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <CommentCount
        id={countId}
        length={reason.trim().length}
        max={JURY_REASON_MAX}
        words={reasonCountWords(t)}
      />
    </ConfirmDialog>
  );
}
