// The candidate's time left as of now, from the station's last measure (`timeLeftMs` at `timeLeftAt`).
// The station's clock runs only while the test is in progress and the station is alive (a paused or
// crashed station does not charge the candidate), so the screen counts down only then.
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { HEARTBEAT_LOST_MS } from './connection-health.ts';

export function timeLeftNow(
  candidate: Pick<RoomCandidate, 'state' | 'timeLeftMs' | 'timeLeftAt' | 'lastHeartbeatAt'>,
  nowMs: number,
): number | null {
  if (candidate.timeLeftMs === null) return null;
  if (candidate.state !== 'inProgress' || candidate.timeLeftAt === null) return candidate.timeLeftMs;
  const measuredAt = Date.parse(candidate.timeLeftAt);
  const lastHeard = candidate.lastHeartbeatAt === null ? measuredAt : Date.parse(candidate.lastHeartbeatAt);
  // A silent station stops its clock (downtime is not charged): count down no further than it could.
  const until = Math.min(nowMs, Math.max(lastHeard, measuredAt) + HEARTBEAT_LOST_MS);
  return Math.max(0, candidate.timeLeftMs - Math.max(0, until - measuredAt));
}

/**
 * The added time the station's last time report already counted, as this screen saw it: the time left
 * reported at `at` is taken to include the `addedMs` known when that report arrived. Time added since
 * is not in it until the station's next heartbeat (every 2 s, paused or not, once the command reached
 * it; longer when it is offline). A guess of this screen's: a heartbeat computed before the station
 * applied the time but arriving after the card can show the time once without it, and a reload takes
 * the time added so far as counted.
 */
export interface TimeReport {
  at: string | null;
  addedMs: number;
}

/** The report kept for a card that came in: a new report counts the time added so far. */
export function nextTimeReport(
  previous: TimeReport | undefined,
  candidate: Pick<RoomCandidate, 'timeLeftAt' | 'addedMs'>,
): TimeReport {
  if (previous && previous.at === candidate.timeLeftAt) return previous;
  return { at: candidate.timeLeftAt, addedMs: candidate.addedMs };
}

/**
 * The time left as of now with the time added after the station's last report, which the station has
 * not confirmed yet (`unconfirmedMs`): without it the file would say « 1 h 45 min left » beside
 * « 1 h 55 min allowed, +10 min added ».
 */
export function timeLeftWithAdded(
  candidate: Pick<RoomCandidate, 'state' | 'timeLeftMs' | 'timeLeftAt' | 'lastHeartbeatAt' | 'addedMs'>,
  nowMs: number,
  report: TimeReport | undefined,
): { ms: number; unconfirmedMs: number } | null {
  const left = timeLeftNow(candidate, nowMs);
  if (left === null) return null;
  const unconfirmedMs =
    report && report.at === candidate.timeLeftAt ? Math.max(0, candidate.addedMs - report.addedMs) : 0;
  return { ms: left + unconfirmedMs, unconfirmedMs };
}
