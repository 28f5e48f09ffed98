// What newly needs the invigilator is watched on every page of the session, not only in the room: a
// new alert or resume request chimes and is announced on the attendance sheet or the finalization page
// too, the tab's title says « (n) Alerte », and those pages show a banner with the way to the room.
// Mounted once for the session (invigilator-app.tsx): its RoomArrivals lasts from page to page, so
// what arrived while the invigilator was elsewhere is still news.
import { useEffect, useRef } from 'react';
import { announce } from '../../shared/announcer.tsx';
import { useT } from '../i18n/use-t.ts';
import { playChime, startAudioOnFirstGesture } from '../room/alert-chime.ts';
import { arrivalsAnnouncement } from '../room/arrival-words.ts';
import { useNamesakes } from '../room/use-candidate-name.ts';
import type { RoomEntry } from '../room/attention.ts';
import { RoomArrivals } from '../room/room-arrivals.ts';
import { useChimePreference } from '../room/use-alert-chime.ts';
import { useRoomView } from '../room/use-room-entries.ts';
import { useRoom } from '../state/room-context.tsx';
import { hrefFor, type SessionPage } from '../state/router.ts';

export function SessionWatch({ page }: { page: SessionPage }) {
  const t = useT();
  const loaded = useRoom((s) => s.loaded);
  const sessionId = useRoom((s) => s.sessionId);
  const { entries, counts } = useRoomView();
  const chime = useChimePreference();
  useEffect(() => startAudioOnFirstGesture(), []);
  useArrivals(entries, loaded, chime.wanted);
  useAlertTitle(counts.alerts);
  // The room has its own banner, and the candidates themselves.
  if (page === 'room' || counts.blocked === 0) return null;
  return (
    <div className="alerts-banner away-banner no-print" data-testid="away-banner">
      <span className="alerts-banner-icon" aria-hidden="true">
        !
      </span>
      <p>{t('away.blocked', { count: counts.blocked })}</p>
      <a className="button away-banner-link" href={hrefFor({ page: 'room', sessionId })}>
        {t('away.goToRoom')}
      </a>
    </div>
  );
}

/**
 * Each look at the room (every change, every second): screen readers hear what was just added, in one
 * message (arrival-words.ts); a new blocking request also chimes when wanted.
 */
function useArrivals(entries: RoomEntry[], loaded: boolean, chime: boolean) {
  const t = useT();
  const arrivals = useRef<RoomArrivals | null>(null);
  // Read when something arrives: a change of names alone announces nothing.
  const known = useNamesakes();
  const namesakes = useRef(known);
  namesakes.current = known;
  useEffect(() => {
    arrivals.current ??= new RoomArrivals();
    const found = arrivals.current.observe(entries, loaded);
    if (chime && found.some((a) => a.chime)) playChime();
    const said = arrivalsAnnouncement(found, t, namesakes.current);
    if (said) announce(said.message, said.politeness);
    // A change of the chime setting alone finds nothing new (the same room is looked at again).
  }, [entries, loaded, chime, t]);
}

/** A pending alert shows in the tab's title too, for an invigilator looking at another tab or window. */
function useAlertTitle(alerts: number) {
  const t = useT();
  useEffect(() => {
    const base = t('app.name');
    document.title = alerts > 0 ? t('room.alertsTitle', { count: alerts }) : base;
    return () => {
      document.title = base;
    };
  }, [alerts, t]);
}
