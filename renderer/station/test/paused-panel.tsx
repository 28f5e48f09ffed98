// Paused by the invigilator, or locked by the station (a lockdown event): the clock is stopped and
// the screen says who can make the test go on.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationStatus } from '../../../core/contracts/station-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';

export function PausedPanel({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const pause = status.exam.pause;
  const locked = pause?.cause === 'lockdown';
  useEffect(() => announce(t('paused.announce'), 'assertive'), [t]);
  return (
    <section className="paused screen-narrow" aria-labelledby="paused-title" data-testid="paused">
      <div className="pause-mark" aria-hidden="true" />
      <h2 id="paused-title" ref={heading} tabIndex={-1}>
        {locked ? t('paused.lockdownTitle') : t('paused.invigilatorTitle')}
      </h2>
      <p>
        {locked ? t('paused.lockdownBody', { reason: pause?.reason ?? '' }) : t('paused.invigilatorBody')}
      </p>
      {!locked && pause?.reason && <p>{t('paused.message', { reason: pause.reason })}</p>}
      <p className="strong">{locked ? t('paused.lockdownNext') : t('paused.invigilatorNext')}</p>
    </section>
  );
}
