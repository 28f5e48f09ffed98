// A candidate's Pix profile, as the positioning platform exports it: Pix per competence, validated
// skills, and the challenges already answered (so certification can avoid asking them again).
import { z } from 'zod';
import { ChallengeIdSchema } from '../challenge/challenge.ts';
import { CompetenceCodeSchema, MAX_LEVEL, PIX_PER_LEVEL, levelFromPix } from '../framework/crcn.ts';
import { SkillNameSchema } from '../framework/skill.ts';

export const CompetenceProfileSchema = z
  .object({
    code: CompetenceCodeSchema,
    pix: z
      .number()
      .int('must be a whole number of Pix')
      .min(0)
      .max(MAX_LEVEL * PIX_PER_LEVEL, `must be at most ${MAX_LEVEL * PIX_PER_LEVEL} Pix`),
  })
  .strict();
export type CompetenceProfile = z.infer<typeof CompetenceProfileSchema>;

export const ProfileSchema = z
  .object({
    competences: z
      .array(CompetenceProfileSchema)
      .max(16)
      .refine(
        (list) => new Set(list.map((c) => c.code)).size === list.length,
        'each competence appears once',
      ),
    validatedSkills: z.array(SkillNameSchema).max(2000),
    answeredChallengeIds: z.array(ChallengeIdSchema).max(20000).default([]),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;

/** Minimum number of competences at level ≥ 1 to be certifiable. */
export const MIN_CERTIFIABLE_COMPETENCES = 5;

export function competenceLevel(entry: CompetenceProfile): number {
  return levelFromPix(entry.pix);
}

/** Competences at level ≥ 1: the only ones tested. */
export function certifiableCompetences(profile: Profile): CompetenceProfile[] {
  return profile.competences.filter((c) => competenceLevel(c) >= 1);
}

/** Certifiable: at least 5 competences at level ≥ 1. */
export function isCertifiable(profile: Profile): boolean {
  return certifiableCompetences(profile).length >= MIN_CERTIFIABLE_COMPETENCES;
}
