// The jury's decisions on one candidate after the start of their test (DOMAIN.md §7: C1 name or
// birthdate change, C6 fraud): an administrator corrects the identity their certificate carries, or
// cancels their certification (and may undo that). Each is kept as taken, with who, when and why; the
// results list them under the candidate's result. Back office routes:
// POST /api/centre/candidates/:candidateId/identity-correction and …/cancellation.
import { z } from 'zod';
import { BirthdateSchema, PersonNameSchema } from '../session/session.ts';

const Timestamp = z.iso.datetime({ offset: true });

/** A decision states its ground, in a few sentences. */
export const JURY_REASON_MAX = 500;
export const JuryReasonSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty: the jury states why')
  .max(JURY_REASON_MAX, `is too long (${JURY_REASON_MAX} characters at most)`);

/** The birthdate as enrolment takes it (core/contracts/centre-api.ts CandidateInputSchema): a real day. */
function isRealDay(value: string): boolean {
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
}

/** What a certificate says of its holder, and what an identity correction changes. */
export const CandidateIdentitySchema = z
  .object({ lastName: PersonNameSchema, firstName: PersonNameSchema, birthdate: BirthdateSchema })
  .strict();
export type CandidateIdentity = z.infer<typeof CandidateIdentitySchema>;

/** The same rules as the candidate's fields at enrolment, and the reason. */
export const IdentityCorrectionRequestSchema = CandidateIdentitySchema.extend({ reason: JuryReasonSchema })
  .strict()
  .superRefine((c, ctx) => {
    if (!isRealDay(c.birthdate))
      ctx.addIssue({ code: 'custom', path: ['birthdate'], message: 'is not a real date' });
  });
export type IdentityCorrectionRequest = z.output<typeof IdentityCorrectionRequestSchema>;

/** `cancelled: true` cancels the certification; false undoes the jury's cancellation. */
export const CancellationRequestSchema = z
  .object({ cancelled: z.boolean(), reason: JuryReasonSchema })
  .strict();
export type CancellationRequest = z.output<typeof CancellationRequestSchema>;

export const JURY_DECISION_KINDS = ['identity', 'cancel', 'uncancel'] as const;
export const JuryDecisionKindSchema = z.enum(JURY_DECISION_KINDS);
export type JuryDecisionKind = z.infer<typeof JuryDecisionKindSchema>;

/** One decision as the results show it, oldest first. */
export const JuryDecisionSchema = z
  .object({
    id: z.string(),
    kind: JuryDecisionKindSchema,
    reason: z.string(),
    decidedAt: Timestamp,
    /** The administrator's display name. */
    decidedBy: z.string(),
    /** kind `identity`: the identity before and after the correction; null otherwise. */
    identity: z
      .object({ before: CandidateIdentitySchema, after: CandidateIdentitySchema })
      .strict()
      .nullable(),
  })
  .strict();
export type JuryDecision = z.infer<typeof JuryDecisionSchema>;
