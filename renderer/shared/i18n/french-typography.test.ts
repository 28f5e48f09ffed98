// French punctuation keeps to its word: « Signaler un problème » never breaks into « at a line end and
// the rest on the next line, nor does a « ? » or a « : » start a line. The spaces inside « » and before
// ? ! ; are narrow no-break spaces (U+202F), the one before : a no-break space (U+00A0).
import { describe, expect, it } from 'vitest';
import { fr } from './fr.ts';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

/** An ordinary space where French typography wants one that does not break. */
const BREAKING_SPACE = /« | [»?!;:]/;

describe('French typography', () => {
  it('finds the spaces that break, and accepts the ones that do not', () => {
    expect('cliquez sur « Je passe ».').toMatch(BREAKING_SPACE);
    expect('Passer cette question ?').toMatch(BREAKING_SPACE);
    expect('Touche F6 : aller dans la page').toMatch(BREAKING_SPACE);
    expect('cliquez sur «\u202fJe passe\u202f».').not.toMatch(BREAKING_SPACE);
    expect('Passer cette question\u202f? Touche F6\u00a0: aller').not.toMatch(BREAKING_SPACE);
  });

  it('never lets a guillemet or a ? ! ; : stand apart from its word in the French messages', () => {
    const texts = leaves(fr as Tree);
    expect(texts.length).toBeGreaterThan(300);
    const breaking = texts.filter(([, text]) => BREAKING_SPACE.test(text)).map(([key]) => key);
    expect(breaking).toEqual([]);
  });
});
