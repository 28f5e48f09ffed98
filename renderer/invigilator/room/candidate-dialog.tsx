// A candidate's file, opened from the card: where they are, their time (with the indicative end),
// the station's connection and events, the pending alert and resume, the actions that fit now (those
// that cannot be undone ask first), and their incident reports. An alert decided on another screen while
// this one showed it is said (what was decided), never silently replaced by the file or by the next
// alert (alert-view.ts).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { Dialog } from '../../shared/dialog.tsx';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { shortDate } from '../../shared/format.ts';
import { useLocale } from '../../shared/use-locale.ts';
import { clockTime, elapsed } from '../format.ts';
import { IncidentSection } from '../incidents/incident-section.tsx';
import { useT } from '../i18n/use-t.ts';
import { useRoom } from '../state/room-context.tsx';
import { useNow } from '../state/use-now.ts';
import { useRoomClock } from '../state/use-room-clock.ts';
import { AlertDecision } from './alert-decision.tsx';
import { decisionOn, decisionText, decisionWhen, handledElsewhereText } from './alert-handled.ts';
import { alertViewMove } from './alert-view.ts';
import { roomEntry } from './attention.ts';
import { availableActions, notStarted, unpauseWord, type CandidateAction } from './candidate-actions.ts';
import { HealthMark, type CardOpenView } from './candidate-card.tsx';
import { resumesOnOwnStation } from './connection-health.ts';
import { stateText } from './card-text.ts';
import { fileFocus, type FileFocus, type FileView } from './file-focus.ts';
import { useFocusRescue } from './focus-rescue.ts';
import { LockdownEvents } from './lockdown-events.tsx';
import { timeLeftWithAdded } from './time-left.ts';
import { useCandidateActions, type Outcome } from './use-candidate-actions.ts';
import { useCandidateName } from './use-candidate-name.ts';

type View = FileView;
type ShownAlert = NonNullable<RoomCandidate['alert']>;
const ADD_TIME_CHOICES = [5, 10, 15, 20, 30, 45, 60] as const;

export function CandidateDialog({
  candidateId,
  initialView,
  onClose,
  returnFocusFallback,
}: {
  candidateId: string;
  initialView: CardOpenView;
  onClose(): void;
  /** Where focus goes when the dialog closes and the button that opened it is gone (Dialog). */
  returnFocusFallback?: () => readonly (HTMLElement | null | undefined)[];
}) {
  const t = useT();
  const candidate = useRoom((s) => s.candidates[candidateId]);
  const nameOf = useCandidateName();
  const [view, setView] = useState<View>(initialView === 'lockdown' ? 'details' : initialView);
  const body = useRef<HTMLDivElement>(null);
  const lockdownHeading = useId();
  // Where the current view's focus went (a second run of the effect for the same view, as StrictMode
  // does in development, makes the same choice).
  const focused = useRef<{ view: View; focus: FileFocus } | null>(null);
  // The alert the alert view shows (kept when it leaves the card), and the one this screen is deciding.
  const [shownAlert, setShownAlert] = useState<ShownAlert | null>(
    initialView === 'alert' ? (candidate?.alert ?? null) : null,
  );
  const [deciding, setDeciding] = useState<string | null>(null);
  // Back in the file after a view was cancelled: the button that opened that view (null: after an action).
  const cancelledFrom = useRef<CandidateAction | null>(null);

  // Each view starts from its title or first control (file-focus.ts): back in the file after an
  // action, from its state line, never from an action button.
  useEffect(() => {
    const focus =
      focused.current?.view === view
        ? focused.current.focus
        : fileFocus(view, {
            opening: focused.current === null,
            openedOn: initialView,
            cancelledFrom: cancelledFrom.current,
          });
    focused.current = { view, focus };
    cancelledFrom.current = null;
    const inBody = (selector: string) => body.current?.querySelector<HTMLElement>(selector) ?? null;
    const title = () => body.current?.closest('dialog')?.querySelector<HTMLElement>('.dialog-header h2');
    const target =
      focus === 'title'
        ? title()
        : focus === 'lockdownEvents'
          ? document.getElementById(lockdownHeading)
          : focus === 'autofocus'
            ? inBody('[data-autofocus]')
            : focus === 'stateLine'
              ? (inBody(STATE_LINE) ?? title())
              : (inBody(`[data-testid="action-${focus.action}"]`) ?? inBody(STATE_LINE) ?? title());
    target?.focus();
  }, [view, initialView, lockdownHeading]);

  // The alert view follows updates of the alert it shows, never another one (alert-view.ts).
  const currentAlert = view === 'alert' ? (candidate?.alert ?? null) : null;
  useEffect(() => {
    if (
      currentAlert &&
      currentAlert !== shownAlert &&
      (shownAlert === null || shownAlert.id === currentAlert.id)
    )
      setShownAlert(currentAlert);
  }, [currentAlert, shownAlert]);

  // The alert left the card, or another replaced it. Decided here: the answer to the decision moves on
  // (or shows the refusal). Decided elsewhere: say what was decided rather than silently showing the
  // file or the next alert.
  const alertMove =
    view === 'alert' ? alertViewMove(shownAlert?.id ?? null, candidate?.alert?.id ?? null, deciding) : null;
  useEffect(() => {
    if (alertMove) setView(alertMove);
  }, [alertMove]);
  // The resume was authorized (here or elsewhere): back to the file.
  const resumeGone = view === 'resume' && candidate?.state !== 'resumePending';
  useEffect(() => {
    if (resumeGone) setView('details');
  }, [resumeGone]);

  if (!candidate) return null;
  const name = nameOf(candidate);
  // Into the alert view: on the alert pending now.
  const show = (next: View) => {
    if (next === 'alert') setShownAlert(candidate.alert);
    setView(next);
  };
  // Opened from a card's button for one decision: once taken, back to the room; otherwise the file.
  const done = () => (initialView === 'alert' || initialView === 'resume' ? onClose() : setView('details'));
  const backToFile = () => setView('details');
  const cancel = (from: CandidateAction) => () => {
    cancelledFrom.current = from;
    setView('details');
  };
  const viewedAlert = shownAlert ?? candidate.alert;
  const title =
    view === 'alert' || view === 'alertHandled'
      ? viewedAlert?.questionNumber
        ? t('alert.title', { name, question: viewedAlert.questionNumber })
        : t('alert.titleUnknown', { name })
      : view === 'resume'
        ? t('confirm.resumeTitle', { name })
        : view === 'endTest'
          ? t('confirm.endTestTitle', { name })
          : view === 'closeStation'
            ? t('confirm.closeStationTitle', { name })
            : view === 'addTime'
              ? t('confirm.addTimeTitle', { name })
              : view === 'pause'
                ? t('confirm.pauseTitle', { name })
                : t('panel.title', { name });

  return (
    <Dialog
      title={title}
      onClose={onClose}
      closeLabel={t('panel.close')}
      className={`candidate-dialog ${view === 'alert' ? 'dialog-alert' : ''}`}
      returnFocusFallback={returnFocusFallback}
    >
      <div ref={body} data-testid="candidate-dialog" data-view={view}>
        {view === 'details' && (
          <Details candidate={candidate} onView={show} lockdownHeadingId={lockdownHeading} />
        )}
        {view === 'alert' && viewedAlert && (
          <AlertView candidate={candidate} alert={viewedAlert} onDeciding={setDeciding} onDone={done} />
        )}
        {view === 'alertHandled' && shownAlert && (
          <AlertHandledView candidate={candidate} alertId={shownAlert.id} onView={show} />
        )}
        {view === 'resume' && (
          <ResumeView candidate={candidate} onCancel={cancel('authorizeResume')} onDone={done} />
        )}
        {view === 'pause' && (
          <PauseView candidate={candidate} onCancel={cancel('pause')} onDone={backToFile} />
        )}
        {view === 'addTime' && (
          <AddTimeView candidate={candidate} onCancel={cancel('addTime')} onDone={backToFile} />
        )}
        {view === 'endTest' && (
          <EndTestView candidate={candidate} onCancel={cancel('endTest')} onDone={backToFile} />
        )}
        {view === 'closeStation' && (
          <CloseStationView candidate={candidate} onCancel={cancel('closeStation')} onDone={backToFile} />
        )}
      </div>
    </Dialog>
  );
}

function Details({
  candidate,
  onView,
  lockdownHeadingId,
}: {
  candidate: RoomCandidate;
  onView(view: View): void;
  lockdownHeadingId: string;
}) {
  const t = useT();
  const { t: tShared, i18n } = useTranslation();
  const locale = useLocale();
  const sessionOpen = useRoom((s) => s.session?.state === 'created');
  const seenAt = useRoom((s) => s.lockdownSeen[candidate.candidateId] ?? null);
  const acknowledge = useRoom((s) => s.acknowledgeLockdown);
  // Stations judged as the room judges them (health-clock.ts): not « muet » just after a reconnection.
  const { now, healthNow, cutOff } = useRoomClock();
  const entry = roomEntry(candidate, { nowMs: now, healthNowMs: healthNow, lockdownSeenAt: () => seenAt });
  const { busy, command } = useCandidateActions();
  const [error, setError] = useState<string | null>(null);
  const actions = availableActions(candidate, sessionOpen);
  const report = useRoom((s) => s.timeReports[candidate.candidateId]);
  const timeLeft = timeLeftWithAdded(candidate, now, report);
  const incidentsHeading = useId();
  // The button just pressed (« Confirmer la présence », « Retirer la confirmation », « Déverrouiller »)
  // goes once the station acts on it: focus moves to the state line, which says what changed, never
  // to the action offered now (often its opposite, which runs at once: one more Enter would undo it).
  useFocusRescue(inActions, () => FILE_FOCUS_TARGETS);

  const direct = async (type: 'authorizeStart' | 'withdrawAuthorization' | 'unlock') => {
    setError(null);
    const outcome = await command(candidate, { type });
    if (!outcome.ok) setError(outcome.message);
  };

  return (
    <>
      {candidate.alert && (
        <div className="panel-urgent" data-testid="panel-alert">
          <p>
            <strong>
              {candidate.alert.questionNumber
                ? t('attention.alert', { question: candidate.alert.questionNumber })
                : t('attention.alertUnknownQuestion')}
            </strong>{' '}
            — {t('alert.live')}
          </p>
          {/* Also while a resume is pending: the station applies the decision once it has the test. */}
          {sessionOpen && (
            <button
              type="button"
              className="button button-danger"
              data-autofocus
              onClick={() => onView('alert')}
            >
              {t('quick.alert')}
            </button>
          )}
        </div>
      )}
      {!candidate.alert && candidate.alertInTransit && (
        // Raised on the station, its record not here yet: nothing to decide, go and see the candidate.
        <div className="panel-urgent" data-testid="panel-alert-in-transit">
          <p>
            <strong>{t('attention.alertInTransitLong')}</strong>
          </p>
          <p>{t('panel.alertInTransitDetail')}</p>
        </div>
      )}
      {!candidate.alert && candidate.lastAlertDecision && (
        <p className="hint" data-testid="panel-last-decision">
          {t('alert.lastDecision', {
            time: clockTime(candidate.lastAlertDecision.decidedAt, i18n.language),
            decision: decisionText(candidate.lastAlertDecision, t),
          })}
        </p>
      )}
      {candidate.resumeRequest && candidate.state === 'resumePending' && (
        <p className="notice notice-warning" data-testid="panel-resume-request">
          {t('panel.resumeRequest', {
            station: candidate.resumeRequest.stationName,
            time: clockTime(candidate.resumeRequest.at, i18n.language),
          })}
          {/* Silent too: as finalization will, say the candidate may have left (not while cut off). */}
          {entry.resumeHealth?.health === 'lost' && !cutOff && (
            <>
              {' '}
              {t('panel.resumeStationSilent', {
                station: candidate.resumeRequest.stationName,
                time: elapsed(entry.resumeHealth.silentMs ?? 0),
              })}
            </>
          )}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('panel.state')}</dt>
          <dd data-testid="panel-state" tabIndex={-1}>
            {stateText(candidate, t, sessionOpen)}
          </dd>
        </div>
        <div>
          <dt>{t('panel.birthdate')}</dt>
          <dd>{shortDate(candidate.birthdate, locale)}</dd>
        </div>
        <div>
          <dt>{t('panel.station')}</dt>
          <dd>
            {candidate.station?.name ?? t('room.noStation')}{' '}
            <HealthMark health={cutOff ? null : entry.health} />
          </dd>
        </div>
        {candidate.progress && (
          <div>
            <dt>{t('panel.progress')}</dt>
            <dd>{t('panel.progressValue', { ...candidate.progress, count: candidate.progress.answered })}</dd>
          </div>
        )}
        <div>
          <dt>{t('panel.timeLeft')}</dt>
          <dd data-testid="panel-time-left">
            {timeLeft === null
              ? t('panel.notYet')
              : timeLeft.unconfirmedMs > 0
                ? // Added since the station's last report: counted, not confirmed by the station yet.
                  t('panel.timeLeftUnconfirmed', {
                    time: formatTimeLeft(timeLeft.ms, tShared),
                    added: t('room.addedUnconfirmed', {
                      minutes: Math.round(timeLeft.unconfirmedMs / 60_000),
                    }),
                  })
                : formatTimeLeft(timeLeft.ms, tShared)}
            {candidate.downtimeMs > 0 && (
              <span className="hint-inline" data-testid="panel-downtime">
                {' '}
                · {t('panel.downtime', { time: formatTimeLeft(candidate.downtimeMs, tShared) })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('panel.allowed')}</dt>
          <dd>
            {t('panel.allowedValue', { time: formatTimeLeft(candidate.allowedMs, tShared) })}
            {candidate.extraTimePercentage > 0 && (
              <> · {t('room.extraTimeLong', { percent: candidate.extraTimePercentage })}</>
            )}
            {candidate.addedMs > 0 && (
              <> · {t('room.addedTime', { minutes: Math.round(candidate.addedMs / 60_000) })}</>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('panel.started')}</dt>
          <dd>{candidate.startedAt ? clockTime(candidate.startedAt, i18n.language) : t('panel.notYet')}</dd>
        </div>
        <div>
          <dt>{t('panel.theoreticalEnd')}</dt>
          <dd>
            {candidate.theoreticalEndAt
              ? clockTime(candidate.theoreticalEndAt, i18n.language)
              : t('panel.notYet')}
            <span className="hint-inline"> {t('panel.theoreticalEndNote')}</span>
          </dd>
        </div>
        {candidate.upload !== 'none' && (
          <div>
            <dt>{t('panel.upload')}</dt>
            {candidate.upload === 'refused' ? (
              <dd className="upload-refused" data-testid="panel-upload-refused">
                {t('upload.refusedLong')}
                {candidate.uploadRefusal && (
                  <span className="hint-inline">
                    {' '}
                    {t('panel.refusal', {
                      time: clockTime(candidate.uploadRefusal.at, i18n.language),
                      code: candidate.uploadRefusal.code,
                    })}
                  </span>
                )}
              </dd>
            ) : (
              <dd>{t(`upload.${candidate.upload}`)}</dd>
            )}
          </div>
        )}
        {candidate.accessibilityAdjustment && (
          <div>
            <dt>{t('panel.accessibility')}</dt>
            <dd data-testid="panel-accessibility">{t('panel.yes')}</dd>
          </div>
        )}
      </dl>
      {candidate.pendingCommands.length > 0 && (
        <p className="hint">
          {t('panel.commandsPending', {
            list: candidate.pendingCommands
              .map((c) => `${commandLabel(c.type, candidate, t)} (${elapsed(now - Date.parse(c.issuedAt))})`)
              .join(', '),
          })}
        </p>
      )}
      {actions.length > 0 && (
        <section className="panel-section" aria-label={t('panel.actions')} data-actions>
          {error && (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          )}
          {actions.includes('authorizeStart') && <p className="hint">{t('actions.authorizeStartHint')}</p>}
          <div className="action-row">
            {actions.map((action) => {
              const first = !candidate.alert && action === actions[0];
              const common = {
                type: 'button' as const,
                'data-testid': `action-${action}`,
                'aria-disabled': busy !== null || undefined,
                ...(first ? { 'data-autofocus': true } : {}),
              };
              switch (action) {
                case 'authorizeStart':
                case 'withdrawAuthorization':
                case 'unlock':
                  return (
                    <button
                      key={action}
                      {...common}
                      className={`button ${action === 'withdrawAuthorization' ? 'button-secondary' : 'button-primary'}`}
                      onClick={() => busy === null && void direct(action)}
                    >
                      {t(`actions.${action === 'unlock' ? unpauseWord(candidate) : action}`)}
                    </button>
                  );
                case 'authorizeResume':
                  return (
                    <button
                      key={action}
                      {...common}
                      className="button button-primary"
                      onClick={() => onView('resume')}
                    >
                      {t('actions.authorizeResume')}
                    </button>
                  );
                case 'pause':
                  return (
                    <button
                      key={action}
                      {...common}
                      className="button button-secondary"
                      onClick={() => onView('pause')}
                    >
                      {t('actions.pause')}
                    </button>
                  );
                case 'addTime':
                  return (
                    <button
                      key={action}
                      {...common}
                      className="button button-secondary"
                      onClick={() => onView('addTime')}
                    >
                      {t('actions.addTime')}
                    </button>
                  );
                case 'endTest':
                  return (
                    <button
                      key={action}
                      {...common}
                      className="button button-danger-outline"
                      onClick={() => onView('endTest')}
                    >
                      {t('actions.endTest')}
                    </button>
                  );
                case 'closeStation':
                  return (
                    <button
                      key={action}
                      {...common}
                      className="button button-secondary"
                      onClick={() => onView('closeStation')}
                    >
                      {t('actions.closeStation')}
                    </button>
                  );
              }
            })}
          </div>
        </section>
      )}
      <LockdownEvents
        candidate={candidate}
        unseen={entry.unseenLockdown}
        headingId={lockdownHeadingId}
        onAcknowledge={() => acknowledge(candidate.candidateId)}
      />
      <IncidentSection candidate={candidate} headingId={incidentsHeading} />
    </>
  );
}

/** The view starts from the dialog's title (who, which question), focused by CandidateDialog. */
function AlertView({
  candidate,
  alert,
  onDeciding,
  onDone,
}: {
  candidate: RoomCandidate;
  alert: ShownAlert;
  /** The alert this screen is deciding now (null once the server answered). */
  onDeciding(alertId: string | null): void;
  onDone(): void;
}) {
  const offset = useRoom((s) => s.serverOffsetMs);
  const now = useNow() + offset;
  const { busy, decideAlert } = useCandidateActions();
  return (
    <AlertDecision
      // One per alert: a code chosen for one is never carried over to the next.
      key={alert.id}
      candidate={candidate}
      alert={alert}
      nowMs={now}
      busy={busy !== null}
      onDecide={async (decision) => {
        onDeciding(alert.id);
        const outcome = await decideAlert(candidate, alert.id, decision);
        // Refused (e.g. decided meanwhile on another screen): the dialog shows that decision if the
        // alert has left the card, the refusal otherwise.
        onDeciding(null);
        if (outcome.ok) onDone();
        return outcome;
      }}
    />
  );
}

/** The alert this screen showed was decided elsewhere: what was decided, said at once. */
function AlertHandledView({
  candidate,
  alertId,
  onView,
}: {
  candidate: RoomCandidate;
  alertId: string;
  onView(view: View): void;
}) {
  const t = useT();
  const { i18n } = useTranslation();
  const decision = decisionOn(candidate, alertId);
  const text = handledElsewhereText(decision, t);
  useEffect(() => announce(text, 'assertive'), [text]);
  return (
    <div data-testid="alert-handled" data-decision={decision?.decision ?? 'unknown'}>
      <div className="notice">
        <p className="notice-title">{text}</p>
        {decision && <p>{decisionWhen(decision, t, i18n.language)}</p>}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          data-autofocus
          onClick={() => onView('details')}
        >
          {t('alert.handledBack')}
        </button>
      </div>
    </div>
  );
}

/** Authorize a resume, never hiding a pending alert (DOMAIN.md §8): it is shown first, with its button. */
function ResumeView({
  candidate,
  onCancel,
  onDone,
}: {
  candidate: RoomCandidate;
  onCancel(): void;
  onDone(): void;
}) {
  const t = useT();
  const offset = useRoom((s) => s.serverOffsetMs);
  const now = useNow() + offset;
  const { t: tShared } = useTranslation();
  const { busy, command } = useCandidateActions();
  const request = candidate.resumeRequest;
  const onOwn = resumesOnOwnStation(candidate, now);
  // Its start never reached the server: elsewhere the test starts again, with the time the server
  // knows (server/exam/records.ts): what the candidate did on their station is lost, for the jury to know.
  const restarts = candidate.startNotReceived && request !== null && !onOwn;
  return (
    <ConfirmBody
      body={
        restarts
          ? t('confirm.resumeStartNotReceived', {
              station: candidate.station?.name ?? '',
              // What the new station gives: never more than the time allowed (time added on the old one
              // before its start arrived is not known there).
              time: formatTimeLeft(
                Math.min(candidate.timeLeftMs ?? candidate.allowedMs, candidate.allowedMs),
                tShared,
              ),
            })
          : t('confirm.resumeBody')
      }
      extra={
        <>
          {request &&
            (onOwn ? (
              <p data-testid="resume-on-own">
                {t('confirm.resumeOnOwn', {
                  other: request.stationName,
                  station: candidate.station?.name ?? '',
                })}
              </p>
            ) : (
              <p>{t('confirm.resumeOnOther', { station: request.stationName })}</p>
            ))}
          {candidate.alert && (
            <div className="panel-urgent" data-testid="resume-alert-warning">
              <p>{t('confirm.resumeAlertWarning', { question: candidate.alert.questionNumber ?? '?' })}</p>
            </div>
          )}
        </>
      }
      confirmLabel={t('confirm.resumeConfirm')}
      confirmTestId="confirm-resume"
      busy={busy !== null}
      onCancel={onCancel}
      onConfirm={() => command(candidate, { type: 'authorizeResume' })}
      onDone={onDone}
    />
  );
}

/** A view that asks before acting: back to the file, cancelled or done. */
interface ViewProps {
  candidate: RoomCandidate;
  onCancel(): void;
  onDone(): void;
}

function PauseView({ candidate, onCancel, onDone }: ViewProps) {
  const t = useT();
  const { busy, command } = useCandidateActions();
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <ConfirmBody
      body={t('confirm.pauseBody')}
      extra={
        <div className="field">
          <label htmlFor={id}>{t('actions.pauseReason')}</label>
          <input
            id={id}
            className="input"
            maxLength={500}
            value={reason}
            data-testid="pause-reason"
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      }
      confirmLabel={t('actions.pauseConfirm')}
      confirmTestId="confirm-pause"
      busy={busy !== null}
      onCancel={onCancel}
      onConfirm={() => command(candidate, { type: 'pause', reason })}
      onDone={onDone}
    />
  );
}

function AddTimeView({ candidate, onCancel, onDone }: ViewProps) {
  const t = useT();
  const { busy, command } = useCandidateActions();
  const [minutes, setMinutes] = useState<number>(10);
  const id = useId();
  return (
    <ConfirmBody
      body={t('confirm.addTimeBody')}
      extra={
        <div className="field">
          <label htmlFor={id}>{t('confirm.addTimeMinutes')}</label>
          <select
            id={id}
            className="input"
            value={minutes}
            data-testid="add-time-minutes"
            onChange={(e) => setMinutes(Number(e.target.value))}
          >
            {ADD_TIME_CHOICES.map((m) => (
              <option key={m} value={m}>
                {m} min
              </option>
            ))}
          </select>
        </div>
      }
      confirmLabel={t('confirm.addTimeConfirm', { minutes })}
      confirmTestId="confirm-add-time"
      busy={busy !== null}
      onCancel={onCancel}
      onConfirm={() => command(candidate, { type: 'addTime', minutes })}
      onDone={onDone}
    />
  );
}

function EndTestView({ candidate, onCancel, onDone }: ViewProps) {
  const t = useT();
  const { busy, command } = useCandidateActions();
  return (
    <ConfirmBody
      body={t('confirm.endTestBody')}
      confirmLabel={t('confirm.endTestConfirm')}
      confirmTestId="confirm-end-test"
      danger
      busy={busy !== null}
      onCancel={onCancel}
      onConfirm={() => command(candidate, { type: 'endTest' })}
      onDone={onDone}
    />
  );
}

/**
 * Closes the station once the test is over (end of the day, a station to free), or before it started
 * (a candidate who left would hold finalization back while their station stays on): it asks first.
 */
export function CloseStationView({ candidate, onCancel, onDone }: ViewProps) {
  const t = useT();
  const { busy, command } = useCandidateActions();
  const name = useCandidateName()(candidate);
  const station = candidate.station?.name ?? '';
  if (notStarted(candidate)) {
    return (
      <ConfirmBody
        body={t('confirm.closeStationNotStartedBody', { station, name })}
        extra={<p>{t('confirm.closeStationNotStartedAgain', { name })}</p>}
        confirmLabel={t('confirm.closeStationConfirm')}
        confirmTestId="confirm-close-station"
        busy={busy !== null}
        onCancel={onCancel}
        onConfirm={() => command(candidate, { type: 'closeStation' })}
        onDone={onDone}
      />
    );
  }
  return (
    <ConfirmBody
      body={t('confirm.closeStationBody', { station })}
      extra={
        candidate.upload !== 'received' ? (
          <p className="notice notice-warning">
            {candidate.upload === 'refused'
              ? t('confirm.closeStationResultRefused', { name })
              : t('confirm.closeStationResultPending', { name })}
          </p>
        ) : undefined
      }
      confirmLabel={t('confirm.closeStationConfirm')}
      confirmTestId="confirm-close-station"
      busy={busy !== null}
      onCancel={onCancel}
      onConfirm={() => command(candidate, { type: 'closeStation' })}
      onDone={onDone}
    />
  );
}

function ConfirmBody({
  body,
  extra,
  confirmLabel,
  confirmTestId,
  danger,
  busy,
  onCancel,
  onConfirm,
  onDone,
}: {
  body: string;
  extra?: React.ReactNode;
  confirmLabel: string;
  confirmTestId: string;
  danger?: boolean;
  busy: boolean;
  onCancel(): void;
  onConfirm(): Promise<Outcome>;
  onDone(): void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="confirm">
      <p>{body}</p>
      {extra}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" data-autofocus onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
        <button
          type="button"
          className={`button ${danger ? 'button-danger' : 'button-primary'}`}
          data-testid={confirmTestId}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (busy) return;
            setError(null);
            void onConfirm().then((outcome) => (outcome.ok ? onDone() : setError(outcome.message)));
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}

const COMMAND_TYPES = [
  'authorizeStart',
  'withdrawAuthorization',
  'authorizeResume',
  'pause',
  'unlock',
  'addTime',
  'endTest',
  'closeStation',
] as const;

/** A command the station has not acknowledged yet, in the invigilator's words. */
function commandLabel(type: string, candidate: RoomCandidate, t: ReturnType<typeof useT>): string {
  if (type === 'alertDecision') return t('panel.alertDecision');
  const known = COMMAND_TYPES.find((c) => c === type);
  if (known === 'unlock') return t(`actions.${unpauseWord(candidate)}`);
  return known ? t(`actions.${known}`) : type;
}

/** A control in the file's actions (focus-rescue.ts). */
function inActions(element: Element): true | null {
  return element.closest('[data-testid="candidate-dialog"] [data-actions]') ? true : null;
}

/** The file's state line (what changed), else its title: never an action button. */
const STATE_LINE = '[data-testid="panel-state"]';
const FILE_FOCUS_TARGETS = [
  `[data-testid="candidate-dialog"] ${STATE_LINE}`,
  'dialog.candidate-dialog .dialog-header h2',
];
