// A result refused for good, marked on the test (its code and time, not the bundle) for the invigilator's
// room, whose card would otherwise say the result is on its way: the station keeps the result and never
// sends it again. Intake marks the refusals it can pin on the test's own station (intake.ts); the
// station reports the others (a bad signature, an unreadable JWS, a conflict…) over a signed request,
// which proves that the test's own station holds a refused result.
import type { ResultRefusalRequest, ResultRefusalResponse } from '../../core/contracts/station-server.ts';
import type { ServerContext } from '../context.ts';
import type { StoredStation, StoredTest } from '../storage/repositories.ts';
import { stationTest } from './test-package.ts';

/**
 * Marks the refusal and tells the room; false, and nothing written, once a bundle of the test is stored
 * (the accepted result stands). The same code again writes nothing and tells the room nothing new.
 * Throws when the mark cannot be written.
 */
export async function markResultRefused(
  ctx: ServerContext,
  test: StoredTest,
  code: string,
  how: string,
): Promise<boolean> {
  if (test.bundleReceivedAt !== null) return false;
  if (test.uploadRefusal?.code === code) return true;
  const marked = await ctx.store.tests.recordUploadRefusal(test.id, { code, at: ctx.now() });
  if (marked) {
    ctx.log.warn({ testId: test.id, stationId: test.stationId, code }, how);
    await ctx.feed.candidateChanged(test.sessionId, test.candidateId, 'resultRefused');
  }
  return marked;
}

/** POST result-refusal: the report of the test's own station (signed request). */
export async function receiveRefusalReport(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
  report: ResultRefusalRequest,
): Promise<ResultRefusalResponse> {
  const test = await stationTest(ctx, station, testId, 'write');
  return {
    marked: await markResultRefused(ctx, test, report.code, 'result refusal reported by the station'),
  };
}
