// « Ce n'est pas vous ? Revenir à l'accueil »: the candidate signed in as someone else (or on the
// wrong station) goes back to the station home, where the station allows it; a refusal is said.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../core/contracts/station-api.ts';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { StationErrorNotice } from './station-error-notice.tsx';

export function NotYouButton() {
  const { t } = useTranslation();
  const api = useStationApi();
  const applyStatus = useStation((s) => s.applyStatus);
  const [failure, setFailure] = useState<StationError | null>(null);

  const cancel = async () => {
    setFailure(null);
    const result = await api.cancelSignIn({});
    if (result.ok) applyStatus(result.value);
    else setFailure(result.error);
  };

  return (
    <>
      {failure && <StationErrorNotice error={failure} />}
      <button type="button" className="button button-link" onClick={() => void cancel()}>
        {t('waiting.notYou')}
      </button>
    </>
  );
}
