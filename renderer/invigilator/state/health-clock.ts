// The time stations are judged by (their heartbeats' age). While the screen is cut off from the
// server no heartbeat can reach it: stations are judged as of the moment the cut began, or every
// running one would turn « Poste muet ». The same holds for a while once the stream is back: the
// server does not replay heartbeats, and its `presence` events carry only those that changed in the
// last second, so each live station is heard again within a heartbeat (2 s) and a flush (1 s). Until
// REOPEN_SETTLE_MS after reopening (or a fresh fetch of the room, whose heartbeats are current), the
// loss time still applies; a station that really went silent during the cut turns red after that.
import type { StreamState } from './room-store.ts';

/** After reopening: two heartbeats and a presence flush, with room to spare. */
export const REOPEN_SETTLE_MS = 5_000;

export interface HealthClockState {
  stream: StreamState;
  /** Server time when the stream was lost; kept after reopening until heartbeats are current again. */
  lostAtServerMs: number | null;
  /** Server time when the stream opened again after that loss (null: not reopened yet). */
  reopenedAtServerMs: number | null;
}

/** Whether stations are still judged as of the loss time. */
export function healthHeld(state: HealthClockState, nowMs: number): boolean {
  if (state.lostAtServerMs === null) return false;
  if (state.stream !== 'open' || state.reopenedAtServerMs === null) return true;
  return nowMs - state.reopenedAtServerMs < REOPEN_SETTLE_MS;
}

/** The time to judge heartbeats by: the loss time while held, else now (both server time). */
export function healthNow(state: HealthClockState, nowMs: number): number {
  return healthHeld(state, nowMs) && state.lostAtServerMs !== null ? state.lostAtServerMs : nowMs;
}
