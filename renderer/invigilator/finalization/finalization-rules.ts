// Finalization (DOMAIN.md §6, §7): every started test that did not end normally (finished or time
// up) needs an abort reason, the global comment has at most 500 characters, and both yes/no
// questions are answered. It waits for the tests still running on a live station, or whose candidate
// waits at another one for the resume (finalizing would strand them), for those whose station is silent
// while their candidate may still have time (the test goes on offline) unless the invigilator confirms
// each over, and for the alerts awaiting a decision (their question would be scored as if never
// reported). The server checks the same before it scores anything.
import {
  GLOBAL_COMMENT_MAX,
  type FinalizationRequest,
  type RoomCandidate,
} from '../../../core/contracts/invigilator-api.ts';
import {
  maybeRunningOffline as silentMaybeRunning,
  projectedTimeLeftMs,
  type SilentTestFacts,
} from '../../../core/exam/silent-station.ts';
import { heardRecently, testHeardRecently, type TestHeard } from '../../../core/exam/station-presence.ts';
import type { AbortReason } from '../../../core/scoring/scoring-input.ts';

const STARTED_STATES = new Set<RoomCandidate['state']>([
  'inProgress',
  'paused',
  'resumePending',
  'ended',
  'resultReceived',
]);
const OVER_STATES = new Set<RoomCandidate['state']>(['notArrived', 'ended', 'resultReceived']);

/**
 * Started: said by a record or a heartbeat, or the server's `wentAhead` (its station applied the start,
 * so the candidate was there, though it may have died before saying more; the card still shows the
 * wait). The server counts it the same (server/results/finalization.ts startedTests): unfinished, it
 * needs an abort reason. Not `goAheadAt`: a start held while the candidate read the instructions was
 * acknowledged too, and never went ahead.
 */
export function hasStarted(candidate: RoomCandidate): boolean {
  return (
    candidate.testId !== null &&
    (candidate.startedAt !== null || STARTED_STATES.has(candidate.state) || candidate.wentAhead)
  );
}

export function endedNormally(candidate: RoomCandidate): boolean {
  return candidate.endReason === 'finished' || candidate.endReason === 'timeUp';
}

const time = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

const heardOf = (candidate: RoomCandidate): TestHeard => ({
  station: time(candidate.lastHeartbeatAt),
  resumeStation: time(candidate.resumeRequest?.lastHeardAt),
});

/**
 * Not over, on a station heard from lately: in progress, paused, waiting to start or to resume, on its
 * own station or at the one where the candidate asks to resume it (the first one died). The server
 * decides with the same rule (server/results/finalization.ts), from the same times the card carries.
 * `nowMs`: the server's time as the screen estimates it.
 */
export function isRunning(candidate: RoomCandidate, nowMs: number): boolean {
  if (candidate.testId === null || OVER_STATES.has(candidate.state)) return false;
  return testHeardRecently(heardOf(candidate), nowMs);
}

/** What the card says for core/exam/silent-station.ts, as the server reads it from the same data. */
function silentFacts(candidate: RoomCandidate): SilentTestFacts {
  return {
    underWay: candidate.state === 'inProgress' || candidate.state === 'paused',
    goAheadAt: time(candidate.goAheadAt),
    paused: candidate.state === 'paused',
    heard: heardOf(candidate),
    timeLeftMs: candidate.timeLeftMs,
    timeLeftAt: time(candidate.timeLeftAt),
    startedAt: time(candidate.startedAt),
    allowedMs: candidate.allowedMs,
  };
}

/**
 * Under way, its station silent, its candidate maybe still with time: maybe still composing offline.
 * Finalization waits for its station or for the invigilator's confirmation that it is over.
 */
export function maybeRunningOffline(candidate: RoomCandidate, nowMs: number): boolean {
  return candidate.testId !== null && silentMaybeRunning(silentFacts(candidate), nowMs);
}

/** What the invigilator is told of such a test: how long its station has been silent, the time left then. */
export interface SilentStation {
  candidate: RoomCandidate;
  /** Null: never heard from. */
  silentForMs: number | null;
  /** The time left when the station was last heard (null: unknown). */
  timeLeftMs: number | null;
}

/** The tests maybe still running offline, with what to tell the invigilator about each. */
export function silentStations(candidates: readonly RoomCandidate[], nowMs: number): SilentStation[] {
  return candidates
    .filter((c) => maybeRunningOffline(c, nowMs))
    .map((candidate) => {
      // Its acknowledgement of the start or the resume is contact too (the card's goAheadAt).
      const heardAt = Math.max(time(candidate.lastHeartbeatAt) ?? 0, time(candidate.goAheadAt) ?? 0) || null;
      const left = projectedTimeLeftMs(silentFacts(candidate), heardAt ?? nowMs);
      return {
        candidate,
        silentForMs: heardAt === null ? null : Math.max(0, nowMs - heardAt),
        timeLeftMs: left === null ? null : Math.max(0, left),
      };
    });
}

/**
 * Waiting at another station, heard from lately, for the invigilator to authorize the resume: to
 * authorize in the room (or, if the candidate left, to wait for that station to go silent).
 */
export function waitsForResume(candidate: RoomCandidate, nowMs: number): boolean {
  return (
    candidate.state === 'resumePending' &&
    candidate.authorization !== 'resume' &&
    heardRecently(time(candidate.resumeRequest?.lastHeardAt), nowMs)
  );
}

/** Tests still going on: they must end (or their station go silent: see silentStations) before finalizing. */
export function runningTests(candidates: readonly RoomCandidate[], nowMs: number): RoomCandidate[] {
  return candidates.filter((c) => isRunning(c, nowMs));
}

/**
 * The tests that need an abort reason (their station is gone), in the room's name order: not one that
 * may still run offline, unless the invigilator confirmed it over (`confirmedOver`, by candidate id).
 */
export function unfinishedTests(
  candidates: readonly RoomCandidate[],
  nowMs: number,
  confirmedOver: Readonly<Record<string, boolean>> = {},
): RoomCandidate[] {
  return candidates.filter(
    (c) =>
      hasStarted(c) &&
      !endedNormally(c) &&
      !isRunning(c, nowMs) &&
      (confirmedOver[c.candidateId] === true || !maybeRunningOffline(c, nowMs)),
  );
}

/** Alerts awaiting a decision: settled in the room before finalizing. */
export function pendingAlerts(candidates: readonly RoomCandidate[]): RoomCandidate[] {
  return candidates.filter((c) => c.alert !== null);
}

/**
 * Results the server refused for good: they do not hold finalization back (their test is over, and
 * their station will not send them again), but the global comment should say so, for the jury.
 */
export function refusedResults(candidates: readonly RoomCandidate[]): RoomCandidate[] {
  return candidates.filter((c) => c.upload === 'refused');
}

export interface FinalizationDraft {
  abortReasons: Record<string, AbortReason | ''>;
  /** Tests maybe still running offline that the invigilator confirmed over, by candidate id. */
  confirmedOver: Record<string, boolean>;
  globalComment: string;
  hadIncident: boolean | null;
  candidateCouldNotJoin: boolean | null;
}

export type FinalizationError =
  | { field: 'running' }
  | { field: 'maybeOffline'; candidateId: string }
  | { field: 'alerts' }
  | { field: 'abortReason'; candidateId: string }
  | { field: 'globalComment' }
  | { field: 'hadIncident' }
  | { field: 'candidateCouldNotJoin' };

export type FinalizationCheck =
  { ok: true; request: FinalizationRequest } | { ok: false; errors: FinalizationError[] };

export function checkFinalization(
  draft: FinalizationDraft,
  candidates: readonly RoomCandidate[],
  nowMs: number,
): FinalizationCheck {
  const errors: FinalizationError[] = [];
  if (runningTests(candidates, nowMs).length > 0) errors.push({ field: 'running' });
  const confirmedOver: string[] = [];
  for (const { candidate } of silentStations(candidates, nowMs)) {
    if (draft.confirmedOver[candidate.candidateId] === true) confirmedOver.push(candidate.candidateId);
    else errors.push({ field: 'maybeOffline', candidateId: candidate.candidateId });
  }
  if (pendingAlerts(candidates).length > 0) errors.push({ field: 'alerts' });
  const abortReasons: FinalizationRequest['abortReasons'] = [];
  for (const candidate of unfinishedTests(candidates, nowMs, draft.confirmedOver)) {
    const reason = draft.abortReasons[candidate.candidateId] ?? '';
    if (reason === '') errors.push({ field: 'abortReason', candidateId: candidate.candidateId });
    else abortReasons.push({ candidateId: candidate.candidateId, reason });
  }
  const globalComment = draft.globalComment.trim();
  if (globalComment.length > GLOBAL_COMMENT_MAX) errors.push({ field: 'globalComment' });
  if (draft.hadIncident === null) errors.push({ field: 'hadIncident' });
  if (draft.candidateCouldNotJoin === null) errors.push({ field: 'candidateCouldNotJoin' });
  if (errors.length > 0 || draft.hadIncident === null || draft.candidateCouldNotJoin === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    request: {
      abortReasons,
      globalComment,
      hadIncident: draft.hadIncident,
      candidateCouldNotJoin: draft.candidateCouldNotJoin,
      confirmedOver,
    },
  };
}
