// Finalize a session when the invigilator did not: a reason for each unfinished test, the two yes/no
// questions, an optional comment, a confirmation; then the results are computed. While tests still run
// or alerts await a decision, the server refuses: the page says what the invigilator must settle first.
// A test whose station went silent while its candidate may still have time is confirmed over one by one
// (maybe-running-tests.tsx), then given its reason; if the room changed meanwhile and the server refuses,
// the list is read again, the answers kept: they live here, above the form, so that they outlive the
// list of tests to settle in the room shown instead of it meanwhile (a test resumed, an alert raised).
// Above it all, the coded incident reports (incident-reports.tsx): recorded, listed and withdrawn while
// the session is not finalized, also while the room still blocks finalization.
import { useId, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import type { ApiFailure } from '../api/centre-client.ts';
import type { UnfinishedTests } from '../../../core/contracts/centre-api.ts';
import { useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import type { CentreSession } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { asFailure, useResource } from '../state/use-resource.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { Field, RadioGroup, focusFirstInvalid } from '../ui/field.tsx';
import { BackToSession } from '../ui/back-to-session.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../ui/page.tsx';
import { FormProblems } from '../ui/save-form.tsx';
import { CandidateNamesProvider, rosterOf, useCandidateName } from './candidate-names.tsx';
import { CommentCount } from './comment-count.tsx';
import { abortReasonOptions } from './rescore-signed-result.tsx';
import {
  checkFinalization,
  emptyFinalizationDraft,
  errorCount,
  hasAnswers,
  roomChanged,
  testsNeedingReason,
  type AbortReason,
  type FinalizationDraft,
  type FinalizationErrors,
} from './finalization-form.ts';
import { IncidentReportsSection } from './incident-reports.tsx';
import { MaybeRunningTests } from './maybe-running-tests.tsx';

type Unfinished = UnfinishedTests['tests'];
type MaybeRunning = UnfinishedTests['maybeRunning'];
type Blockers = Pick<UnfinishedTests, 'running' | 'pendingAlerts'>;

export function FinalizationScreen({ sessionId }: { sessionId: string }) {
  const t = useT();
  const client = useClient();
  const data = useResource(async () => {
    const [session, unfinished, candidates] = await Promise.all([
      client.session(sessionId),
      client.unfinishedTests(sessionId),
      // All of them, to name a namesake with the birthdate even where the other is not listed.
      client.candidates(sessionId),
    ]);
    // When it was read, on this computer's clock: the silent stations' facts are as of then.
    return { session, ...unfinished, roster: rosterOf(candidates), checkedAt: Date.now() };
  }, [client, sessionId]);
  useShowCentre(data.data?.session.centreId);
  // Above the switch below: kept while the room blocks finalization and the form is not shown.
  const [draft, setDraft] = useState<FinalizationDraft>(emptyFinalizationDraft);
  // How many coded reports the session has (the section above reads them): null until read.
  const [reports, setReports] = useState<number | null>(null);
  /** The server refused because the room changed since the list was read (which was read again). */
  const [roomRefusal, setRoomRefusal] = useState<ApiFailure | null>(null);
  return (
    <div className="page page-narrow">
      <Loaded resource={data} titled={false}>
        {({ session, tests, running, maybeRunning, pendingAlerts, absentIfFinalized, roster, checkedAt }) => (
          <CandidateNamesProvider roster={roster}>
            <BackToSession session={session} />
            <PageTitle intro={t('finalization.intro')}>
              {t('finalization.title', { number: session.number })}
            </PageTitle>
            {session.state !== 'created' ? (
              <div className="notice notice-ok">
                <p>{t('finalization.already')}</p>
                <a className="button button-primary" href={hrefFor({ page: 'results', sessionId })}>
                  {t('finalization.seeResults')}
                </a>
              </div>
            ) : (
              <>
                <IncidentReportsSection sessionId={sessionId} onCount={setReports} />
                {running.length > 0 || pendingAlerts.length > 0 ? (
                  <StillInTheRoom
                    running={running}
                    pendingAlerts={pendingAlerts}
                    refusal={roomRefusal}
                    answersKept={hasAnswers(draft)}
                    onRecheck={data.reload}
                  />
                ) : (
                  <FinalizationForm
                    session={session}
                    unfinished={tests}
                    absent={absentIfFinalized}
                    maybeRunning={maybeRunning}
                    checkedAt={checkedAt}
                    draft={draft}
                    setDraft={setDraft}
                    reports={reports}
                    roomRefusal={roomRefusal}
                    setRoomRefusal={setRoomRefusal}
                    onRecheck={data.reload}
                  />
                )}
              </>
            )}
          </CandidateNamesProvider>
        )}
      </Loaded>
    </div>
  );
}

/**
 * What the invigilator must settle in the room before anyone can finalize; the refusal that brought it
 * (the room changed while the referent confirmed), and that the answers given are kept meanwhile.
 */
export function StillInTheRoom({
  running,
  pendingAlerts,
  refusal,
  answersKept,
  onRecheck,
}: Blockers & { refusal: ApiFailure | null; answersKept: boolean; onRecheck(): void }) {
  const t = useT();
  const nameOf = useCandidateName();
  const kept = answersKept ? <p data-testid="answers-kept">{t('finalization.answersKept')}</p> : null;
  const started = running.filter((c) => c.started);
  const notStarted = running.filter((c) => !c.started);
  return (
    <div data-testid="finalization-blocked">
      {refusal ? <ErrorNotice failure={refusal}>{kept}</ErrorNotice> : kept}
      {started.length > 0 && (
        <section className="notice notice-warning" aria-labelledby="running" data-testid="still-running">
          <h2 id="running">{t('finalization.runningTitle')}</h2>
          <p>{t('finalization.runningIntro')}</p>
          <ul>
            {started.map((c) => (
              <li key={c.candidateId}>{nameOf(c)}</li>
            ))}
          </ul>
        </section>
      )}
      {/* Signed in, test never started: nothing to end or resume (the server refuses both); the
          station is closed from the room, or shut down. */}
      {notStarted.length > 0 && (
        <section
          className="notice notice-warning"
          aria-labelledby="not-started"
          data-testid="signed-in-not-started"
        >
          <h2 id="not-started">{t('finalization.notStartedTitle')}</h2>
          <p>{t('finalization.notStartedIntro')}</p>
          <ul>
            {notStarted.map((c) => (
              <li key={c.candidateId}>{nameOf(c)}</li>
            ))}
          </ul>
        </section>
      )}
      {pendingAlerts.length > 0 && (
        <section className="notice notice-warning" aria-labelledby="alerts" data-testid="pending-alerts">
          <h2 id="alerts">{t('finalization.alertsTitle')}</h2>
          <p>{t('finalization.alertsIntro')}</p>
          <ul>
            {pendingAlerts.map((a, i) => (
              <li key={`${a.candidateId}-${i}`}>
                {a.questionNumber === null
                  ? nameOf(a)
                  : t('finalization.alertOn', { name: nameOf(a), number: a.questionNumber })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" className="button button-secondary" onClick={onRecheck}>
        {t('finalization.recheck')}
      </button>
    </div>
  );
}

function FinalizationForm({
  session,
  unfinished,
  absent,
  maybeRunning,
  checkedAt,
  draft,
  setDraft,
  reports,
  roomRefusal,
  setRoomRefusal,
  onRecheck,
}: {
  session: CentreSession;
  unfinished: Unfinished;
  /** Enrolled candidates finalizing now records absent (the server counts them). */
  absent: number;
  /** Maybe still running offline: confirmed over one by one before anything else. */
  maybeRunning: MaybeRunning;
  checkedAt: number;
  /** The answers, kept by the screen (they outlive this form). */
  draft: FinalizationDraft;
  setDraft: Dispatch<SetStateAction<FinalizationDraft>>;
  /** The session's coded reports: « Oui, un incident » with none is pointed to them (DOMAIN.md §8). */
  reports: number | null;
  roomRefusal: ApiFailure | null;
  setRoomRefusal(refusal: ApiFailure | null): void;
  /** Reads the list again; the answers stay. */
  onRecheck(): void;
}) {
  const t = useT();
  const client = useClient();
  const flash = useFlash();
  const [errors, setErrors] = useState<FinalizationErrors | null>(null);
  const [confirming, setConfirming] = useState(false);
  const commentCountId = useId();
  const waiting = session.counts.started - session.counts.resultsReceived - session.counts.resultsRefused;
  const checked = checkFinalization(draft, unfinished, maybeRunning);
  const needingReason = testsNeedingReason(unfinished, maybeRunning, draft.confirmedOver);
  const yesNo = [
    { value: 'yes' as const, label: t('common.yes') },
    { value: 'no' as const, label: t('common.no') },
  ];
  const asYesNo = (value: boolean | null) => (value === null ? null : value ? 'yes' : 'no');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setRoomRefusal(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form);
      return;
    }
    setErrors(null);
    setConfirming(true);
  }

  return (
    <form noValidate onSubmit={submit} data-testid="finalization-form">
      {waiting > 0 && (
        <p className="notice notice-warning" data-testid="waiting-results">
          {t('finalization.waitingResults', { count: waiting })}
        </p>
      )}
      <ErrorNotice failure={roomRefusal}>
        <p>{t('finalization.refreshed')}</p>
      </ErrorNotice>
      <FormProblems errorCount={errors ? errorCount(errors) : 0} />
      <MaybeRunningTests
        tests={maybeRunning}
        checkedAt={checkedAt}
        confirmedOver={draft.confirmedOver}
        invalid={errors?.confirmOver ?? []}
        onConfirm={(candidateId, over) =>
          setDraft((d) => ({ ...d, confirmedOver: { ...d.confirmedOver, [candidateId]: over } }))
        }
        onRecheck={onRecheck}
      />
      <section className="section" aria-labelledby="unfinished">
        <h2 id="unfinished">{t('finalization.unfinishedTitle')}</h2>
        {unfinished.length === 0 ? (
          <p data-testid="no-unfinished">{t('finalization.noUnfinished')}</p>
        ) : needingReason.length === 0 ? (
          <p data-testid="reason-after-confirm">{t('finalization.reasonAfterConfirm')}</p>
        ) : (
          <>
            <p className="hint">{t('finalization.unfinishedIntro')}</p>
            {needingReason.map((test) => (
              <AbortReasonFor
                key={test.candidateId}
                test={test}
                value={draft.abortReasons[test.candidateId] ?? null}
                onChange={(reason) =>
                  setDraft((d) => ({ ...d, abortReasons: { ...d.abortReasons, [test.candidateId]: reason } }))
                }
                invalid={errors?.abortReasons.includes(test.candidateId) ?? false}
              />
            ))}
          </>
        )}
      </section>
      <section className="section" aria-labelledby="questions">
        <h2 id="questions">{t('finalization.questionsTitle')}</h2>
        <RadioGroup
          legend={t('finalization.hadIncident')}
          name="hadIncident"
          value={asYesNo(draft.hadIncident)}
          options={yesNo}
          onChange={(v) => setDraft((d) => ({ ...d, hadIncident: v === 'yes' }))}
          error={errors?.hadIncident ? t('finalization.errors.answer') : null}
        />
        {draft.hadIncident === true && reports === 0 && (
          <p className="notice notice-warning" role="status" data-testid="incident-without-report">
            {t('finalization.incidentWithoutReport')}
          </p>
        )}
        <RadioGroup
          legend={t('finalization.couldNotJoin')}
          name="candidateCouldNotJoin"
          value={asYesNo(draft.candidateCouldNotJoin)}
          options={yesNo}
          onChange={(v) => setDraft((d) => ({ ...d, candidateCouldNotJoin: v === 'yes' }))}
          error={errors?.candidateCouldNotJoin ? t('finalization.errors.answer') : null}
        />
        <Field
          label={t('finalization.comment')}
          hint={t('finalization.commentHint')}
          error={errors?.globalComment ? t('finalization.errors.comment') : null}
        >
          {(control) => (
            <textarea
              {...control}
              // The count is read with the field's description, not announced on every keystroke.
              aria-describedby={[control['aria-describedby'], commentCountId].filter(Boolean).join(' ')}
              className="input textarea"
              rows={4}
              name="globalComment"
              value={draft.globalComment}
              onChange={(e) => setDraft((d) => ({ ...d, globalComment: e.target.value }))}
            />
          )}
        </Field>
        <CommentCount id={commentCountId} length={draft.globalComment.trim().length} />
      </section>
      <button type="submit" className="button button-primary button-large">
        {t('finalization.submit')}
      </button>
      {confirming && checked.ok && (
        <ConfirmDialog
          title={t('finalization.confirmTitle', { number: session.number })}
          confirmLabel={t('finalization.confirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              await client.finalize(session.id, checked.request);
            } catch (error) {
              const failure = asFailure(error);
              if (!roomChanged(failure.code)) throw failure;
              // A station went silent (or came back), an alert came up, a test resumed: the list is read
              // again, the answers kept by the screen (also while the tests to settle in the room replace
              // this form), and the refusal said above whichever shows. The dialog closes.
              setRoomRefusal(failure);
              onRecheck();
              return;
            }
            flash(t('finalization.done'));
            navigate({ page: 'results', sessionId: session.id });
          }}
        >
          <FinalizationConfirmText absent={absent} />
        </ConfirmDialog>
      )}
    </form>
  );
}

/** The abort reason of one unfinished test, its candidate named as the session names them (a namesake with the birthdate). */
export function AbortReasonFor({
  test,
  value,
  onChange,
  invalid,
}: {
  test: Unfinished[number];
  value: AbortReason | null;
  onChange(reason: AbortReason): void;
  invalid: boolean;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  return (
    <RadioGroup
      legend={`${t('finalization.reasonFor', { name: nameOf(test) })} (${t(`finalization.ended.${test.endReason ?? 'none'}`)})`}
      name={`abort-${test.candidateId}`}
      value={value}
      options={abortReasonOptions(t)}
      onChange={onChange}
      error={invalid ? t('finalization.errors.reason') : null}
    />
  );
}

/**
 * What finalizing does, said before it is confirmed: it cannot be undone, and every enrolled candidate
 * who did not start is recorded absent (and can no longer join): said with their number.
 */
export function FinalizationConfirmText({ absent }: { absent: number }) {
  const t = useT();
  return (
    <>
      <p>{t('finalization.confirmText')}</p>
      {absent > 0 && (
        <p data-testid="confirm-absent">
          <strong>{t('finalization.confirmAbsent', { count: absent })}</strong>
        </p>
      )}
    </>
  );
}
