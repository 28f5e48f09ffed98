// The room: every candidate on one screen (30 fit on 1366×768), what needs the invigilator first and
// standing out (held still while the pointer or the focus is on the cards), and each card opening the
// candidate's file. New alerts are chimed and announced on every page (session/session-watch.tsx).
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useT } from '../i18n/use-t.ts';
import { useRoom } from '../state/room-context.tsx';
import type { RoomEntry } from './attention.ts';
import { CandidateCard, type CardOpenView } from './candidate-card.tsx';
import { CandidateDialog } from './candidate-dialog.tsx';
import {
  cardFocusOf,
  cardFocusTargets,
  elementsFor,
  useFocusRescue,
  type CardFocus,
} from './focus-rescue.ts';
import { heldOrder, ORDER_IDLE_HOLD_MS, ORDER_RELEASE_MS, sameOrder } from './frozen-order.ts';
import { useChimePreference } from './use-alert-chime.ts';
import { useCandidateActions } from './use-candidate-actions.ts';
import { useRoomView } from './use-room-entries.ts';
import { candidateName, isNamesake } from '../../shared/namesakes.ts';
import { useNamesakes } from './use-candidate-name.ts';

export function RoomScreen() {
  const t = useT();
  const serverMessage = useServerErrorMessage();
  const loaded = useRoom((s) => s.loaded);
  const loadError = useRoom((s) => s.loadError);
  const load = useRoom((s) => s.load);
  const { entries: sorted, counts, now, cutOff: stale, sessionOpen, closed } = useRoomView();
  const { entries, hold } = useHeldOrder(sorted);
  const namesakes = useNamesakes();
  // The file open, and the card control that opened it (focus goes back to that card when it closes).
  const [open, setOpen] = useState<{ candidateId: string; view: CardOpenView; from: CardFocus } | null>(null);
  const { busy, command } = useCandidateActions();
  const [quickError, setQuickError] = useState<string | null>(null);

  const chime = useChimePreference();
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
        <ul className="room-grid" aria-label={t('room.listLabel')} data-testid="room-grid" {...hold}>
          {entries.map((entry) => (
            <CandidateCard
              key={entry.candidate.candidateId}
              entry={entry}
              nowMs={now}
              stale={stale}
              sessionOpen={sessionOpen}
              namesake={isNamesake(entry.candidate, namesakes)}
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
                  if (!outcome.ok)
                    setQuickError(`${candidateName(entry.candidate, namesakes)} — ${outcome.message}`);
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
 * The cards in the room's order, held still while the pointer is on them or the keyboard's focus is in
 * them (frozen-order.ts), and for ORDER_RELEASE_MS after both left: a card must not move under a click
 * or a key press. Left still for ORDER_IDLE_HOLD_MS, they no longer hold it. New cards still come (at the
 * end), removed ones go.
 */
function useHeldOrder(sorted: RoomEntry[]) {
  const [frozen, setFrozen] = useState(false);
  const inside = useRef({ pointer: false, focus: false });
  const release = useRef<number | null>(null);
  const idle = useRef<number | null>(null);
  const sortedIds = sorted.map((e) => e.candidate.candidateId);
  const [shown, setShown] = useState<string[]>(sortedIds);
  const next = heldOrder(shown, sortedIds, frozen);
  // Kept from render to render (the order on screen is what a frozen room holds).
  if (!sameOrder(next, shown)) setShown(next);
  const byId = new Map(sorted.map((e) => [e.candidate.candidateId, e]));
  const entries = next.flatMap((id) => byId.get(id) ?? []);

  useEffect(
    () => () => {
      if (release.current !== null) window.clearTimeout(release.current);
      if (idle.current !== null) window.clearTimeout(idle.current);
    },
    [],
  );
  const update = () => {
    if (release.current !== null) window.clearTimeout(release.current);
    release.current = null;
    if (inside.current.pointer || inside.current.focus) setFrozen(true);
    else
      release.current = window.setTimeout(() => {
        release.current = null;
        setFrozen(false);
      }, ORDER_RELEASE_MS);
  };
  // Each move, press or key on the cards holds the order a while longer; left still, it lets go.
  const active = () => {
    if (idle.current !== null) window.clearTimeout(idle.current);
    idle.current = window.setTimeout(() => {
      idle.current = null;
      inside.current = { pointer: false, focus: false };
      update();
    }, ORDER_IDLE_HOLD_MS);
  };
  // Held by a pointer that moves or presses on the cards (about to click), not by one merely left
  // where the room appeared.
  const pointerIn = () => {
    active();
    if (inside.current.pointer) return;
    inside.current.pointer = true;
    update();
  };
  const hold = {
    onPointerMove: pointerIn,
    onPointerDown: pointerIn,
    onKeyDown: () => {
      active();
      if (inside.current.focus) return;
      inside.current.focus = true;
      update();
    },
    onPointerLeave: () => {
      inside.current.pointer = false;
      update();
    },
    // The keyboard's focus: one a click left on a card (or gave back there when its file closed)
    // must not hold the room still once the pointer has gone.
    onFocus: (event: FocusEvent<HTMLElement>) => {
      inside.current.focus = event.target.matches(':focus-visible');
      if (inside.current.focus) active();
      update();
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      // Focus moving from card to card stays inside.
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      inside.current.focus = false;
      update();
    },
  };
  return { entries, hold };
}
