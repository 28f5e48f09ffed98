// What a candidate gives for a challenge, and the status the server assigns to it (DOMAIN.md §5).
import { z } from 'zod';
import { FieldNameSchema } from './challenge.ts';

/** Longest text accepted in one field: far above any real answer, small enough to bound checking cost. */
export const MAX_FIELD_LENGTH = 2000;

export const AnswerValueSchema = z.discriminatedUnion('type', [
  /** QCU: the chosen choice id. */
  z.object({ type: z.literal('choice'), choice: z.string().min(1).max(8) }).strict(),
  /** QCM: the chosen choice ids (any order). */
  z.object({ type: z.literal('choices'), choices: z.array(z.string().min(1).max(8)).max(50) }).strict(),
  /** QROC, QROCM-ind, QROCM-dep: one value per field name. */
  z
    .object({
      type: z.literal('fields'),
      fields: z.record(FieldNameSchema, z.string().max(MAX_FIELD_LENGTH)),
    })
    .strict(),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

export const ANSWER_STATUSES = ['ok', 'ko', 'aband', 'timedout', 'focusedOut'] as const;
export const AnswerStatusSchema = z.enum(ANSWER_STATUSES);
/** Only `ok` is correct. */
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>;

/** The circumstances of an answer, recorded by the station, that change its status. */
export const AnswerCircumstancesSchema = z
  .object({
    /** "Je passe": the candidate skipped the challenge. */
    skipped: z.boolean().default(false),
    /** The answer came after the challenge's timer ran out. */
    timedOut: z.boolean().default(false),
    /** The candidate left a focused challenge before answering. */
    focusedOut: z.boolean().default(false),
  })
  .strict();
export type AnswerCircumstances = z.infer<typeof AnswerCircumstancesSchema>;
