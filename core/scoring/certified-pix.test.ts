import { describe, it, expect } from 'vitest';
import { certifiedLevel, certifiedPix } from './certified-pix.ts';

describe('competence score: "validate → the profile\'s Pix; downgrade → that minus 8; invalidate → 0"', () => {
  it.each([
    ['validate keeps the profile Pix', 'validate', 30, 5, 30],
    ['downgrade removes 8 Pix', 'downgrade', 30, 5, 22],
    ['downgrade of 8 Pix leaves 0', 'downgrade', 8, 5, 0],
    ['downgrade never goes below 0', 'downgrade', 5, 5, 0],
    ['invalidate gives 0', 'invalidate', 30, 5, 0],
    ['"capped at maxReachableLevel × 8": 48 Pix validated with cap 5 → 40', 'validate', 48, 5, 40],
    ['48 Pix validated with cap 6 → 48', 'validate', 48, 6, 48],
    ['the cap applies after the downgrade: 48 downgraded → 40, cap 5 → 40', 'downgrade', 48, 5, 40],
    ['56 Pix downgraded → 48, cap 5 → 40', 'downgrade', 56, 5, 40],
  ] as const)('%s', (_rule, outcome, profilePix, maxReachableLevel, expected) => {
    expect(certifiedPix(outcome, profilePix, maxReachableLevel)).toBe(expected);
  });

  it.each([
    ['level = floor(pix / 8): 22 Pix → 2', 22, 5, 2],
    ['40 Pix → 5', 40, 5, 5],
    ['"the level at maxReachableLevel": 48 Pix with cap 5 → 5', 48, 5, 5],
    ['0 Pix → 0', 0, 5, 0],
    ['64 Pix with cap 8 → 8', 64, 8, 8],
  ])('%s', (_rule, pix, maxReachableLevel, expected) => {
    expect(certifiedLevel(pix, maxReachableLevel)).toBe(expected);
  });
});
