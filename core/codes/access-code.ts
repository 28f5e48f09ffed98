// The session access code candidates type to join (DOMAIN.md §2): 4 letters then 2 digits, from
// alphabets without look-alike characters (no vowels, no 0/O, 1/I/L, 5/S).
import { z } from 'zod';
import { characterClass, randomString } from './secure-random.ts';

export const ACCESS_CODE_LETTERS = 'BCDFGHJKMPQRTVWXY';
export const ACCESS_CODE_DIGITS = '2346789';

const ACCESS_CODE_PATTERN = new RegExp(
  `^${characterClass(ACCESS_CODE_LETTERS)}{4}${characterClass(ACCESS_CODE_DIGITS)}{2}$`,
);

export const AccessCodeSchema = z
  .string()
  .regex(
    ACCESS_CODE_PATTERN,
    `must be 4 letters from ${ACCESS_CODE_LETTERS} then 2 digits from ${ACCESS_CODE_DIGITS} (e.g. BCDF23)`,
  );
export type AccessCode = z.infer<typeof AccessCodeSchema>;

export function generateAccessCode(): AccessCode {
  return randomString(ACCESS_CODE_LETTERS, 4) + randomString(ACCESS_CODE_DIGITS, 2);
}

/** What a candidate types, made comparable: surrounding spaces removed, upper case. */
export function normalizeAccessCode(input: string): string {
  return input.trim().toUpperCase();
}
