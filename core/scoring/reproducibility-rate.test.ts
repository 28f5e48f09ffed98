import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MIN_REPRODUCIBILITY_RATE, reproducibilityRate } from './reproducibility-rate.ts';

describe('reproducibility rate = round(100 × correct / non-neutralized)', () => {
  it.each([
    ['3 of 3 → 100', 3, 3, 100],
    ['2 of 3 → 66.67 rounds to 67', 2, 3, 67],
    ['1 of 3 → 33.33 rounds to 33', 1, 3, 33],
    ['1 of 2 → exactly 50', 1, 2, 50],
    ['1 of 8 → 12.5 rounds half up to 13 (Math.round)', 1, 8, 13],
    ['23 of 47 → 48.94 rounds to 49', 23, 47, 49],
    ['24 of 47 → 51.06 rounds to 51', 24, 47, 51],
    ['99 of 200 → 49.5 rounds half up to 50 (unreachable with ≤ 48 challenges)', 99, 200, 50],
    ['0 of 5 → 0', 0, 5, 0],
    ['no non-neutralized challenge → 0 (nothing reproduced)', 0, 0, 0],
  ])('%s', (_rule, correct, nonNeutralized, expected) => {
    expect(reproducibilityRate(correct, nonNeutralized)).toBe(expected);
  });

  it('a rate of exactly 50 is the threshold, not below it', () => {
    expect(reproducibilityRate(1, 2)).toBeGreaterThanOrEqual(MIN_REPRODUCIBILITY_RATE);
    expect(reproducibilityRate(23, 47)).toBeLessThan(MIN_REPRODUCIBILITY_RATE);
  });

  it('matches Math.round(100 × correct / non-neutralized) on every reachable count', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 48 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([correct, nonNeutralized]) => {
          expect(reproducibilityRate(correct, nonNeutralized)).toBe(
            Math.round((100 * correct) / nonNeutralized),
          );
        },
      ),
    );
  });

  it.each([
    ['correct above non-neutralized', 4, 3, /correct/],
    ['negative correct', -1, 3, /correct/],
    ['fractional non-neutralized', 1, 2.5, /nonNeutralized/],
  ])('rejects impossible counts: %s', (_case, correct, nonNeutralized, field) => {
    expect(() => reproducibilityRate(correct, nonNeutralized)).toThrow(field);
  });
});
