// The session's finalization record (« Procès-verbal de session »): what a Pix referent prints, signs
// and files once the session is finalized (DOMAIN.md §7). The session's facts, when and by whom it was
// finalized, the two yes/no answers and the global comment, then per candidate (by last name, first
// name) the presence as the attendance sheet says it, how the test ended (with the abort reason given),
// the extra time, the incident reports and the questions neutralized; and the counts.
// GET /api/centre/sessions/:sessionId/finalization-record; refused before finalization.
import { z } from 'zod';
import { AbortReasonSchema } from '../scoring/scoring-input.ts';
import { BirthdateSchema } from '../session/session.ts';
import { AccountRoleSchema, CentreSessionSchema } from './centre-api.ts';
import { IncidentCodeSchema } from './invigilator-api.ts';
import { EndReasonSchema } from './station-api.ts';

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime({ offset: true });
const Count = z.number().int().nonnegative();

/** Who finalized: the invigilator on their screen (the session's password, no name), or an account. */
export const FinalizerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invigilator') }).strict(),
  z
    .object({
      kind: z.literal('account'),
      /** Null when the account is gone from the server: the record does not make a name up. */
      displayName: z.string().nullable(),
      role: AccountRoleSchema.nullable(),
    })
    .strict(),
]);
export type Finalizer = z.infer<typeof FinalizerSchema>;

/**
 * How the candidate's test ended, as scoring counted it: `finished` (to the end, or out of time),
 * `aborted` (with the abort reason given at finalization, or by the jury since), `pending` (a signed
 * result that arrived after finalization and is not scored yet), `none` (the test never started).
 */
export const RecordOutcomeSchema = z.enum(['finished', 'aborted', 'pending', 'none']);
export type RecordOutcome = z.infer<typeof RecordOutcomeSchema>;

/** Presence as the attendance sheet says it (core/session/attendance.ts): after finalization, present or absent. */
export const RecordAttendanceSchema = z.enum(['present', 'notStarted', 'notArrived', 'absent']);

export const RecordIncidentSchema = z
  .object({
    code: IncidentCodeSchema,
    /** E codes only: the question it is about. */
    questionNumber: z.number().int().positive().nullable(),
    description: z.string(),
  })
  .strict();
export type RecordIncident = z.infer<typeof RecordIncidentSchema>;

export const RecordCandidateSchema = z
  .object({
    candidateId: Id,
    lastName: z.string(),
    firstName: z.string(),
    birthdate: BirthdateSchema,
    extraTimePercentage: Count,
    attendance: RecordAttendanceSchema,
    outcome: RecordOutcomeSchema,
    /** What the station recorded as the end (finished, timeUp, endedByInvigilator, aborted); null: none heard. */
    endReason: EndReasonSchema.nullable(),
    /** `aborted` only. */
    abortReason: AbortReasonSchema.nullable(),
    /** Questions neutralized (alerts validated, the jury's); null without a result. */
    neutralizedQuestions: Count.nullable(),
    incidents: z.array(RecordIncidentSchema),
  })
  .strict();
export type RecordCandidate = z.infer<typeof RecordCandidateSchema>;

export const FinalizationRecordSchema = z
  .object({
    /** The session's facts as the back office has them, without its codes. */
    session: CentreSessionSchema.pick({
      id: true,
      number: true,
      centreId: true,
      centreName: true,
      address: true,
      room: true,
      date: true,
      time: true,
      examiner: true,
    }).strict(),
    finalization: z
      .object({
        finalizedAt: Timestamp.nullable(),
        finalizedBy: FinalizerSchema,
        hadIncident: z.boolean(),
        candidateCouldNotJoin: z.boolean(),
        globalComment: z.string(),
      })
      .strict(),
    /**
     * When this record was made: it reads the session as it is now (a result received or a jury
     * decision since finalization shows), so a printed copy says when it was printed.
     */
    generatedAt: Timestamp,
    /** By last name, then first name. */
    candidates: z.array(RecordCandidateSchema),
    counts: z
      .object({
        enrolled: Count,
        present: Count,
        absent: Count,
        finished: Count,
        aborted: Count,
        /** Present, with a result received after finalization and not yet scored. */
        pending: Count,
      })
      .strict(),
  })
  .strict();
export type FinalizationRecord = z.infer<typeof FinalizationRecordSchema>;
