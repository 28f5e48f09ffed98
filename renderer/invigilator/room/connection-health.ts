// How alive a candidate's station looks, from its last heartbeat (stations send one every 2 s):
// amber after 5 s of silence, red after 15 s. Only where a live station is expected: before joining,
// and once the result is stored, there is nothing to watch. Once the test has ended, a silent station
// was most often closed on purpose: it is `off` (its result waits for it to be switched on), no alarm.
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { STATION_MISSING_MS } from '../../../core/exam/station-presence.ts';

export const HEARTBEAT_LATE_MS = 5_000;
/** The server's limit too: a test on a station this silent no longer holds finalization back. */
export const HEARTBEAT_LOST_MS = STATION_MISSING_MS;

/**
 * ok: heard from recently; late: amber; lost: red (station missing); off: silent after the test ended
 * (calm: the result waits for the station); none: nothing to watch.
 */
export type ConnectionHealth = 'ok' | 'late' | 'lost' | 'off' | 'none';

const WATCHED = new Set<RoomCandidate['state']>([
  'signedIn',
  'waiting',
  'startAuthorized',
  'inProgress',
  'paused',
  'ended',
]);

export interface HealthView {
  health: ConnectionHealth;
  /** Milliseconds since the last heartbeat (null when none was ever received). */
  silentMs: number | null;
}

/**
 * `nowMs` is the server's time as the screen estimates it. While the screen itself is cut from the
 * server, pass the moment the cut began: heartbeats cannot reach the screen then, and every station
 * turning red would be a false alarm.
 */
export function connectionHealth(
  candidate: Pick<RoomCandidate, 'state' | 'lastHeartbeatAt'>,
  nowMs: number,
): HealthView {
  const last = candidate.lastHeartbeatAt === null ? null : Date.parse(candidate.lastHeartbeatAt);
  const silentMs = last === null ? null : Math.max(0, nowMs - last);
  if (!WATCHED.has(candidate.state)) return { health: 'none', silentMs };
  if (silentMs === null) return { health: 'none', silentMs };
  if (silentMs >= HEARTBEAT_LOST_MS)
    return { health: candidate.state === 'ended' ? 'off' : 'lost', silentMs };
  if (silentMs >= HEARTBEAT_LATE_MS) return { health: 'late', silentMs };
  return { health: 'ok', silentMs };
}
