// The station's status could not be read: the screen says so once, and what to do. The store asks for
// the status again every few seconds (station-store.ts), so the message does go away by itself.
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../core/contracts/station-api.ts';

/**
 * `bridged`: the page runs in the station app (without it, it never will be ready). The title already
 * says the station is not ready: the station's own refusal (STATION_NOT_READY) adds nothing to it.
 */
export function UnavailableNotice({ error, bridged }: { error: StationError; bridged: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-warning" data-code={error.code}>
      <p>{t('home.notReadyTitle')}</p>
      {!bridged ? (
        <>
          <p>{t('home.noStation')}</p>
          <p>{t('common.askInvigilator')}</p>
        </>
      ) : (
        <>
          {error.code !== 'STATION_NOT_READY' && <p>{t('home.unavailableFault')}</p>}
          <p>{t('home.notReadyNext')}</p>
        </>
      )}
    </div>
  );
}
