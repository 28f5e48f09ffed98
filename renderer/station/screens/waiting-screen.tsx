// Waiting for the invigilator to confirm presence; the test starts by itself on this screen. Once the
// invigilator started it, the screen says it is being prepared (or does not arrive).
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../core/contracts/station-api.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { NotYouButton } from './not-you-button.tsx';
import { PreparationNotice, usePreparationAnnouncement } from './preparation-notice.tsx';

export function WaitingScreen({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { candidate, preparation } = status.exam;
  const started = preparation !== 'none';
  usePreparationAnnouncement(preparation, false);

  return (
    <div className="screen screen-narrow screen-centered">
      <div className="waiting-mark" aria-hidden="true" />
      <h1 ref={heading} tabIndex={-1}>
        {started ? t('preparation.title') : t('waiting.title')}
      </h1>
      {candidate && <p className="lead">{`${candidate.firstName} ${candidate.lastName}`}</p>}
      {started ? <PreparationNotice preparation={preparation} resume={false} /> : <p>{t('waiting.body')}</p>}
      <p className="strong">{t('waiting.next')}</p>
      <NotYouButton />
    </div>
  );
}
