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
