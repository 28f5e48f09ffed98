// When a station counts as gone (DOMAIN.md §7): it sends a heartbeat every 2 s, and after this long
// without one the invigilator's room shows it missing (« muet »). The server uses the same limit to
// tell a test still running on a live station (finalization must wait) from one whose station is gone
// (finalized as unfinished, with an abort reason).
export const STATION_MISSING_MS = 15_000;

/** Whether something last heard from at `heardAt` (null: never) is still there at `now`. */
export function heardRecently(heardAt: number | null, now: number): boolean {
  return heardAt !== null && now - heardAt < STATION_MISSING_MS;
}

/** When a test's stations were last heard from (ms, null: never). */
export interface TestHeard {
  /** The station the test runs on. */
  station: number | null;
  /** The station where its candidate waits for the resume (the first one died); null if none. */
  resumeStation: number | null;
}

/**
 * Whether a test not over still has its candidate in the room: its station heard from lately, or the
 * station where they wait for the invigilator to authorize the resume. The server holds finalization
 * back for such a test, and the invigilator's screen lists it among those to settle first, not among
 * those needing an abort reason: both decide with this.
 */
export function testHeardRecently(heard: TestHeard, now: number): boolean {
  return heardRecently(heard.station, now) || heardRecently(heard.resumeStation, now);
}

/**
 * Whether another station's request to resume the test went stale: that station no longer asks for
 * it while the test's own station beats again (the candidate gave up over there and came back, which
 * the station never says). The resume is then authorized where the candidate is; the server decides so
 * and the invigilator's confirmation says so, both with this.
 */
export function resumeRequestStale(heard: TestHeard, now: number): boolean {
  return !heardRecently(heard.resumeStation, now) && heardRecently(heard.station, now);
}
