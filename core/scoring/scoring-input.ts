// What scoring reads (DOMAIN.md §6): the candidate's profile Pix, every challenge the test asked with
// its status and neutralization, how the test ended, and the highest level open to certification.
import { z } from 'zod';
import { ChallengeIdSchema } from '../challenge/challenge.ts';
import { AnswerStatusSchema } from '../challenge/answer.ts';
import {
  COMPETENCE_CODES,
  CompetenceCodeSchema,
  DEFAULT_MAX_REACHABLE_LEVEL,
  MAX_LEVEL,
} from '../framework/crcn.ts';
import { CompetenceProfileSchema } from '../profile/profile.ts';

/** The per-competence table (DOMAIN.md §6) knows competences asked 1, 2 or 3 challenges. */
export const MAX_CHALLENGES_PER_COMPETENCE = 3;
export const MAX_CHALLENGES_PER_TEST = COMPETENCE_CODES.length * MAX_CHALLENGES_PER_COMPETENCE;

export const AskedChallengeSchema = z
  .object({
    challengeId: ChallengeIdSchema,
    competence: CompetenceCodeSchema,
    /** null: the candidate never answered it (the test ended first, or an alert on it was validated). */
    status: AnswerStatusSchema.nullable(),
    /** An alert on it was validated by the invigilator, or the jury neutralized it. */
    neutralized: z.boolean(),
  })
  .strict();
export type AskedChallenge = z.infer<typeof AskedChallengeSchema>;

export const ABORT_REASONS = ['candidate', 'technical'] as const;
export const AbortReasonSchema = z.enum(ABORT_REASONS);
export type AbortReason = z.infer<typeof AbortReasonSchema>;

/** Every unfinished test gets an abort reason at finalization. */
export const CompletionSchema = z.discriminatedUnion('finished', [
  z.object({ finished: z.literal(true) }).strict(),
  z.object({ finished: z.literal(false), abortReason: AbortReasonSchema }).strict(),
]);
export type Completion = z.infer<typeof CompletionSchema>;

export const ScoringInputSchema = z
  .object({
    // Not strict: a full Profile may be passed as is; only its competences are read.
    profile: z.object({
      competences: z
        .array(CompetenceProfileSchema)
        .max(COMPETENCE_CODES.length)
        .refine(
          (list) => new Set(list.map((c) => c.code)).size === list.length,
          'each competence appears once',
        ),
    }),
    asked: z
      .array(AskedChallengeSchema)
      .min(1, 'a certification test asks at least one challenge')
      .max(MAX_CHALLENGES_PER_TEST)
      .superRefine((asked, ctx) => {
        const seenIds = new Set<string>();
        const perCompetence = new Map<string, number>();
        asked.forEach((challenge, index) => {
          if (seenIds.has(challenge.challengeId)) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'challengeId'],
              message: `challenge ${challenge.challengeId} is asked twice`,
            });
          }
          seenIds.add(challenge.challengeId);
          const count = (perCompetence.get(challenge.competence) ?? 0) + 1;
          perCompetence.set(challenge.competence, count);
          if (count === MAX_CHALLENGES_PER_COMPETENCE + 1) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'competence'],
              message: `competence ${challenge.competence} is asked more than ${MAX_CHALLENGES_PER_COMPETENCE} challenges`,
            });
          }
        });
      }),
    completion: CompletionSchema,
    maxReachableLevel: z.number().int().min(1).max(MAX_LEVEL).default(DEFAULT_MAX_REACHABLE_LEVEL),
  })
  .strict()
  .superRefine((input, ctx) => {
    const inProfile = new Set(input.profile.competences.map((c) => c.code));
    input.asked.forEach((challenge, index) => {
      if (!inProfile.has(challenge.competence)) {
        ctx.addIssue({
          code: 'custom',
          path: ['asked', index, 'competence'],
          message: `competence ${challenge.competence} is asked but missing from the profile`,
        });
      }
    });
  });
/** What callers pass: maxReachableLevel may be left out. */
export type ScoringInput = z.input<typeof ScoringInputSchema>;
/** After validation: maxReachableLevel is set. */
export type ValidScoringInput = z.output<typeof ScoringInputSchema>;

/** Scoring input that failed validation; the message names each offending field. */
export class ScoringInputError extends Error {
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(error: z.ZodError) {
    super(`invalid scoring input:\n${z.prettifyError(error)}`);
    this.name = 'ScoringInputError';
    this.issues = error.issues;
  }
}

export function parseScoringInput(input: unknown): ValidScoringInput {
  const parsed = ScoringInputSchema.safeParse(input);
  if (!parsed.success) throw new ScoringInputError(parsed.error);
  return parsed.data;
}
