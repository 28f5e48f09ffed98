import { describe, expect, it } from 'vitest';
import {
  VERIFICATION_CODE_ALPHABET,
  VerificationCodeLookupSchema,
  VerificationCodeSchema,
  generateVerificationCode,
  normalizeVerificationCode,
} from './verification-code.ts';

const DRAWS = 10_000;

describe('verification code (DOMAIN.md §6: P- + 8 distinct characters from 2346789BCDFGHJKMPQRTVWXY)', () => {
  const codes = Array.from({ length: DRAWS }, generateVerificationCode);

  it('every draw is P- then 8 distinct allowed characters and passes the schema', () => {
    const wrong = codes.filter((code) => {
      const body = code.slice(2);
      return (
        !code.startsWith('P-') ||
        body.length !== 8 ||
        new Set(body).size !== 8 ||
        [...body].some((c) => !VERIFICATION_CODE_ALPHABET.includes(c)) ||
        !VerificationCodeSchema.safeParse(code).success
      );
    });
    expect(wrong).toEqual([]);
  });

  it('every character of the alphabet turns up at every position over 10,000 draws', () => {
    for (let position = 2; position < 10; position++) {
      const seen = new Set(codes.map((code) => code[position]));
      expect(seen.size).toBe(VERIFICATION_CODE_ALPHABET.length);
    }
  });

  it('draws do not repeat in practice (24!/16! ≈ 2.9e10 codes)', () => {
    // A single collision among 10,000 draws has probability about 0.2 %: allow a few, not a broken source.
    expect(new Set(codes).size).toBeGreaterThan(DRAWS - 5);
  });

  it.each([
    ['a valid code', 'P-2346789B', true],
    ['a repeated character', 'P-23467892', false],
    ['a repeated letter', 'P-BBCDFGHJ', false],
    ['no prefix', '2346789BCD', false],
    ['another prefix', 'Q-2346789B', false],
    ['lower case (the schema is strict; lookups normalize first)', 'p-2346789b', false],
    ['a digit not in the alphabet (5)', 'P-2345789B', false],
    ['a vowel', 'P-234678AB', false],
    ['7 characters', 'P-2346789', false],
    ['9 characters', 'P-2346789BC', false],
  ])('the schema on %s (%j) → %s', (_name, input, valid) => {
    expect(VerificationCodeSchema.safeParse(input).success).toBe(valid);
  });

  it('the schema names the repeated-character rule', () => {
    const result = VerificationCodeSchema.safeParse('P-BBCDFGHJ');
    expect(result.error?.issues.map((i) => i.message)).toContain('must not repeat a character');
  });

  it.each([
    ['lower case', 'p-2346789b', 'P-2346789B'],
    ['surrounding spaces', '  P-2346789B\n', 'P-2346789B'],
    ['mixed case', 'P-2346789b', 'P-2346789B'],
  ])('normalizeVerificationCode accepts %s', (_name, input, expected) => {
    expect(normalizeVerificationCode(input)).toBe(expected);
    expect(VerificationCodeLookupSchema.parse(input)).toBe(expected);
  });

  it('the lookup schema still rejects a wrong code after normalizing', () => {
    expect(VerificationCodeLookupSchema.safeParse('p-bbcdfghj').success).toBe(false);
  });
});
