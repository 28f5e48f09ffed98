// Generation of a candidate's certification test from their profile (DOMAIN.md §3): for each
// competence at level ≥ 1, up to 3 challenges from the skills they validated, hardest first.
import type { z } from 'zod';
import type { Challenge } from '../challenge/challenge.ts';
import { COMPETENCE_CODES } from '../framework/crcn.ts';
import type { CompetenceCode } from '../framework/crcn.ts';
import {
  MIN_CERTIFIABLE_COMPETENCES,
  ProfileSchema,
  certifiableCompetences,
  competenceLevel,
} from '../profile/profile.ts';
import type { CompetenceProfile } from '../profile/profile.ts';
import { indexBank, isBankIndex } from './bank-index.ts';
import type { BankIndex, IndexedSkill } from './bank-index.ts';
import { CHALLENGES_PER_COMPETENCE, GENERATION_ALGORITHM_VERSION } from './generated-test.ts';
import type { GeneratedChallenge, GeneratedTest, TestedCompetence } from './generated-test.ts';
import {
  InvalidGenerationInputError,
  MissingChallengesError,
  NotCertifiableError,
} from './generation-errors.ts';
import { SeedSchema, seededRandom } from './seeded-random.ts';
import type { Seed, SeededRandom } from './seeded-random.ts';

export interface GenerateTestInput {
  /** Outside data: validated here with ProfileSchema. */
  profile: z.input<typeof ProfileSchema>;
  /** The bank (already validated with ChallengeSchema by whoever loaded it), or its reusable index. */
  bank: readonly Challenge[] | BankIndex;
  seed: Seed;
}

/**
 * Throws NotCertifiableError (fewer than 5 competences at level ≥ 1), MissingChallengesError (a tested
 * competence where nothing can be picked), InvalidGenerationInputError (bad profile or seed).
 */
export function generateTest(input: GenerateTestInput): GeneratedTest {
  const parsedProfile = ProfileSchema.safeParse(input.profile);
  if (!parsedProfile.success) throw new InvalidGenerationInputError('profile', parsedProfile.error);
  const parsedSeed = SeedSchema.safeParse(input.seed);
  if (!parsedSeed.success) throw new InvalidGenerationInputError('seed', parsedSeed.error);
  const profile = parsedProfile.data;
  const seed = parsedSeed.data;

  const tested = certifiableCompetences(profile).sort(byCompetenceCode);
  if (tested.length < MIN_CERTIFIABLE_COMPETENCES) throw new NotCertifiableError(tested.length);

  const index = isBankIndex(input.bank) ? input.bank : indexBank(input.bank);
  const validatedByCompetence = new Map<CompetenceCode, IndexedSkill[]>();
  for (const name of new Set(profile.validatedSkills)) {
    const skill = index.skills.get(name);
    // Validated skills missing from the bank, or with no operative challenge, cannot be asked.
    if (!skill || skill.operative.length === 0) continue;
    const list = validatedByCompetence.get(skill.competence);
    if (list) list.push(skill);
    else validatedByCompetence.set(skill.competence, [skill]);
  }

  const answered = new Set(profile.answeredChallengeIds);
  const random = seededRandom(seed);
  const challenges: GeneratedChallenge[] = [];
  const competences: TestedCompetence[] = [];
  const missing: CompetenceCode[] = [];
  for (const entry of tested) {
    const picks = pickForCompetence(validatedByCompetence.get(entry.code) ?? [], answered, random);
    if (picks.length === 0) {
      missing.push(entry.code);
      continue;
    }
    challenges.push(...picks);
    competences.push({
      code: entry.code,
      pix: entry.pix,
      level: competenceLevel(entry),
      asked: picks.length,
    });
  }
  if (missing.length > 0) throw new MissingChallengesError(missing);

  return { seed, algorithmVersion: GENERATION_ALGORITHM_VERSION, challenges, competences };
}

function byCompetenceCode(a: CompetenceProfile, b: CompetenceProfile): number {
  return COMPETENCE_CODES.indexOf(a.code) - COMPETENCE_CODES.indexOf(b.code);
}

function bySkillName(a: IndexedSkill, b: IndexedSkill): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Hardest difficulty first; within a difficulty one challenge per skill, skills of a tube not used yet
 * first, then skills that still have a challenge the candidate did not answer in positioning.
 */
function pickForCompetence(
  skills: readonly IndexedSkill[],
  answered: ReadonlySet<string>,
  random: SeededRandom,
): GeneratedChallenge[] {
  const byDifficulty = new Map<number, IndexedSkill[]>();
  for (const skill of skills) {
    const group = byDifficulty.get(skill.difficulty);
    if (group) group.push(skill);
    else byDifficulty.set(skill.difficulty, [skill]);
  }
  const difficulties = [...byDifficulty.keys()].sort((a, b) => b - a);

  const picks: GeneratedChallenge[] = [];
  const usedTubes = new Set<string>();
  for (const difficulty of difficulties) {
    if (picks.length >= CHALLENGES_PER_COMPETENCE) break;
    // Sorted before shuffling so that the profile's order of skills never changes the test.
    const group = (byDifficulty.get(difficulty) ?? []).sort(bySkillName);
    const candidates = random.shuffle(group).map((skill) => {
      const fresh = skill.operative.filter((challenge) => !answered.has(challenge.id));
      const rank = (usedTubes.has(skill.tube) ? 2 : 0) + (fresh.length > 0 ? 0 : 1);
      return { skill, fresh, rank };
    });
    // Stable: equally preferred skills keep their shuffled order.
    candidates.sort((a, b) => a.rank - b.rank);
    for (const { skill, fresh } of candidates) {
      if (picks.length >= CHALLENGES_PER_COMPETENCE) break;
      const challenge = random.pick(fresh.length > 0 ? fresh : skill.operative);
      picks.push({
        challengeId: challenge.id,
        competence: skill.competence,
        skill: skill.name,
        difficulty: skill.difficulty,
      });
      usedTubes.add(skill.tube);
    }
  }
  return picks;
}
