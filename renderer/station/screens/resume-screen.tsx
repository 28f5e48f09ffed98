// After a crash or a relaunch: nothing is lost, the invigilator must authorize the resume. Once they
// did, the screen says the test is being prepared (or does not arrive).
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../core/contracts/station-api.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { NotYouButton } from './not-you-button.tsx';
import { PreparationNotice, usePreparationAnnouncement } from './preparation-notice.tsx';

export function ResumeScreen({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { candidate, progress, timeLeftMs, preparation } = status.exam;
  usePreparationAnnouncement(preparation, true);
  return (
    <div className="screen screen-narrow screen-centered">
      <h1 ref={heading} tabIndex={-1}>
        {t('resume.title')}
      </h1>
      {candidate && <p className="lead">{`${candidate.firstName} ${candidate.lastName}`}</p>}
      <p>{t('resume.reassure')}</p>
      {preparation !== 'none' ? (
        <>
          <PreparationNotice preparation={preparation} resume />
          <p className="strong">{t('preparation.resumeNext')}</p>
        </>
      ) : (
        <div className="notice notice-info">
          <p className="strong">
            {/* Resuming on another station, the progress arrives with the test package: no number yet. */}
            {progress ? t('resume.next', { question: progress.current + 1 }) : t('resume.nextUnknown')}
          </p>
        </div>
      )}
      {timeLeftMs !== null && (
        <p data-testid="resume-time-left">{t('resume.timeLeft', { time: formatTimeLeft(timeLeftMs, t) })}</p>
      )}
      {/* A resume whose records are not on this station yet: the station lets the candidate leave it. */}
      {progress === null && <NotYouButton />}
    </div>
  );
}
