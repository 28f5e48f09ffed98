// The candidate's test package, generated once with core (seeded, seed recorded) when the invigilator
// first authorizes the start, and served to the station the test is attached to, with its attachments.
// Kept with it: the profile and the bank as generation read them, so that an audit regenerates the test
// (test-audit.ts).
import { toPackagedChallenge, type Challenge } from '../../core/challenge/challenge.ts';
import { generateTest } from '../../core/generation/generate-test.ts';
import {
  InvalidGenerationInputError,
  MissingChallengesError,
  NotCertifiableError,
} from '../../core/generation/generation-errors.ts';
import { newSeed } from '../../core/generation/seeded-random.ts';
import { canonicalHash } from '../../core/hashing/canonical-hash.ts';
import { TestPackageSchema, type TestPackage } from '../../core/package/test-package.ts';
import { newId } from '../auth/secrets.ts';
import { centreBank } from '../content/bank-service.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, unprocessable } from '../http/api-error.ts';
import { centreName, packageSessionView } from '../sessions/session-service.ts';
import type { StoredCandidate, StoredSession, StoredStation, StoredTest } from '../storage/repositories.ts';
import { iso } from '../time.ts';
import { generationBankOf } from './generation-bank.ts';
import { packageCandidateView } from './join.ts';

export async function ensurePackage(
  ctx: ServerContext,
  session: StoredSession,
  candidate: StoredCandidate,
  test: StoredTest,
): Promise<void> {
  if (test.packageId !== null) return;
  if (!candidate.profile) throw unprocessable('NOT_CERTIFIABLE', 'the candidate has no Pix profile');
  const bank = await centreBank(ctx, session.centreId);
  const seed = newSeed();
  let generated;
  try {
    generated = generateTest({ profile: candidate.profile, bank: bank.index, seed });
  } catch (error) {
    if (error instanceof NotCertifiableError) throw unprocessable('NOT_CERTIFIABLE', error.message);
    if (error instanceof MissingChallengesError) throw unprocessable('MISSING_CHALLENGES', error.message);
    if (error instanceof InvalidGenerationInputError) throw unprocessable('INVALID_PROFILE', error.message);
    throw error;
  }
  const asked = generated.challenges.map((g) => bank.byId.get(g.challengeId) as Challenge);
  const challenges = asked.map(toPackagedChallenge);
  const pkg: TestPackage = TestPackageSchema.parse({
    formatVersion: 1,
    packageId: newId('pkg'),
    generatedAt: iso(ctx.now()),
    seed,
    session: packageSessionView(session, await centreName(ctx, session.centreId)),
    candidate: packageCandidateView(candidate),
    challenges,
  });
  await ctx.store.tests.setPackage(test.id, {
    package: pkg,
    packageHash: canonicalHash(pkg),
    generated,
    profile: candidate.profile,
    challenges: asked,
    // The draw's other input: the seed and profile alone redraw differently once an import changes the bank.
    generationBank: generationBankOf(bank.index),
    generatedAt: ctx.now(),
  });
  ctx.log.info({ testId: test.id, seed, challenges: challenges.length }, 'test package generated');
}

/** The test, if this station may read it now. */
export async function stationTest(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
  purpose: 'package' | 'records' | 'write',
): Promise<StoredTest> {
  const test = await ctx.store.tests.get(testId);
  if (!test) throw new ApiError(404, 'NOT_FOUND', 'test not found');
  // Only a test of the station's own centre, whatever its row says (a station never changes centre; a
  // row moved by an older server must not reach another centre's candidates): as if it did not exist.
  const session = await ctx.store.sessions.get(test.sessionId);
  if (session?.centreId !== station.centreId) throw new ApiError(404, 'NOT_FOUND', 'test not found');
  if (test.stationId !== station.id) {
    if (test.resumeStationId === station.id) {
      throw new ApiError(
        409,
        'NOT_AUTHORIZED',
        'the invigilator has not authorized the resume on this station yet',
      );
    }
    throw new ApiError(403, 'NOT_YOUR_TEST', 'this test is attached to another station');
  }
  if (purpose === 'package' && test.packageId === null) {
    throw new ApiError(409, 'NOT_AUTHORIZED', 'the invigilator has not authorized the start yet');
  }
  return test;
}

export async function servePackage(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
): Promise<{ package: TestPackage; packageHash: string }> {
  const test = await stationTest(ctx, station, testId, 'package');
  const stored = await ctx.store.tests.package(test.id);
  if (!stored) throw new ApiError(409, 'NOT_AUTHORIZED', 'the invigilator has not authorized the start yet');
  return stored;
}
