// The challenge bank indexed by skill, built once and reused for every candidate: generation then
// only looks up the candidate's validated skills instead of scanning thousands of challenges.
import { isOperative } from '../challenge/challenge.ts';
import type { Challenge } from '../challenge/challenge.ts';
import type { CompetenceCode } from '../framework/crcn.ts';
import { parseSkill } from '../framework/skill.ts';
import type { SkillName } from '../framework/skill.ts';
import { InconsistentBankError } from './generation-errors.ts';

export interface IndexedSkill {
  name: SkillName;
  tube: string;
  difficulty: number;
  /** The competence of the bank's challenges for this skill. */
  competence: CompetenceCode;
  /** The operative challenges, ordered by id so that the bank's order never changes a test. */
  operative: readonly Challenge[];
}

export interface BankIndex {
  readonly kind: 'bank-index';
  /** Number of challenges indexed (operative or not). */
  readonly size: number;
  readonly skills: ReadonlyMap<SkillName, IndexedSkill>;
}

/**
 * Indexes a bank already validated with ChallengeSchema. Throws InconsistentBankError when a skill's
 * challenges name different competences or when an id appears twice.
 */
export function indexBank(bank: readonly Challenge[]): BankIndex {
  const ids = new Set<string>();
  const skills = new Map<SkillName, { entry: IndexedSkill; operative: Challenge[] }>();
  for (const challenge of bank) {
    if (ids.has(challenge.id))
      throw new InconsistentBankError({ kind: 'duplicateChallenge', challengeId: challenge.id });
    ids.add(challenge.id);
    let found = skills.get(challenge.skill);
    if (!found) {
      const { tube, difficulty } = parseSkill(challenge.skill);
      const operative: Challenge[] = [];
      found = {
        entry: { name: challenge.skill, tube, difficulty, competence: challenge.competence, operative },
        operative,
      };
      skills.set(challenge.skill, found);
    } else if (found.entry.competence !== challenge.competence) {
      throw new InconsistentBankError({
        kind: 'skillInTwoCompetences',
        challengeId: challenge.id,
        skill: challenge.skill,
        competence: found.entry.competence,
        otherCompetence: challenge.competence,
      });
    }
    if (isOperative(challenge)) found.operative.push(challenge);
  }
  const byName = new Map<SkillName, IndexedSkill>();
  for (const [name, { entry, operative }] of skills) {
    operative.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    byName.set(name, entry);
  }
  return { kind: 'bank-index', size: bank.length, skills: byName };
}

export function isBankIndex(bank: readonly Challenge[] | BankIndex): bank is BankIndex {
  return !Array.isArray(bank);
}
