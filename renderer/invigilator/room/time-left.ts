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
 * The added time the station's last time report counted, as this screen saw it, for an older station
 * that does not say it (`timeLeftAddedMs` null): the time left reported at `at` is taken to include the
 * `addedMs` known when that report arrived. A guess: a heartbeat computed before the station applied the
 * time but arriving after the card can show the time once without it, and a reload takes the time
 * added so far as counted.
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
 * The added time the reported time left counts: what the station said with it, through the server
 * (the same after a reload); else this screen's guess (null: no report seen).
 */
export function addedCounted(
  candidate: Pick<RoomCandidate, 'timeLeftAt' | 'timeLeftAddedMs'>,
  report: TimeReport | undefined,
): number | null {
  if (candidate.timeLeftAddedMs !== null) return candidate.timeLeftAddedMs;
  return report && report.at === candidate.timeLeftAt ? report.addedMs : null;
}

/**
 * The time left as of now with the time added (the station's replicated records) that its last report
 * did not count yet (`unconfirmedMs`): without it the file would say « 1 h 45 min left » beside
 * « 1 h 55 min allowed, +10 min added ». Counted more than the records say (a record on its way): nothing.
 */
export function timeLeftWithAdded(
  candidate: Pick<
    RoomCandidate,
    'state' | 'timeLeftMs' | 'timeLeftAt' | 'lastHeartbeatAt' | 'addedMs' | 'timeLeftAddedMs'
  >,
  nowMs: number,
  report: TimeReport | undefined,
): { ms: number; unconfirmedMs: number } | null {
  const left = timeLeftNow(candidate, nowMs);
  if (left === null) return null;
  const counted = addedCounted(candidate, report);
  const unconfirmedMs = counted === null ? 0 : Math.max(0, candidate.addedMs - counted);
  return { ms: left + unconfirmedMs, unconfirmedMs };
}
