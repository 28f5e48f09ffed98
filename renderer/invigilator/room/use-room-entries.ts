// The room as the invigilator reads it (attention.ts), for the room page and for the watch kept on
// every page of the session (session/session-watch.tsx): the same cards, sorted the same way, judged
// by the same clocks, once a tick for both (RoomViewProvider, around the session's pages).
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { useRoom } from '../state/room-context.tsx';
import { useRoomClock } from '../state/use-room-clock.ts';
import { roomCounts, sortRoom, type RoomCounts, type RoomEntry } from './attention.ts';

export interface RoomView {
  entries: RoomEntry[];
  counts: RoomCounts;
  /** Server time now (ms). */
  now: number;
  /** Cut off from the server: stations' health is unknown. */
  cutOff: boolean;
  /** The session is known to be open: actions make sense. */
  sessionOpen: boolean;
  /** The session is known to be finalized: the room is a record. */
  closed: boolean;
}

function useRoomEntries(): RoomView {
  const candidates = useRoom((s) => s.candidates);
  const lockdownSeen = useRoom((s) => s.lockdownSeen);
  const session = useRoom((s) => s.session);
  const { now, healthNow, cutOff } = useRoomClock();
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
  const counts = useMemo(() => roomCounts(entries), [entries]);
  return { entries, counts, now, cutOff, sessionOpen, closed };
}

const RoomViewContext = createContext<RoomView | null>(null);

/** Sorts the room once a tick for everything in the session's pages that reads it. */
export function RoomViewProvider({ children }: { children: ReactNode }) {
  return createElement(RoomViewContext.Provider, { value: useRoomEntries() }, children);
}

export function useRoomView(): RoomView {
  const view = useContext(RoomViewContext);
  if (!view) throw new Error('useRoomView outside RoomViewProvider');
  return view;
}
