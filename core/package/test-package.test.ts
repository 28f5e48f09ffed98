import { describe, expect, it } from 'vitest';
import { TestPackageSchema, packageAllowedMs } from './test-package.ts';

const challenge = (id: string) => ({
  id,
  competence: '1.1',
  skill: '@rechercheWeb3',
  type: 'QCU',
  instruction: 'Choisissez.',
  choices: [
    { id: '1', text: 'A' },
    { id: '2', text: 'B' },
  ],
});

const pkg = {
  formatVersion: 1,
  packageId: 'pkg-1',
  generatedAt: '2026-11-22T08:00:00.000Z',
  seed: 1234,
  session: { id: 's1', number: 101, centreName: 'Collège Jean Moulin', room: 'B12', examiner: 'M. Durand' },
  candidate: {
    id: 'c1',
    firstName: 'Léa',
    lastName: 'Martin',
    birthdate: '2011-04-02',
    extraTimePercentage: 30,
    accessibilityAdjustment: false,
  },
  challenges: [challenge('rec1'), challenge('rec2')],
};

describe('TestPackageSchema', () => {
  it('accepts a package and gives the candidate 105 min + 30 %', () => {
    const parsed = TestPackageSchema.parse(pkg);
    expect(packageAllowedMs(parsed)).toBe(136.5 * 60_000);
  });

  it.each([
    ['a challenge twice', { ...pkg, challenges: [challenge('rec1'), challenge('rec1')] }, 'challenges'],
    ['no challenge', { ...pkg, challenges: [] }, 'challenges'],
    [
      '49 challenges',
      { ...pkg, challenges: Array.from({ length: 49 }, (_, i) => challenge(`rec${i}`)) },
      'challenges',
    ],
    [
      'a challenge with its solution',
      { ...pkg, challenges: [{ ...challenge('rec1'), solution: { type: 'QCU', value: '1' } }] },
      'challenges.0',
    ],
    [
      'a negative extra time',
      { ...pkg, candidate: { ...pkg.candidate, extraTimePercentage: -5 } },
      'candidate.extraTimePercentage',
    ],
    ['an unknown format version', { ...pkg, formatVersion: 2 }, 'formatVersion'],
  ])('rejects %s', (_what, input, path) => {
    const result = TestPackageSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
