// The invigilator password of a session (DOMAIN.md §2): 6 characters, case-sensitive, from an
// alphabet without look-alike characters.
import { z } from 'zod';
import { characterClass, randomString } from './secure-random.ts';

export const INVIGILATOR_PASSWORD_ALPHABET = '23456789bcdfghjkmpqrstvwxyBCDFGHJKMPQRSTVWXY!*?';
export const INVIGILATOR_PASSWORD_LENGTH = 6;

const INVIGILATOR_PASSWORD_PATTERN = new RegExp(
  `^${characterClass(INVIGILATOR_PASSWORD_ALPHABET)}{${INVIGILATOR_PASSWORD_LENGTH}}$`,
);

export const InvigilatorPasswordSchema = z
  .string()
  .regex(
    INVIGILATOR_PASSWORD_PATTERN,
    `must be ${INVIGILATOR_PASSWORD_LENGTH} characters from ${INVIGILATOR_PASSWORD_ALPHABET}`,
  );
export type InvigilatorPassword = z.infer<typeof InvigilatorPasswordSchema>;

export function generateInvigilatorPassword(): InvigilatorPassword {
  return randomString(INVIGILATOR_PASSWORD_ALPHABET, INVIGILATOR_PASSWORD_LENGTH);
}
