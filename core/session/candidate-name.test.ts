import { describe, expect, it } from 'vitest';
import { candidateMatchKey, normalizeCandidateName } from './candidate-name.ts';

describe('normalizeCandidateName (DOMAIN.md §2: no accents, upper case, only A–Z and 0–9)', () => {
  it.each([
    ['Léa', 'LEA'],
    ['  léa ', 'LEA'],
    ['Jean-Éric', 'JEANERIC'],
    ["N'Diaye", 'NDIAYE'],
    ['Çelik', 'CELIK'],
    ['Cœur', 'COEUR'],
    ['Læticia', 'LAETICIA'],
    ['Strauß', 'STRAUSS'],
    ['Louis XIV 2', 'LOUISXIV2'],
    ['ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÑ', 'AAAEEEEIIOOUUUYN'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCandidateName(input)).toBe(expected);
  });

  it('makes a typed name and the enrolled one meet', () => {
    expect(candidateMatchKey({ lastName: 'de la Fontaine', firstName: 'Anne-Sophie' })).toBe(
      candidateMatchKey({ lastName: 'DELAFONTAINE', firstName: 'anne sophie' }),
    );
    expect(candidateMatchKey({ lastName: 'Martin', firstName: 'Léa' })).not.toBe(
      candidateMatchKey({ lastName: 'Martin', firstName: 'Léo' }),
    );
  });
});
