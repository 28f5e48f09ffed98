// Waiting for the invigilator to confirm presence; the test starts by itself on this screen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError, StationStatus } from '../../../core/contracts/station-api.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { StationErrorNotice } from './station-error-notice.tsx';

export function WaitingScreen({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const api = useStationApi();
  const applyStatus = useStation((s) => s.applyStatus);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [failure, setFailure] = useState<StationError | null>(null);
  const candidate = status.exam.candidate;

  const cancel = async () => {
    const result = await api.cancelSignIn({});
    if (result.ok) applyStatus(result.value);
    else setFailure(result.error);
  };

  return (
    <div className="screen screen-narrow screen-centered">
      <div className="waiting-mark" aria-hidden="true" />
      <h1 ref={heading} tabIndex={-1}>
        {t('waiting.title')}
      </h1>
      {candidate && <p className="lead">{`${candidate.firstName} ${candidate.lastName}`}</p>}
      <p>{t('waiting.body')}</p>
      <p className="strong">{t('waiting.next')}</p>
      {failure && <StationErrorNotice error={failure} />}
      <button type="button" className="button button-link" onClick={() => void cancel()}>
        {t('waiting.notYou')}
      </button>
    </div>
  );
}
