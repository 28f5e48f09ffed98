// How alive a candidate's station looks, from its last heartbeat (stations send one every 2 s):
// amber after 5 s of silence, red after 15 s. Only where a live station is expected: before joining,
// and once the result is stored, there is nothing to watch. Once the test has ended, a silent station
// was most often closed on purpose: it is `off` (its result waits for it to be switched on), no alarm.
// The station where a candidate asks to resume is watched the same way while the resume waits.
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { resumeRequestStale, STATION_MISSING_MS } from '../../../core/exam/station-presence.ts';

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
  const silentMs = silenceSince(candidate.lastHeartbeatAt, nowMs);
  if (!WATCHED.has(candidate.state)) return { health: 'none', silentMs };
  if (silentMs === null) return { health: 'none', silentMs };
  if (silentMs >= HEARTBEAT_LOST_MS)
    return { health: candidate.state === 'ended' ? 'off' : 'lost', silentMs };
  return { health: silentMs >= HEARTBEAT_LATE_MS ? 'late' : 'ok', silentMs };
}

/**
 * The station where the candidate asks to resume (their own one died), while the resume waits for the
 * invigilator; null otherwise. Gone silent (`lost`), the candidate may have left: finalization then
 * asks an abort reason for the test (finalization-rules.ts), so the room says so too. Never heard from
 * since the server started: `none`.
 */
export function resumeStationHealth(
  candidate: Pick<RoomCandidate, 'state' | 'authorization' | 'resumeRequest'>,
  nowMs: number,
): HealthView | null {
  const request = candidate.resumeRequest;
  if (request === null || candidate.state !== 'resumePending' || candidate.authorization === 'resume') {
    return null;
  }
  const silentMs = silenceSince(request.lastHeardAt, nowMs);
  if (silentMs === null) return { health: 'none', silentMs };
  if (silentMs >= HEARTBEAT_LOST_MS) return { health: 'lost', silentMs };
  return { health: silentMs >= HEARTBEAT_LATE_MS ? 'late' : 'ok', silentMs };
}

function silenceSince(heardAt: string | null, nowMs: number): number | null {
  return heardAt === null ? null : Math.max(0, nowMs - Date.parse(heardAt));
}

/**
 * Whether « Autoriser la reprise » leaves the test on its own station, as the server decides
 * (server/exam/commands.ts, the same rule from core): another station asked, but no longer does while
 * the test's own station beats again.
 */
export function resumesOnOwnStation(
  candidate: Pick<RoomCandidate, 'station' | 'lastHeartbeatAt' | 'resumeRequest'>,
  nowMs: number,
): boolean {
  const request = candidate.resumeRequest;
  if (request === null || request.stationId === candidate.station?.id) return false;
  const time = (at: string | null) => (at === null ? null : Date.parse(at));
  return resumeRequestStale(
    { station: time(candidate.lastHeartbeatAt), resumeStation: time(request.lastHeardAt) },
    nowMs,
  );
}
