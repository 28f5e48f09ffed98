// Result intake: a sealed bundle is accepted once, and only if it checks out with core's verification
// (the enrolled station key, the chain, the package hash), names the test, session and candidate the
// server issued to that station, and extends the records replicated during the test. The same bundle
// again gets the first answer again; another bundle for the same test is a conflict. A refused bundle
// is not stored; when the test's own station signed it, the refusal is marked on the test (its code and
// time, for the invigilator's room: the station keeps the result and never sends it again); the
// station reports the others itself, signed (result-refusal.ts). When too many uploads are in course,
// a new one is turned away for now (503, intake-gate.ts) before any checking.
import { resultIdempotencyKey } from '../../core/bundle/bundle-hash.ts';
import type { BundleProblem } from '../../core/bundle/verify-bundle.ts';
import type { ResultUploadResponse } from '../../core/contracts/station-server.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import type { BundleAcknowledgment, StoredStation, StoredTest } from '../storage/repositories.ts';
import { iso } from '../time.ts';
import { BUSY_RETRY_AFTER_S } from './intake-gate.ts';
import { readUpload } from './intake-upload.ts';
import { markResultRefused } from './result-refusal.ts';
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

function refused(code: string, message: string): ApiError {
  return new ApiError(422, code, `${message}: the result was not stored`);
}

/**
 * The problems found once the signature verified against the station's enrolled key and the payload
 * named this test: the station sealed it, and will not send it again. Not a bad signature or an
 * unreadable JWS, which anyone can send (the route has no request signature), nor an unreadable payload
 * or another station's name, found before the test is checked (core/bundle/verify-bundle.ts): a copy of
 * a bundle the station sealed for another of its tests, sent to this test's address, must not mark this
 * test's result refused (a refused test counts as over).
 */
const STATION_PROBLEMS: ReadonlySet<BundleProblem> = new Set<BundleProblem>([
  'CHAIN_BROKEN',
  'PACKAGE_MISMATCH',
]);

/**
 * A final refusal of a bundle the test's own station signed: marked on the test (result-refusal.ts).
 * The same refusal again (a replay) changes nothing.
 */
async function refusedFromStation(
  ctx: ServerContext,
  test: StoredTest,
  code: string,
  message: string,
): Promise<ApiError> {
  // The refusal is final whatever happens to its mark: a failed write is logged, the answer stays 422
  // (a 500 would have the station send the bundle again).
  await markResultRefused(ctx, test, code, 'result refused, kept by the station').catch((error: unknown) => {
    ctx.log.error({ testId: test.id, code, err: error }, 'refusal mark not written or not told to the room');
  });
  return refused(code, message);
}

function acknowledgment(bundle: BundleAcknowledgment): ResultUploadResponse {
  return { bundleHash: bundle.bundleHash, receivedAt: iso(bundle.receivedAt) };
}

function checkIdempotencyKey(key: string | null, testId: string, hash: string): void {
  if (key !== null && key !== resultIdempotencyKey(testId, hash)) {
    throw new ApiError(400, 'INVALID_REQUEST', 'the idempotency key is not <testId>:<SHA-256 of the bundle>');
  }
}

/** A test that already has its result: the same bundle gets the first answer again, nothing is checked. */
async function again(
  ctx: ServerContext,
  test: StoredTest,
  body: Uint8Array,
  idempotencyKey: string | null,
): Promise<ResultUploadResponse | null> {
  const existing = await ctx.store.bundles.acknowledgment(test.id);
  if (!existing) return null;
  const upload = readUpload(body);
  if (!upload.ok) throw new ApiError(400, upload.code, upload.message);
  checkIdempotencyKey(idempotencyKey, test.id, upload.bundleHash);
  if (existing.bundleHash === upload.bundleHash) return acknowledgment(existing);
  throw new ApiError(409, 'BUNDLE_CONFLICT', 'another result was already accepted for this test');
}

/**
 * `body`: the upload's bytes as received ({ bundle: <compact JWS> }), read where the bundle is checked;
 * it may be moved to a verification worker, so the caller must not read it afterwards.
 */
export async function receiveResult(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
  body: Uint8Array,
  idempotencyKey: string | null,
): Promise<ResultUploadResponse> {
  const test = await stationTest(ctx, station, testId, 'write');
  // The test's row says whether a result is stored: most uploads are first ones, and skip the look-up.
  if (test.bundleReceivedAt !== null) {
    const answer = await again(ctx, test, body, idempotencyKey);
    if (answer) return answer;
  }
  if (test.packageHash === null || test.packageId === null) {
    const upload = readUpload(body);
    if (!upload.ok) throw new ApiError(400, upload.code, upload.message);
    checkIdempotencyKey(idempotencyKey, test.id, upload.bundleHash);
    // Not marked on the test: nothing verified that its station sealed this bundle.
    throw refused('PACKAGE_MISMATCH', 'no test package was issued for this test');
  }
  if (!ctx.intakeGate.tryEnter()) {
    throw new ApiError(
      503,
      'SERVER_BUSY',
      'the server is receiving many results at once: the station keeps this one and sends it again shortly',
      { 'retry-after': String(BUSY_RETRY_AFTER_S) },
    );
  }
  try {
    return await checkAndStore(ctx, station, test, test.packageHash, test.packageId, body, idempotencyKey);
  } finally {
    ctx.intakeGate.leave();
  }
}

/** The verdict on a first upload, and its storage when it checks out. */
async function checkAndStore(
  ctx: ServerContext,
  station: StoredStation,
  test: StoredTest,
  packageHash: string,
  packageId: string,
  body: Uint8Array,
  idempotencyKey: string | null,
): Promise<ResultUploadResponse> {
  const check = await ctx.bundleVerifier.check({
    body,
    expected: { stationKey: { ...station.publicKey }, testId: test.id, packageHash },
    replicatedSeq: test.journal.storedThrough,
  });
  if ('code' in check) throw new ApiError(400, check.code, check.message);
  // A wrong key is the caller's mistake whatever the bundle holds: said before the bundle's problems.
  checkIdempotencyKey(idempotencyKey, test.id, check.bundleHash);
  if (!check.ok) {
    const code = PROBLEM_CODES[check.problem];
    if (!STATION_PROBLEMS.has(check.problem)) throw refused(code, check.message);
    throw await refusedFromStation(ctx, test, code, check.message);
  }
  // From here on, the bundle verified against the station's key and names this test.
  if (check.sessionId !== test.sessionId || check.candidateId !== test.candidateId) {
    throw await refusedFromStation(
      ctx,
      test,
      'BUNDLE_MISMATCH',
      'the bundle names a candidate or session other than this test’s',
    );
  }
  if (check.journalEndReason !== check.endReason) {
    throw await refusedFromStation(
      ctx,
      test,
      'BUNDLE_INVALID_PAYLOAD',
      'the journal does not end the way the bundle says it ended',
    );
  }
  if (check.packageId !== packageId) {
    throw await refusedFromStation(ctx, test, 'PACKAGE_MISMATCH', 'the bundle names another test package');
  }
  if (check.replicatedHash !== null && check.replicatedHash !== test.journal.lastHash) {
    throw await refusedFromStation(
      ctx,
      test,
      'CHAIN_BROKEN',
      'the bundle’s journal differs from the records replicated during the test',
    );
  }

  const hash = check.bundleHash;
  const outcome = await ctx.store.bundles.store(
    {
      testId: test.id,
      bundleHash: hash,
      jws: Buffer.from(check.jws.buffer, check.jws.byteOffset, check.jws.byteLength),
      endReason: check.endReason,
      stationId: station.id,
      receivedAt: ctx.now(),
    },
    // A start the records never brought was written by this station (a resume elsewhere needs them):
    // its offset goes with it (kept only where no start is stored yet).
    { ...check.journal, startedClockOffsetMs: test.heartbeat.clockOffsetMs },
  );
  if (!outcome.ok)
    throw new ApiError(409, 'BUNDLE_CONFLICT', 'another result was already accepted for this test');
  if (outcome.firstTime) {
    ctx.log.info({ testId: test.id, stationId: station.id, bundleHash: hash }, 'result received');
    // The result is stored and on disk: its receipt goes whatever happens next. A failure of what follows
    // (a late result's re-scoring, the room's update) answered as an error would have the station send
    // it again for nothing (the same bundle gets its receipt without this step), and a 503 would say
    // nothing was stored. A late result left unscored is applied at publication (centre-results-routes.ts),
    // or re-scored by an administrator from the results page.
    await ctx.onResultReceived(test.sessionId, test.candidateId).catch((error: unknown) => {
      ctx.log.error(
        { testId: test.id, sessionId: test.sessionId, candidateId: test.candidateId, err: error },
        'result stored, but its re-scoring or the room’s update failed',
      );
    });
  }
  return acknowledgment(outcome.bundle);
}
