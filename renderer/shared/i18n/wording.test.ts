// One word for one thing on the candidate's screens. "Poste" (the exam station) is "station" in
// English, as on the station home; "ordinateur" (the machine itself) is "computer". The exam has a
// "session": the computer's lock is said without that word.
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const english = new Map(leaves(en as Tree));

describe('shared wording', () => {
  it('translates “poste” as “station”, never as “computer”', () => {
    const poste = leaves(fr as Tree).filter(([, text]) => /\bposte\b/i.test(text));
    expect(poste.length).toBeGreaterThan(10);
    for (const [key, text] of poste) {
      if (/ordinateur/i.test(text)) continue;
      expect(english.get(key), key).not.toMatch(/computer/i);
    }
  });

  it('keeps “session” for the exam session only', () => {
    for (const [key, text] of leaves(fr as Tree)) expect(text, key).not.toMatch(/session de l’ordinateur/i);
    expect(fr.paused.lockReason.lockScreen).toBe('L’ordinateur a été verrouillé.');
    expect(en.paused.lockReason.lockScreen).toBe('The computer was locked.');
  });

  it('speaks plainly in English', () => {
    for (const [key, text] of english) {
      expect(text, key).not.toMatch(/met a problem|authorize the resume/);
    }
    expect(en.resume.announce).toBe('Test interrupted. Ask the invigilator to let you continue.');
  });
});
