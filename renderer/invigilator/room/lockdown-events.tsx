// The lockdown and integrity events a station reported for this test, with their time. They stay in
// the candidate's file for the jury; acknowledging them only stops the card from standing out.
import { useTranslation } from 'react-i18next';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { clockTime } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { PROBLEM_LOCKDOWN_EVENTS } from './attention.ts';
import { lockdownEventData, lockdownFactsText } from './lockdown-detail.ts';

export function LockdownEvents({
  candidate,
  unseen,
  onAcknowledge,
  headingId,
}: {
  candidate: RoomCandidate;
  unseen: number;
  onAcknowledge(): void;
  headingId: string;
}) {
  const t = useT();
  const { t: tShared, i18n } = useTranslation();
  const events = candidate.lockdownEvents;
  return (
    <section className="panel-section" aria-labelledby={headingId} data-testid="lockdown-events">
      <h3 id={headingId} tabIndex={-1}>
        {t('lockdown.title')}
        {unseen > 0 && <span className="tag tag-action">{t('lockdown.new', { count: unseen })}</span>}
      </h3>
      <p className="hint">{t('lockdown.hint')}</p>
      {events.length === 0 ? (
        <p>{t('lockdown.none')}</p>
      ) : (
        <ol className="event-list">
          {[...events].reverse().map((e, i) => {
            const said = lockdownFactsText(e, t, tShared, i18n.language);
            // An older station's record: the event's name, then what its French sentence holds.
            const data = said === null ? lockdownEventData(e) : null;
            return (
              <li
                key={`${e.at}-${i}`}
                className={PROBLEM_LOCKDOWN_EVENTS.has(e.event) ? 'event-problem' : ''}
              >
                <time dateTime={e.at}>{clockTime(e.at, i18n.language)}</time>{' '}
                {said ?? t(`lockdown.events.${e.event}`)}
                {data && <span className="muted"> — {data}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {unseen > 0 && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            // The button goes once the events are seen: focus stays in the section, on its title.
            document.getElementById(headingId)?.focus();
            onAcknowledge();
          }}
          data-testid="lockdown-seen"
        >
          {t('lockdown.acknowledge')}
        </button>
      )}
    </section>
  );
}
