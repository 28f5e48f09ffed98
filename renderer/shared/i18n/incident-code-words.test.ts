// The jury neutralizes questions by these words: each code says what Pix means by it, in both languages.
import { describe, expect, it } from 'vitest';
import { INCIDENT_CODES } from '../../../core/contracts/invigilator-api.ts';
import { INCIDENT_CODE_WORDS } from './incident-code-words.ts';

describe('incident code words', () => {
  it('name every report code, in French and English, after the code itself', () => {
    for (const language of ['fr', 'en'] as const) {
      const words: Readonly<Record<string, string>> = INCIDENT_CODE_WORDS[language];
      expect(Object.keys(words).sort()).toEqual([...INCIDENT_CODES].sort());
      for (const code of INCIDENT_CODES)
        expect(words[code], `${language} ${code}`).toMatch(new RegExp(`^${code} — `));
    }
  });

  it('say E11 is a platform error that kept the candidate from answering, not a question skipped by mistake', () => {
    expect(INCIDENT_CODE_WORDS.fr.E11).toMatch(/erreur de la plateforme.*empêché de répondre/);
    expect(INCIDENT_CODE_WORDS.en.E11).toMatch(/platform error.*prevented answering/);
    for (const words of [INCIDENT_CODE_WORDS.fr.E11, INCIDENT_CODE_WORDS.en.E11])
      expect(words).not.toMatch(/passée|skipped|mistake/i);
  });

  it('say E8 is a question the extra time did not leave enough time for, not the test’s time running out', () => {
    expect(INCIDENT_CODE_WORDS.fr.E8).toMatch(/^E8 — Temps majoré.*la question/);
    expect(INCIDENT_CODE_WORDS.en.E8).toMatch(/^E8 — Extra time.*the question/);
    expect(INCIDENT_CODE_WORDS.fr.E8).not.toMatch(/dépassé/);
  });
});
