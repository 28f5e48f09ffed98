// The station's signed result beside the scored one (issues 4 and 9). A test scored at finalization
// without its signed bundle (the station switched off after the test, or offline) was scored from the
// answers replicated during the test; the bundle may still come. Before publication it is scored on
// arrival (finalization.ts rescoreLateResult); publication waits for it unless the administrator says
// to publish without it; after publication it is stored but not applied by itself: an administrator
// re-scores with it. Everything here is read from stored timestamps: the result's source, the bundle's
// arrival and the publication; and, for a signed result with no result to apply it to, how its test ended.
import type { SignedResultState } from '../../core/contracts/invigilator-api.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import type { ServerContext } from '../context.ts';
import type { StoredCandidate, StoredResult, StoredSession, StoredTest } from '../storage/repositories.ts';
import { completionOf, evidenceOf, knownAbortReason } from './scoring.ts';

export interface SignedResult {
  state: SignedResultState;
  receivedAt: number | null;
  afterPublication: boolean;
}

/** Where a scored result stands with its station's signed result. */
export function signedResultOf(
  result: StoredResult,
  test: StoredTest,
  session: Pick<StoredSession, 'publishedAt'>,
): SignedResult {
  const bundleReceivedAt = test.bundleReceivedAt;
  return {
    state: stateOf(result, test),
    receivedAt: bundleReceivedAt,
    afterPublication:
      bundleReceivedAt !== null && session.publishedAt !== null && bundleReceivedAt > session.publishedAt,
  };
}

function stateOf(result: StoredResult, test: StoredTest): SignedResultState {
  if (result.source === 'bundle') return 'applied';
  if (test.bundleReceivedAt !== null) return 'notApplied';
  return test.uploadRefusal !== null ? 'refused' : 'awaited';
}

/**
 * Neither received nor refused. A test whose end the server never heard of is awaited too: its station
 * may have ended it offline (it sends the result once switched on), or died; only the room knows.
 */
function isExpected(test: StoredTest): boolean {
  return test.bundleReceivedAt === null && test.uploadRefusal === null;
}

/**
 * The candidates whose result waits for its station's signed result (publication waits for them, or the
 * administrator publishes without it); one the server refused is not awaited: the jury decides.
 */
export function awaitingSignedResults(
  candidates: readonly StoredCandidate[],
  tests: readonly StoredTest[],
  results: readonly StoredResult[],
): StoredCandidate[] {
  const expected = new Set(tests.filter(isExpected).map((t) => t.id));
  const awaited = new Set(
    results.filter((r) => r.source === 'records' && expected.has(r.testId)).map((r) => r.candidateId),
  );
  return candidates.filter((c) => awaited.has(c.id));
}

/** Results whose signed result arrived and is not applied yet (scored on arrival, or after publication). */
export function notAppliedSignedResults(
  tests: readonly StoredTest[],
  results: readonly StoredResult[],
): StoredResult[] {
  const bundleAt = new Map(tests.map((t) => [t.id, t.bundleReceivedAt]));
  return results.filter((r) => r.source === 'records' && (bundleAt.get(r.testId) ?? null) !== null);
}

/**
 * A candidate without a result whose station's signed result arrived after finalization: nothing of
 * the test had reached the server then (listed absent). Before publication, one whose test ended
 * normally is scored on arrival; otherwise it waits for an administrator, who re-scores with it and
 * gives the abort reason when the test stopped early with none given (`abortReasonNeeded`: the
 * candidate's or a technical problem, the journal cannot tell, and it decides what the unanswered
 * questions count as).
 */
export interface UnscoredSignedResult {
  candidate: StoredCandidate;
  test: StoredTest;
  receivedAt: number;
  endReason: EndReason | null;
  abortReasonNeeded: boolean;
}

export async function unscoredSignedResults(
  ctx: ServerContext,
  session: Pick<StoredSession, 'state' | 'finalization'>,
  candidates: readonly StoredCandidate[],
  tests: readonly StoredTest[],
  results: readonly StoredResult[],
): Promise<UnscoredSignedResult[]> {
  if (session.state === 'created') return [];
  const scored = new Set(results.map((r) => r.candidateId));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const unscored: UnscoredSignedResult[] = [];
  for (const test of tests) {
    const candidate = byId.get(test.candidateId);
    const receivedAt = test.bundleReceivedAt;
    if (!candidate || scored.has(candidate.id) || test.packageId === null || receivedAt === null) continue;
    const evidence = await evidenceOf(ctx, test);
    const abortReason = knownAbortReason(session, candidate.id, null);
    unscored.push({
      candidate,
      test,
      receivedAt,
      endReason: evidence.endReason,
      abortReasonNeeded: completionOf(evidence, abortReason) === null,
    });
  }
  return unscored;
}
