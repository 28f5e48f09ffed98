// Paused by the invigilator, or locked by the station (a lockdown event): the clock is stopped and
// the screen says who can make the test go on.
import { useTranslation } from 'react-i18next';
import type { LockdownEvent, StationStatus } from '../../../core/contracts/station-api.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useAnnounceOnChange } from '../announce-on-change.ts';

/** The lockdown events that lock the station, each with its short sentence (the journal keeps the detail). */
const LOCK_REASONS = [
  'displayAdded',
  'lockScreen',
  'suspend',
  'rendererCrashed',
  'forbiddenProcess',
] as const;
type LockReason = (typeof LOCK_REASONS)[number] | 'other';

function lockReason(event: LockdownEvent | null): LockReason {
  return LOCK_REASONS.find((known) => known === event) ?? 'other';
}

export function PausedPanel({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const pause = status.exam.pause;
  const locked = pause?.cause === 'lockdown';
  // Said when the pause starts (the panel appears), not again when the language changes.
  useAnnounceOnChange('paused', () => t('paused.announce'), { politeness: 'assertive' });
  return (
    <section className="paused screen-narrow" aria-labelledby="paused-title" data-testid="paused">
      <div className="pause-mark" aria-hidden="true" />
      <h2 id="paused-title" ref={heading} tabIndex={-1}>
        {locked ? t('paused.lockdownTitle') : t('paused.invigilatorTitle')}
      </h2>
      <p>
        {locked
          ? t('paused.lockdownBody', { reason: t(`paused.lockReason.${lockReason(pause.lockEvent)}`) })
          : t('paused.invigilatorBody')}
      </p>
      {!locked && pause?.reason && <p>{t('paused.message', { reason: pause.reason })}</p>}
      <p className="strong">{locked ? t('paused.lockdownNext') : t('paused.invigilatorNext')}</p>
    </section>
  );
}
