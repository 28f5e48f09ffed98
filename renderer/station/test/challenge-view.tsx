// One challenge: its text, illustration, files and simulator, the answer in its format, and the
// candidate's actions. "Valider" moves on only once the station says the answer is stored; the draft
// is saved about a second after each change so a crash loses nothing typed.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentChallenge, StationError } from '../../../core/contracts/station-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { Dialog } from '../../shared/dialog.tsx';
import { formatCountdown } from '../../shared/format-duration.ts';
import { MarkdownView } from '../../shared/markdown/markdown-view.tsx';
import { useAnnounceOnChange } from '../announce-on-change.ts';
import { useStation, useStationApi, useStationStore } from '../state/station-context.tsx';
import {
  initialDraft,
  missingAnswer,
  toAnswerValue,
  type AnswerDraft,
  type MissingAnswer,
} from './answer-state.ts';
import { Attachments } from './attachments.tsx';
import { ChoiceAnswer } from './choice-answer.tsx';
import { embedFill } from './embed-answer.ts';
import { EmbedFrame } from './embed-frame.tsx';
import { FieldsAnswer } from './fields-answer.tsx';
import { Illustration } from './illustration.tsx';
import { alertOutcomeShown, alertUnheard, refocusOnUnfreeze } from './alert-notice.ts';
import { createBusyAction } from './busy-action.ts';
import { failureAfter, failureKey, type FailureKey } from './challenge-failure.ts';
import { challengeTimerBase, challengeTimerRuns } from './challenge-timer.ts';
import { focusLostShown } from './focus-lost.ts';
import { useCountdown } from './use-countdown.ts';
import { missingImageCount, useMissingImageWords } from './missing-image.ts';
import { usePackageImages } from './use-package-images.ts';

/** Drafts are saved this long after the last change. */
export const DRAFT_DELAY_MS = 1000;
/**
 * "Enregistrement…" shows on the button when the station takes longer than this to answer. The
 * station usually answers within a frame or two: a label drawn for one frame tells the candidate
 * nothing, and drawing it took the page's time while the answer was on its way.
 */
export const BUSY_SHOWN_AFTER_MS = 150;

type Action = 'submit' | 'skip' | 'report' | 'withdraw' | 'finish';

export function ChallengeView(props: { current: CurrentChallenge; onLink: (url: string) => void }) {
  const { current } = props;
  const { challenge } = current;
  const { t } = useTranslation();
  const api = useStationApi();
  const store = useStationStore();
  const applyStatus = useStation((s) => s.applyStatus);
  const moveOn = useStation((s) => s.moveOn);
  const challengeAt = useStation((s) => s.challengeAt);
  const timerExpired = useStation((s) => s.timerExpired);
  const alertOutcome = useStation((s) => s.alertOutcome);
  const clearAlertOutcome = useStation((s) => s.clearAlertOutcome);
  const alertWithdrawn = useStation((s) => s.alertWithdrawn);
  const [draft, setDraft] = useState<AnswerDraft>(() => initialDraft(challenge, current.draft));
  const [missing, setMissing] = useState<MissingAnswer | null>(null);
  // The refusal's message key, worded at each render (so a language switch rewords it).
  const [failure, setFailure] = useState<FailureKey | null>(null);
  // The action under way (a second click does nothing meanwhile), and the one the buttons show.
  const [busy, setBusyShown] = useState<Action | null>(null);
  const [action] = useState(() => createBusyAction<Action>(setBusyShown, BUSY_SHOWN_AFTER_MS));
  useEffect(() => () => action.dispose(), [action]);
  const [dialog, setDialog] = useState<Exclude<Action, 'submit' | 'withdraw'> | null>(null);
  // Left as this page saw it; the station's own record (status) counts too.
  const [focusLostHere, setFocusLost] = useState(current.focusLost);
  const focusLost = useStation((s) => focusLostShown(focusLostHere, s.status?.exam ?? null, current.index));
  const errorId = useId();
  const withdrawHintId = useId();
  const packageImage = usePackageImages(challenge);
  const missingImage = useMissingImageWords();
  // Each image not shown is marked where it was; what to do about them is said once, after the text.
  const fieldsShown = draft.type === 'fields';
  const missingImages = useMemo(
    () =>
      missingImageCount([challenge.instruction, fieldsShown ? challenge.proposals : undefined], packageImage),
    [challenge.instruction, challenge.proposals, fieldsShown, packageImage],
  );
  const frozenRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // Only what this challenge shows, read one value at a time: a new status that changes none of
  // them (the progress after "Valider") does not redraw the challenge.
  const frozen = useStation((s) => s.status?.exam.alertPending ?? false);
  const running = useStation((s) => s.status?.exam.phase === 'inProgress');
  const unheard = useStation((s) => alertUnheard(s.status?.exam ?? null, s.online));
  const adjusted = useStation((s) => s.status?.exam.candidate?.accessibilityAdjustment ?? false);
  // A question's own timer is not lengthened by extra time (DOMAIN.md §7, E8): such a candidate is told
  // the report is how a question the timer cut short is looked at again.
  const extraTime = useStation((s) => (s.status?.exam.candidate?.extraTimePercentage ?? 0) > 0);

  // Paused or locked, the question is hidden and out of reach: a confirmation left open over it would
  // stay modal and keep the pause panel from being read or focused. It closes, and does not come back.
  useEffect(() => {
    if (!running) setDialog(null);
  }, [running]);
  const shownDialog = running ? dialog : null;
  // A refusal met before or during a pause is not said again once the test runs again.
  const [wasRunning, setWasRunning] = useState(running);
  if (wasRunning !== running) {
    setWasRunning(running);
    setFailure((f) => failureAfter(f, wasRunning, running));
  }

  // A new challenge: keyboard and screen-reader users start from "Question n sur N".
  useEffect(() => {
    document.getElementById('question-title')?.focus();
  }, []);

  // ---- drafts
  const draftTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(draftTimer.current), []);
  const change = useCallback(
    (next: AnswerDraft) => {
      setDraft(next);
      setMissing(null);
      window.clearTimeout(draftTimer.current);
      draftTimer.current = window.setTimeout(() => {
        const value = toAnswerValue(next);
        // Cleared answers are saved too, so a relaunch never brings back text the candidate erased.
        if (value) void api.saveDraft({ challengeId: challenge.id, value });
      }, DRAFT_DELAY_MS);
    },
    [api, challenge.id],
  );

  // ---- per-challenge timer: re-based on each status about this question (read only when it is timed,
  // so an untimed question is not redrawn by statuses), stopped while the question is frozen
  const timerBaseMs = useStation(
    (s) => challengeTimerBase(current, challengeAt, s.status?.exam ?? null, s.statusAt).baseMs,
  );
  const timerBaseAt = useStation(
    (s) => challengeTimerBase(current, challengeAt, s.status?.exam ?? null, s.statusAt).baseAt,
  );
  const timerRuns = useStation((s) => challengeTimerRuns(s.status?.exam ?? null));
  const timerLeft = useCountdown(timerBaseMs, timerBaseAt, timerRuns && timerBaseMs !== null);
  const timerOver = timerExpired === challenge.id || timerLeft === 0;
  useAnnounceOnChange(timerOver, (over) => (over ? t('test.timer.expired') : null));

  // ---- focused challenge: leaving the window counts (focus moving into one of our frames does not)
  useEffect(() => {
    if (!challenge.focused || focusLost || !running) return;
    const lost = () => {
      setFocusLost(true);
      void api.reportFocusLost({ challengeId: challenge.id });
    };
    const onBlur = () =>
      window.setTimeout(() => {
        if (document.activeElement instanceof HTMLIFrameElement) return;
        lost();
      }, 0);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') lost();
    };
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [challenge.focused, challenge.id, focusLost, running, api]);
  // Said once when the question is left, whoever saw it first (this page or the station); a question
  // opened already left says so in its notice.
  useAnnounceOnChange(
    challenge.focused && focusLost,
    (lost) => (lost ? (adjusted ? t('test.focus.lostAdjusted') : t('test.focus.lost')) : null),
    { atMount: false },
  );

  // ---- alerts
  const wasFrozen = useRef(frozen);
  useEffect(() => {
    const before = wasFrozen.current;
    wasFrozen.current = frozen;
    if (frozen) frozenRef.current?.focus();
    // The notice held the focus (or its « Annuler » button did): gone with it, back to the question.
    else if (refocusOnUnfreeze(before, frozen, document.activeElement === document.body))
      document.getElementById('question-title')?.focus();
  }, [frozen]);
  // Said when the problem is reported here, and again when whether the invigilator knows changes
  // (the connection came back and the alert reached them).
  const heard = useRef({ frozen, unheard });
  useEffect(() => {
    const before = heard.current;
    heard.current = { frozen, unheard };
    if (!frozen || (before.frozen && before.unheard === unheard)) return;
    const body = unheard ? t('test.alert.pendingOfflineBody') : t('test.alert.pendingBody');
    announce(`${t('test.alert.pendingTitle')}. ${body}`);
  }, [frozen, unheard, t]);

  const fail = (error: StationError) => {
    // Read when the refusal arrives: the phase may have changed since the click.
    const key = failureKey(error, store.getState().status?.exam.phase ?? null);
    setFailure(key);
    if (key) requestAnimationFrame(() => errorRef.current?.focus());
  };

  const submit = async () => {
    if (action.acting || frozen) return;
    const gap = missingAnswer(challenge, draft);
    const value = toAnswerValue(draft);
    if (gap || !value) {
      setMissing(gap ?? 'chooseOne');
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    window.clearTimeout(draftTimer.current);
    setFailure(null);
    // The station answers with the next challenge: drawn at once, without asking again.
    const result = await action.run('submit', () =>
      moveOn(() => api.submitAnswer({ challengeId: challenge.id, value })),
    );
    if (!result) return;
    if (!result.ok) return fail(result.error);
    clearAlertOutcome();
    announce(t('test.stored'));
  };

  const skip = async () => {
    setDialog(null);
    if (action.acting || frozen) return;
    window.clearTimeout(draftTimer.current);
    setFailure(null);
    const result = await action.run('skip', () =>
      moveOn(() => api.skipChallenge({ challengeId: challenge.id })),
    );
    if (!result) return;
    if (!result.ok) return fail(result.error);
    clearAlertOutcome();
    announce(t('test.skippedAnnounce'));
  };

  const report = async () => {
    setDialog(null);
    if (action.acting || frozen) return;
    setFailure(null);
    clearAlertOutcome();
    const result = await action.run('report', () => api.raiseAlert({ challengeId: challenge.id }));
    if (!result) return;
    if (!result.ok) return fail(result.error);
    applyStatus(result.value);
  };

  // A report the invigilator cannot know of (offline, not sent): taken back, the question unfreezes.
  const withdraw = async () => {
    if (action.acting || !unheard) return;
    setFailure(null);
    const result = await action.run('withdraw', () => api.withdrawAlert({ challengeId: challenge.id }));
    if (!result) return;
    if (!result.ok) return fail(result.error);
    applyStatus(result.value);
    // Shown above the question and said (test-screen.tsx), as the invigilator's decisions are.
    alertWithdrawn(challenge.id);
  };

  const finish = async () => {
    setDialog(null);
    if (action.acting || frozen) return;
    const result = await action.run('finish', () => api.finishTest({}));
    if (!result) return;
    if (!result.ok) return fail(result.error);
    applyStatus(result.value);
  };

  const fromEmbed = (answer: string) => {
    if (draft.type !== 'fields') return;
    // A text the first field cannot take (a select's stranger) is left out: the station refuses it.
    const fill = embedFill(challenge.fields, answer);
    if (!fill) return;
    change({ type: 'fields', fields: { ...draft.fields, [fill.name]: fill.value } });
    announce(t('test.embed.filled'));
  };

  const outcomeShown = alertOutcomeShown(alertOutcome, challenge.id);
  const shownError = missing ? t(`test.errors.${missing}`) : failure ? t(`test.errors.${failure}`) : null;
  // The answer given is captured at the click: the fields stay as they are while it is stored.
  const inputsDisabled = frozen;

  return (
    <article className="challenge" data-challenge-id={challenge.id} aria-labelledby="question-title">
      {outcomeShown && (
        <div className="notice notice-info" data-testid="alert-outcome">
          <p>{t(`test.alert.${outcomeShown}`)}</p>
        </div>
      )}
      {frozen && (
        <div
          ref={frozenRef}
          tabIndex={-1}
          className="notice notice-warning frozen"
          data-testid="alert-pending"
        >
          <p className="notice-title">{t('test.alert.pendingTitle')}</p>
          {unheard ? (
            <>
              <p data-testid="alert-unheard">{t('test.alert.pendingOfflineBody')}</p>
              <p>{t('test.alert.pendingOfflineNext')}</p>
              <p id={withdrawHintId}>{t('test.alert.withdrawHint')}</p>
              <button
                type="button"
                className="button button-secondary"
                aria-describedby={withdrawHintId}
                aria-disabled={busy !== null || undefined}
                onClick={() => void withdraw()}
                data-testid="withdraw-alert"
              >
                {t('test.alert.withdraw')}
              </button>
            </>
          ) : (
            <>
              <p>{t('test.alert.pendingBody')}</p>
              <p>{t('test.alert.pendingNext')}</p>
            </>
          )}
        </div>
      )}
      {current.timerLeftMs !== null && (
        <div
          className={`notice ${timerOver ? 'notice-warning' : 'notice-info'} timer`}
          data-testid="challenge-timer"
        >
          <p className="notice-title">{t('test.timer.label')}</p>
          {timerOver ? (
            <>
              <p>{t('test.timer.expired')}</p>
              {extraTime && <p>{t('test.timer.expiredExtraTime')}</p>}
            </>
          ) : (
            <p>{t('test.timer.left', { time: formatCountdown(timerLeft ?? 0, t) })}</p>
          )}
          {frozen && !timerOver && <p>{t('test.timer.frozen')}</p>}
        </div>
      )}
      {challenge.focused && (
        <div
          className={`notice ${focusLost && !adjusted ? 'notice-warning' : 'notice-info'}`}
          data-testid="focus-notice"
        >
          <p className="notice-title">{t('test.focus.label')}</p>
          <p>
            {focusLost
              ? adjusted
                ? t('test.focus.lostAdjusted')
                : t('test.focus.lost')
              : adjusted
                ? t('test.focus.bodyAdjusted')
                : t('test.focus.body')}
          </p>
        </div>
      )}
      <MarkdownView
        className="instruction markdown"
        markdown={challenge.instruction}
        resolveImage={packageImage}
        missingImage={missingImage}
        onLink={props.onLink}
        linkHint={t('browser.region')}
        headingOffset={1}
      />
      {/* Read once with the question, before its files and answers (not a live region): at 1366×768 a
          note under the answers is often off screen. While a report is pending, « Signaler un
          problème » is disabled: the note says to tell the invigilator instead. */}
      {missingImages > 0 && (
        <div className="notice notice-info" data-testid="missing-images">
          <p>
            {frozen
              ? t('test.imagesNotShownReported', { count: missingImages })
              : t('test.imagesNotShown', { count: missingImages })}
          </p>
        </div>
      )}
      {challenge.illustration && (
        <Illustration challengeId={challenge.id} image={challenge.illustration} reported={frozen} />
      )}
      {challenge.attachments.length > 0 && (
        <Attachments challengeId={challenge.id} attachments={challenge.attachments} />
      )}
      {challenge.embed && (
        <EmbedFrame embed={challenge.embed} onAnswer={draft.type === 'fields' ? fromEmbed : null} />
      )}
      {draft.type === 'fields' ? (
        <FieldsAnswer
          current={current}
          draft={draft}
          onChange={change}
          disabled={inputsDisabled}
          errorId={shownError ? errorId : null}
          onLink={props.onLink}
          linkHint={t('browser.region')}
          resolveImage={packageImage}
        />
      ) : (
        <ChoiceAnswer
          current={current}
          draft={draft}
          onChange={change}
          disabled={inputsDisabled}
          errorId={shownError ? errorId : null}
        />
      )}
      {shownError && (
        <div ref={errorRef} tabIndex={-1} id={errorId} className="field-error answer-error" role="alert">
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>
          {shownError}
        </div>
      )}
      <div className="challenge-actions">
        <button
          type="button"
          className="button button-primary button-large"
          disabled={frozen}
          aria-disabled={busy !== null || undefined}
          onClick={() => void submit()}
          data-testid="validate"
        >
          {busy === 'submit' ? t('test.validating') : t('test.validate')}
        </button>
        <button
          type="button"
          className="button button-secondary button-large"
          disabled={frozen}
          aria-disabled={busy !== null || undefined}
          onClick={() => setDialog('skip')}
          data-testid="skip"
        >
          {t('test.skip')}
        </button>
      </div>
      <div className="challenge-secondary">
        <button
          type="button"
          className="button button-quiet"
          disabled={frozen}
          onClick={() => setDialog('report')}
          data-testid="report"
        >
          {t('test.report')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={frozen}
          onClick={() => setDialog('finish')}
          data-testid="finish"
        >
          {t('test.finish')}
        </button>
      </div>
      {shownDialog === 'skip' && (
        <ConfirmDialog
          title={t('test.skipDialog.title')}
          body={[t('test.skipDialog.body')]}
          confirm={t('test.skipDialog.confirm')}
          onConfirm={() => void skip()}
          onCancel={() => setDialog(null)}
        />
      )}
      {shownDialog === 'report' && (
        <ConfirmDialog
          title={t('test.reportDialog.title')}
          body={[t('test.reportDialog.body'), <ReportConsequence key="consequence" />]}
          confirm={t('test.reportDialog.confirm')}
          onConfirm={() => void report()}
          onCancel={() => setDialog(null)}
        />
      )}
      {shownDialog === 'finish' && (
        <ConfirmDialog
          title={t('test.finishDialog.title')}
          body={[<FinishWarning key="remaining" />]}
          confirm={t('test.finishDialog.confirm')}
          onConfirm={() => void finish()}
          onCancel={() => setDialog(null)}
        />
      )}
    </article>
  );
}

/**
 * What reporting does: the invigilator comes; offline, the report cannot reach their screen, so the
 * candidate is told to call them (reworded if the connection changes while the dialog is open).
 */
export function ReportConsequence() {
  const { t } = useTranslation();
  const online = useStation((s) => s.online);
  return <>{online ? t('test.reportDialog.consequence') : t('test.reportDialog.consequenceOffline')}</>;
}

/** How many questions finishing now leaves unanswered (read when the dialog opens). */
function FinishWarning() {
  const { t } = useTranslation();
  const remaining = useStation((s) => {
    const progress = s.status?.exam.progress;
    return progress ? progress.total - progress.answered : 0;
  });
  return <>{t('test.finishDialog.body', { count: remaining })}</>;
}

function ConfirmDialog(props: {
  title: string;
  body: ReactNode[];
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      actions={
        <>
          <button type="button" className="button button-secondary" data-autofocus onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={props.onConfirm}
            data-testid="confirm"
          >
            {props.confirm}
          </button>
        </>
      }
    >
      {props.body.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </Dialog>
  );
}
