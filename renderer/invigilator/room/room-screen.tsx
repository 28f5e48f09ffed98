// The room: every candidate on one screen (30 fit on 1366×768), what needs the invigilator first and
// standing out, pending alerts announced as live work, and each card opening the candidate's file.
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { announce } from '../../shared/announcer.tsx';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { fullName } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { useRoom } from '../state/room-context.tsx';
import { useNow } from '../state/use-now.ts';
import { roomCounts, sortRoom, type RoomEntry } from './attention.ts';
import { CandidateCard, type CardOpenView } from './candidate-card.tsx';
import { CandidateDialog } from './candidate-dialog.tsx';
import {
  cardFocusOf,
  cardFocusTargets,
  elementsFor,
  useFocusRescue,
  type CardFocus,
} from './focus-rescue.ts';
import { playChime } from './alert-chime.ts';
import { RoomArrivals } from './room-arrivals.ts';
import { useChimePreference } from './use-alert-chime.ts';
import { useCandidateActions } from './use-candidate-actions.ts';

export function RoomScreen() {
  const t = useT();
  const serverMessage = useServerErrorMessage();
  const candidates = useRoom((s) => s.candidates);
  const lockdownSeen = useRoom((s) => s.lockdownSeen);
  const stream = useRoom((s) => s.stream);
  const lostAt = useRoom((s) => s.lostAtServerMs);
  const offset = useRoom((s) => s.serverOffsetMs);
  const session = useRoom((s) => s.session);
  const loaded = useRoom((s) => s.loaded);
  const loadError = useRoom((s) => s.loadError);
  const load = useRoom((s) => s.load);
  const now = useNow() + offset;
  const stale = stream === 'lost';
  const healthNow = stale && lostAt !== null ? lostAt : now;
  // Actions need a session known to be open; the room reads as finalized only once it is known to be.
  const sessionOpen = session?.state === 'created';
  const closed = Boolean(session) && !sessionOpen;

  const entries = useMemo(
    () =>
      sortRoom(Object.values(candidates), {
        nowMs: now,
        healthNowMs: healthNow,
        lockdownSeenAt: (id) => lockdownSeen[id] ?? null,
        // Until the session is known, as open: an alert is never hidden for want of it.
        sessionOpen: !closed,
      }),
    [candidates, now, healthNow, lockdownSeen, closed],
  );
  const counts = roomCounts(entries);
  const namesakes = useMemo(() => {
    const seen = new Map<string, number>();
    for (const c of Object.values(candidates)) {
      const key = fullName(c).toLocaleLowerCase('fr-FR');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return new Set([...seen].filter(([, n]) => n > 1).map(([key]) => key));
  }, [candidates]);
  // The file open, and the card control that opened it (focus goes back to that card when it closes).
  const [open, setOpen] = useState<{ candidateId: string; view: CardOpenView; from: CardFocus } | null>(null);
  const { busy, command } = useCandidateActions();
  const [quickError, setQuickError] = useState<string | null>(null);

  const chime = useChimePreference();
  useArrivals(entries, loaded, chime.wanted);
  useAlertTitle(counts.alerts);
  // Like every page, the room starts from its title, once it is there (after login, or a link here).
  const heading = useFocusOnMount<HTMLHeadingElement>(loaded);
  // A card's button gone once its action is done (« Confirmer la présence »), or a card moved when the
  // room re-sorted: focus stays with that candidate, on the same button or the card's name.
  useFocusRescue(cardFocusOf, cardFocusTargets);

  if (!loaded) {
    return (
      <div className="page">
        {loadError ? (
          <div className="notice notice-error" role="alert">
            <p>{t('connection.loadFailed', { message: serverMessage(loadError) })}</p>
            <button type="button" className="button button-secondary" onClick={() => void load()}>
              {t('connection.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('connection.loading')}</p>
        )}
      </div>
    );
  }

  return (
    <div className="room">
      <div className="room-toolbar">
        <h1 className="room-title" ref={heading} tabIndex={-1}>
          {t('room.title')}
        </h1>
        <ul className="room-counts" data-testid="room-counts">
          <li>{t('room.counts.total', { count: counts.total })}</li>
          {closed ? (
            // A finalized room: what became of each candidate, nothing left to handle.
            <li>{t('room.counts.unfinished', { count: counts.active })}</li>
          ) : (
            <>
              <li className={counts.attention > 0 ? 'count-attention' : ''}>
                {t('room.counts.attention', { count: counts.attention })}
              </li>
              <li>{t('room.counts.active', { count: counts.active })}</li>
            </>
          )}
          <li>{t('room.counts.finished', { count: counts.finished })}</li>
          <li>{t(closed ? 'room.counts.absentClosed' : 'room.counts.absent', { count: counts.absent })}</li>
        </ul>
        {sessionOpen && <p className="room-legend">{t('room.legend')}</p>}
        {sessionOpen && (
          <label className="room-chime">
            <input
              type="checkbox"
              checked={chime.wanted}
              onChange={(event) => chime.choose(event.target.checked)}
              data-testid="chime-toggle"
            />{' '}
            {t('room.chime')}
          </label>
        )}
      </div>
      {counts.alerts > 0 && (
        <p className="alerts-banner" data-testid="alerts-banner">
          <span className="alerts-banner-icon" aria-hidden="true">
            !
          </span>
          {t('room.alertsBanner', { count: counts.alerts })}
        </p>
      )}
      {closed && <p className="notice notice-info room-closed">{t('session.closed')}</p>}
      {quickError && (
        <p className="notice notice-error" role="alert">
          {quickError}
        </p>
      )}
      {entries.length === 0 ? (
        <p>{t('room.empty')}</p>
      ) : (
        <ul className="room-grid" aria-label={t('room.listLabel')} data-testid="room-grid">
          {entries.map((entry) => (
            <CandidateCard
              key={entry.candidate.candidateId}
              entry={entry}
              nowMs={now}
              stale={stale}
              sessionOpen={sessionOpen}
              namesake={namesakes.has(fullName(entry.candidate).toLocaleLowerCase('fr-FR'))}
              busy={busy === entry.candidate.candidateId}
              onOpen={(view) => {
                setQuickError(null);
                const { candidateId } = entry.candidate;
                const active = document.activeElement;
                const onCard = active ? cardFocusOf(active) : null;
                const from = onCard?.candidateId === candidateId ? onCard : { candidateId, testId: null };
                setOpen({ candidateId, view, from });
              }}
              onConfirmPresence={() => {
                setQuickError(null);
                void command(entry.candidate, { type: 'authorizeStart' }).then((outcome) => {
                  if (!outcome.ok) setQuickError(`${fullName(entry.candidate)} — ${outcome.message}`);
                });
              }}
            />
          ))}
        </ul>
      )}
      {open && (
        <CandidateDialog
          key={open.candidateId}
          candidateId={open.candidateId}
          initialView={open.view}
          onClose={() => setOpen(null)}
          // The card's button is gone once its alert, resume or events are handled: focus goes back to
          // the same candidate's card (its name), not to the top of the room.
          returnFocusFallback={() => elementsFor(cardFocusTargets(open.from))}
        />
      )}
    </div>
  );
}

/**
 * What newly needs the invigilator (room-arrivals.ts): screen readers hear each new alert, resume
 * request and arrival once, when it appears; a new alert or resume request also chimes when wanted.
 */
function useArrivals(entries: RoomEntry[], loaded: boolean, chime: boolean) {
  const t = useT();
  const arrivals = useRef(new RoomArrivals());
  useEffect(() => {
    const found = arrivals.current.observe(entries, loaded);
    if (chime && found.some((a) => a.blocking)) playChime();
    for (const { entry } of found) {
      const top = entry.attention[0];
      if (!top) continue;
      const name = fullName(entry.candidate);
      if (top.kind === 'alert') {
        const q = entry.candidate.alert?.questionNumber;
        announce(
          `${name} : ${q ? t('attention.alert', { question: q }) : t('attention.alertUnknownQuestion')}`,
          'assertive',
        );
      } else if (top.kind === 'resume') {
        announce(`${name} : ${t('attention.resume')}`, 'assertive');
      } else if (top.kind === 'waiting') {
        announce(`${name} : ${t('attention.waiting')}`);
      } else if (top.kind === 'lockdown') {
        announce(`${name} : ${t('attention.lockdown')}`);
      } else if (top.kind === 'resultRefused') {
        announce(`${name} : ${t('attention.resultRefused')}. ${t('upload.refused')}`);
      }
    }
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
