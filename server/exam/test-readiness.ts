// Before exam day: can each candidate's test be generated from the centre's bank and their profile, and
// can the stations open every file it could contain? The test is generated only when the invigilator
// authorizes the start (test-package.ts); a bank too thin for a candidate's validated skills, or a file
// no station opens, would only show then, in front of the candidate. So the same generation runs here,
// with a seed thrown away: nothing is stored, the test tables are only read (is the test generated?).
import { isOperative, type Challenge } from '../../core/challenge/challenge.ts';
import { unopenableAttachments } from '../../core/challenge/station-viewers.ts';
import {
  READINESS_LISTED,
  type CandidateReadiness,
  type SessionReadiness,
  type TestPreparationError,
  type UnopenableAttachment,
} from '../../core/contracts/centre-api.ts';
import { generateTest, possibleChallenges } from '../../core/generation/generate-test.ts';
import {
  InvalidGenerationInputError,
  MissingChallengesError,
  NotCertifiableError,
} from '../../core/generation/generation-errors.ts';
import { newSeed } from '../../core/generation/seeded-random.ts';
import { certifiability } from '../candidates/candidate-service.ts';
import { centreBank, type CachedBank } from '../content/bank-service.ts';
import type { ServerContext } from '../context.ts';
import type { StoredCandidate, StoredSession } from '../storage/repositories.ts';

/** Candidates checked between two turns of the event loop (a check takes well under a millisecond). */
const CHECKED_PER_TURN = 50;

export async function sessionReadiness(
  ctx: ServerContext,
  session: StoredSession,
): Promise<SessionReadiness> {
  const [candidates, tests, bank] = await Promise.all([
    ctx.store.candidates.listBySession(session.id),
    ctx.store.tests.listBySession(session.id),
    centreBank(ctx, session.centreId),
  ]);
  const generated = new Set(tests.filter((t) => t.packageId !== null).map((t) => t.candidateId));
  const notChecked = { withoutProfile: 0, notCertifiable: 0, alreadyGenerated: 0 };
  const checked: CandidateReadiness[] = [];
  for (const candidate of candidates) {
    if (!candidate.profile) notChecked.withoutProfile++;
    else if (!certifiability(candidate.profile).certifiable) notChecked.notCertifiable++;
    else if (generated.has(candidate.id)) notChecked.alreadyGenerated++;
    else {
      checked.push(candidateReadiness(candidate, candidate.profile, bank));
      // Another request (a station's heartbeat) may be served between two batches of a large session.
      if (checked.length % CHECKED_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const operative = [...bank.byId.values()].filter(isOperative);
  return {
    candidates: checked,
    notChecked,
    bank: { operative: operative.length, ...listed(unopenableOf(operative)) },
  };
}

function candidateReadiness(
  candidate: StoredCandidate,
  profile: NonNullable<StoredCandidate['profile']>,
  bank: CachedBank,
): CandidateReadiness {
  const who = { candidateId: candidate.id, firstName: candidate.firstName, lastName: candidate.lastName };
  let error: TestPreparationError | null = null;
  try {
    // The exam-day generation (test-package.ts), with a seed of its own; the test is thrown away.
    generateTest({ profile, bank: bank.index, seed: newSeed() });
  } catch (thrown) {
    error = preparationError(thrown);
  }
  // What the test could contain whatever the seed drawn on exam day (a competence the bank lacks
  // adds nothing: the other competences' files are still checked).
  let possible: Challenge[] = [];
  if (error === null || error.code === 'MISSING_CHALLENGES') {
    possible = possibleChallenges({ profile, bank: bank.index });
  }
  return { ...who, error, ...listed(unopenableOf(possible)) };
}

/** The generation's refusal as the exam-day start says it (test-package.ts), with its competences. */
function preparationError(error: unknown): TestPreparationError {
  if (error instanceof MissingChallengesError) {
    return { code: 'MISSING_CHALLENGES', competences: [...error.competences], message: error.message };
  }
  if (error instanceof NotCertifiableError) return { code: 'NOT_CERTIFIABLE', message: error.message };
  if (error instanceof InvalidGenerationInputError)
    return { code: 'INVALID_PROFILE', message: error.message };
  throw error;
}

function unopenableOf(challenges: readonly Challenge[]): UnopenableAttachment[] {
  return challenges.flatMap((c) =>
    unopenableAttachments(c).map((a) => ({
      challengeId: c.id,
      fileName: a.fileName,
      mediaType: a.mediaType,
    })),
  );
}

function listed(all: UnopenableAttachment[]): { unopenable: UnopenableAttachment[]; moreUnopenable: number } {
  const unopenable = all.slice(0, READINESS_LISTED);
  return { unopenable, moreUnopenable: all.length - unopenable.length };
}
