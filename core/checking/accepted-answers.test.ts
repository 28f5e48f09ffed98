import { describe, expect, it } from 'vitest';
import { acceptedAnswers, isSameAnswer } from './accepted-answers.ts';
import { treatmentsFor } from './treatments.ts';

const rules = (deactivations = {}, numeric = false) => ({
  treatments: treatmentsFor({ t1: false, t2: false, t3: false, ...deactivations }),
  numeric,
});

describe('acceptedAnswers', () => {
  it.each<[string, string[], ReturnType<typeof rules>, number]>([
    ['variants equal once treated are one answer', ['Paris', 'paris', ' PARIS '], rules(), 1],
    ['different variants stay apart', ['Paris', 'Lyon'], rules(), 2],
    ['without T1, case makes different answers', ['Paris', 'paris'], rules({ t1: true }), 2],
    ['equal numbers are one answer', ['3,5', '3.5', '3.50'], rules({}, true), 1],
    [
      'decomposed and precomposed accents are one answer',
      ['café', 'cafe\u0301'],
      rules({ t1: true, t2: true }),
      1,
    ],
  ])('%s', (_case, variants, comparison, count) => {
    expect(acceptedAnswers(variants, comparison).count).toBe(count);
  });

  it('prepares a text answer with the treatments, a select answer with the pre-treatment only', () => {
    const accepted = acceptedAnswers(['Saint-Étienne'], rules());
    expect(accepted.prepare(' Saint-Étienne ', 'text').text).toBe('saintetienne');
    expect(accepted.prepare(' Saint-E\u0301tienne ', 'select').text).toBe(' Saint-Étienne ');
  });

  it('reads numbers only when every variant is a number', () => {
    expect(acceptedAnswers(['3,5'], rules({}, true)).prepare('3.5', 'text').number).toBe(3.5);
    expect(acceptedAnswers(['3,5', 'trois'], rules({}, true)).prepare('3.5', 'text').number).toBeNull();
    expect(acceptedAnswers(['3,5'], rules({}, false)).prepare('3.5', 'text').number).toBeNull();
  });

  it('matches at one index, or any', () => {
    const accepted = acceptedAnswers(['rouge', 'vert'], rules());
    const answer = accepted.prepare('Vert', 'text');
    expect(accepted.matchesAt(answer, 0)).toBe(false);
    expect(accepted.matchesAt(answer, 1)).toBe(true);
    expect(accepted.matchesAt(answer, 2)).toBe(false);
    expect(accepted.matchesAny(answer)).toBe(true);
    expect(accepted.matchesAny(accepted.prepare('bleu', 'text'))).toBe(false);
  });

  it('a select matches only a variant given exactly', () => {
    const accepted = acceptedAnswers(['Oui'], rules());
    expect(accepted.matchesAny(accepted.prepare('Oui', 'select'))).toBe(true);
    expect(accepted.matchesAny(accepted.prepare('oui', 'select'))).toBe(false);
  });
});

describe('isSameAnswer', () => {
  const accepted = acceptedAnswers(['1', '2'], rules({}, true));
  it('compares numbers when there are numbers, comparison forms otherwise', () => {
    expect(isSameAnswer(accepted.prepare('2,0', 'text'), accepted.prepare('2', 'text'))).toBe(true);
    expect(isSameAnswer(accepted.prepare('1', 'text'), accepted.prepare('2', 'text'))).toBe(false);
    const words = acceptedAnswers(['a'], rules());
    expect(isSameAnswer(words.prepare('Rouge', 'text'), words.prepare('rougé', 'text'))).toBe(true);
  });
});
