import { describe, expect, it } from 'vitest';
import { GeneratedTestSchema } from './generated-test.ts';
import type { GeneratedTest } from './generated-test.ts';

const valid: GeneratedTest = {
  seed: 12,
  algorithmVersion: 1,
  challenges: [
    { challengeId: 'a', competence: '1.1', skill: '@web5', difficulty: 5 },
    { challengeId: 'b', competence: '1.1', skill: '@mail4', difficulty: 4 },
  ],
  competences: [{ code: '1.1', pix: 42, level: 5, asked: 2 }],
};

describe('GeneratedTestSchema', () => {
  it('accepts a well-formed test', () => {
    expect(GeneratedTestSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an unknown algorithm version', { ...valid, algorithmVersion: 2 }, 'algorithmVersion'],
    ['a negative seed', { ...valid, seed: -1 }, 'seed'],
    [
      'a challenge asked twice',
      { ...valid, challenges: [valid.challenges[0], { ...valid.challenges[1], challengeId: 'a' }] },
      'challenges',
    ],
    [
      'a skill asked twice',
      { ...valid, challenges: [valid.challenges[0], { ...valid.challenges[1], skill: '@web5' }] },
      'challenges',
    ],
    [
      'a count that does not match the challenges',
      { ...valid, competences: [{ ...valid.competences[0], asked: 3 }] },
      'competences.0.asked',
    ],
    [
      'a challenge of an untested competence',
      {
        ...valid,
        challenges: [
          ...valid.challenges,
          { challengeId: 'c', competence: '2.1', skill: '@chat1', difficulty: 1 },
        ],
      },
      'challenges.2.competence',
    ],
    [
      'a tested competence at level 0',
      { ...valid, competences: [{ code: '1.1', pix: 7, level: 0, asked: 2 }] },
      'competences.0',
    ],
    [
      'more than 3 asked for a competence',
      { ...valid, competences: [{ ...valid.competences[0], asked: 4 }] },
      'competences.0.asked',
    ],
  ])('rejects %s', (_name, bad, path) => {
    const result = GeneratedTestSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${path.replace(/\./g, '\\.')}`))]),
    );
  });
});
