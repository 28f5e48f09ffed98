// Scoring a test with core (DOMAIN.md §5, §6): each asked challenge gets its status from the journal
// (answers checked against the solutions as they were when the test was generated), neutralized when
// the invigilator validated an alert on it or the jury neutralized it; unfinished tests take the abort
// reason given at finalization (or by the administrator re-scoring with a late signed result), never
// one assumed; the levels are capped as they were when the result was first scored.
import type { AnswerStatus } from '../../core/challenge/answer.ts';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { createAnswerChecker } from '../../core/checking/check-answer.ts';
import { generateVerificationCode } from '../../core/codes/verification-code.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import { scoreCertification } from '../../core/scoring/score-certification.ts';
import type { AbortReason, Completion } from '../../core/scoring/scoring-input.ts';
import type { ServerContext } from '../context.ts';
import { withdrawnIn } from '../exam/withdrawn-alerts.ts';
import type { StoredCandidate, StoredResult, StoredSession, StoredTest } from '../storage/repositories.ts';

export interface Evidence {
  records: JournalRecord[];
  source: 'bundle' | 'records';
  endReason: EndReason | null;
}

/** The signed bundle when it arrived, or else what was replicated during the test. */
export async function evidenceOf(ctx: ServerContext, test: StoredTest): Promise<Evidence> {
  const bundle = await ctx.store.bundles.get(test.id);
  return evidenceFrom(bundle, bundle ? [] : await ctx.store.tests.records(test.id));
}

/** The evidence from what was read: the signed result when there is one, else the replicated records. */
export function evidenceFrom(
  bundle: { payload: Pick<Evidence, 'records'> & { endReason: EndReason } } | null,
  replicated: readonly JournalRecord[],
): Evidence {
  if (bundle)
    return { records: bundle.payload.records, source: 'bundle', endReason: bundle.payload.endReason };
  const records = [...replicated];
  const ended = records.find((r) => r.kind === 'ended');
  return { records, source: 'records', endReason: ended?.kind === 'ended' ? ended.payload.reason : null };
}

/** Finished (or out of time): unanswered challenges are simply wrong. Otherwise an abort reason is needed. */
export function isFinished(endReason: EndReason | null): boolean {
  return endReason === 'finished' || endReason === 'timeUp';
}

/**
 * The abort reason a test is scored with: the one given at finalization, or else the one its result
 * was scored with since (an administrator gave it, re-scoring with a late signed result). Null when
 * nobody gave one: the candidate's or a technical problem, nobody can tell from the journal.
 */
export function knownAbortReason(
  session: Pick<StoredSession, 'finalization'>,
  candidateId: string,
  previous: StoredResult | null,
): AbortReason | null {
  const given = session.finalization?.abortReasons.find((a) => a.candidateId === candidateId);
  if (given) return given.reason;
  return previous && !previous.completion.finished ? previous.completion.abortReason : null;
}

/**
 * How the test ended, as scoring counts it; null when it did not end normally and nobody said why: it
 * cannot be scored until someone does (a candidate abort nobody chose would skip the unanswered
 * questions that a technical one would neutralize).
 */
export function completionOf(evidence: Evidence, abortReason: AbortReason | null): Completion | null {
  if (isFinished(evidence.endReason)) return { finished: true };
  return abortReason === null ? null : { finished: false, abortReason };
}

/**
 * The questions neutralized by an alert the invigilator validated, with its reason code (E1…): the
 * server's alerts and the journal's decisions (the station records each one it applied).
 */
export async function alertNeutralizations(
  ctx: ServerContext,
  test: StoredTest,
  evidence: Evidence,
): Promise<Map<string, string | null>> {
  const neutralized = new Map<string, string | null>();
  // Withdrawn by the candidate: never raised, even if decided before the withdrawal arrived.
  const withdrawn = withdrawnIn(evidence.records);
  for (const a of await ctx.store.alerts.listByTests([test.id])) {
    if (a.decision === 'validated' && !withdrawn.has(a.id)) neutralized.set(a.challengeId, a.reasonCode);
  }
  for (const record of evidence.records) {
    if (record.kind === 'alertDecided' && record.payload.decision === 'validated') {
      const { challengeId, reasonCode } = record.payload;
      if ((neutralized.get(challengeId) ?? null) === null) neutralized.set(challengeId, reasonCode);
    }
  }
  return neutralized;
}

/**
 * Each answered or skipped challenge's status (DOMAIN.md §5), as scoring counts it: the first answer
 * to it, checked against the solutions as they were when the test was generated (`challenges`); a
 * challenge missing from them is left out unless skipped. The jury's test record shows the same.
 */
export function answerStatuses(
  records: readonly JournalRecord[],
  challenges: readonly Challenge[],
  options: { accessibilityAdjustment: boolean },
): Map<string, AnswerStatus> {
  const solutions = new Map(challenges.map((c) => [c.id, c]));
  const statuses = new Map<string, AnswerStatus>();
  for (const record of records) {
    if (record.kind === 'answered' && !statuses.has(record.payload.challengeId)) {
      const challenge = solutions.get(record.payload.challengeId);
      if (!challenge) continue;
      const { value, timedOut, focusedOut } = record.payload;
      statuses.set(
        challenge.id,
        createAnswerChecker(challenge)(value, { skipped: false, timedOut, focusedOut }, options),
      );
    } else if (record.kind === 'skipped' && !statuses.has(record.payload.challengeId)) {
      statuses.set(record.payload.challengeId, 'aband');
    }
  }
  return statuses;
}

export interface ScoringTerms {
  /** Required when the test did not end normally (completionOf): none is assumed. */
  abortReason: AbortReason | null;
  /** The setting of the day at the result's first scoring; the one it was scored with after. */
  maxReachableLevel: number;
}

export async function scoreTest(
  ctx: ServerContext,
  test: StoredTest,
  candidate: StoredCandidate,
  evidence: Evidence,
  terms: ScoringTerms,
  verificationCode: () => string | null = generateVerificationCode,
): Promise<StoredResult> {
  // Callers check first.
  const completion = completionOf(evidence, terms.abortReason);
  if (!completion) throw new Error(`test ${test.id} did not end normally and has no abort reason`);
  const [generation, stored, alerted, jury] = await Promise.all([
    ctx.store.tests.generation(test.id),
    ctx.store.tests.package(test.id),
    alertNeutralizations(ctx, test, evidence),
    ctx.store.tests.juryNeutralizations(test.id),
  ]);
  if (!generation || !stored) throw new Error(`test ${test.id} has no package to score`);
  const statuses = answerStatuses(evidence.records, generation.challenges, {
    accessibilityAdjustment: candidate.accessibilityAdjustment,
  });
  const neutralized = new Set<string>([...jury, ...alerted.keys()]);

  const asked = stored.package.challenges.map((c) => ({
    challengeId: c.id,
    competence: c.competence,
    status: statuses.get(c.id) ?? null,
    neutralized: neutralized.has(c.id),
  }));
  const score = scoreCertification({
    profile: generation.profile,
    asked,
    completion,
    maxReachableLevel: terms.maxReachableLevel,
  });
  return {
    candidateId: candidate.id,
    sessionId: test.sessionId,
    testId: test.id,
    score,
    completion,
    source: evidence.source,
    neutralized: asked.filter((a) => a.neutralized).map((a) => a.challengeId),
    verificationCode: score.status === 'validated' ? verificationCode() : null,
    scoredAt: ctx.now(),
    maxReachableLevel: terms.maxReachableLevel,
  };
}
