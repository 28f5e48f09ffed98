import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { applyTreatments, isWithinTolerance, matchesTreated, t1, t2, treatmentsFor } from './treatments.ts';

describe('T1 (DOMAIN.md §5: "trim, lower-case, strip diacritics (NFD, remove combining marks), remove all whitespace")', () => {
  it.each([
    ['trims', '  paris  ', 'paris'],
    ['lower-cases', 'PARIS', 'paris'],
    ['strips diacritics', 'Éléphant à l’œil vif', 'elephantal’œilvif'],
    ['strips a combining mark given apart', 'e\u0301te\u0301', 'ete'],
    ['removes all whitespace, inside too', 'New \t York\n City', 'newyorkcity'],
    ['removes non-breaking and other Unicode spaces', 'a\u00a0b\u2003c', 'abc'],
    ['keeps punctuation (that is T2)', "L'Haÿ-les-Roses", "l'hay-les-roses"],
  ])('%s', (_rule, input, expected) => {
    expect(t1(input)).toBe(expected);
  });
});

describe('T2 (DOMAIN.md §5: "keep only a–z A–Z 0–9 and spaces, collapse repeated spaces")', () => {
  it.each([
    ['keeps letters, digits and spaces', 'Route 66', 'Route 66'],
    ['removes punctuation and symbols', "Saint-Malo, c'est 100% !", 'SaintMalo cest 100 '],
    ['removes non-ASCII letters', 'Été', 't'],
    ['collapses repeated spaces', 'Le   Havre', 'Le Havre'],
    ['collapses spaces that removal brought together', 'Le - Havre', 'Le Havre'],
    ['removes tabs and newlines (they are not spaces)', 'a\tb\nc', 'abc'],
  ])('%s', (_rule, input, expected) => {
    expect(t2(input)).toBe(expected);
  });
});

describe('applyTreatments', () => {
  it.each([
    ['all on: T1 then T2', { t1: false, t2: false, t3: false }, ' Saint-Étienne ', 'saintetienne'],
    ['T1 only', { t1: false, t2: true, t3: false }, ' Saint-Étienne ', 'saint-etienne'],
    ['T2 only', { t1: true, t2: false, t3: false }, ' Saint-Étienne ', ' Sainttienne '],
    ['none', { t1: true, t2: true, t3: true }, ' Saint-Étienne ', ' Saint-Étienne '],
  ])('%s', (_rule, deactivations, input, expected) => {
    expect(applyTreatments(input, treatmentsFor(deactivations))).toBe(expected);
  });
});

describe('T3 (DOMAIN.md §5: "levenshtein(answer, variant) / length(answer) ≤ 0.25")', () => {
  it.each([
    ['equal strings match', 'bordeaux', 'bordeaux', true],
    ['ratio exactly 0.25 is accepted (2 edits over 8)', 'abcdefxy', 'abcdefgh', true],
    ['ratio just above 0.25 is rejected (2 edits over 7)', 'abcdexy', 'abcdefg', false],
    ['1 edit over 4 is accepted', 'abcx', 'abcd', true],
    ['1 edit over 3 is rejected', 'abx', 'abc', false],
    ['the ratio divides by the answer’s length (2 edits / 8, not / 6)', 'abcdefgh', 'abcdef', true],
    ['the ratio divides by the answer’s length (2 edits / 6, not / 8)', 'abcdef', 'abcdefgh', false],
    ['an empty answer matches an empty variant', '', '', true],
    ['an empty answer does not match a non-empty variant', '', 'a', false],
    ['a non-empty answer does not match an empty variant', 'a', '', false],
  ])('%s', (_rule, answer, variant, expected) => {
    expect(isWithinTolerance(answer, variant)).toBe(expected);
    expect(matchesTreated(answer, variant, true)).toBe(expected);
  });

  it('without T3, only equality matches', () => {
    expect(matchesTreated('bordeau', 'bordeaux', false)).toBe(false);
    expect(matchesTreated('bordeaux', 'bordeaux', false)).toBe(true);
  });

  it('agrees with the ratio computed in floating point, for any pair', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (answer, variant) => {
        const expected =
          answer.length === 0 ? variant.length === 0 : distance(answer, variant) / answer.length <= 0.25;
        expect(isWithinTolerance(answer, variant)).toBe(expected);
      }),
    );
  });
});
