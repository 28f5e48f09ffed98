// The station home: which station this is, its centre, whether it reaches the server, and whether it
// can welcome a candidate (and if not, why and what to do).
import { useTranslation } from 'react-i18next';
import {
  NOT_READY_CODES,
  type NotReadyCode,
  type StationStatus,
} from '../../../core/contracts/station-api.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';

/** Said from the code: the station's own reason is French text for the logs. */
function notReadyReason(code: NotReadyCode | null): NotReadyCode | 'other' {
  // A code from a newer station than these screens: said in general words.
  return NOT_READY_CODES.find((known) => known === code) ?? 'other';
}

/**
 * What to do: the reasons that a person must clear say who (« disparaîtra tout seul » would be untrue);
 * a station enrolling with its settings' code clears by itself, one with none or a refused one does not.
 */
function notReadyNextKey(reason: ReturnType<typeof notReadyReason>) {
  return reason === 'notEnrolled' || reason === 'stationRevoked'
    ? (`home.notReadyNextBy.${reason}` as const)
    : ('home.notReadyNext' as const);
}

export function StationHome({ status, onStart }: { status: StationStatus; onStart: () => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { station } = status;
  const moved = status.exam.movedElsewhere;
  const canStart = station.ready && station.online;
  return (
    <div className="screen screen-narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('app.title')}
      </h1>
      {moved && (
        <div className="notice notice-info" data-testid="moved-elsewhere">
          <p className="notice-title">{t('home.movedTitle')}</p>
          <p>{t('home.movedBody', { name: `${moved.firstName} ${moved.lastName}` })}</p>
          <p>{t('home.movedNext')}</p>
        </div>
      )}
      <dl className="facts" data-testid="station-facts">
        <div>
          <dt>{t('home.stationLabel')}</dt>
          <dd>{station.name}</dd>
        </div>
        <div>
          <dt>{t('home.centreLabel')}</dt>
          <dd>{station.centreName ?? t('home.centreUnknown')}</dd>
        </div>
        <div>
          <dt>{t('home.serverLabel')}</dt>
          <dd>
            <span className={`dot ${station.online ? 'dot-ok' : 'dot-off'}`} aria-hidden="true" />
            {station.online ? t('home.serverOnline') : t('home.serverOffline')}
          </dd>
        </div>
      </dl>
      <div role="status" className="home-readiness">
        {!station.ready && (
          <div className="notice notice-warning" data-testid="not-ready">
            <p className="notice-title">{t('home.notReadyTitle')}</p>
            <p>{t(`home.notReadyReason.${notReadyReason(station.notReadyCode)}`)}</p>
            <p>{t(notReadyNextKey(notReadyReason(station.notReadyCode)))}</p>
          </div>
        )}
        {station.ready && !station.online && (
          <div className="notice notice-warning" data-testid="offline">
            <p>{t('home.offlineNext')}</p>
          </div>
        )}
        {canStart && (
          <div className="notice notice-ok" data-testid="ready">
            <p className="notice-title">{t('home.readyTitle')}</p>
            <p>{t('home.readyNext')}</p>
          </div>
        )}
      </div>
      {canStart && (
        <button type="button" className="button button-primary button-large" onClick={onStart}>
          {t('home.start')}
        </button>
      )}
    </div>
  );
}
