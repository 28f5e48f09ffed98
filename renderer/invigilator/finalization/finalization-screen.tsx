// Finalizing the session: an abort reason for every unfinished test, the global comment (≤ 500
// characters), the two yes/no questions, one confirmation; then the results page. The tests still
// running (or whose candidate waits at another station for the resume) and the alerts awaiting a
// decision come first, with what to do in the room. A test whose station is silent while its candidate
// may still have time is confirmed over one by one (or its station comes back) before anything else.
// What is typed is kept in this tab while typing (finalization-draft.ts): a login that ends meanwhile
// loses nothing, and the page says so when it finds it again.
import { refusalOf } from '../../shared/server-errors/server-error-messages.ts';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useEffect, useId, useMemo, useReducer, useState, type FormEvent, type ReactNode } from 'react';
import { GLOBAL_COMMENT_MAX, type RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { ABORT_REASONS, type AbortReason } from '../../../core/scoring/scoring-input.ts';
import { announce } from '../../shared/announcer.tsx';
import { Dialog } from '../../shared/dialog.tsx';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useTranslation } from 'react-i18next';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { elapsed } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { ApiFailure } from '../api/invigilator-client.ts';
import { byName } from '../room/attention.ts';
import { useCandidateName } from '../room/use-candidate-name.ts';
import { useClient, useRoom } from '../state/room-context.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { tabStorage, type TabStorage } from '../state/tab-storage.ts';
import { useRoomClock } from '../state/use-room-clock.ts';
import { CommentCount } from './comment-count.tsx';
import { clearDraft, emptyDraft, readDraft, writeDraft } from './finalization-draft.ts';
import { finalizationFlow, initialFlow } from './finalization-flow.ts';
import {
  checkFinalization,
  pendingAlerts,
  refusedResults,
  runningTests,
  silentStations,
  unfinishedTests,
  waitsForResume,
  type FinalizationDraft,
  type FinalizationError,
  type SilentStation,
} from './finalization-rules.ts';
import { unfinishedStateText } from './unfinished-state.ts';

export function FinalizationScreen({
  storage: givenStorage,
}: {
  /** For tests: this tab's storage (sessionStorage otherwise). */
  storage?: TabStorage | null;
} = {}) {
  const t = useT();
  const serverMessage = useServerErrorMessage();
  const client = useClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const session = useRoom((s) => s.session);
  const sessionId = useRoom((s) => s.sessionId);
  const candidateMap = useRoom((s) => s.candidates);
  const load = useRoom((s) => s.load);
  const endLogin = useRoom((s) => s.endLogin);
  const candidates = useMemo(() => Object.values(candidateMap).sort(byName), [candidateMap]);
  const nameOf = useCandidateName();
  // Cut from the server (and for a moment after), the screen hears no heartbeat: judge stations at
  // the moment the cut began (health-clock.ts).
  const { healthNow: now } = useRoomClock();
  const running = runningTests(candidates, now);
  const silent = silentStations(candidates, now);
  const alerts = pendingAlerts(candidates);
  const refused = refusedResults(candidates);
  // « Oui, un incident » with no coded report: the incident would reach the jury as nothing at all.
  const reports = candidates.reduce((sum, c) => sum + c.incidents, 0);
  const ids = { comment: useId(), commentHint: useId(), commentCount: useId(), summary: useId() };
  const [storage] = useState(() => (givenStorage === undefined ? tabStorage() : givenStorage));
  const [restored] = useState(() => readDraft(storage, sessionId));
  const [draft, setDraft] = useState<FinalizationDraft>(() => restored ?? emptyDraft());
  const sessionState = session?.state ?? null;
  // Kept while the session is open; gone once it is finalized (here, or elsewhere meanwhile).
  useEffect(() => {
    if (sessionState === 'created') writeDraft(storage, sessionId, draft);
    else if (sessionState !== null) clearDraft(storage, sessionId);
  }, [storage, sessionId, sessionState, draft]);
  const [flow, step] = useReducer(finalizationFlow, initialFlow);
  const { errors, failure, confirming } = flow;
  // After the render that closed the dialog (and after the dialog gave the focus back to its opener).
  useEffect(() => {
    if (flow.focusSummary > 0) document.getElementById(ids.summary)?.focus();
  }, [flow.focusSummary, ids.summary]);
  const [busy, setBusy] = useState(false);
  const unfinished = unfinishedTests(candidates, now, draft.confirmedOver);

  if (!session) return <p className="page">{t('connection.loading')}</p>;
  if (session.state !== 'created') {
    return (
      <div className="page page-narrow">
        <h1 ref={heading} tabIndex={-1}>
          {t('finalization.title')}
        </h1>
        <p className="notice notice-ok" data-testid="finalized">
          {t('finalization.already')}{' '}
          <a href={hrefFor({ page: 'results', sessionId })}>{t('app.nav.results')}</a>
        </p>
      </div>
    );
  }

  const has = (field: FinalizationError['field'], candidateId?: string) =>
    errors.some(
      (e) =>
        e.field === field &&
        (candidateId === undefined || ('candidateId' in e && e.candidateId === candidateId)),
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    step({ type: 'submitted', check: checkFinalization(draft, candidates, now) });
  }

  async function finalize() {
    // Checked again: the room may have changed while the dialog was open (a station gone silent while
    // its candidate may still have time). Then the dialog closes and the page says what blocks.
    const check = checkFinalization(draft, candidates, now);
    step({ type: 'confirmed', check });
    if (!check.ok) return;
    setBusy(true);
    try {
      await client.finalize(sessionId, check.request);
      clearDraft(storage, sessionId);
      announce(t('finalization.done'));
      await load();
      navigate({ page: 'results', sessionId });
    } catch (error) {
      // The login ended meanwhile: to the login page (what was typed is kept), then back here.
      if (error instanceof ApiFailure && error.unauthorized) endLogin(error);
      step({ type: 'failed', message: serverMessage(refusalOf(error)) });
    } finally {
      setBusy(false);
    }
  }

  const commentLength = draft.globalComment.trim().length;
  return (
    <div className="page page-narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('finalization.title')}
      </h1>
      <p>{t('finalization.intro')}</p>
      {restored && (
        <p className="hint" role="status" data-testid="draft-restored">
          {t('finalization.draftRestored')}
        </p>
      )}
      <p className="notice">
        {t('finalization.attendanceFirst')}{' '}
        <a href={hrefFor({ page: 'attendance', sessionId })}>{t('app.nav.attendance')}</a>
      </p>
      <StillInTheRoom sessionId={sessionId} running={running} alerts={alerts} nowMs={now} />
      {refused.length > 0 && (
        <section
          className="notice notice-warning"
          aria-labelledby="refused-title"
          data-testid="refused-results"
        >
          <h2 id="refused-title" className="notice-title">
            {t('finalization.refusedTitle', { count: refused.length })}
          </h2>
          <ul>
            {refused.map((c) => (
              <li key={c.candidateId} data-candidate-id={c.candidateId}>
                {c.station ? `${nameOf(c)} (${c.station.name})` : nameOf(c)}
              </li>
            ))}
          </ul>
          <p>{t('finalization.refusedHint')}</p>
        </section>
      )}
      <div id={ids.summary} tabIndex={-1}>
        {(errors.length > 0 || failure) && (
          <div className="notice notice-error" role="alert" data-testid="finalization-errors">
            <p className="notice-title">{t('finalization.errors.summary')}</p>
            {has('running') && <p>{t('finalization.errors.running')}</p>}
            {has('maybeOffline') && <p>{t('finalization.errors.maybeOffline')}</p>}
            {has('alerts') && <p>{t('finalization.errors.alerts')}</p>}
            {failure && <p>{failure}</p>}
          </div>
        )}
      </div>
      <form onSubmit={submit} noValidate className="finalization-form">
        <MaybeStillWorking
          silent={silent}
          confirmedOver={draft.confirmedOver}
          invalid={(candidateId) => has('maybeOffline', candidateId)}
          onConfirm={(candidateId, over) =>
            setDraft((d) => ({ ...d, confirmedOver: { ...d.confirmedOver, [candidateId]: over } }))
          }
        />
        <section aria-labelledby="unfinished-title">
          <h2 id="unfinished-title">{t('finalization.unfinishedTitle')}</h2>
          {unfinished.length === 0 ? (
            <p>{t('finalization.unfinishedNone')}</p>
          ) : (
            <>
              <p className="hint">{t('finalization.unfinishedHint')}</p>
              {unfinished.map((c) => (
                <AbortReasonField
                  key={c.candidateId}
                  name={nameOf(c)}
                  state={unfinishedStateText(c, t, session?.state === 'created')}
                  candidateId={c.candidateId}
                  value={draft.abortReasons[c.candidateId] ?? ''}
                  invalid={has('abortReason', c.candidateId)}
                  onChange={(reason) =>
                    setDraft((d) => ({ ...d, abortReasons: { ...d.abortReasons, [c.candidateId]: reason } }))
                  }
                />
              ))}
            </>
          )}
        </section>
        <div className={`field ${has('globalComment') ? 'has-error' : ''}`}>
          <label htmlFor={ids.comment}>{t('finalization.comment')}</label>
          <p className="hint" id={ids.commentHint}>
            {t('finalization.commentHint')}
          </p>
          {has('globalComment') && (
            <p className="field-error">{t('finalization.errors.comment', { max: GLOBAL_COMMENT_MAX })}</p>
          )}
          <textarea
            id={ids.comment}
            className="input textarea"
            rows={4}
            value={draft.globalComment}
            data-testid="global-comment"
            aria-invalid={has('globalComment') || undefined}
            aria-describedby={`${ids.commentHint} ${ids.commentCount}`}
            onChange={(e) => setDraft((d) => ({ ...d, globalComment: e.target.value }))}
          />
          <CommentCount id={ids.commentCount} length={commentLength} max={GLOBAL_COMMENT_MAX} />
        </div>
        <YesNo
          label={t('finalization.hadIncident')}
          name="hadIncident"
          value={draft.hadIncident}
          invalid={has('hadIncident')}
          onChange={(v) => setDraft((d) => ({ ...d, hadIncident: v }))}
        />
        {draft.hadIncident === true && reports === 0 && (
          <p className="notice notice-warning" role="status" data-testid="incident-without-report">
            {t('finalization.incidentWithoutReport')}{' '}
            <a href={hrefFor({ page: 'room', sessionId })}>{t('app.nav.room')}</a>
          </p>
        )}
        <YesNo
          label={t('finalization.couldNotJoin')}
          name="candidateCouldNotJoin"
          value={draft.candidateCouldNotJoin}
          invalid={has('candidateCouldNotJoin')}
          onChange={(v) => setDraft((d) => ({ ...d, candidateCouldNotJoin: v }))}
        />
        <button type="submit" className="button button-primary button-large" data-testid="finalize">
          {t('finalization.submit')}
        </button>
      </form>
      {confirming && (
        <Dialog
          title={t('finalization.confirmTitle')}
          onClose={() => step({ type: 'cancelled' })}
          actions={
            <>
              <button
                type="button"
                className="button button-secondary"
                data-autofocus
                onClick={() => step({ type: 'cancelled' })}
              >
                {t('confirm.cancel')}
              </button>
              <button
                type="button"
                className="button button-primary"
                data-testid="confirm-finalize"
                aria-disabled={busy || undefined}
                onClick={() => !busy && void finalize()}
              >
                {t('finalization.confirm')}
              </button>
            </>
          }
        >
          <p>{t('finalization.confirmBody')}</p>
        </Dialog>
      )}
    </div>
  );
}

/**
 * What must be settled in the room first: tests still running (a candidate waiting at another station
 * for the resume among them: that resume is to authorize), alerts awaiting a decision.
 */
function StillInTheRoom({
  sessionId,
  running,
  alerts,
  nowMs,
}: {
  sessionId: string;
  running: readonly RoomCandidate[];
  alerts: readonly RoomCandidate[];
  nowMs: number;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const room = <a href={hrefFor({ page: 'room', sessionId })}>{t('finalization.toRoom')}</a>;
  const resuming = running.filter((c) => waitsForResume(c, nowMs));
  const hints = [
    resuming.length < running.length ? t('finalization.runningHint') : null,
    resuming.length > 0 ? t('finalization.resumeHint') : null,
  ];
  return (
    <>
      <SettleFirst
        id="running-title"
        testId="still-running"
        title={t('finalization.runningTitle', { count: running.length })}
        lines={running.map((c) => ({
          candidateId: c.candidateId,
          text:
            c.resumeRequest && resuming.includes(c)
              ? t('finalization.resumeWaiting', { name: nameOf(c), station: c.resumeRequest.stationName })
              : nameOf(c),
        }))}
        hint={hints.filter((h) => h !== null).join(' ')}
        room={room}
      />
      <SettleFirst
        id="alerts-title"
        testId="pending-alerts"
        title={t('finalization.alertsTitle', { count: alerts.length })}
        lines={alerts.map((c) => {
          const number = c.alert?.questionNumber ?? null;
          const text = number === null ? nameOf(c) : t('finalization.alertOn', { name: nameOf(c), number });
          return { candidateId: c.candidateId, text };
        })}
        hint={t('finalization.alertsHint')}
        room={room}
      />
    </>
  );
}

/**
 * The tests whose station is silent while their candidate may still have time: they may go on offline.
 * Each is confirmed over by the invigilator (station switched off, candidate gone), or its station comes
 * back; until then finalization waits. Nothing when there is none.
 */
function MaybeStillWorking({
  silent,
  confirmedOver,
  invalid,
  onConfirm,
}: {
  silent: readonly SilentStation[];
  confirmedOver: Readonly<Record<string, boolean>>;
  invalid(candidateId: string): boolean;
  onConfirm(candidateId: string, over: boolean): void;
}) {
  const t = useT();
  const hint = useId();
  if (silent.length === 0) return null;
  return (
    <section
      className="notice notice-warning"
      aria-labelledby="maybe-offline-title"
      data-testid="maybe-offline"
    >
      <h2 id="maybe-offline-title" className="notice-title">
        {t('finalization.maybeOfflineTitle', { count: silent.length })}
      </h2>
      <p id={hint}>{t('finalization.maybeOfflineHint')}</p>
      <ul>
        {silent.map((s) => (
          <SilentStationLine
            key={s.candidate.candidateId}
            silent={s}
            hintId={hint}
            confirmed={confirmedOver[s.candidate.candidateId] === true}
            invalid={invalid(s.candidate.candidateId)}
            onConfirm={(over) => onConfirm(s.candidate.candidateId, over)}
          />
        ))}
      </ul>
    </section>
  );
}

function SilentStationLine({
  silent,
  hintId,
  confirmed,
  invalid,
  onConfirm,
}: {
  silent: SilentStation;
  hintId: string;
  confirmed: boolean;
  invalid: boolean;
  onConfirm(over: boolean): void;
}) {
  const t = useT();
  const { t: tShared } = useTranslation();
  const nameOf = useCandidateName();
  const ids = { facts: useId(), box: useId(), error: useId() };
  const { candidate, silentForMs, timeLeftMs } = silent;
  const name = nameOf(candidate);
  const facts = [
    silentForMs === null
      ? t('finalization.neverHeard')
      : t('finalization.silentFor', { elapsed: elapsed(silentForMs) }),
    timeLeftMs === null
      ? t('finalization.timeLeftUnknown')
      : // Said as the card says it (« 1 h 15 min »).
        t('finalization.timeLeftThen', { time: formatTimeLeft(timeLeftMs, tShared) }),
  ].join(' · ');
  return (
    <li
      className={`field ${invalid ? 'has-error' : ''}`}
      data-candidate-id={candidate.candidateId}
      data-testid="maybe-offline-test"
    >
      <p id={ids.facts}>
        {t('finalization.silentLine', {
          name: candidate.station ? `${name} (${candidate.station.name})` : name,
          facts,
        })}
      </p>
      {invalid && (
        <p className="field-error" id={ids.error}>
          {t('finalization.errors.confirmOver')}
        </p>
      )}
      <label className="choice" htmlFor={ids.box}>
        <input
          id={ids.box}
          type="checkbox"
          checked={confirmed}
          data-testid="confirm-over"
          aria-invalid={invalid || undefined}
          aria-describedby={[ids.facts, invalid ? ids.error : null, hintId].filter(Boolean).join(' ')}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        {t('finalization.confirmOver', { name })}
      </label>
    </li>
  );
}

/** One list of candidates to settle in the room, with what to do; nothing when the list is empty. */
function SettleFirst({
  id,
  testId,
  title,
  lines,
  hint,
  room,
}: {
  id: string;
  testId: string;
  title: string;
  lines: readonly { candidateId: string; text: string }[];
  hint: string;
  room: ReactNode;
}) {
  if (lines.length === 0) return null;
  return (
    <section className="notice notice-warning" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="notice-title">
        {title}
      </h2>
      <ul>
        {lines.map((line) => (
          <li key={line.candidateId} data-candidate-id={line.candidateId}>
            {line.text}
          </li>
        ))}
      </ul>
      <p>
        {hint} {room}
      </p>
    </section>
  );
}

function AbortReasonField({
  name,
  state,
  candidateId,
  value,
  invalid,
  onChange,
}: {
  name: string;
  state: string;
  candidateId: string;
  value: AbortReason | '';
  invalid: boolean;
  onChange(reason: AbortReason): void;
}) {
  const t = useT();
  const group = useId();
  return (
    <fieldset
      className={`choice-group ${invalid ? 'has-error' : ''}`}
      data-testid="abort-reason"
      data-candidate-id={candidateId}
      aria-invalid={invalid || undefined}
    >
      <legend>
        {t('finalization.abortReason', { name })} <span className="muted">({state})</span>
      </legend>
      {invalid && <p className="field-error">{t('finalization.errors.abortReason')}</p>}
      <div className="choices">
        {ABORT_REASONS.map((reason) => (
          <label key={reason} className="choice">
            <input
              type="radio"
              name={group}
              value={reason}
              checked={value === reason}
              data-testid={`abort-${reason}`}
              onChange={() => onChange(reason)}
            />
            {/* With what each covers, as the back office says it. */}
            <span>
              {t(`finalization.abortReasons.${reason}`)}
              <span className="hint-inline">{t(`finalization.abortReasonHints.${reason}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function YesNo({
  label,
  name,
  value,
  invalid,
  onChange,
}: {
  label: string;
  name: string;
  value: boolean | null;
  invalid: boolean;
  onChange(value: boolean): void;
}) {
  const t = useT();
  const group = useId();
  return (
    <fieldset className={`choice-group ${invalid ? 'has-error' : ''}`} data-testid={`question-${name}`}>
      <legend>{label}</legend>
      {invalid && <p className="field-error">{t('finalization.errors.answer')}</p>}
      <div className="choices">
        {[true, false].map((answer) => (
          <label key={String(answer)} className="choice">
            <input
              type="radio"
              name={group}
              checked={value === answer}
              data-testid={`${name}-${answer ? 'yes' : 'no'}`}
              onChange={() => onChange(answer)}
            />
            {answer ? t('finalization.yes') : t('finalization.no')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
