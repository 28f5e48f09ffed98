// The jury's review as data: the questions a candidate's E reports point at, the question number typed
// for a neutralization, the reports in reading order, and what a neutralization changed, in words.
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { sessionNamer } from '../../shared/namesakes.ts';
import { fullName } from '../format.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { incident, juryResult, juryResults } from './jury-fixtures.ts';
import {
  candidatesById,
  checkQuestionNumber,
  codeMeaningKey,
  needsAction,
  neutralizationDone,
  questionCount,
  reportedQuestions,
  reportsInReadingOrder,
} from './jury-review.ts';

const tFor = (language: Language) => translator(addBackOfficeMessages(createI18n(language)));

describe('the questions a candidate’s reports point at', () => {
  it('are the E reports’ questions, by number, each with its reports and whether it is neutralized', () => {
    const result = juryResult('can_1', 'Léa', 'Martin', {
      neutralizedQuestions: [3],
      incidents: [
        incident({
          id: 'i1',
          candidateId: 'can_1',
          code: 'E4',
          questionNumber: 12,
          description: 'site en panne',
        }),
        incident({ id: 'i2', candidateId: 'can_1', code: 'C7', description: 'souris' }),
        incident({ id: 'i3', candidateId: 'can_1', code: 'E1', questionNumber: 3 }),
        incident({
          id: 'i4',
          candidateId: 'can_1',
          code: 'E5',
          questionNumber: 12,
          createdAt: '2026-12-08T09:00:00.000Z',
        }),
      ],
    });
    expect(
      reportedQuestions(result).map((q) => ({
        number: q.number,
        reports: q.reports.map((r) => r.id),
        neutralized: q.neutralized,
      })),
    ).toEqual([
      { number: 3, reports: ['i3'], neutralized: true },
      { number: 12, reports: ['i4', 'i1'], neutralized: false },
    ]);
  });

  it('counts the test’s questions from its competences', () => {
    expect(questionCount(juryResult('can_1', 'Léa', 'Martin'))).toBe(12);
  });
});

describe('the question number typed for a neutralization', () => {
  const result = juryResult('can_1', 'Léa', 'Martin', { neutralizedQuestions: [5] });

  it('is one of the test’s questions', () => {
    expect(checkQuestionNumber(' 12 ', result)).toEqual({ ok: true, number: 12 });
    expect(checkQuestionNumber('1', result)).toEqual({ ok: true, number: 1 });
    for (const text of ['', '0', '13', '2.5', 'douze', '-1'])
      expect(checkQuestionNumber(text, result)).toEqual({ ok: false, error: 'number', number: null });
  });

  it('is refused when the question is already neutralized', () => {
    expect(checkQuestionNumber('5', result)).toEqual({ ok: false, error: 'already', number: 5 });
  });
});

describe('the reports in the order the jury reads them', () => {
  it('go by candidate (last name first, absent ones included), then as filed', () => {
    const results = juryResults(
      [juryResult('can_1', 'Léa', 'Martin'), juryResult('can_2', 'Hugo', 'Bernard')],
      {
        absent: [{ candidateId: 'can_3', firstName: 'Zoé', lastName: 'Dubois' }],
      },
    );
    const ordered = reportsInReadingOrder(
      [
        incident({ id: 'a', candidateId: 'can_1', code: 'C7', createdAt: '2026-12-08T10:00:00.000Z' }),
        incident({ id: 'b', candidateId: 'can_3', code: 'C1' }),
        incident({ id: 'c', candidateId: 'can_1', code: 'E4', createdAt: '2026-12-08T09:00:00.000Z' }),
        incident({ id: 'd', candidateId: 'can_2', code: 'C6' }),
      ],
      candidatesById(results),
    );
    expect(ordered.map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('say which ones the jury must examine, and what each code means', () => {
    expect(['C1', 'C2', 'C6', 'E1', 'E12'].every((c) => needsAction(c as 'C1'))).toBe(true);
    expect(['C4', 'C7', 'C8'].some((c) => needsAction(c as 'C4'))).toBe(false);
    expect(tFor('fr')(codeMeaningKey('E4'))).toBe('E4 — Le site à consulter est indisponible');
    expect(tFor('en')(codeMeaningKey('C6'))).toBe('C6 — Suspected fraud');
  });
});

describe('what a neutralization changed', () => {
  const before = juryResult('can_1', 'Léa', 'Martin', {
    status: 'rejected',
    pixScore: 0,
    reproducibilityRate: 45,
  });
  const after = juryResult('can_1', 'Léa', 'Martin', { pixScore: 72, reproducibilityRate: 55 });

  it('names the question and the candidate, with the result before and after', () => {
    expect(neutralizationDone({ number: 12, neutralized: true }, before, after, tFor('fr'), fullName)).toBe(
      'Question 12 de Léa MARTIN neutralisée ; résultat recalculé : Certifié, 72\u00a0Pix, taux de reproductibilité 55\u00a0% (avant : Non certifié, 0\u00a0Pix, taux de reproductibilité 45\u00a0%).',
    );
    expect(neutralizationDone({ number: 12, neutralized: false }, after, before, tFor('en'), fullName)).toBe(
      'Question 12 of Léa MARTIN counted again; result re-scored: Not certified, 0\u00a0Pix, reproducibility rate 45% (before: Certified, 72\u00a0Pix, reproducibility rate 55%).',
    );
  });

  it('says when the result did not change', () => {
    expect(neutralizationDone({ number: 3, neutralized: true }, after, after, tFor('fr'), fullName)).toBe(
      'Question 3 de Léa MARTIN neutralisée ; résultat recalculé, inchangé : Certifié, 72\u00a0Pix, taux de reproductibilité 55\u00a0%.',
    );
  });

  it('names a namesake with the birthdate, as the page names it', () => {
    const jade = juryResult('can_2', 'Jade', 'Moreau', { birthdate: '2011-09-08' });
    const otherJade = juryResult('can_3', 'Jade', 'MOREAU', { birthdate: '2012-02-14' });
    const nameOf = sessionNamer([after, jade, otherJade], 'fr-FR');
    expect(neutralizationDone({ number: 3, neutralized: true }, jade, jade, tFor('fr'), nameOf)).toContain(
      'Question 3 de Jade MOREAU (08/09/2011) neutralisée',
    );
    expect(neutralizationDone({ number: 3, neutralized: true }, after, after, tFor('fr'), nameOf)).toContain(
      'Question 3 de Léa MARTIN neutralisée',
    );
  });
});
