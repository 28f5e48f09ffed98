// A silent station is not a test over (ARCHITECTURE.md, failure model): with the network down the test
// goes on offline, and the station sends its answers once the network is back. So a test under way
// whose station went quiet (station-presence.ts) may still have its candidate at work: finalizing it
// would strand them (the server refuses every command of a finalized session). Whether they may still
// be working is told by the time left: the last one the station reported, counted down since, or,
// without any report, the theoretical end. Both the server (finalization.ts) and the invigilator's
// screen (finalization-rules.ts) decide with this, from the same facts the room card carries.
import { testHeardRecently, type TestHeard } from './station-presence.ts';

export interface SilentTestFacts {
  /**
   * In progress or paused as last known. Not a test waiting for its start or its resume: the station
   * goes on only on the invigilator's authorization, which it gets from the server, so not offline;
   * unless it acknowledged that authorization (`goAheadAt`).
   */
  underWay: boolean;
  /**
   * When the station acknowledged the test's start or resume, with no heartbeat heard since (null
   * otherwise). The station acknowledges once it applied it: the candidate is at work though no
   * heartbeat said so yet (the network may have dropped right after), whatever state the last one
   * showed. Such a test counts as under way, its clock running from then.
   */
  goAheadAt: number | null;
  /** Paused: its clock stands still (the station reports the same time left until the pause is lifted). */
  paused: boolean;
  heard: TestHeard;
  /** The last time left the station reported (ms), and when it was received (server time); null: none. */
  timeLeftMs: number | null;
  timeLeftAt: number | null;
  /** When the test started (server time), and the time allowed (extra and added time included). */
  startedAt: number | null;
  allowedMs: number;
}

/** `goAheadAt`, unless the station was heard since (a heartbeat newer than it tells the test's state). */
function wentAheadAt(facts: SilentTestFacts): number | null {
  const { goAheadAt, heard } = facts;
  return goAheadAt !== null && (heard.station === null || heard.station <= goAheadAt) ? goAheadAt : null;
}

/**
 * The time the candidate may still have at `now`: the last reported time left counted down since it
 * was reported (not while paused); with no report, what is left until the theoretical end (start +
 * allowed time, which pauses and outages only push back). Null when neither is known. A test started or
 * resumed at `goAheadAt` with no report since: the last time left reported (a resume goes on from it),
 * else the whole allowed time, counted down from then.
 */
export function projectedTimeLeftMs(facts: SilentTestFacts, now: number): number | null {
  const goAheadAt = wentAheadAt(facts);
  if (goAheadAt !== null && (facts.timeLeftAt === null || facts.timeLeftAt <= goAheadAt)) {
    return (facts.timeLeftMs ?? facts.allowedMs) - (now - goAheadAt);
  }
  if (facts.timeLeftMs !== null && facts.timeLeftAt !== null) {
    return facts.paused ? facts.timeLeftMs : facts.timeLeftMs - (now - facts.timeLeftAt);
  }
  if (facts.startedAt !== null) return facts.startedAt + facts.allowedMs - now;
  return null;
}

/**
 * A test under way whose station is silent while its candidate may still have time: maybe still running
 * offline. Finalization waits for it, or for the invigilator to confirm it is over (station switched off,
 * candidate gone). A started test with no time known at all counts too: nothing says it is over. Once
 * the projected time is gone, the station has ended it (time up) or is gone: finalized as unfinished,
 * with an abort reason, as any test whose station is gone.
 */
export function maybeRunningOffline(facts: SilentTestFacts, now: number): boolean {
  if ((!facts.underWay && wentAheadAt(facts) === null) || testHeardRecently(facts.heard, now)) return false;
  const left = projectedTimeLeftMs(facts, now);
  return left === null || left > 0;
}
