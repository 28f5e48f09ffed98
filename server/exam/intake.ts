// Result intake: a sealed bundle is accepted once, and only if it checks out with core's verification
// (the enrolled station key, the chain, the package hash), names the test, session and candidate the
// server issued to that station, and extends the records replicated during the test. The same bundle
// again gets the first answer again; another bundle for the same test is a conflict. A refused bundle
// leaves nothing behind.
import { bundleHash } from '../../core/bundle/bundle-hash.ts';
import type { BundleProblem } from '../../core/bundle/verify-bundle.ts';
import type { ResultUploadResponse } from '../../core/contracts/station-server.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import type { BundleAcknowledgment, JournalState, StoredStation } from '../storage/repositories.ts';
import { iso } from '../time.ts';
import { readRecords } from './journal-reading.ts';
import { stationTest } from './test-package.ts';

const PROBLEM_CODES: Readonly<Record<BundleProblem, string>> = {
  MALFORMED: 'BUNDLE_MALFORMED',
  BAD_SIGNATURE: 'BUNDLE_BAD_SIGNATURE',
  INVALID_PAYLOAD: 'BUNDLE_INVALID_PAYLOAD',
  STATION_MISMATCH: 'BUNDLE_MISMATCH',
  TEST_MISMATCH: 'BUNDLE_MISMATCH',
  CHAIN_BROKEN: 'CHAIN_BROKEN',
  PACKAGE_MISMATCH: 'PACKAGE_MISMATCH',
};

const EMPTY_JOURNAL: JournalState = {
  storedThrough: 0,
  lastHash: null,
  startedAt: null,
  downtimeMs: 0,
  answered: 0,
  addedMs: 0,
  pausedCause: null,
  pausedReason: null,
  endedReason: null,
};

function refused(code: string, message: string): ApiError {
  return new ApiError(422, code, `${message}: the result was not stored`);
}

function acknowledgment(bundle: BundleAcknowledgment): ResultUploadResponse {
  return { bundleHash: bundle.bundleHash, receivedAt: iso(bundle.receivedAt) };
}

export async function receiveResult(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
  jws: string,
  idempotencyKey: string | null,
): Promise<ResultUploadResponse> {
  const hash = bundleHash(jws);
  if (idempotencyKey !== null && idempotencyKey !== `${testId}:${hash}`) {
    throw new ApiError(400, 'INVALID_REQUEST', 'the idempotency key is not <testId>:<SHA-256 of the bundle>');
  }
  const test = await stationTest(ctx, station, testId, 'write');
  const existing = await ctx.store.bundles.acknowledgment(test.id);
  if (existing) {
    if (existing.bundleHash === hash) return acknowledgment(existing);
    throw new ApiError(409, 'BUNDLE_CONFLICT', 'another result was already accepted for this test');
  }
  if (test.packageHash === null || test.packageId === null) {
    throw refused('PACKAGE_MISMATCH', 'no test package was issued for this test');
  }
  const verified = await ctx.bundleVerifier.verify(jws, {
    stationKey: station.publicKey,
    testId: test.id,
    packageHash: test.packageHash,
  });
  if (!verified.ok) throw refused(PROBLEM_CODES[verified.problem], verified.message);
  const payload = verified.payload;
  if (payload.sessionId !== test.sessionId || payload.candidateId !== test.candidateId) {
    throw refused('BUNDLE_MISMATCH', 'the bundle names a candidate or session other than this test’s');
  }
  const ended = payload.records.findLast((r) => r.kind === 'ended');
  if (ended?.kind !== 'ended' || ended.payload.reason !== payload.endReason) {
    throw refused('BUNDLE_INVALID_PAYLOAD', 'the journal does not end the way the bundle says it ended');
  }
  if (payload.packageId !== test.packageId) {
    throw refused('PACKAGE_MISMATCH', 'the bundle names another test package');
  }
  const replicated = test.journal.storedThrough;
  if (replicated > 0 && payload.records[replicated - 1]?.hash !== test.journal.lastHash) {
    throw refused('CHAIN_BROKEN', 'the bundle’s journal differs from the records replicated during the test');
  }

  // Only the state is read here: alerts come from the records replicated live, not from the bundle.
  const { journal } = readRecords(EMPTY_JOURNAL, payload.records, null, ctx.now());
  const outcome = await ctx.store.bundles.store(
    { testId: test.id, bundleHash: hash, jws, payload, stationId: station.id, receivedAt: ctx.now() },
    journal,
  );
  if (!outcome.ok)
    throw new ApiError(409, 'BUNDLE_CONFLICT', 'another result was already accepted for this test');
  if (outcome.firstTime) {
    ctx.log.info({ testId: test.id, stationId: station.id, bundleHash: hash }, 'result received');
    await ctx.onResultReceived(test.sessionId, test.candidateId);
  }
  return acknowledgment(outcome.bundle);
}
