// What test generation produces: which challenges a candidate is asked, and why (competence, skill,
// difficulty), with the seed and algorithm version needed to regenerate it exactly for audit.
import { z } from 'zod';
import { ChallengeIdSchema } from '../challenge/challenge.ts';
import { COMPETENCE_CODES, CompetenceCodeSchema, MAX_LEVEL, PIX_PER_LEVEL } from '../framework/crcn.ts';
import { SkillNameSchema } from '../framework/skill.ts';
import { SeedSchema } from './seeded-random.ts';

/** Bumped whenever a change to generation would give a different test for the same inputs and seed. */
export const GENERATION_ALGORITHM_VERSION = 1;
/** Challenges asked per tested competence (DOMAIN.md §3). */
export const CHALLENGES_PER_COMPETENCE = 3;

export const GeneratedChallengeSchema = z
  .object({
    challengeId: ChallengeIdSchema,
    competence: CompetenceCodeSchema,
    skill: SkillNameSchema,
    difficulty: z.number().int().min(1).max(MAX_LEVEL),
  })
  .strict();
export type GeneratedChallenge = z.infer<typeof GeneratedChallengeSchema>;

export const TestedCompetenceSchema = z
  .object({
    code: CompetenceCodeSchema,
    /** The profile's Pix and level (uncapped: the maxReachableLevel cap is applied at scoring). */
    pix: z
      .number()
      .int()
      .min(PIX_PER_LEVEL)
      .max(MAX_LEVEL * PIX_PER_LEVEL),
    level: z.number().int().min(1).max(MAX_LEVEL),
    /** Challenges asked for this competence: 3, or fewer when the validated skills offer fewer. */
    asked: z.number().int().min(1).max(CHALLENGES_PER_COMPETENCE),
  })
  .strict();
export type TestedCompetence = z.infer<typeof TestedCompetenceSchema>;

export const GeneratedTestSchema = z
  .object({
    seed: SeedSchema,
    algorithmVersion: z.literal(GENERATION_ALGORITHM_VERSION),
    /** Ordered by competence code, then pick order. */
    challenges: z
      .array(GeneratedChallengeSchema)
      .max(COMPETENCE_CODES.length * CHALLENGES_PER_COMPETENCE)
      .refine(
        (list) => new Set(list.map((c) => c.challengeId)).size === list.length,
        'a challenge appears once',
      )
      .refine((list) => new Set(list.map((c) => c.skill)).size === list.length, 'a skill is asked once'),
    /** Ordered by competence code. */
    competences: z
      .array(TestedCompetenceSchema)
      .refine(
        (list) => new Set(list.map((c) => c.code)).size === list.length,
        'each competence appears once',
      ),
  })
  .strict()
  .superRefine((test, ctx) => {
    for (const [i, entry] of test.competences.entries()) {
      const asked = test.challenges.filter((c) => c.competence === entry.code).length;
      if (asked !== entry.asked) {
        ctx.addIssue({
          code: 'custom',
          path: ['competences', i, 'asked'],
          message: `competence ${entry.code} says ${entry.asked} challenges asked but the test has ${asked}`,
        });
      }
    }
    const tested = new Set(test.competences.map((c) => c.code));
    for (const [i, challenge] of test.challenges.entries()) {
      if (!tested.has(challenge.competence)) {
        ctx.addIssue({
          code: 'custom',
          path: ['challenges', i, 'competence'],
          message: `competence ${challenge.competence} is not among the tested competences`,
        });
      }
    }
  });
export type GeneratedTest = z.infer<typeof GeneratedTestSchema>;
