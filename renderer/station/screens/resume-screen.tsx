// After a crash or a relaunch: nothing is lost, the invigilator must authorize the resume.
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../core/contracts/station-api.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';

export function ResumeScreen({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { candidate, progress, timeLeftMs } = status.exam;
  return (
    <div className="screen screen-narrow screen-centered">
      <h1 ref={heading} tabIndex={-1}>
        {t('resume.title')}
      </h1>
      {candidate && <p className="lead">{`${candidate.firstName} ${candidate.lastName}`}</p>}
      <p>{t('resume.reassure')}</p>
      <div className="notice notice-info">
        <p className="strong">
          {/* Resuming on another station, the progress arrives with the test package: no number yet. */}
          {progress ? t('resume.next', { question: progress.current + 1 }) : t('resume.nextUnknown')}
        </p>
      </div>
      {timeLeftMs !== null && (
        <p data-testid="resume-time-left">{t('resume.timeLeft', { time: formatTimeLeft(timeLeftMs, t) })}</p>
      )}
    </div>
  );
}
