// The certificate verification code anyone can check (DOMAIN.md §6): `P-` + 8 distinct characters.
import { z } from 'zod';
import { characterClass, randomDistinctString } from './secure-random.ts';

export const VERIFICATION_CODE_PREFIX = 'P-';
export const VERIFICATION_CODE_ALPHABET = '2346789BCDFGHJKMPQRTVWXY';
export const VERIFICATION_CODE_LENGTH = 8;

const VERIFICATION_CODE_PATTERN = new RegExp(
  `^${VERIFICATION_CODE_PREFIX}${characterClass(VERIFICATION_CODE_ALPHABET)}{${VERIFICATION_CODE_LENGTH}}$`,
);

export const VerificationCodeSchema = z
  .string()
  .regex(
    VERIFICATION_CODE_PATTERN,
    `must be ${VERIFICATION_CODE_PREFIX} then ${VERIFICATION_CODE_LENGTH} characters from ${VERIFICATION_CODE_ALPHABET}`,
  )
  .refine(
    (code) => new Set(code.slice(VERIFICATION_CODE_PREFIX.length)).size === VERIFICATION_CODE_LENGTH,
    'must not repeat a character',
  );
export type VerificationCode = z.infer<typeof VerificationCodeSchema>;

export function generateVerificationCode(): VerificationCode {
  return (
    VERIFICATION_CODE_PREFIX + randomDistinctString(VERIFICATION_CODE_ALPHABET, VERIFICATION_CODE_LENGTH)
  );
}

/** Public lookups accept what people type: surrounding spaces and lower case (`p-bcdf2346`). */
export function normalizeVerificationCode(input: string): string {
  return input.trim().toUpperCase();
}

/** For public lookups: normalizes, then validates. */
export const VerificationCodeLookupSchema = z
  .string()
  .transform(normalizeVerificationCode)
  .pipe(VerificationCodeSchema);
