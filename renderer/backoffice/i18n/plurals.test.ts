// Counts in the back office read as real French and English: "1 résultat reçu", never "1 résultat(s)
// reçu(s)" nor "1 résultats reçus". Plural keys (`…_one` / `…_other`) are picked by i18next with `count`.
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { importSummary, previewSummary } from '../candidates/import-report.ts';
import { moreProblems } from '../content/bank-problems.ts';
import { sessionCountsText } from '../sessions/session-counts.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { addBackOfficeMessages, translator, type Translate } from './use-t.ts';

/** Every message of a table, by its dotted key. */
function messages(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : messages(value as object, `${prefix}${key}.`),
  );
}

/** A plural written in brackets: candidat(s), prête(s), nouveau(x), commence(nt), inscrit(e)s, entr(ies). */
const BRACKETED_PLURAL = /\((?:e?s|x|nt|ies)\)|\(e\)s\b/i;

// The back office as the app sets it up (main.tsx): the shared instance plus the back office's namespace.
const tFor = (language: Language) => translator(addBackOfficeMessages(createI18n(language)));

/** The sessions table's counts when every count is n. */
const sameCounts = (t: Translate) => (n: number) =>
  sessionCountsText({ candidates: n, joined: n, started: n, resultsReceived: n, resultsRefused: 0 }, t);

describe('plural forms of the back office', () => {
  it('spots a bracketed plural (the check below can fail)', () => {
    for (const text of ['2 candidat(s)', '1 ligne(s) prête(s)', '3 inscrit(e)s', '1 test(s)', '2 entr(ies)'])
      expect(text).toMatch(BRACKETED_PLURAL);
    for (const text of ['Né(e) le', 'Importer une liste (CSV)', '(facultatif)', 'Candidats de la salle (3)'])
      expect(text).not.toMatch(BRACKETED_PLURAL);
  });

  it('writes no plural in brackets, in French or in English', () => {
    const bracketed = [...messages(fr), ...messages(en)].filter(([, text]) => BRACKETED_PLURAL.test(text));
    expect(bracketed).toEqual([]);
  });

  it('has the same keys in French and English, each plural with its singular and its plural', () => {
    const keys = (table: object) => messages(table).map(([key]) => key);
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    for (const key of keys(fr)) {
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (plural) expect(keys(fr)).toContain(`${plural[1]}_${plural[2] === 'one' ? 'other' : 'one'}`);
    }
  });

  it('says the sessions table counts in French: 0 and 1 singular, 2 plural', () => {
    const counts = sameCounts(tFor('fr'));
    expect(counts(1)).toBe('1 inscrit · 1 a commencé · 1 résultat reçu');
    expect(counts(0)).toBe('0 inscrit · 0 a commencé · 0 résultat reçu');
    expect(counts(2)).toBe('2 inscrits · 2 ont commencé · 2 résultats reçus');
    expect(
      sessionCountsText(
        { candidates: 31, joined: 3, started: 1, resultsReceived: 1, resultsRefused: 0 },
        tFor('fr'),
      ),
    ).toBe('31 inscrits · 1 a commencé · 1 résultat reçu');
  });

  it('says the sessions table counts in English: 1 singular, else plural', () => {
    const counts = sameCounts(tFor('en'));
    expect(counts(1)).toBe('1 enrolled · 1 started · 1 result received');
    expect(counts(2)).toBe('2 enrolled · 2 started · 2 results received');
    expect(counts(0)).toBe('0 enrolled · 0 started · 0 results received');
  });

  it('says the CSV import summaries with each count in its own number', () => {
    const fr = tFor('fr');
    expect(previewSummary(1, 0, fr)).toBe('1 ligne prête à importer, 0 ligne refusée.');
    expect(previewSummary(2, 3, fr)).toBe('2 lignes prêtes à importer, 3 lignes refusées.');
    expect(importSummary(0, 1, fr)).toBe('0 candidat importé, 1 ligne refusée.');
    expect(importSummary(4, 2, fr)).toBe('4 candidats importés, 2 lignes refusées.');
    const en = tFor('en');
    expect(previewSummary(1, 2, en)).toBe('1 line ready to import, 2 lines refused.');
    expect(importSummary(2, 1, en)).toBe('2 candidates imported, 1 line refused.');
  });

  it('says a single plural message in the singular for one', () => {
    expect(moreProblems(1, tFor('fr')).detail).toBe(
      '… et 1 autre problème, à voir une fois ceux-ci corrigés.',
    );
    expect(moreProblems(1, tFor('en')).detail).toBe('… and 1 more problem, to be seen once these are fixed.');
    // A size in whole millions takes French's "many" form.
    expect(
      tFor('fr')('content.problems.contentSize', { file: 'plan.pdf', count: 2_000_000, expected: 12 }),
    ).toMatch(/^le fichier joint «\u202fplan\.pdf\u202f» fait 2000000 octets, et non 12/);
    expect(tFor('fr')('finalization.waitingResults', { count: 1 })).toMatch(
      /^1 test a commencé sans que son résultat soit arrivé\./,
    );
  });
});
