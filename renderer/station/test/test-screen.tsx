// The test: the bar (question n of N, progress, time left), calm notices (time warnings), the
// challenge, and the challenge browser beside it. Paused or locked, the question is hidden and the
// clock is stopped; the candidate's typing is kept for when the test goes on.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../core/contracts/station-api.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useAnnounceOnChange } from '../announce-on-change.ts';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { BrowserPanel } from './browser-panel.tsx';
import { ChallengeView } from './challenge-view.tsx';
import { PausedPanel } from './paused-panel.tsx';
import { TestBar, useExamTimeLeft } from './test-bar.tsx';
import { timeWarningSaid, timeWarningShown } from './time-warning.ts';

export function TestScreen({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const api = useStationApi();
  const current = useStation((s) => s.challenge);
  const challengeError = useStation((s) => s.challengeError);
  const warning = useStation((s) => s.warning);
  const alertOutcome = useStation((s) => s.alertOutcome);
  const reloadChallenge = useStation((s) => s.reloadChallenge);
  const [browserShown, setBrowserShown] = useState(true);
  const paused = status.exam.phase === 'paused';
  const focused = current?.challenge.focused ?? false;
  // Every question is done but the end is not recorded yet (a full disk: the station tries again).
  // The last question stays current in the status: it is not shown again, it was answered.
  const progress = status.exam.progress;
  const finishing = !paused && progress !== null && progress.answered >= progress.total;

  // Said when the warning or the decision arrives, not again when the language changes.
  useAnnounceOnChange(warning, (w) => (w === null ? null : timeWarningSaid(w, t)));
  useAnnounceOnChange(alertOutcome, (outcome) =>
    outcome === null ? null : t(`test.alert.${outcome.decision}`),
  );

  // Back from a pause: start again from the question's title.
  const [wasPaused, setWasPaused] = useState(paused);
  if (wasPaused !== paused) setWasPaused(paused);
  useEffect(() => {
    if (!wasPaused) document.getElementById('question-title')?.focus();
  }, [wasPaused]);

  // A new question starts at its top (the previous one may have been scrolled down).
  const questionColumn = useRef<HTMLDivElement>(null);
  const challengeId = current?.challenge.id;
  useEffect(() => {
    questionColumn.current?.scrollTo({ top: 0 });
    window.scrollTo({ top: 0 });
  }, [challengeId]);

  const openLink = useCallback(
    (url: string) => {
      setBrowserShown(true);
      void api.browserNavigate({ url });
    },
    [api],
  );

  return (
    <div className="test">
      <TimeLeft status={status} />
      {paused && <PausedPanel status={status} />}
      <div
        className={`test-body ${browserShown && !focused ? 'with-browser' : ''}`}
        hidden={paused}
        inert={paused}
      >
        <div className="question-column" ref={questionColumn}>
          {finishing ? (
            <FinishingNotice />
          ) : current ? (
            <ChallengeView key={current.challenge.id} current={current} onLink={openLink} />
          ) : challengeError ? (
            <div role="alert" className="notice notice-error" data-testid="challenge-error">
              <p>{t('test.loadError.body')}</p>
              <button type="button" className="button button-primary" onClick={reloadChallenge}>
                {t('test.loadError.retry')}
              </button>
              <p>{t('test.loadError.next')}</p>
            </div>
          ) : (
            <p role="status">{t('test.loading')}</p>
          )}
        </div>
        {/* Focused challenges go without the browser: their notice says so. */}
        {current && !paused && !focused && !finishing && (
          <div className="browser-column">
            <BrowserPanel shown={browserShown} onToggle={() => setBrowserShown((v) => !v)} />
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * The bar and the time warning under it, from one countdown: they never show two different times. Its
 * tick, once a second, redraws these two only, not the question.
 */
function TimeLeft({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const warning = useStation((s) => s.warning);
  const dismissWarning = useStation((s) => s.dismissWarning);
  const left = useExamTimeLeft(status);
  return (
    <>
      <TestBar status={status} left={left} />
      {warning && (
        <div className="notice notice-info time-warning" data-testid="time-warning">
          <p>{timeWarningShown(warning, left, t)}</p>
          <button type="button" className="button button-quiet" onClick={dismissWarning}>
            {t('test.warning.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}

/** The answers are all stored and the station is recording the end: said, and focused (the question is gone). */
function FinishingNotice() {
  const { t } = useTranslation();
  const notice = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={notice} tabIndex={-1} role="status" className="notice notice-info" data-testid="finishing">
      <p>{t('test.finishing')}</p>
    </div>
  );
}
