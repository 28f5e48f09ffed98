import { describe, expect, it } from 'vitest';
import { checkCandidate, EMPTY_CANDIDATE, type CandidateValues } from './candidate-form.ts';

const lea: CandidateValues = {
  ...EMPTY_CANDIDATE,
  lastName: 'Martin',
  firstName: 'Léa',
  sex: 'F',
  birthdate: '2011-04-02',
  birthInseeCode: '69123',
};

describe('the candidate form', () => {
  it('names every missing field of an empty form', () => {
    const empty = checkCandidate(EMPTY_CANDIDATE);
    expect(empty.ok).toBe(false);
    if (!empty.ok) {
      expect(Object.keys(empty.errors).sort()).toEqual(
        ['birthInseeCode', 'birthdate', 'firstName', 'lastName', 'sex'].sort(),
      );
    }
  });

  it('sends a complete enrolment, born in France with an INSEE code', () => {
    expect(checkCandidate({ ...lea, extraTimePercentage: '33', accessibilityAdjustment: true })).toEqual({
      ok: true,
      input: {
        lastName: 'Martin',
        firstName: 'Léa',
        sex: 'F',
        birthdate: '2011-04-02',
        birthCountry: 'France',
        birthCity: null,
        birthInseeCode: '69123',
        birthPostalCode: null,
        externalId: null,
        resultEmail: null,
        extraTimePercentage: 33,
        accessibilityAdjustment: true,
      },
    });
  });

  it('asks for the town when born abroad, and refuses impossible dates, percentages and emails', () => {
    const abroad = checkCandidate({ ...lea, birthCountry: 'Belgique', birthInseeCode: '' });
    expect(abroad).toEqual({ ok: false, errors: { birthCity: 'birthCity' } });
    const abroadOk = checkCandidate({
      ...lea,
      birthCountry: 'Belgique',
      birthCity: 'Liège',
      birthInseeCode: '69123',
    });
    expect(abroadOk.ok && abroadOk.input.birthInseeCode).toBe(null);
    const wrong = checkCandidate({
      ...lea,
      birthdate: '2011-02-30',
      extraTimePercentage: '1/3',
      resultEmail: 'parent@',
    });
    expect(wrong).toEqual({
      ok: false,
      errors: {
        birthdate: 'birthdate',
        extraTimePercentage: 'extraTimePercentage',
        resultEmail: 'resultEmail',
      },
    });
    expect(checkCandidate({ ...lea, extraTimePercentage: '250' })).toEqual({
      ok: false,
      errors: { extraTimePercentage: 'extraTimePercentage' },
    });
  });
});
