// A long file name is shown cut in its middle, its start and its extension in view, never cutting a
// character in two (an emoji, an accented letter written as two code points, a surrogate pair).
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, graphemesOf, SHOWN_NAME_MAX, shortenedFileName } from './shortened-file-name.ts';

describe('shortenedFileName', () => {
  it('leaves a name that fits untouched', () => {
    expect(shortenedFileName('budget-sortie.xlsx')).toBe('budget-sortie.xlsx');
    const fits = `${'a'.repeat(SHOWN_NAME_MAX - 5)}.xlsx`;
    expect(shortenedFileName(fits)).toBe(fits);
    expect(shortenedFileName('')).toBe('');
  });

  it('cuts a long name in its middle, keeping its start and its extension', () => {
    const name = 'rapport-annuel-des-ventes-de-la-cooperative-scolaire-du-college-2024-final.xlsx';
    const shown = shortenedFileName(name, 40);
    // 40 in all: two thirds of what the extension and the ellipsis leave for the start.
    expect(shown).toBe('rapport-annuel-des-vent…-2024-final.xlsx');
    expect(graphemesOf(shown)).toHaveLength(40);
    // The candidate's 254 characters: the default length, with the extension.
    const long = `${'inscriptionsclubinformatique'.repeat(10).slice(0, 250)}.exe`;
    const shownLong = shortenedFileName(long);
    expect(graphemesOf(shownLong)).toHaveLength(SHOWN_NAME_MAX);
    expect(shownLong).toMatch(/^inscriptionsclubinformatique.*….*\.exe$/);
  });

  it('treats no extension, or what only looks like one, as part of the name', () => {
    const noExtension = 'x'.repeat(100);
    expect(shortenedFileName(noExtension, 20)).toBe(`${'x'.repeat(13)}${ELLIPSIS}${'x'.repeat(6)}`);
    // Spaces after the last dot: not an extension, the end of the name is kept as is.
    const sentence = `${'a'.repeat(60)}.version finale relue`;
    expect(shortenedFileName(sentence, 20)).toBe(`${'a'.repeat(13)}${ELLIPSIS} relue`);
    // A very long "extension" is not kept whole either.
    expect(graphemesOf(shortenedFileName(`${'a'.repeat(60)}.${'b'.repeat(30)}`, 20))).toHaveLength(20);
  });

  it('never cuts inside a character: emoji, surrogate pairs, combining accents', () => {
    // Family emoji (a ZWJ sequence of surrogate pairs), flags, and "é" as e + combining acute accent.
    const family = '👨‍👩‍👧‍👦';
    const accented = 'e\u0301';
    const name = `${family.repeat(30)}${accented.repeat(30)}🇫🇷🇫🇷.txt`;
    const shown = shortenedFileName(name, 20);
    expect(graphemesOf(shown)).toHaveLength(20);
    expect(shown).toBe(`${family.repeat(10)}${ELLIPSIS}${accented.repeat(3)}🇫🇷🇫🇷.txt`);
    // No lone surrogate, no combining mark without its letter, anywhere.
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(shown).not.toContain(`${ELLIPSIS}\u0301`);
  });

  it('keeps a right-to-left name’s characters in their order', () => {
    const name = `${'ميزانية-'.repeat(10)}النهائية.xlsx`;
    const shown = shortenedFileName(name, 24);
    expect(shown).toBe(`ميزانية-ميزا${ELLIPSIS}نهائية.xlsx`);
  });
});
