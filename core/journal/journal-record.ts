// The answer journal's records: everything that happens during one candidate's test, in order, each
// record chained to the previous one by its hash. The station appends them; the server replays them
// from replicated events and from the signed result bundle, so both sides share these schemas.
import { z } from 'zod';
import { AnswerValueSchema } from '../challenge/answer.ts';
import { ChallengeIdSchema } from '../challenge/challenge.ts';
import { EndReasonSchema, PauseCauseSchema } from '../contracts/station-api.ts';

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex');
const Id = z.string().min(1).max(64);

export const ALERT_REASON_CODES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E8', 'E9', 'E10', 'E11', 'E12'] as const;
export const AlertReasonCodeSchema = z.enum(ALERT_REASON_CODES);
export type AlertReasonCode = z.infer<typeof AlertReasonCodeSchema>;

export const LOCKDOWN_EVENTS = [
  'focusLost',
  'focusRegained',
  'displayAdded',
  'displayRemoved',
  'lockScreen',
  'suspend',
  'resume',
  'rendererCrashed',
  'forbiddenProcess',
  'uncleanExit',
] as const;
export const LockdownEventSchema = z.enum(LOCKDOWN_EVENTS);

/** Each kind of record with its payload. */
export const RecordBodySchema = z.discriminatedUnion('kind', [
  /** The candidate signed in on this station (the journal's first record). */
  z
    .object({
      kind: z.literal('testOpened'),
      payload: z.object({ sessionId: Id, candidateId: Id, stationId: Id }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('packageStored'),
      payload: z
        .object({
          packageId: Id,
          packageHash: HashSchema,
          challengeCount: z.number().int().positive(),
          allowedMs: z.number().int().positive(),
        })
        .strict(),
    })
    .strict(),
  /** The invigilator confirmed presence (or authorized a resume): the clock runs. */
  z.object({ kind: z.literal('started'), payload: z.object({ authorization: Id }).strict() }).strict(),
  z
    .object({
      kind: z.literal('resumed'),
      payload: z.object({ authorization: Id, downtimeMs: z.number().int().nonnegative() }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('answered'),
      payload: z
        .object({
          challengeId: ChallengeIdSchema,
          value: AnswerValueSchema,
          timeSpentMs: z.number().int().nonnegative(),
          timedOut: z.boolean(),
          focusedOut: z.boolean(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('skipped'),
      payload: z
        .object({ challengeId: ChallengeIdSchema, timeSpentMs: z.number().int().nonnegative() })
        .strict(),
    })
    .strict(),
  z
    .object({ kind: z.literal('focusLost'), payload: z.object({ challengeId: ChallengeIdSchema }).strict() })
    .strict(),
  z
    .object({
      kind: z.literal('alertRaised'),
      payload: z.object({ alertId: Id, challengeId: ChallengeIdSchema }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('alertDecided'),
      payload: z
        .object({
          alertId: Id,
          challengeId: ChallengeIdSchema,
          decision: z.enum(['dismissed', 'validated']),
          reasonCode: AlertReasonCodeSchema.nullable(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('paused'),
      payload: z.object({ cause: PauseCauseSchema, reason: z.string().max(500) }).strict(),
    })
    .strict(),
  z
    .object({ kind: z.literal('unpaused'), payload: z.object({ authorization: Id.nullable() }).strict() })
    .strict(),
  z
    .object({
      kind: z.literal('timeAdded'),
      payload: z.object({ addedMs: z.number().int().positive(), authorization: Id }).strict(),
    })
    .strict(),
  /** A challenge-browser navigation, allowed or blocked: the jury can see it. */
  z
    .object({
      kind: z.literal('navigation'),
      payload: z
        .object({ url: z.string().max(4096), allowed: z.boolean(), rule: z.string().max(500).nullable() })
        .strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('lockdown'),
      payload: z.object({ event: LockdownEventSchema, detail: z.string().max(500) }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('ended'),
      payload: z.object({ reason: EndReasonSchema, authorization: Id.nullable() }).strict(),
    })
    .strict(),
]);
export type RecordBody = z.infer<typeof RecordBodySchema>;
export type RecordKind = RecordBody['kind'];
export type RecordPayload<K extends RecordKind> = Extract<RecordBody, { kind: K }>['payload'];

/** Where and when a record happened, and its place in the chain. */
export const RecordEnvelopeSchema = z.object({
  testId: Id,
  /** 1-based position in the test's journal. */
  seq: z.number().int().positive(),
  /** Station wall clock (ms since epoch): for people; never used to charge time. */
  wallAt: z.number().int().nonnegative(),
  /** Exam time consumed when the record was written (monotonic, persisted). */
  elapsedMs: z.number().int().nonnegative(),
  prevHash: HashSchema,
  hash: HashSchema,
});

export const JournalRecordSchema = z.intersection(RecordEnvelopeSchema, RecordBodySchema);
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);
