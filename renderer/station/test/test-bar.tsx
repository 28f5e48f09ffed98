// The bar above the question: question n of N, the progress bar, and the time left (extra time
// included). The time is not a live region: screen readers hear the 15- and 5-minute warnings instead.
// The time left is counted once, by the test screen (useExamTimeLeft), and given to the bar and to the
// time warning: two countdowns ticking apart could show two different minutes side by side.
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../core/contracts/station-api.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { useStation } from '../state/station-context.tsx';
import { useCountdown } from './use-countdown.ts';

const LOW_TIME_MS = 5 * 60_000;

/** The exam's time left now, in ms (null before the station gives it), counted on this screen. */
export function useExamTimeLeft(status: StationStatus): number | null {
  const statusAt = useStation((s) => s.statusAt);
  return useCountdown(status.exam.timeLeftMs, statusAt, status.exam.phase === 'inProgress');
}

export function TestBar({ status, left }: { status: StationStatus; left: number | null }) {
  const { t } = useTranslation();
  const { progress, candidate } = status.exam;
  const current = (progress?.current ?? 0) + 1;
  const total = progress?.total ?? 1;
  const answered = progress?.answered ?? 0;
  const percent = Math.round((answered / total) * 100);
  return (
    <div className="test-bar">
      <div className="test-bar-position">
        <h1 id="question-title" tabIndex={-1} className="question-title">
          {t('test.questionOf', { n: current, total })}
        </h1>
        <div
          className="progress"
          role="progressbar"
          aria-label={t('test.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={answered}
          aria-valuetext={t('test.progressValue', { count: answered, total })}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {left !== null && (
        <div className={`time-left ${left <= LOW_TIME_MS ? 'time-left-low' : ''}`} data-testid="time-left">
          <span className="time-left-label" id="time-left-label">
            {t('test.timeLeft')}
          </span>
          <span className="time-left-value" role="timer" aria-labelledby="time-left-label">
            {formatTimeLeft(left, t)}
          </span>
          {candidate && candidate.extraTimePercentage > 0 && (
            <span className="time-left-extra">{t('test.extraTimeIncluded')}</span>
          )}
        </div>
      )}
    </div>
  );
}
