// The jury neutralizes questions from the results page, before publication: per candidate, the
// questions their E reports point at with the reports' text, each with its own labelled button; the
// neutralized questions, each of which can count again; any other question by its number, with its
// range; and, after a change, a focusable sentence saying what changed. A referent reads who does it;
// once published, nothing (the server refuses).
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CandidateResult, Results } from '../../../core/contracts/invigilator-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { incident, juryResult, juryResults } from './jury-fixtures.ts';
import { CandidateQuestions, JuryNeutralizations } from './jury-neutralizations.tsx';
import { inSession, jade2, withNamesakes } from './namesake-fixtures.tsx';

const lea = juryResult('can_1', 'Léa', 'Martin', {
  status: 'rejected',
  pixScore: 0,
  reproducibilityRate: 45,
  neutralizedQuestions: [3],
  incidents: [
    incident({
      id: 'inc_1',
      candidateId: 'can_1',
      code: 'E4',
      questionNumber: 12,
      description: 'Le site ne répondait plus.',
    }),
    incident({ id: 'inc_2', candidateId: 'can_1', code: 'C7', description: 'Souris changée.' }),
  ],
});
const hugo = juryResult('can_2', 'Hugo', 'Bernard');
const results = juryResults([lea, hugo]);

const wrap = (language: Language, node: React.ReactNode) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>{inSession(node)}</I18nextProvider>,
  );
const section = (language: Language, options: { administrator?: boolean; results?: Results } = {}) =>
  wrap(
    language,
    <JuryNeutralizations
      results={options.results ?? results}
      administrator={options.administrator ?? true}
      onNeutralize={() => Promise.reject(new Error('not in this test'))}
    />,
  );
const candidate = (language: Language, result: CandidateResult, done: string | null = null) =>
  wrap(language, <CandidateQuestions result={result} done={done} onAsk={() => undefined} />);

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const box = (html: string, candidateId: string) =>
  new RegExp(`<details[^>]*data-candidate-id="${candidateId}"[^>]*>.*?</details>`, 's').exec(html)?.[0] ?? '';

describe('the jury’s neutralizations on the results page', () => {
  it('is a section named by its title, one box per candidate by name, saying what to do next', () => {
    const html = section('fr');
    expect(html).toMatch(/^<section[^>]*aria-labelledby="jury-neutralizations"/);
    expect(html).toContain('<h2 id="jury-neutralizations">Neutralisations du jury</h2>');
    expect(text(html)).toContain('cochez « Le jury a examiné la session » puis publiez');
    expect([...html.matchAll(/data-candidate-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['can_2', 'can_1']);
  });

  it('offers the question an E report points at, with the report’s code, meaning and text', () => {
    const html = box(section('fr'), 'can_1');
    // Open: the jury has something to look at; the summary says who, their result, and how many.
    expect(html).toMatch(/^<details[^>]* open=""/);
    expect(text(/<summary>(.*?)<\/summary>/.exec(html)?.[1] ?? '')).toBe(
      'Léa MARTIN : Non certifié, 0 Pix · 1 question signalée',
    );
    const reported =
      /<li data-question="12">(.*?)<\/li><\/ul><button.*?<\/button><\/li>/s.exec(html)?.[0] ?? '';
    expect(text(reported)).toContain(
      'Question 12 (comptée) E4 — Le site à consulter est indisponible : « Le site ne répondait plus. » Neutraliser',
    );
    expect(reported).toContain('aria-label="Neutraliser la question 12 de Léa MARTIN"');
    expect(reported).toContain('type="button"');
    // A C report is not about a question: not offered.
    expect(text(html)).not.toContain('Souris changée');
  });

  it('lets each neutralized question count again, with its own label', () => {
    const html = box(section('fr'), 'can_1');
    const neutralized = /<ul class="inline-list" data-testid="neutralized-questions">(.*?)<\/ul>/s.exec(
      html,
    )?.[1];
    expect(text(neutralized ?? '')).toBe('Question 3 Compter de nouveau');
    expect(neutralized).toContain('aria-label="Compter de nouveau la question 3 de Léa MARTIN"');
  });

  it('neutralizes any other question by its number, with a labelled field that says the range', () => {
    const html = box(section('fr'), 'can_2');
    expect(html).not.toMatch(/^<details[^>]* open/);
    expect(text(html)).toContain('Aucune question signalée pour ce candidat.');
    expect(text(html)).toContain('Aucune question neutralisée.');
    const form = /<form[^>]*data-testid="other-question"[^>]*>.*?<\/form>/s.exec(html)?.[0] ?? '';
    const inputId = /<input[^>]*id="([^"]+)"/.exec(form)?.[1];
    expect(form).toContain(`<label for="${inputId}">Autre question de Hugo BERNARD à neutraliser</label>`);
    expect(form).toContain(
      `<p class="hint" id="${inputId}-hint">Son numéro dans le test du candidat, de 1 à 12.</p>`,
    );
    expect(form).toContain(`aria-describedby="${inputId}-hint"`);
    expect(form).toContain('inputMode="numeric"');
    expect(form).toContain(
      '<button type="submit" class="button button-secondary">Neutraliser cette question</button>',
    );
  });

  it('says after a change what changed, where the keyboard can land', () => {
    const html = candidate('fr', lea, 'Question 12 de Léa MARTIN neutralisée ; résultat recalculé.');
    expect(html).toMatch(/^<details[^>]* open=""/);
    expect(html).toContain(
      '<p class="notice notice-ok" id="jury-done-can_1" tabindex="-1" data-testid="neutralization-done">Question 12 de Léa MARTIN neutralisée ; résultat recalculé.</p>',
    );
    expect(candidate('fr', hugo, 'Question 1 de Hugo BERNARD neutralisée.')).toMatch(
      /^<details[^>]* open=""/,
    );
  });

  it('tells a referent who neutralizes, and shows nothing once published', () => {
    const referent = section('fr', { administrator: false });
    expect(referent).toContain('data-testid="jury-neutralizations-referent"');
    expect(referent).toContain('le jury (un administrateur) peut neutraliser une question');
    expect(referent).not.toContain('<button');
    const published = juryResults([lea], {
      session: { publishedAt: '2026-12-09T08:00:00.000Z' } as Results['session'],
    });
    expect(section('fr', { results: published })).toBe('');
  });

  it('says it in English too', () => {
    const html = section('en');
    expect(html).toContain('The jury’s neutralizations');
    expect(box(html, 'can_1')).toContain('aria-label="Neutralize question 12 of Léa MARTIN"');
    expect(text(box(html, 'can_1'))).toContain('E4 — The website is unavailable');
    expect(box(html, 'can_1')).toContain('aria-label="Count question 3 of Léa MARTIN again"');
    expect(html).not.toMatch(/Neutraliser|Compter|Question signalée/);
  });
});

describe('the jury’s neutralizations in a session with two namesakes', () => {
  // One « Jade MOREAU » has a report; the other is in the session (maybe absent), Léa MARTIN too.
  const jadeResult = juryResult(jade2.candidateId, 'Jade', 'Moreau', {
    birthdate: jade2.birthdate,
    incidents: [incident({ id: 'inc_9', candidateId: jade2.candidateId, code: 'E4', questionNumber: 5 })],
  });
  const html = wrap(
    'fr',
    withNamesakes(
      <JuryNeutralizations
        results={juryResults([jadeResult, juryResult('can_1', 'Léa', 'Martin')])}
        administrator
        onNeutralize={() => Promise.reject(new Error('not in this test'))}
      />,
    ),
  );

  it('names the namesake with the birthdate in its box and on the question to neutralize; the third without', () => {
    const jadeBox = box(html, jade2.candidateId);
    expect(text(jadeBox)).toMatch(/^Jade MOREAU \(14\/02\/2012\)\s:/);
    expect(jadeBox).toContain('aria-label="Neutraliser la question 5 de Jade MOREAU (14/02/2012)"');
    expect(text(box(html, 'can_1'))).toMatch(/^Léa MARTIN\s:/);
    // The other « Jade MOREAU » has no report: her birthdate, as the page writes it, is nowhere.
    expect(text(html)).not.toContain('Jade MOREAU (08/09/2011)');
    expect(html).not.toContain('08/09/2011');
  });
});
