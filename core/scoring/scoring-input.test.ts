import { describe, it, expect } from 'vitest';
import { ScoringInputError, parseScoringInput } from './scoring-input.ts';

const valid = {
  profile: { competences: [{ code: '1.1', pix: 24 }] },
  asked: [{ challengeId: 'rec1', competence: '1.1', status: 'ok', neutralized: false }],
  completion: { finished: true },
};

function errorOf(input: unknown): ScoringInputError {
  try {
    parseScoringInput(input);
  } catch (error) {
    if (error instanceof ScoringInputError) return error;
    throw error;
  }
  throw new Error('expected a ScoringInputError');
}

describe('scoring input', () => {
  it('defaults maxReachableLevel to 5', () => {
    expect(parseScoringInput(valid).maxReachableLevel).toBe(5);
  });

  it('accepts a full profile and reads only its competences', () => {
    const profile = { ...valid.profile, validatedSkills: ['@rechercheWeb3'], answeredChallengeIds: [] };
    expect(parseScoringInput({ ...valid, profile }).profile).toEqual(valid.profile);
  });

  it('accepts an abort with its reason and a never-answered challenge', () => {
    const input = {
      ...valid,
      asked: [{ ...valid.asked[0], status: null }],
      completion: { finished: false, abortReason: 'technical' },
    };
    expect(parseScoringInput(input).completion).toEqual({ finished: false, abortReason: 'technical' });
  });

  it.each([
    ['not an object', null, 'expected object'],
    [
      'an unknown answer status',
      { ...valid, asked: [{ ...valid.asked[0], status: 'maybe' }] },
      'asked[0].status',
    ],
    [
      'a missing neutralized flag',
      { ...valid, asked: [{ ...valid.asked[0], neutralized: undefined }] },
      'asked[0].neutralized',
    ],
    ['an unfinished test without abort reason', { ...valid, completion: { finished: false } }, 'completion'],
    [
      'an unknown abort reason',
      { ...valid, completion: { finished: false, abortReason: 'fire' } },
      'completion.abortReason',
    ],
    ['maxReachableLevel 0', { ...valid, maxReachableLevel: 0 }, 'maxReachableLevel'],
    ['maxReachableLevel 9', { ...valid, maxReachableLevel: 9 }, 'maxReachableLevel'],
    ['no challenge asked', { ...valid, asked: [] }, 'asked'],
    [
      'a profile with more Pix than level 8',
      { ...valid, profile: { competences: [{ code: '1.1', pix: 65 }] } },
      'profile.competences[0].pix',
    ],
    [
      'a competence twice in the profile',
      {
        ...valid,
        profile: {
          competences: [
            { code: '1.1', pix: 24 },
            { code: '1.1', pix: 16 },
          ],
        },
      },
      'each competence appears once',
    ],
    ['an unknown field', { ...valid, bonus: 8 }, 'bonus'],
  ])('rejects %s, naming the field', (_case, input, field) => {
    expect(errorOf(input).message).toContain(field);
  });

  it('rejects a competence asked but missing from the profile, naming it', () => {
    const input = {
      ...valid,
      asked: [...valid.asked, { ...valid.asked[0], challengeId: 'rec2', competence: '4.2' }],
    };
    const error = errorOf(input);
    expect(error.message).toContain('asked[1].competence');
    expect(error.message).toContain('competence 4.2 is asked but missing from the profile');
  });

  it('rejects the same challenge asked twice', () => {
    const error = errorOf({ ...valid, asked: [valid.asked[0], valid.asked[0]] });
    expect(error.message).toContain('asked[1].challengeId');
    expect(error.message).toContain('challenge rec1 is asked twice');
  });

  it('rejects a competence asked more than 3 challenges (the table knows 1 to 3)', () => {
    const asked = ['a', 'b', 'c', 'd'].map((id) => ({ ...valid.asked[0], challengeId: id }));
    const error = errorOf({ ...valid, asked });
    expect(error.message).toContain('asked[3].competence');
    expect(error.message).toContain('more than 3 challenges');
    expect(error.issues).toHaveLength(1);
  });
});
