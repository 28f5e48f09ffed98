// A skill (acquis) such as `@rechercheWeb3`: tube `rechercheWeb`, difficulty 3. A skill's difficulty
// is its level.
import { z } from 'zod';

const SKILL_PATTERN = /^@([A-Za-z][A-Za-z0-9]*?)([1-8])$/;

export const SkillNameSchema = z
  .string()
  .regex(SKILL_PATTERN, 'must be a skill name such as @rechercheWeb3 (@ + tube + difficulty 1 to 8)');
export type SkillName = z.infer<typeof SkillNameSchema>;

export interface Skill {
  name: SkillName;
  tube: string;
  difficulty: number;
}

export function parseSkill(name: SkillName): Skill {
  const match = SKILL_PATTERN.exec(name);
  if (!match) throw new Error(`not a skill name: ${name}`);
  return { name, tube: `@${match[1]}`, difficulty: Number(match[2]) };
}
