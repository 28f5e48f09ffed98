import { describe, expect, it } from 'vitest';
import {
  ACCESS_CODE_DIGITS,
  ACCESS_CODE_LETTERS,
  AccessCodeSchema,
  generateAccessCode,
  normalizeAccessCode,
} from './access-code.ts';

const DRAWS = 10_000;

describe('access code (DOMAIN.md §2: 4 letters from BCDFGHJKMPQRTVWXY then 2 digits from 2346789)', () => {
  const codes = Array.from({ length: DRAWS }, generateAccessCode);

  it('every draw has 4 allowed letters then 2 allowed digits and passes the schema', () => {
    const wrong = codes.filter(
      (code) =>
        code.length !== 6 ||
        [...code.slice(0, 4)].some((c) => !ACCESS_CODE_LETTERS.includes(c)) ||
        [...code.slice(4)].some((c) => !ACCESS_CODE_DIGITS.includes(c)) ||
        !AccessCodeSchema.safeParse(code).success,
    );
    expect(wrong).toEqual([]);
  });

  it('every allowed letter and digit turns up at every position over 10,000 draws', () => {
    // Each letter is missing from a given position with probability (16/17)^10000, about 1e-263.
    for (let position = 0; position < 6; position++) {
      const seen = new Set(codes.map((code) => code[position]));
      expect([...seen].sort().join('')).toBe(
        [...(position < 4 ? ACCESS_CODE_LETTERS : ACCESS_CODE_DIGITS)].sort().join(''),
      );
    }
  });

  it('draws are not repeated in practice', () => {
    // 17^4 × 7^2 ≈ 4.1 million codes: 10,000 draws share some, but far fewer than a broken source would.
    expect(new Set(codes).size).toBeGreaterThan(DRAWS * 0.98);
  });

  it.each([
    ['the example of the rules', 'BCDF23', true],
    ['lower case', 'bcdf23', false],
    ['a vowel', 'ABCD23', false],
    ['a letter not in the alphabet (S)', 'SBCD23', false],
    ['a digit not in the alphabet (5)', 'BCDF25', false],
    ['0 or 1', 'BCDF01', false],
    ['too short', 'BCDF2', false],
    ['too long', 'BCDF234', false],
    ['digits first', '23BCDF', false],
    ['surrounding spaces', ' BCDF23 ', false],
  ])('the schema on %s (%j) → %s', (_name, input, valid) => {
    expect(AccessCodeSchema.safeParse(input).success).toBe(valid);
  });

  it('the schema error says what the format is', () => {
    const result = AccessCodeSchema.safeParse('nope');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(
      /4 letters from BCDFGHJKMPQRTVWXY then 2 digits from 2346789/,
    );
  });

  it('normalizeAccessCode makes what a candidate types comparable', () => {
    expect(normalizeAccessCode('  bcdf23 ')).toBe('BCDF23');
    expect(AccessCodeSchema.safeParse(normalizeAccessCode('bcdf23')).success).toBe(true);
  });
});
