// Heartbeats: every 2 s from each station. What changes the room (phase, question, alert) is stored and
// sent as a candidate event; the rest (time left, last contact) goes to the presence feed from memory,
// and the time left is also stored every 30 s, so that a resume on another station after a server
// restart does not give back the time spent since the last record. A station whose test went on
// elsewhere (the candidate resumed on another station) is told so; the heartbeats of a station where a
// candidate waits for the resume go to the presence feed only.
import type { HeartbeatRequest, HeartbeatResponse } from '../../core/contracts/station-server.ts';
import type { ServerContext } from '../context.ts';
import { hasEnded } from '../room/room-view.ts';
import type { HeartbeatState, StoredStation } from '../storage/repositories.ts';

/** How old the stored time left may get: at most this much is given back by a resume after a restart. */
export const TIME_LEFT_STORED_EVERY_MS = 30_000;

export async function receiveHeartbeat(
  ctx: ServerContext,
  station: StoredStation,
  heartbeat: HeartbeatRequest,
): Promise<HeartbeatResponse> {
  const now = ctx.now();
  if (heartbeat.testId === null) return { serverTime: now };
  const test = await ctx.store.tests.get(heartbeat.testId);
  // A heartbeat about a test that is not (or no longer) this station's is only presence. The station
  // that holds a copy of a test attached to another one is told (not the one asking to resume it). The
  // one asking to resume it says its candidate is still waiting there: the room hears it (in memory).
  if (!test || test.stationId !== station.id) {
    if (test?.resumeStationId === station.id) {
      // Over meanwhile (ended on its own station): that request will never be authorized nor read.
      if (hasEnded(test)) {
        ctx.feed.heartbeats.forgetResume(test.id);
        return { serverTime: now };
      }
      ctx.feed.heartbeats.recordResume(test.id, test.sessionId, {
        candidateId: test.candidateId,
        stationId: station.id,
        lastHeardAt: now,
      });
      return { serverTime: now };
    }
    return test ? { serverTime: now, testElsewhere: true } : { serverTime: now };
  }
  const previous = test.heartbeat;
  const live = ctx.feed.heartbeats.get(test.id);
  const last = live ?? {
    timeLeftMs: previous.timeLeftMs,
    timeLeftAt: previous.timeLeftAt,
    timeLeftAddedMs: previous.timeLeftAddedMs,
    lastSeq: previous.lastSeq,
  };
  // A station with no time to report after one was reported (the one resuming the test, before its
  // records arrive) keeps that report's time left and journal position: a resume charges from them.
  const carried = heartbeat.timeLeftMs === null && last.timeLeftMs !== null;
  const next: HeartbeatState = {
    phase: heartbeat.phase,
    currentIndex: heartbeat.current,
    total: heartbeat.total,
    timeLeftMs: carried ? last.timeLeftMs : heartbeat.timeLeftMs,
    timeLeftAt: carried ? last.timeLeftAt : heartbeat.timeLeftMs === null ? null : now,
    // Kept with the time left it was said with (the room tells time added confirmed by it).
    timeLeftAddedMs: carried ? last.timeLeftAddedMs : (heartbeat.addedMs ?? null),
    alertPending: heartbeat.alertPending,
    lastSeq: carried ? (last.lastSeq ?? heartbeat.lastSeq) : heartbeat.lastSeq,
    lastHeartbeatAt: now,
    clockOffsetMs: now - heartbeat.stationTime,
  };
  const changed =
    previous.phase !== next.phase ||
    previous.currentIndex !== next.currentIndex ||
    previous.total !== next.total ||
    previous.alertPending !== next.alertPending ||
    previous.lastHeartbeatAt === null;
  ctx.feed.heartbeats.record(test.id, test.sessionId, test.candidateId, {
    lastHeartbeatAt: now,
    timeLeftMs: next.timeLeftMs,
    timeLeftAt: next.timeLeftAt,
    timeLeftAddedMs: next.timeLeftAddedMs,
    lastSeq: next.lastSeq ?? heartbeat.lastSeq,
  });
  const timeLeftStale =
    heartbeat.timeLeftMs !== null &&
    (previous.timeLeftAt === null || now - previous.timeLeftAt >= TIME_LEFT_STORED_EVERY_MS);
  if (changed || timeLeftStale) await ctx.store.tests.setHeartbeat(test.id, next);
  if (changed) await ctx.feed.candidateChanged(test.sessionId, test.candidateId, 'heartbeat');
  return { serverTime: now };
}
