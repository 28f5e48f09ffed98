import { describe, it, expect } from 'vitest';
import {
  COMPETENCE_OUTCOME_TABLE,
  competenceOutcome,
  outcomeRank,
  outcomeRuleFor,
} from './competence-outcome.ts';

// One row per line of the DOMAIN.md §6 per-competence table, at the boundary rates of that line.
// [rule quoted from DOMAIN.md, asked, correct, neutralized, rate, expected outcome]
const DOMAIN_LINES = [
  ['3 challenges: "3 correct → validate"', 3, 3, 0, 50, 'validate'],
  ['3 challenges: "0 correct → invalidate"', 3, 0, 0, 100, 'invalidate'],
  ['3 challenges: "2 correct, 0 neutralized → validate if rate ≥ 80" (rate 80)', 3, 2, 0, 80, 'validate'],
  ['3 challenges: "2 correct, 0 neutralized → … else downgrade" (rate 79)', 3, 2, 0, 79, 'downgrade'],
  ['3 challenges: "2 correct, 1 neutralized → validate" (rate 50)', 3, 2, 1, 50, 'validate'],
  ['3 challenges: "1 correct, 0 neutralized → invalidate" (rate 100)', 3, 1, 0, 100, 'invalidate'],
  ['3 challenges: "1 correct, 1 neutralized → validate if rate ≥ 80" (rate 80)', 3, 1, 1, 80, 'validate'],
  [
    '3 challenges: "1 correct, 1 neutralized → downgrade if 70 ≤ rate < 80" (rate 79)',
    3,
    1,
    1,
    79,
    'downgrade',
  ],
  [
    '3 challenges: "1 correct, 1 neutralized → downgrade if 70 ≤ rate < 80" (rate 70)',
    3,
    1,
    1,
    70,
    'downgrade',
  ],
  ['3 challenges: "1 correct, 1 neutralized → … else invalidate" (rate 69)', 3, 1, 1, 69, 'invalidate'],
  ['3 challenges: "1 correct, 2 neutralized → validate if rate ≥ 70" (rate 70)', 3, 1, 2, 70, 'validate'],
  ['3 challenges: "1 correct, 2 neutralized → … else downgrade" (rate 69)', 3, 1, 2, 69, 'downgrade'],
  ['2 challenges: "2/2 → validate" (rate 50)', 2, 2, 0, 50, 'validate'],
  ['2 challenges: "1/2 with 0 neutralized → validate ≥ 80" (rate 80)', 2, 1, 0, 80, 'validate'],
  ['2 challenges: "1/2 with 0 neutralized → downgrade 70–80" (rate 79)', 2, 1, 0, 79, 'downgrade'],
  ['2 challenges: "1/2 with 0 neutralized → downgrade 70–80" (rate 70)', 2, 1, 0, 70, 'downgrade'],
  ['2 challenges: "1/2 with 0 neutralized → invalidate < 70" (rate 69)', 2, 1, 0, 69, 'invalidate'],
  ['2 challenges: "1/2 with 1 neutralized → validate ≥ 70" (rate 70)', 2, 1, 1, 70, 'validate'],
  ['2 challenges: "1/2 with 1 neutralized → … else downgrade" (rate 69)', 2, 1, 1, 69, 'downgrade'],
  ['1 challenge: "1/1 → validate ≥ 70" (rate 70)', 1, 1, 0, 70, 'validate'],
  ['1 challenge: "1/1 → … else downgrade" (rate 69)', 1, 1, 0, 69, 'downgrade'],
] as const;

// Where DOMAIN.md is silent: no correct answer, so no evidence of the level (conservative decision).
const DECISIONS = [
  ['3 challenges, 0 correct, 1 neutralized → invalidate', 3, 0, 1, 100, 'invalidate'],
  ['3 challenges, 0 correct, 2 neutralized → invalidate', 3, 0, 2, 100, 'invalidate'],
  ['3 challenges, all neutralized → invalidate (nothing to certify)', 3, 0, 3, 100, 'invalidate'],
  ['0/2 with 0 neutralized → invalidate', 2, 0, 0, 100, 'invalidate'],
  ['0/2 with 1 neutralized → invalidate', 2, 0, 1, 100, 'invalidate'],
  ['2 challenges, both neutralized → invalidate (nothing to certify)', 2, 0, 2, 100, 'invalidate'],
  ['0/1 → invalidate', 1, 0, 0, 100, 'invalidate'],
  ['1 challenge, neutralized → invalidate (nothing to certify)', 1, 0, 1, 100, 'invalidate'],
] as const;

describe('per-competence outcome (DOMAIN.md §6)', () => {
  it.each(DOMAIN_LINES)('%s', (_rule, asked, correct, neutralized, rate, expected) => {
    expect(competenceOutcome({ asked, correct, neutralized }, rate)).toBe(expected);
  });

  it.each(DECISIONS)(
    'where DOMAIN.md is silent: %s',
    (_rule, asked, correct, neutralized, rate, expected) => {
      expect(competenceOutcome({ asked, correct, neutralized }, rate)).toBe(expected);
    },
  );

  it('has exactly one row for every (asked, correct, neutralized) a competence of 1 to 3 challenges can have', () => {
    const expected: string[] = [];
    for (let asked = 1; asked <= 3; asked++) {
      for (let correct = 0; correct <= asked; correct++) {
        for (let neutralized = 0; correct + neutralized <= asked; neutralized++) {
          expected.push(`${asked}/${correct}/${neutralized}`);
        }
      }
    }
    const rows = COMPETENCE_OUTCOME_TABLE.map((r) => `${r.asked}/${r.correct}/${r.neutralized}`);
    expect([...rows].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['4 challenges asked', 4, 2, 0],
    ['more correct and neutralized than asked', 3, 2, 2],
    ['no challenge asked', 0, 0, 0],
  ])('names the counts it has no rule for: %s', (_case, asked, correct, neutralized) => {
    expect(() => outcomeRuleFor({ asked, correct, neutralized })).toThrow(
      `${asked} challenges asked, ${correct} correct and ${neutralized} neutralized`,
    );
  });

  // Exhaustive over the table and every rate: no need for sampling.
  it('a higher reproducibility rate never lowers an outcome', () => {
    for (const row of COMPETENCE_OUTCOME_TABLE) {
      for (let rate = 1; rate <= 100; rate++) {
        expect(outcomeRank(competenceOutcome(row, rate))).toBeGreaterThanOrEqual(
          outcomeRank(competenceOutcome(row, rate - 1)),
        );
      }
    }
  });

  // Neutralizing a wrong answer turns (c, n) into (c, n + 1) and can only raise the test's rate
  // (same correct count, fewer non-neutralized): the outcome never drops, by the table's own rows.
  it('neutralizing a wrong answer never lowers the outcome, at any rates before ≤ after', () => {
    let pairs = 0;
    for (const row of COMPETENCE_OUTCOME_TABLE) {
      if (row.correct + row.neutralized === row.asked) continue; // no wrong answer left to neutralize
      const neutralizedOneMore = { ...row, neutralized: row.neutralized + 1 };
      for (let before = 0; before <= 100; before++) {
        for (let after = before; after <= 100; after++) {
          pairs++;
          expect(outcomeRank(competenceOutcome(neutralizedOneMore, after))).toBeGreaterThanOrEqual(
            outcomeRank(competenceOutcome(row, before)),
          );
        }
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });
});
