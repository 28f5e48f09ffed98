import { describe, expect, it } from 'vitest';
import {
  INVIGILATOR_PASSWORD_ALPHABET,
  InvigilatorPasswordSchema,
  generateInvigilatorPassword,
} from './invigilator-password.ts';

const DRAWS = 10_000;

describe('invigilator password (DOMAIN.md §2: 6 characters from 23456789bcdfghjkmpqrstvwxyBCDFGHJKMPQRSTVWXY!*?)', () => {
  const passwords = Array.from({ length: DRAWS }, generateInvigilatorPassword);

  it('every draw is 6 allowed characters and passes the schema', () => {
    const wrong = passwords.filter(
      (password) =>
        password.length !== 6 ||
        [...password].some((c) => !INVIGILATOR_PASSWORD_ALPHABET.includes(c)) ||
        !InvigilatorPasswordSchema.safeParse(password).success,
    );
    expect(wrong).toEqual([]);
  });

  it('every character of the alphabet turns up over 10,000 draws, symbols included', () => {
    // 60,000 characters over 47: a missing one has probability about (46/47)^60000.
    const seen = new Set(passwords.join(''));
    expect([...seen].sort().join('')).toBe([...INVIGILATOR_PASSWORD_ALPHABET].sort().join(''));
  });

  it.each([
    ['letters, digits and symbols', 'b2C*?!', true],
    ['only symbols', '!*?!*?', true],
    ['too short', 'b2C*?', false],
    ['too long', 'b2C*?!x', false],
    ['a vowel', 'a2C*?!', false],
    ['a look-alike digit (0)', '02C*?!', false],
    ['a look-alike letter (l)', 'l2C*?!', false],
    ['a symbol not in the alphabet (#)', '#2C*?!', false],
    ['an upper-case Z (not in the alphabet)', 'Z2C*?!', false],
  ])('the schema on %s (%j) → %s', (_name, input, valid) => {
    expect(InvigilatorPasswordSchema.safeParse(input).success).toBe(valid);
  });
});
