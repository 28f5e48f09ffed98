// The per-competence table of DOMAIN.md §6: whether a competence's profile level is kept, lowered by
// one or lost, from how many of its challenges were asked, answered correctly and neutralized, and
// from the reproducibility rate of the whole test.
import { z } from 'zod';

export const COMPETENCE_OUTCOMES = ['invalidate', 'downgrade', 'validate'] as const;
export const CompetenceOutcomeSchema = z.enum(COMPETENCE_OUTCOMES);
/** validate: level kept; downgrade: level − 1 (−8 Pix); invalidate: 0. */
export type CompetenceOutcome = z.infer<typeof CompetenceOutcomeSchema>;

/** Worst first: rank(a) < rank(b) means a is a worse outcome for the candidate than b. */
export function outcomeRank(outcome: CompetenceOutcome): number {
  return COMPETENCE_OUTCOMES.indexOf(outcome);
}

/** The outcome in each band of reproducibility rate: ≥ 80, 70 ≤ rate < 80, < 70. */
export type OutcomeByRate = readonly [
  from80: CompetenceOutcome,
  from70: CompetenceOutcome,
  below70: CompetenceOutcome,
];

export interface OutcomeRule {
  asked: number;
  correct: number;
  neutralized: number;
  byRate: OutcomeByRate;
  /** The DOMAIN.md §6 line the row comes from, or the decision taken where it is silent. */
  rule: string;
}

const V = 'validate';
const D = 'downgrade';
const I = 'invalidate';

/**
 * One row per (asked, correct, neutralized) a competence can have. Where DOMAIN.md is silent (0 correct
 * out of 2 or 1, and competences whose challenges were all neutralized) the row applies its "0 correct →
 * invalidate" line: with no correct answer there is no evidence of the level, so it cannot be certified.
 */
// prettier-ignore
export const COMPETENCE_OUTCOME_TABLE: readonly OutcomeRule[] = [
  //                                     ≥ 80  70–79  < 70
  { asked: 3, correct: 3, neutralized: 0, byRate: [V, V, V], rule: '3 correct → validate' },
  { asked: 3, correct: 2, neutralized: 0, byRate: [V, D, D], rule: '2 correct, 0 neutralized → validate if rate ≥ 80, else downgrade' },
  { asked: 3, correct: 2, neutralized: 1, byRate: [V, V, V], rule: '2 correct, 1 neutralized → validate' },
  { asked: 3, correct: 1, neutralized: 0, byRate: [I, I, I], rule: '1 correct, 0 neutralized → invalidate' },
  { asked: 3, correct: 1, neutralized: 1, byRate: [V, D, I], rule: '1 correct, 1 neutralized → validate if rate ≥ 80, downgrade if 70 ≤ rate < 80, else invalidate' },
  { asked: 3, correct: 1, neutralized: 2, byRate: [V, V, D], rule: '1 correct, 2 neutralized → validate if rate ≥ 70, else downgrade' },
  { asked: 3, correct: 0, neutralized: 0, byRate: [I, I, I], rule: '0 correct → invalidate' },
  { asked: 3, correct: 0, neutralized: 1, byRate: [I, I, I], rule: '0 correct → invalidate' },
  { asked: 3, correct: 0, neutralized: 2, byRate: [I, I, I], rule: '0 correct → invalidate' },
  { asked: 3, correct: 0, neutralized: 3, byRate: [I, I, I], rule: '0 correct → invalidate (all neutralized: nothing to certify)' },
  { asked: 2, correct: 2, neutralized: 0, byRate: [V, V, V], rule: '2/2 → validate' },
  { asked: 2, correct: 1, neutralized: 0, byRate: [V, D, I], rule: '1/2 with 0 neutralized → validate ≥ 80, downgrade 70–80, invalidate < 70' },
  { asked: 2, correct: 1, neutralized: 1, byRate: [V, V, D], rule: '1/2 with 1 neutralized → validate ≥ 70 else downgrade' },
  { asked: 2, correct: 0, neutralized: 0, byRate: [I, I, I], rule: '0/2 → invalidate (as "0 correct → invalidate")' },
  { asked: 2, correct: 0, neutralized: 1, byRate: [I, I, I], rule: '0/2 → invalidate (as "0 correct → invalidate")' },
  { asked: 2, correct: 0, neutralized: 2, byRate: [I, I, I], rule: '0/2 → invalidate (all neutralized: nothing to certify)' },
  { asked: 1, correct: 1, neutralized: 0, byRate: [V, V, D], rule: '1/1 → validate ≥ 70 else downgrade' },
  { asked: 1, correct: 0, neutralized: 0, byRate: [I, I, I], rule: '0/1 → invalidate (as "0 correct → invalidate")' },
  { asked: 1, correct: 0, neutralized: 1, byRate: [I, I, I], rule: '0/1 → invalidate (all neutralized: nothing to certify)' },
];

export interface CompetenceTally {
  /** Challenges of the competence in the test (1 to 3). */
  asked: number;
  /** Non-neutralized challenges answered `ok`. */
  correct: number;
  neutralized: number;
}

export function outcomeRuleFor({ asked, correct, neutralized }: CompetenceTally): OutcomeRule {
  const row = COMPETENCE_OUTCOME_TABLE.find(
    (r) => r.asked === asked && r.correct === correct && r.neutralized === neutralized,
  );
  if (!row) {
    throw new RangeError(
      `no scoring rule for a competence with ${asked} challenges asked, ${correct} correct and ${neutralized} neutralized`,
    );
  }
  return row;
}

/** The outcome of one competence, given the reproducibility rate of the whole test. */
export function competenceOutcome(tally: CompetenceTally, reproducibilityRate: number): CompetenceOutcome {
  const [from80, from70, below70] = outcomeRuleFor(tally).byRate;
  if (reproducibilityRate >= 80) return from80;
  if (reproducibilityRate >= 70) return from70;
  return below70;
}
