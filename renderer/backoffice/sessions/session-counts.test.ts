// The sessions table says how many results the server refused for good, when any, and that the jury
// must look at them; nothing of them otherwise.
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { refusedResultsHint, sessionCountsText } from './session-counts.ts';

const tFor = (language: Language) => translator(addBackOfficeMessages(createI18n(language)));
const counts = { candidates: 12, joined: 10, started: 10, resultsReceived: 8, resultsRefused: 2 };

describe('refused results in the sessions table', () => {
  it('are counted when above 0, with a hint that the jury must examine them', () => {
    const fr = tFor('fr');
    expect(sessionCountsText(counts, fr)).toBe(
      '12 inscrits · 10 ont commencé · 8 résultats reçus · 2 résultats refusés',
    );
    expect(sessionCountsText({ ...counts, resultsRefused: 1 }, fr)).toMatch(/ · 1 résultat refusé$/);
    expect(refusedResultsHint(counts, fr)).toMatch(/^2 résultats refusés .*le jury doit les examiner/);
    expect(refusedResultsHint({ resultsRefused: 1 }, fr)).toMatch(/le jury doit l’examiner/);
    const en = tFor('en');
    expect(sessionCountsText(counts, en)).toMatch(/ · 2 results refused$/);
    expect(refusedResultsHint(counts, en)).toMatch(/the jury must examine them/);
  });

  it('are not mentioned when none was refused', () => {
    const fr = tFor('fr');
    expect(sessionCountsText({ ...counts, resultsRefused: 0 }, fr)).not.toContain('refusé');
    expect(refusedResultsHint({ resultsRefused: 0 }, fr)).toBeNull();
  });
});
