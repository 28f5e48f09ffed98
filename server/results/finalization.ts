// Finalization (DOMAIN.md §6, §7): every unfinished test needs an abort reason; the global comment (at
// most 500 characters) and the two yes/no answers are kept; then every started test is scored with
// core and the session is processed, all at once. A result that arrives later is scored on arrival
// until the session is published; after, an administrator re-scores with it (signed-results.ts). It waits while a test still runs on a live station (finalizing
// would strand its candidate: the room closes and the server refuses every command), while a test whose
// station is silent may still run offline (time left) unless the invigilator confirms it over, and while
// an alert awaits its decision (its question would be scored as if it had never been reported).
import { codeNeedsJury, type FinalizationRequest } from '../../core/contracts/invigilator-api.ts';
import type { AbortReason } from '../../core/scoring/scoring-input.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, conflict, unprocessable } from '../http/api-error.ts';
import { generateVerificationCode } from '../../core/codes/verification-code.ts';
import { allowedDurationMs } from '../../core/exam/duration.ts';
import {
  maybeRunningOffline,
  projectedTimeLeftMs,
  type SilentTestFacts,
} from '../../core/exam/silent-station.ts';
import { testHeardRecently } from '../../core/exam/station-presence.ts';
import { hasEnded, hasStarted, roomState, testClock, testHeard, testWentAhead } from '../room/room-view.ts';
import { iso } from '../time.ts';
import { withdrawnAlertIds } from '../exam/withdrawn-alerts.ts';
import { planResultEmailUpdate } from '../mail/result-email-updates.ts';
import type {
  Finalization,
  StoredCandidate,
  StoredCommand,
  StoredIncident,
  StoredResult,
  StoredSession,
  StoredTest,
} from '../storage/repositories.ts';
import { completionOf, evidenceOf, isFinished, knownAbortReason, scoreTest } from './scoring.ts';

/**
 * A result the jury decides on: too few questions left once neutralized to be trusted (DOMAIN.md §6).
 * A cancelled one is not: its cancellation is the decision.
 */
function awaitsJury(result: StoredResult): boolean {
  return !result.score.trusted && result.score.status !== 'cancelled';
}

/**
 * Publication waits for the jury: a global comment, a report that needs action, an untrusted result, a
 * signed result the server refused (the station's journal is the jury's evidence), or one that arrived
 * for a candidate listed absent from a test that stopped early (why, the jury says: signed-results.ts).
 */
export function needsJury(
  finalization: Finalization | null,
  incidents: readonly StoredIncident[],
  results: readonly StoredResult[],
  tests: readonly StoredTest[],
  unscored: readonly { abortReasonNeeded: boolean }[],
): boolean {
  return (
    (finalization?.globalComment ?? '') !== '' ||
    incidents.some((i) => codeNeedsJury(i.code)) ||
    results.some(awaitsJury) ||
    tests.some((t) => t.uploadRefusal !== null && t.bundleReceivedAt === null) ||
    unscored.some((u) => u.abortReasonNeeded)
  );
}

/**
 * Tests that went ahead (room-view.ts testWentAhead: started, its result received or stored, or its
 * start applied by a station that died before saying more): they get a result, an unfinished one needs
 * an abort reason; the others' candidates were absent. A start authorized and never applied (never
 * acknowledged, or held while the candidate read the instructions) proves nothing. `commands`: the
 * tests' (others are skipped); `scored`: the candidates with a stored result.
 */
export function startedTests(
  tests: readonly StoredTest[],
  commands: readonly StoredCommand[],
  scored: ReadonlySet<string>,
): StoredTest[] {
  return tests.filter((t) => testWentAhead(t, commands, scored.has(t.candidateId)));
}

/** The session's tests that went ahead (startedTests), read with their commands and the stored results. */
export async function loadStartedTests(
  ctx: ServerContext,
  sessionId: string,
  tests: readonly StoredTest[],
): Promise<StoredTest[]> {
  const [commands, scored] = await Promise.all([
    ctx.store.commands.listByTests(tests.map((t) => t.id)),
    ctx.store.results.scoredCandidates(sessionId),
  ]);
  return startedTests(tests, commands, scored);
}

/**
 * A test not over whose station is alive: in progress, paused, waiting for its start or its resume.
 * One whose station went silent is not: see silentTestFacts (it may still run offline).
 */
export function isRunning(ctx: ServerContext, test: StoredTest): boolean {
  return !hasEnded(test) && testHeardRecently(testHeard(ctx, test), ctx.now());
}

/**
 * What tells whether a test may still run offline, read as the room card reads it (room-view.ts
 * testClock): `commands`, the test's (an acknowledged start or resume).
 */
function silentTestFacts(
  ctx: ServerContext,
  test: StoredTest,
  candidate: StoredCandidate,
  commands: readonly StoredCommand[],
): SilentTestFacts {
  const clock = testClock(test, ctx.feed.heartbeats.get(test.id) ?? null, commands);
  const state = roomState(test);
  return {
    underWay: state === 'inProgress' || state === 'paused',
    goAheadAt: clock.goAheadAt,
    paused: state === 'paused',
    heard: testHeard(ctx, test),
    timeLeftMs: clock.timeLeftMs,
    timeLeftAt: clock.timeLeftAt,
    startedAt: clock.startedAt,
    allowedMs: allowedDurationMs(candidate.extraTimePercentage) + test.journal.addedMs,
  };
}

/** A test whose station is silent while its candidate may still be working offline (silent-station.ts). */
export interface MaybeRunningTest {
  candidate: StoredCandidate;
  /** When its station was last heard from, a heartbeat or its acknowledgement of the start or resume (null: never). */
  stationLastHeardAt: number | null;
  /** The time the candidate may still have now (null: unknown). */
  timeLeftMs: number | null;
}

export interface FinalizationBlockers {
  /**
   * Tests not over on a live station; `started` false: signed in, never started (nothing to end: the
   * invigilator closes that station, or the candidate cancels).
   */
  running: { candidate: StoredCandidate; started: boolean }[];
  /** Held back unless the invigilator confirms each over (FinalizationRequest.confirmedOver). */
  maybeRunning: MaybeRunningTest[];
  pendingAlerts: { candidate: StoredCandidate; questionNumber: number | null }[];
}

/**
 * Whether a test not over may still run offline at `now` (silent-station.ts), read from its freshest
 * heartbeat (the live one or the stored one) and its acknowledged start or resume (`commands`, the
 * session's or the test's): what finalization waits for, and what the back office
 * counts as running (session-service.ts). Null when it may not.
 */
export function maybeRunningTest(
  ctx: ServerContext,
  test: StoredTest,
  candidate: StoredCandidate,
  commands: readonly StoredCommand[],
  now: number = ctx.now(),
): MaybeRunningTest | null {
  if (hasEnded(test)) return null;
  const facts = silentTestFacts(ctx, test, candidate, commands);
  if (!maybeRunningOffline(facts, now)) return null;
  const left = projectedTimeLeftMs(facts, now);
  return {
    candidate,
    // Its acknowledgement of the start or the resume is contact too.
    stationLastHeardAt: Math.max(facts.heard.station ?? 0, facts.goAheadAt ?? 0) || null,
    timeLeftMs: left === null ? null : Math.round(left),
  };
}

/** What must be settled in the room before the session can be finalized. */
export async function finalizationBlockers(
  ctx: ServerContext,
  candidates: readonly StoredCandidate[],
  tests: readonly StoredTest[],
): Promise<FinalizationBlockers> {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const byTest = new Map(tests.map((t) => [t.id, byId.get(t.candidateId)]));
  const running = tests
    .filter((t) => isRunning(ctx, t))
    .flatMap((t) => {
      const candidate = byId.get(t.candidateId);
      return candidate ? [{ candidate, started: hasStarted(t) }] : [];
    });
  const now = ctx.now();
  const commands = await ctx.store.commands.listByTests(tests.map((t) => t.id));
  const maybeRunning = tests.flatMap((t): MaybeRunningTest[] => {
    const candidate = byId.get(t.candidateId);
    const maybe = candidate ? maybeRunningTest(ctx, t, candidate, commands, now) : null;
    return maybe ? [maybe] : [];
  });
  const testIds = tests.map((t) => t.id);
  const alerts = await ctx.store.alerts.listByTests(testIds);
  // Withdrawn by the candidate (offline): nothing for the invigilator to decide.
  const withdrawn = await withdrawnAlertIds(ctx, testIds);
  const pendingAlerts = alerts
    .filter((a) => a.decision === null && !withdrawn.has(a.id))
    .flatMap((a) => {
      const candidate = byTest.get(a.testId);
      return candidate ? [{ candidate, questionNumber: a.questionNumber }] : [];
    });
  return { running, maybeRunning, pendingAlerts };
}

const nameOf = (c: StoredCandidate) => `${c.firstName} ${c.lastName} (${c.id})`;

const minutes = (ms: number) => Math.ceil(ms / 60_000);

/** Why a test may still run offline, for the refusal: when its station was last heard, the time left. */
function silentFor(test: MaybeRunningTest): string {
  const heard =
    test.stationLastHeardAt === null
      ? 'station never heard'
      : `station last heard at ${iso(test.stationLastHeardAt)}`;
  const left = test.timeLeftMs === null ? 'time left unknown' : `about ${minutes(test.timeLeftMs)} min left`;
  return `${nameOf(test.candidate)}: ${heard}, ${left}`;
}

function assertNothingPending(
  { running, maybeRunning, pendingAlerts }: FinalizationBlockers,
  confirmedOver: ReadonlySet<string>,
): void {
  if (running.length > 0) {
    const started = running.filter((r) => r.started).map((r) => nameOf(r.candidate));
    const waiting = running.filter((r) => !r.started).map((r) => nameOf(r.candidate));
    throw conflict(
      'TESTS_STILL_RUNNING',
      [
        started.length > 0
          ? `these tests are still running, or their candidate waits at another station for the resume: end them or authorize the resume from the room, or wait for them to finish: ${started.join(', ')}`
          : '',
        waiting.length > 0
          ? `these candidates are signed in at a station and their test never started: close that station from the room (close the station), or shut it down: ${waiting.join(', ')}`
          : '',
      ]
        .filter((part) => part !== '')
        .join('; '),
    );
  }
  const unconfirmed = maybeRunning.filter((t) => !confirmedOver.has(t.candidate.id));
  if (unconfirmed.length > 0) {
    throw conflict(
      'TESTS_MAYBE_RUNNING',
      `these tests may still run offline (their station is silent, their candidate may still have time): wait for their station, or confirm each of them over (confirmedOver): ${unconfirmed.map(silentFor).join('; ')}`,
    );
  }
  if (pendingAlerts.length > 0) {
    const list = pendingAlerts.map(
      (a) => `${nameOf(a.candidate)}${a.questionNumber === null ? '' : `, question ${a.questionNumber}`}`,
    );
    throw conflict('ALERTS_PENDING', `these alerts await a decision in the room: ${list.join('; ')}`);
  }
}

export async function finalizeSession(
  ctx: ServerContext,
  session: StoredSession,
  request: FinalizationRequest,
  by: string,
): Promise<void> {
  if (session.state !== 'created')
    throw conflict('SESSION_ALREADY_FINALIZED', 'the session is already finalized');
  const [candidates, tests] = await Promise.all([
    ctx.store.candidates.listBySession(session.id),
    ctx.store.tests.listBySession(session.id),
  ]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (const candidateId of request.confirmedOver ?? []) {
    if (!byId.has(candidateId)) {
      throw badRequest(`confirmedOver: candidate ${candidateId} is not in this session`, 'UNKNOWN_CANDIDATE');
    }
  }
  const confirmed = new Set(request.confirmedOver ?? []);
  const blockers = await finalizationBlockers(ctx, candidates, tests);
  assertNothingPending(blockers, confirmed);
  const confirmedOver = blockers.maybeRunning.map((t) => t.candidate.id).filter((id) => confirmed.has(id));
  const reasons = new Map<string, AbortReason>();
  for (const entry of request.abortReasons) {
    if (!byId.has(entry.candidateId)) {
      throw unprocessable('UNKNOWN_CANDIDATE', `candidate ${entry.candidateId} is not in this session`);
    }
    reasons.set(entry.candidateId, entry.reason);
  }
  const toScore: {
    test: StoredTest;
    candidate: StoredCandidate;
    evidence: Awaited<ReturnType<typeof evidenceOf>>;
  }[] = [];
  const missing: string[] = [];
  for (const test of await loadStartedTests(ctx, session.id, tests)) {
    const candidate = byId.get(test.candidateId);
    if (!candidate) continue;
    const evidence = await evidenceOf(ctx, test);
    if (!isFinished(evidence.endReason) && !reasons.has(candidate.id)) {
      missing.push(`${candidate.firstName} ${candidate.lastName} (${candidate.id})`);
    }
    toScore.push({ test, candidate, evidence });
  }
  if (missing.length > 0) {
    throw unprocessable(
      'ABORT_REASON_REQUIRED',
      `an abort reason is needed for every unfinished test: ${missing.join(', ')}`,
    );
  }
  const results: StoredResult[] = [];
  for (const { test, candidate, evidence } of toScore) {
    results.push(
      await scoreTest(ctx, test, candidate, evidence, {
        abortReason: reasons.get(candidate.id) ?? null,
        maxReachableLevel: ctx.config.maxReachableLevel,
      }),
    );
  }
  await makeCodesUnique(ctx, results);
  const finalization: Finalization = {
    globalComment: request.globalComment,
    hadIncident: request.hadIncident,
    candidateCouldNotJoin: request.candidateCouldNotJoin,
    abortReasons: request.abortReasons,
    ...(confirmedOver.length > 0 ? { confirmedOver } : {}),
    finalizedBy: by,
  };
  if (!(await ctx.store.sessions.finalize(session.id, finalization, results, ctx.now()))) {
    throw conflict('SESSION_ALREADY_FINALIZED', 'the session is already finalized');
  }
  ctx.log.info(
    { sessionId: session.id, results: results.length, by, confirmedOver },
    'session finalized and scored',
  );
  const updated = await ctx.store.sessions.get(session.id);
  if (updated) await ctx.feed.sessionChanged(updated);
}

/** Codes are drawn at random (about 3 × 10^10 of them): a clash is unlikely, and checked anyway. */
async function makeCodesUnique(ctx: ServerContext, results: StoredResult[]): Promise<void> {
  const used = new Set<string>();
  for (const result of results) {
    if (result.verificationCode === null) continue;
    let code = result.verificationCode;
    while (used.has(code) || (await ctx.store.results.findByVerificationCode(code)))
      code = generateVerificationCode();
    used.add(code);
    result.verificationCode = code;
  }
}

/**
 * A result that arrives after finalization, before publication, replaces the one scored without it.
 * After publication it is not applied by itself (the certificate is out): an administrator re-scores
 * with it, `afterPublication` (centre-results-routes.ts). Either way the code already handed out is
 * kept, and the levels capped as when the result was first scored. A test that did not end normally
 * and had no abort reason (its candidate was listed absent: nothing of it had reached the server) is
 * not scored until an administrator gives one, `abortReason`. Returns the new result, or null when
 * nothing was re-scored.
 */
export async function rescoreLateResult(
  ctx: ServerContext,
  sessionId: string,
  candidateId: string,
  options: { afterPublication?: boolean; abortReason?: AbortReason } = {},
): Promise<StoredResult | null> {
  const session = await ctx.store.sessions.get(sessionId);
  if (!session || session.state !== 'processed') return null;
  if (session.publishedAt !== null && options.afterPublication !== true) return null;
  const [test, candidate, previous] = await Promise.all([
    ctx.store.tests.getByCandidate(candidateId),
    ctx.store.candidates.get(candidateId),
    ctx.store.results.get(candidateId),
  ]);
  if (!test || !candidate || test.packageId === null) return null;
  const evidence = await evidenceOf(ctx, test);
  const abortReason = options.abortReason ?? knownAbortReason(session, candidateId, previous);
  if (!completionOf(evidence, abortReason)) {
    // Neither the candidate's abort nor a technical one may be assumed: the results say it waits.
    ctx.log.info({ sessionId, candidateId }, 'late result not scored: its test awaits an abort reason');
    return null;
  }
  const result = await scoreTest(ctx, test, candidate, evidence, {
    abortReason,
    maxReachableLevel: previous?.maxReachableLevel ?? ctx.config.maxReachableLevel,
  });
  // Keep a code already handed out.
  if (previous?.verificationCode && result.verificationCode)
    result.verificationCode = previous.verificationCode;
  if (!result.verificationCode || result.verificationCode !== previous?.verificationCode) {
    await makeCodesUnique(ctx, [result]);
  }
  const afterPublication = options.afterPublication === true;
  // After publication the change's update e-mail is queued with it (mail/result-email-updates.ts).
  const written = await ctx.store.results.replace(
    result,
    afterPublication
      ? { evenIfPublished: true, resultEmailUpdate: planResultEmailUpdate }
      : { evenIfPublished: false },
  );
  if (!written) {
    // Published while it was being scored: left to an administrator, as any result arriving after.
    ctx.log.info({ sessionId, candidateId }, 'late result not applied: the results were published meanwhile');
    return null;
  }
  ctx.log.info({ sessionId, candidateId, source: result.source }, 'late result scored');
  // Its update, if queued, goes once any pause after a mail-server failure is over.
  if (afterPublication) ctx.resultMailer?.wake({ endPause: false });
  return result;
}

export function assertPublishable(session: StoredSession): void {
  if (session.state !== 'processed')
    throw conflict('SESSION_NOT_PROCESSED', 'the session is not finalized yet');
  if (session.publishedAt !== null) throw conflict('SESSION_PUBLISHED', 'the results are already published');
}
