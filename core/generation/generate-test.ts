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
import type { CompetenceProfile, Profile } from '../profile/profile.ts';
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
  const profile = parseProfile(input.profile);
  const parsedSeed = SeedSchema.safeParse(input.seed);
  if (!parsedSeed.success) throw new InvalidGenerationInputError('seed', parsedSeed.error);
  const seed = parsedSeed.data;

  const tested = testedCompetences(profile);
  const validatedByCompetence = askableSkills(profile, input.bank);
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

/**
 * Every challenge generateTest could put in this candidate's test, whatever the seed: for each tested
 * competence, the skills the draw can reach (every skill of a difficulty that fits in the competence's
 * 3 places, and at the difficulty that fills them, every skill ranked as well as the last one picked),
 * each with the challenges the draw can pick for it. Throws as generateTest does, except that a
 * competence where nothing can be picked only adds nothing (generateTest says MissingChallengesError).
 */
export function possibleChallenges(input: Omit<GenerateTestInput, 'seed'>): Challenge[] {
  const profile = parseProfile(input.profile);
  const tested = testedCompetences(profile);
  const validatedByCompetence = askableSkills(profile, input.bank);
  const answered = new Set(profile.answeredChallengeIds);
  return tested.flatMap((entry) =>
    reachableForCompetence(validatedByCompetence.get(entry.code) ?? [], answered),
  );
}

function parseProfile(input: GenerateTestInput['profile']): Profile {
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) throw new InvalidGenerationInputError('profile', parsed.error);
  return parsed.data;
}

/** The competences tested, in the framework's order; NotCertifiableError when fewer than 5. */
function testedCompetences(profile: Profile): CompetenceProfile[] {
  const tested = certifiableCompetences(profile).sort(byCompetenceCode);
  if (tested.length < MIN_CERTIFIABLE_COMPETENCES) throw new NotCertifiableError(tested.length);
  return tested;
}

/** The candidate's validated skills that the bank can ask (an operative challenge), per competence. */
function askableSkills(
  profile: Profile,
  bank: GenerateTestInput['bank'],
): Map<CompetenceCode, IndexedSkill[]> {
  const index = isBankIndex(bank) ? bank : indexBank(bank);
  const validatedByCompetence = new Map<CompetenceCode, IndexedSkill[]>();
  for (const name of new Set(profile.validatedSkills)) {
    const skill = index.skills.get(name);
    // Validated skills missing from the bank, or with no operative challenge, cannot be asked.
    if (!skill || skill.operative.length === 0) continue;
    const list = validatedByCompetence.get(skill.competence);
    if (list) list.push(skill);
    else validatedByCompetence.set(skill.competence, [skill]);
  }
  return validatedByCompetence;
}

function byCompetenceCode(a: CompetenceProfile, b: CompetenceProfile): number {
  return COMPETENCE_CODES.indexOf(a.code) - COMPETENCE_CODES.indexOf(b.code);
}

function bySkillName(a: IndexedSkill, b: IndexedSkill): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The skills by difficulty, hardest first; each group sorted by name, so that the profile's order of
 * skills never changes the test.
 */
function difficultyGroups(skills: readonly IndexedSkill[]): IndexedSkill[][] {
  const byDifficulty = new Map<number, IndexedSkill[]>();
  for (const skill of skills) {
    const group = byDifficulty.get(skill.difficulty);
    if (group) group.push(skill);
    else byDifficulty.set(skill.difficulty, [skill]);
  }
  return [...byDifficulty.keys()]
    .sort((a, b) => b - a)
    .map((difficulty) => (byDifficulty.get(difficulty) ?? []).sort(bySkillName));
}

interface RankedSkill {
  skill: IndexedSkill;
  /** Its challenges the candidate did not answer in positioning. */
  fresh: readonly Challenge[];
  /** Lower is preferred: a tube not used yet, then a challenge not answered yet. */
  rank: number;
}

function ranked(
  skill: IndexedSkill,
  usedTubes: ReadonlySet<string>,
  answered: ReadonlySet<string>,
): RankedSkill {
  const fresh = skill.operative.filter((challenge) => !answered.has(challenge.id));
  const rank = (usedTubes.has(skill.tube) ? 2 : 0) + (fresh.length > 0 ? 0 : 1);
  return { skill, fresh, rank };
}

/** The challenges the draw picks among for a skill: those not answered yet, if any. */
const drawnAmong = ({ skill, fresh }: RankedSkill): readonly Challenge[] =>
  fresh.length > 0 ? fresh : skill.operative;

/**
 * Hardest difficulty first; within a difficulty one challenge per skill, skills of a tube not used yet
 * first, then skills that still have a challenge the candidate did not answer in positioning.
 */
function pickForCompetence(
  skills: readonly IndexedSkill[],
  answered: ReadonlySet<string>,
  random: SeededRandom,
): GeneratedChallenge[] {
  const picks: GeneratedChallenge[] = [];
  const usedTubes = new Set<string>();
  for (const group of difficultyGroups(skills)) {
    if (picks.length >= CHALLENGES_PER_COMPETENCE) break;
    const candidates = random.shuffle(group).map((skill) => ranked(skill, usedTubes, answered));
    // Stable: equally preferred skills keep their shuffled order.
    candidates.sort(byRank);
    for (const candidate of candidates) {
      if (picks.length >= CHALLENGES_PER_COMPETENCE) break;
      const { skill } = candidate;
      const challenge = random.pick(drawnAmong(candidate));
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

/**
 * What pickForCompetence can pick, whatever the draw: a difficulty whose skills all fit in the places
 * left has every skill picked; the one that fills the places has its skills ranked before the last place
 * picked, and the shuffle chooses among those ranked as the last place (the ranks are the draw's own,
 * from the tubes of the difficulties before, all picked).
 */
function reachableForCompetence(skills: readonly IndexedSkill[], answered: ReadonlySet<string>): Challenge[] {
  const reachable: Challenge[] = [];
  const usedTubes = new Set<string>();
  let places = CHALLENGES_PER_COMPETENCE;
  for (const group of difficultyGroups(skills)) {
    if (places <= 0) break;
    const candidates = group.map((skill) => ranked(skill, usedTubes, answered)).sort(byRank);
    const lastRank = candidates[Math.min(places, candidates.length) - 1]?.rank ?? 0;
    const reached = candidates.filter((c) => c.rank <= lastRank);
    for (const candidate of reached) {
      reachable.push(...drawnAmong(candidate));
      usedTubes.add(candidate.skill.tube);
    }
    places -= Math.min(places, candidates.length);
  }
  return reachable;
}

function byRank(a: RankedSkill, b: RankedSkill): number {
  return a.rank - b.rank;
}
