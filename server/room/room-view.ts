// The invigilator's room: every candidate's card (core/contracts/invigilator-api.ts RoomCandidate),
// from what the server knows: enrolment, the test row (replicated records and last heartbeat), pending
// alerts (and, for a while, the last decision on one, for the screens that did not take it) and commands,
// lockdown events, incident reports, the result.
import {
  ALERT_DECISION_SHOWN_MS,
  alertReasonCodesFor,
  type RoomAlertDecision,
  type RoomCandidate,
  type RoomCandidateState,
} from '../../core/contracts/invigilator-api.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import { allowedDurationMs } from '../../core/exam/duration.ts';
import type { TestHeard } from '../../core/exam/station-presence.ts';
import { AlertReasonCodeSchema, LockdownEventSchema } from '../../core/journal/journal-record.ts';
import {
  LockdownFactsSchema,
  lockdownPayload,
  type LockdownFacts,
} from '../../core/journal/lockdown-facts.ts';
import type { ServerContext } from '../context.ts';
import { withdrawnAlertIds } from '../exam/withdrawn-alerts.ts';
import type {
  ReplicatedRecord,
  StoredCandidate,
  StoredCommand,
  StoredSession,
  StoredTest,
} from '../storage/repositories.ts';
import { iso, isoOrNull, stationIso } from '../time.ts';
import type { LiveHeartbeat } from './heartbeats.ts';

const STARTED_PHASES = new Set(['inProgress', 'paused', 'resumePending', 'ended', 'sealed', 'uploaded']);
const ENDED_PHASES = new Set(['ended', 'sealed', 'uploaded']);
const MAX_LOCKDOWN_EVENTS = 20;

/**
 * A lockdown record's facts, if well formed (a row stored before they were checked may not be), an
 * instant in them (a last sign of life) brought to the server's clock as the record's time is; none
 * when it then falls outside their bounds.
 */
export function factsOnServerClock(
  facts: unknown,
  writerOffsetMs: number | null,
  heartbeat: { clockOffsetMs: number | null },
): LockdownFacts | undefined {
  const parsed = LockdownFactsSchema.safeParse(facts);
  if (!parsed.success) return undefined;
  if (parsed.data.type !== 'lastSeen') return parsed.data;
  const lastSeenAt = onServerClock(parsed.data.lastSeenAt, writerOffsetMs, heartbeat);
  const moved = LockdownFactsSchema.safeParse({ ...parsed.data, lastSeenAt });
  return moved.success ? moved.data : undefined;
}

/**
 * The last lockdown events of a test for its card, times on the server's clock. Cut to the last ones
 * before anything is parsed (a flapping focus journals up to a thousand). Facts as the station
 * journaled them, when they are well formed and fit their event (lockdownPayload): else, or from an
 * older station, none (the screen reads the sentence). A last sign of life is brought to the server's
 * clock as the event's own time is.
 */
export function cardLockdownEvents(
  rows: readonly ReplicatedRecord[],
  testId: string,
  heartbeat: { clockOffsetMs: number | null },
): RoomCandidate['lockdownEvents'] {
  return rows
    .filter(({ record: r }) => r.testId === testId && r.kind === 'lockdown')
    .slice(-MAX_LOCKDOWN_EVENTS)
    .flatMap(({ record: r, clockOffsetMs }) => {
      if (r.kind !== 'lockdown') return [];
      const event = LockdownEventSchema.safeParse(r.payload.event);
      // A time no clock could give (a row stored before the schemas bounded it) leaves the event out.
      const at = stationIso(onServerClock(r.wallAt, clockOffsetMs, heartbeat));
      if (!event.success || at === null) return [];
      const facts = factsOnServerClock(r.payload.facts, clockOffsetMs, heartbeat);
      return [{ ...lockdownPayload(event.data, r.payload.detail, facts), at }];
    });
}

/** The heartbeat's phase, unless records newer than it say more. */
function freshPhase(test: StoredTest): string | null {
  const h = test.heartbeat;
  if (h.phase === null) return null;
  return (h.lastSeq ?? 0) >= test.journal.storedThrough ? h.phase : null;
}

/** A result refused for good was sealed by the station: the test started, whatever reached the server. */
export function hasStarted(test: StoredTest): boolean {
  return (
    test.journal.startedAt !== null ||
    test.uploadRefusal !== null ||
    STARTED_PHASES.has(freshPhase(test) ?? '')
  );
}

/** Over: its result stored or refused (its station sealed it), its end replicated or heard. */
export function hasEnded(test: StoredTest): boolean {
  return (
    test.bundleReceivedAt !== null ||
    test.uploadRefusal !== null ||
    test.journal.endedReason !== null ||
    ENDED_PHASES.has(freshPhase(test) ?? '')
  );
}

/**
 * The pause the room shows and the commands go by (`pause` refused, `unlock` allowed): the one the stored
 * records say, else the one a heartbeat sent after the last stored record says. A station holds a pause
 * its journal could not take (a lockdown on a full disk, main/station/runtime/exam-runtime.ts
 * #lockdownPause) until it can write it: only its heartbeats tell it meanwhile, and it waits for an
 * unlock. Its lockdown pause is the only one a station holds without its record. The records' seq
 * orders the two: a heartbeat whose `lastSeq` is behind them was sent before the last of them (a
 * `paused` heartbeat from before an `unpaused` record, arriving or stored after it, says nothing).
 */
export function pauseOf(test: StoredTest): { cause: 'invigilator' | 'lockdown'; reason: string } | null {
  const { pausedCause, pausedReason } = test.journal;
  if (pausedCause !== null)
    return { cause: pausedCause === 'lockdown' ? 'lockdown' : 'invigilator', reason: pausedReason ?? '' };
  return freshPhase(test) === 'paused' ? { cause: 'lockdown', reason: '' } : null;
}

export function isPaused(test: StoredTest): boolean {
  return pauseOf(test) !== null;
}

/** An accepted result stands over an earlier refusal. */
function uploadState(test: StoredTest): RoomCandidate['upload'] {
  if (test.bundleReceivedAt !== null) return 'received';
  if (test.uploadRefusal !== null) return 'refused';
  return hasEnded(test) ? 'pending' : 'none';
}

export function roomState(test: StoredTest | null): RoomCandidateState {
  if (!test) return 'notArrived';
  if (test.bundleReceivedAt !== null) return 'resultReceived';
  if (hasEnded(test)) return 'ended';
  const phase = freshPhase(test);
  if (test.resumeStationId !== null || test.authorization === 'resume' || phase === 'resumePending') {
    return 'resumePending';
  }
  if (isPaused(test)) return 'paused';
  if (hasStarted(test)) return 'inProgress';
  if (test.authorization === 'start') return 'startAuthorized';
  if (phase === 'waiting') return 'waiting';
  return 'signedIn';
}

/**
 * When the station asking to resume the test was last heard asking for it: its join, or a later
 * heartbeat naming the test. Not its last contact: a candidate who gave up there and went back to
 * their own station leaves it beating with no test. Null when no station asks.
 */
export function resumeStationHeardAt(ctx: ServerContext, test: StoredTest): number | null {
  if (test.resumeStationId === null) return null;
  const beat = ctx.feed.heartbeats.resumeHeardAt(test.id, test.resumeStationId);
  return Math.max(test.resumeRequestedAt ?? 0, beat ?? 0) || null;
}

/**
 * When the test's stations were last heard from: its own (the heartbeat stored, or the newer one in
 * memory), and the one asking to resume it. The card carries both (`lastHeartbeatAt`,
 * `resumeRequest.lastHeardAt`); finalization and the resume's authorization decide with them.
 */
export function testHeard(ctx: ServerContext, test: StoredTest): TestHeard {
  const live = ctx.feed.heartbeats.get(test.id)?.lastHeartbeatAt ?? 0;
  return {
    station: Math.max(test.heartbeat.lastHeartbeatAt ?? 0, live) || null,
    resumeStation: resumeStationHeardAt(ctx, test),
  };
}

/**
 * What the test's clock is known by, as its card shows it and as finalization decides with it
 * (core/exam/silent-station.ts): one reading, so that the server never refuses what the screen shows
 * nothing for. The freshest heartbeat (the one in memory, else the one stored) gives the time left;
 * the start is the starting station's wall clock brought to the server's by that station's offset
 * (measured when its start was stored; else the last one measured); and a
 * start or resume the station acknowledged, with no heartbeat heard since, tells when the candidate
 * went on (`goAheadAt`): the card may still show the wait (`startAuthorized`, a stale `resumePending`)
 * or the time left reported before an outage.
 */
export interface TestClock {
  lastHeartbeatAt: number | null;
  timeLeftMs: number | null;
  timeLeftAt: number | null;
  /** The time added that timeLeftMs counts, as its station said (null: it did not, an older one). */
  timeLeftAddedMs: number | null;
  startedAt: number | null;
  goAheadAt: number | null;
}

/**
 * A station's wall-clock time on the server's clock: by the offset of the station that wrote it, kept
 * when it was replicated (the one holding the test now may be another, after a resume); else (stored
 * before that was kept) the last offset measured.
 */
export function onServerClock(
  wallAt: number,
  writerOffsetMs: number | null,
  heartbeat: { clockOffsetMs: number | null },
): number {
  return wallAt + (writerOffsetMs ?? heartbeat.clockOffsetMs ?? 0);
}

const GO_AHEAD = new Set(['authorizeStart', 'authorizeResume']);

/**
 * A start or resume its station said it applied (whatever was heard since: once applied, the test
 * started). A held start (`pending`: the candidate still reads the instructions, may cancel or lose the
 * station before accepting them), an ignored one, and one an older station acknowledged without saying
 * (the phase the server last knew may be another station's: no guess) never count by themselves.
 */
function appliedGoAhead(command: StoredCommand): boolean {
  return GO_AHEAD.has(command.command.type) && command.acknowledgedOutcome === 'applied';
}

/**
 * Its station said it applied a start or resume of it: the candidate began, whatever reached the server
 * since (the station may have died right after). `commands`: the test's (others are skipped).
 */
export function goAheadApplied(test: StoredTest, commands: readonly StoredCommand[]): boolean {
  return commands.some((c) => c.testId === test.id && appliedGoAhead(c));
}

/**
 * The test went ahead: started as its records or heartbeats say (hasStarted), its result received or
 * scored (`resultStored`), or its station applied the start though nothing else of it reached the server
 * (it died right after). The one fact the card (`wentAhead`), finalization (startedTests), the attendance
 * sheet and the finalization record count a candidate present by. `commands`: the test's (others are
 * skipped). Not `goAheadAt`, which stays conservative for a test that may still run offline.
 */
export function testWentAhead(
  test: StoredTest,
  commands: readonly StoredCommand[],
  resultStored: boolean,
): boolean {
  // No package, nothing could start (a stored result or a bundle always has one).
  if (test.packageId === null) return false;
  return resultStored || hasStarted(test) || test.bundleReceivedAt !== null || goAheadApplied(test, commands);
}

/**
 * None of the records stored is its start, and it is not over: if it went ahead (testWentAhead), its
 * station died before its start arrived, and a resume elsewhere starts it again at the first question
 * (server/exam/records.ts recordsForResume, exam-runtime.ts #continueResumed).
 */
function startNotReceived(test: StoredTest, resultStored: boolean): boolean {
  return test.journal.startedAt === null && !resultStored && !hasEnded(test);
}

/** `commands`: the test's commands (others are skipped). */
export function testClock(
  test: StoredTest,
  live: LiveHeartbeat | null,
  commands: readonly StoredCommand[],
): TestClock {
  const h = test.heartbeat;
  const lastHeartbeatAt = Math.max(h.lastHeartbeatAt ?? 0, live?.lastHeartbeatAt ?? 0) || null;
  const report = live && live.lastHeartbeatAt >= (h.lastHeartbeatAt ?? 0) ? live : h;
  // On the clock of the station that wrote the start, not of the one holding the test now (a resume).
  const { startedAt: wallStart, startedClockOffsetMs } = test.journal;
  const startedAt = wallStart === null ? null : onServerClock(wallStart, startedClockOffsetMs, h);
  // Acknowledged after the last heartbeat and the last resume request: what the station did last.
  const after = Math.max(lastHeartbeatAt ?? 0, test.resumeRequestedAt ?? 0);
  let goAheadAt: number | null = null;
  for (const c of hasEnded(test) ? [] : commands) {
    if (c.testId !== test.id || !GO_AHEAD.has(c.command.type) || c.acknowledgedAt === null) continue;
    if (c.acknowledgedAt >= after && (goAheadAt === null || c.acknowledgedAt > goAheadAt))
      goAheadAt = c.acknowledgedAt;
  }
  return {
    lastHeartbeatAt,
    timeLeftMs: report.timeLeftMs,
    timeLeftAt: report.timeLeftAt,
    timeLeftAddedMs: report.timeLeftAddedMs,
    startedAt,
    goAheadAt,
  };
}

/**
 * When the candidate's time should run out, on the server's clock (indicative, the card's
 * `theoreticalEndAt`). The exam clock stops while the station is down (a crash, a power cut: the
 * `resumed` records' downtimeMs) and while the test is paused, so start + time allowed comes too early
 * after either. The station's report is the best reading: timeLeftMs were left at timeLeftAt, so while
 * the clock runs the end is timeLeftAt + timeLeftMs. Both readings can only be early (a pause, an outage
 * or time added after the report, pauses for the start's), so the later one is taken: a report older
 * than a `timeAdded` record keeps the time added, and a paused test's report still counts its pauses.
 */
export function theoreticalEnd(clock: TestClock, allowedMs: number, downtimeMs: number): number | null {
  const reported =
    clock.timeLeftMs === null || clock.timeLeftAt === null ? null : clock.timeLeftAt + clock.timeLeftMs;
  if (clock.startedAt === null) return reported;
  const fromStart = clock.startedAt + allowedMs + downtimeMs;
  return reported === null ? fromStart : Math.max(fromStart, reported);
}

export interface RoomData {
  session: StoredSession;
  candidates: StoredCandidate[];
  tests: Map<string, StoredTest>;
  stationNames: Map<string, string>;
  /** Per test, when the station asking to resume it was last heard asking (as finalization reads it). */
  resumeHeard: Map<string, number>;
  alerts: Awaited<ReturnType<ServerContext['store']['alerts']['listByTests']>>;
  commands: Awaited<ReturnType<ServerContext['store']['commands']['listByTests']>>;
  lockdown: Awaited<ReturnType<ServerContext['store']['tests']['recordsOfKind']>>;
  incidents: Map<string, number>;
  /** Candidates with a stored result (testWentAhead). */
  scored: ReadonlySet<string>;
  /** Server time when the data was read: recent alert decisions are shown for a while after it. */
  now: number;
}

/** Incident reports per candidate: the whole room's, or one candidate's (a card after a change). */
async function incidentCounts(
  ctx: ServerContext,
  sessionId: string,
  candidateId: string | undefined,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (candidateId !== undefined) {
    counts.set(candidateId, await ctx.store.incidents.countByCandidate(sessionId, candidateId));
    return counts;
  }
  for (const i of await ctx.store.incidents.listBySession(sessionId)) {
    counts.set(i.candidateId, (counts.get(i.candidateId) ?? 0) + 1);
  }
  return counts;
}

export async function loadRoomData(
  ctx: ServerContext,
  session: StoredSession,
  candidateId?: string,
): Promise<RoomData> {
  const candidates =
    candidateId === undefined
      ? await ctx.store.candidates.listBySession(session.id)
      : [await ctx.store.candidates.get(candidateId)].filter(
          (c): c is StoredCandidate => c?.sessionId === session.id,
        );
  const testList =
    candidateId === undefined
      ? await ctx.store.tests.listBySession(session.id)
      : [await ctx.store.tests.getByCandidate(candidateId)].filter((t): t is StoredTest => t !== null);
  const tests = new Map(testList.map((t) => [t.candidateId, t]));
  const testIds = testList.map((t) => t.id);
  const stationIds = new Set(testList.flatMap((t) => [t.stationId, t.resumeStationId ?? t.stationId]));
  const stationNames = new Map<string, string>();
  for (const id of stationIds) {
    const station = await ctx.store.stations.get(id);
    if (station) stationNames.set(id, station.name);
  }
  const resumeHeard = new Map<string, number>();
  for (const test of testList) {
    const heard = resumeStationHeardAt(ctx, test);
    if (heard !== null) resumeHeard.set(test.id, heard);
  }
  const [alerts, withdrawn, commands, lockdown, incidents, scored] = await Promise.all([
    ctx.store.alerts.listByTests(testIds),
    withdrawnAlertIds(ctx, testIds),
    ctx.store.commands.listByTests(testIds),
    ctx.store.tests.recordsOfKind(testIds, 'lockdown'),
    incidentCounts(ctx, session.id, candidateId),
    ctx.store.results.scoredCandidates(session.id, candidateId),
  ]);
  return {
    session,
    candidates,
    tests,
    stationNames,
    resumeHeard,
    alerts: alerts.filter((a) => !withdrawn.has(a.id)),
    commands,
    lockdown,
    incidents,
    scored,
    now: ctx.now(),
  };
}

/** The test's latest alert decision, if taken less than ALERT_DECISION_SHOWN_MS ago. */
function lastAlertDecision(data: RoomData, testId: string): RoomAlertDecision | null {
  let last: RoomAlertDecision | null = null;
  let lastAt = -Infinity;
  for (const a of data.alerts) {
    if (a.testId !== testId || a.decision === null || a.decidedAt === null || a.decidedAt < lastAt) continue;
    if (data.now - a.decidedAt > ALERT_DECISION_SHOWN_MS) continue;
    const code = AlertReasonCodeSchema.safeParse(a.reasonCode);
    lastAt = a.decidedAt;
    last = {
      alertId: a.id,
      decision: a.decision,
      reasonCode: a.decision === 'validated' && code.success ? code.data : null,
      questionNumber: a.questionNumber,
      decidedAt: iso(a.decidedAt),
    };
  }
  return last;
}

export function roomCandidate(
  data: RoomData,
  candidate: StoredCandidate,
  live: (testId: string) => LiveHeartbeat | null,
): RoomCandidate {
  const test = data.tests.get(candidate.id) ?? null;
  const state = roomState(test);
  const allowedBase = allowedDurationMs(candidate.extraTimePercentage);
  if (!test) {
    return {
      candidateId: candidate.id,
      testId: null,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      birthdate: candidate.birthdate,
      extraTimePercentage: candidate.extraTimePercentage,
      accessibilityAdjustment: candidate.accessibilityAdjustment,
      station: null,
      state,
      progress: null,
      pause: null,
      alert: null,
      alertInTransit: false,
      lastAlertDecision: null,
      resumeRequest: null,
      authorization: null,
      endReason: null,
      timeLeftMs: null,
      timeLeftAt: null,
      timeLeftAddedMs: null,
      allowedMs: allowedBase,
      addedMs: 0,
      downtimeMs: 0,
      startedAt: null,
      theoreticalEndAt: null,
      lastHeartbeatAt: null,
      goAheadAt: null,
      wentAhead: false,
      startNotReceived: false,
      upload: 'none',
      uploadRefusal: null,
      lockdownEvents: [],
      pendingCommands: [],
      incidents: data.incidents.get(candidate.id) ?? 0,
    };
  }
  const h = test.heartbeat;
  const clock = testClock(test, live(test.id), data.commands);
  const { lastHeartbeatAt, startedAt } = clock;
  const total = h.total;
  const progress =
    total !== null && total > 0
      ? {
          question: Math.min((h.currentIndex ?? test.journal.answered) + 1, total),
          answered: Math.max(test.journal.answered, 0),
          total,
        }
      : null;
  const pending = data.alerts.find((a) => a.testId === test.id && a.decision === null) ?? null;
  const allowedMs = allowedBase + test.journal.addedMs;
  const lockdownEvents = cardLockdownEvents(data.lockdown, test.id, h);
  const resultStored = data.scored.has(candidate.id);
  const wentAhead = testWentAhead(test, data.commands, resultStored);
  return {
    candidateId: candidate.id,
    testId: test.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
    extraTimePercentage: candidate.extraTimePercentage,
    accessibilityAdjustment: candidate.accessibilityAdjustment,
    station: { id: test.stationId, name: data.stationNames.get(test.stationId) ?? test.stationId },
    state,
    progress,
    pause: pauseOf(test),
    alert: pending
      ? {
          id: pending.id,
          challengeId: pending.challengeId,
          questionNumber: pending.questionNumber,
          // Else when it reached the server: the alert must stay on the card, to be decided.
          raisedAt:
            stationIso(onServerClock(pending.raisedAt, pending.clockOffsetMs, h)) ?? iso(pending.receivedAt),
          content: pending.content,
          reasonCodes: alertReasonCodesFor(pending.content),
        }
      : null,
    // The station holds records the server lacks: a stored (or just decided) alert is not in transit,
    // though the last heartbeat, sent before the decision, still says an alert is pending.
    alertInTransit:
      pending === null &&
      h.alertPending &&
      h.lastSeq !== null &&
      h.lastSeq > test.journal.storedThrough &&
      state !== 'ended' &&
      state !== 'resultReceived',
    lastAlertDecision: lastAlertDecision(data, test.id),
    resumeRequest:
      test.resumeStationId !== null && test.resumeRequestedAt !== null
        ? {
            stationId: test.resumeStationId,
            stationName: data.stationNames.get(test.resumeStationId) ?? test.resumeStationId,
            at: iso(test.resumeRequestedAt),
            lastHeardAt: isoOrNull(data.resumeHeard.get(test.id) ?? null),
          }
        : null,
    authorization: test.authorization,
    endReason: (test.journal.endedReason as EndReason | null) ?? null,
    timeLeftMs: state === 'resultReceived' || state === 'ended' ? null : clock.timeLeftMs,
    timeLeftAt: state === 'resultReceived' || state === 'ended' ? null : isoOrNull(clock.timeLeftAt),
    timeLeftAddedMs: state === 'resultReceived' || state === 'ended' ? null : clock.timeLeftAddedMs,
    allowedMs,
    addedMs: test.journal.addedMs,
    downtimeMs: test.journal.downtimeMs,
    // Station clocks: a bad one leaves these out, never the room (stationIso).
    startedAt: stationIso(startedAt),
    theoreticalEndAt: stationIso(theoreticalEnd(clock, allowedMs, test.journal.downtimeMs)),
    lastHeartbeatAt: isoOrNull(lastHeartbeatAt),
    goAheadAt: isoOrNull(clock.goAheadAt),
    wentAhead,
    startNotReceived: wentAhead && startNotReceived(test, resultStored),
    upload: uploadState(test),
    uploadRefusal:
      test.bundleReceivedAt === null && test.uploadRefusal !== null
        ? { code: test.uploadRefusal.code, at: iso(test.uploadRefusal.at) }
        : null,
    lockdownEvents,
    pendingCommands: data.commands
      .filter((c) => c.testId === test.id && c.acknowledgedAt === null)
      .map((c) => ({ id: c.id, type: c.command.type, issuedAt: iso(c.issuedAt), acknowledgedAt: null })),
    incidents: data.incidents.get(candidate.id) ?? 0,
  };
}
