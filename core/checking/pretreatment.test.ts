import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAscii, pretreat } from './pretreatment.ts';

describe('pretreat (DOMAIN.md §5: "Unicode NFC; non-breaking spaces become spaces")', () => {
  it.each([
    ['NFC: a decomposed "é" (e + U+0301) becomes the precomposed U+00E9', 'cafe\u0301', 'caf\u00e9'],
    ['NFC: a precomposed character is kept', 'caf\u00e9', 'caf\u00e9'],
    ['U+00A0 (no-break space) becomes a space', '1\u00a0000', '1 000'],
    ['U+202F (narrow no-break space) becomes a space', '15\u202f%', '15 %'],
    ['U+2007 (figure space) becomes a space', '1\u20070', '1 0'],
    ['other whitespace is left to the treatments', 'a\tb\nc', 'a\tb\nc'],
    ['case, accents and punctuation are left to the treatments', ' Élan-Vital ', ' Élan-Vital '],
  ])('%s', (_rule, input, expected) => {
    expect(pretreat(input)).toBe(expected);
  });

  it('is what normalize("NFC") plus the space rule gives, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(pretreat(text)).toBe(text.normalize('NFC').replace(/[\u00a0\u202f\u2007]/g, ' '));
      }),
    );
  });

  it('tells ASCII from the rest', () => {
    expect(isAscii('Paris 75000 !~\u007f')).toBe(true);
    expect(isAscii('Pâris')).toBe(false);
  });
});
