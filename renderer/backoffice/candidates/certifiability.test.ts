import { describe, expect, it } from 'vitest';
import { certifiability } from './certifiability.ts';

const profile = (levels: number[]) => ({
  competences: levels.map((level, i) => ({ code: `1.${i + 1}` as '1.1', pix: level * 8, level })),
  validatedSkills: 10,
  answeredChallenges: 20,
  importedAt: '2026-11-01T00:00:00Z',
});

describe('certifiability explained', () => {
  it('says a profile is missing, or how many competences count, next to the server’s verdict', () => {
    expect(certifiability({ profile: null, certifiable: false })).toEqual({
      certifiable: false,
      reason: 'noProfile',
    });
    expect(certifiability({ profile: profile([1, 2, 0, 3]), certifiable: false })).toEqual({
      certifiable: false,
      reason: 'tooFew',
      assessed: 3,
    });
    expect(certifiability({ profile: profile([1, 2, 4, 3, 1, 0]), certifiable: true })).toEqual({
      certifiable: true,
      assessed: 5,
    });
  });
});
