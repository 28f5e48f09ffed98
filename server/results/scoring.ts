// Scoring a test with core (DOMAIN.md §5, §6): each asked challenge gets its status from the journal
// (answers checked against the solutions as they were when the test was generated), neutralized when
// the invigilator validated an alert on it or the jury neutralized it; unfinished tests take the abort
// reason given at finalization.
import type { AnswerStatus } from '../../core/challenge/answer.ts';
import { createAnswerChecker } from '../../core/checking/check-answer.ts';
import { generateVerificationCode } from '../../core/codes/verification-code.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import { scoreCertification } from '../../core/scoring/score-certification.ts';
import type { AbortReason, Completion } from '../../core/scoring/scoring-input.ts';
import type { ServerContext } from '../context.ts';
import type { StoredCandidate, StoredResult, StoredTest } from '../storage/repositories.ts';

export interface Evidence {
  records: JournalRecord[];
  source: 'bundle' | 'records';
  endReason: EndReason | null;
}

/** The signed bundle when it arrived, or else what was replicated during the test. */
export async function evidenceOf(ctx: ServerContext, test: StoredTest): Promise<Evidence> {
  const bundle = await ctx.store.bundles.get(test.id);
  if (bundle)
    return { records: bundle.payload.records, source: 'bundle', endReason: bundle.payload.endReason };
  const records = await ctx.store.tests.records(test.id);
  const ended = records.find((r) => r.kind === 'ended');
  return { records, source: 'records', endReason: ended?.kind === 'ended' ? ended.payload.reason : null };
}

/** Finished (or out of time): unanswered challenges are simply wrong. Otherwise an abort reason is needed. */
export function isFinished(endReason: EndReason | null): boolean {
  return endReason === 'finished' || endReason === 'timeUp';
}

export async function scoreTest(
  ctx: ServerContext,
  test: StoredTest,
  candidate: StoredCandidate,
  evidence: Evidence,
  abortReason: AbortReason | null,
  verificationCode: () => string | null = generateVerificationCode,
): Promise<StoredResult> {
  const [generation, stored, alerts, jury] = await Promise.all([
    ctx.store.tests.generation(test.id),
    ctx.store.tests.package(test.id),
    ctx.store.alerts.listByTests([test.id]),
    ctx.store.tests.juryNeutralizations(test.id),
  ]);
  if (!generation || !stored) throw new Error(`test ${test.id} has no package to score`);
  const solutions = new Map(generation.challenges.map((c) => [c.id, c]));
  const options = { accessibilityAdjustment: candidate.accessibilityAdjustment };

  const statuses = new Map<string, AnswerStatus>();
  const neutralized = new Set<string>(jury);
  for (const a of alerts) if (a.decision === 'validated') neutralized.add(a.challengeId);
  for (const record of evidence.records) {
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
    } else if (record.kind === 'alertDecided' && record.payload.decision === 'validated') {
      neutralized.add(record.payload.challengeId);
    }
  }

  const finished = isFinished(evidence.endReason);
  const completion: Completion = finished
    ? { finished: true }
    : { finished: false, abortReason: abortReason ?? 'candidate' };
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
    maxReachableLevel: ctx.config.maxReachableLevel,
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
  };
}
