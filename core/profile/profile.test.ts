import { describe, expect, it } from 'vitest';
import { ProfileSchema, certifiableCompetences, isCertifiable } from './profile.ts';

const profileWith = (pix: number[]) =>
  ProfileSchema.parse({
    competences: pix.map((p, i) => ({ code: ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4'][i], pix: p })),
    validatedSkills: [],
  });

describe('certifiability (at least 5 competences at level ≥ 1)', () => {
  it.each([
    ['5 competences at level 1', [8, 8, 8, 8, 8], true],
    ['4 competences at level ≥ 1 and one at 7 Pix', [8, 16, 24, 40, 7], false],
    ['6 competences, one at level 0', [8, 8, 8, 8, 8, 0], true],
    ['no competence', [], false],
  ])('%s → %s', (_what, pix, expected) => {
    expect(isCertifiable(profileWith(pix))).toBe(expected);
  });

  it('tests only the competences at level ≥ 1', () => {
    expect(certifiableCompetences(profileWith([8, 7, 64])).map((c) => c.code)).toEqual(['1.1', '1.3']);
  });
});

describe('ProfileSchema', () => {
  it.each([
    ['negative Pix', { competences: [{ code: '1.1', pix: -1 }], validatedSkills: [] }, 'competences.0.pix'],
    [
      'fractional Pix',
      { competences: [{ code: '1.1', pix: 8.5 }], validatedSkills: [] },
      'competences.0.pix',
    ],
    [
      'Pix above level 8',
      { competences: [{ code: '1.1', pix: 65 }], validatedSkills: [] },
      'competences.0.pix',
    ],
    [
      'an unknown competence',
      { competences: [{ code: '9.9', pix: 8 }], validatedSkills: [] },
      'competences.0.code',
    ],
    [
      'a competence twice',
      {
        competences: [
          { code: '1.1', pix: 8 },
          { code: '1.1', pix: 9 },
        ],
        validatedSkills: [],
      },
      'competences',
    ],
    ['a malformed skill', { competences: [], validatedSkills: ['web3'] }, 'validatedSkills.0'],
  ])('rejects %s, naming the field', (_what, input, path) => {
    const result = ProfileSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
