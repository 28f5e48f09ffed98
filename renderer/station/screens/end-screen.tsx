// The end of the test (finished, time up, ended by the invigilator): the answers are stored, the
// result is being sent, then sent (or refused by the server: kept here, the invigilator told); the
// candidate goes back to the station home for the next one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndSummary, StationError, StationStatus } from '../../../core/contracts/station-api.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { StationErrorNotice } from './station-error-notice.tsx';

const TITLES = {
  finished: ['ended.finishedTitle', 'ended.finishedBody'],
  timeUp: ['ended.timeUpTitle', 'ended.timeUpBody'],
  endedByInvigilator: ['ended.invigilatorTitle', 'ended.invigilatorBody'],
  aborted: ['ended.abortedTitle', 'ended.abortedBody'],
} as const;

export function EndScreen({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const api = useStationApi();
  const applyStatus = useStation((s) => s.applyStatus);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [failure, setFailure] = useState<StationError | null>(null);
  const { phase, endReason } = status.exam;
  const [title, body] = TITLES[endReason ?? 'finished'];
  const unanswered =
    endReason === 'finished' &&
    status.exam.progress &&
    status.exam.progress.answered < status.exam.progress.total;

  const goHome = async () => {
    const result = await api.returnHome({});
    if (result.ok) applyStatus(result.value);
    else setFailure(result.error);
  };

  return (
    <div className="screen screen-narrow screen-centered">
      <h1 ref={heading} tabIndex={-1}>
        {unanswered ? t('ended.candidateTitle') : t(title)}
      </h1>
      <p className="lead">{unanswered ? t('ended.candidateBody') : t(body)}</p>
      <EndSummaryText summary={status.exam.endSummary} />
      <div className="upload-state" data-testid="upload-state" data-phase={phase}>
        {phase === 'ended' && (
          <p role="status" className="notice notice-info">
            {t('ended.sealing')}
          </p>
        )}
        {phase === 'sealed' && status.exam.upload === 'refused' && (
          <p role="status" className="notice notice-warning" data-testid="upload-refused">
            {t('ended.refused')}
          </p>
        )}
        {phase === 'sealed' && status.exam.upload !== 'refused' && (
          <div role="status" className="notice notice-info">
            <p>{t('ended.sending')}</p>
            <p>{t('ended.sendingNext')}</p>
          </div>
        )}
        {phase === 'uploaded' && (
          <p role="status" className="notice notice-ok">
            <span aria-hidden="true" className="check-mark">
              ✓{' '}
            </span>
            {t('ended.sent')}
          </p>
        )}
      </div>
      <p>{t('ended.results')}</p>
      <p>{t('ended.leave')}</p>
      {failure && <StationErrorNotice error={failure} />}
      {(phase === 'sealed' || phase === 'uploaded') && (
        <button type="button" className="button button-primary button-large" onClick={() => void goHome()}>
          {t('ended.goHome')}
        </button>
      )}
    </div>
  );
}

/** Said plainly when questions were skipped or neutralized: "all questions gone through" is not "all answered". */
function EndSummaryText({ summary }: { summary: EndSummary | null }) {
  const { t } = useTranslation();
  if (!summary || (summary.skipped === 0 && summary.neutralized === 0)) return null;
  return (
    <p data-testid="end-summary">
      {summary.skipped > 0 && t('ended.skipped', { count: summary.skipped })}
      {summary.skipped > 0 && summary.neutralized > 0 && ' '}
      {summary.neutralized > 0 && t('ended.neutralized', { count: summary.neutralized })}
    </p>
  );
}
