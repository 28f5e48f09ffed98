import { describe, expect, it } from 'vitest';
import { SkillNameSchema, parseSkill } from './skill.ts';

describe('skills', () => {
  it.each([
    ['@rechercheWeb3', '@rechercheWeb', 3],
    ['@url1', '@url', 1],
    ['@form2col8', '@form2col', 8],
  ])('%s is tube %s, difficulty %i', (name, tube, difficulty) => {
    expect(parseSkill(name)).toEqual({ name, tube, difficulty });
  });

  it.each(['rechercheWeb3', '@rechercheWeb', '@rechercheWeb9', '@3', '@recherche Web3', ''])(
    'rejects %j',
    (name) => {
      const result = SkillNameSchema.safeParse(name);
      expect(result.success).toBe(false);
    },
  );
});
