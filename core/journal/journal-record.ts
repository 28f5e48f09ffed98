// The answer journal's records: everything that happens during one candidate's test, in order, each
// record chained to the previous one by its hash. The station appends them; the server replays them
// from replicated events and from the signed result bundle, so both sides share these schemas.
import { z } from 'zod';
import { AnswerValueSchema } from '../challenge/answer.ts';
import { ChallengeIdSchema } from '../challenge/challenge.ts';
import {
  EndReasonSchema,
  LOCKDOWN_EVENTS,
  LockdownEventSchema,
  PauseCauseSchema,
} from '../contracts/station-api.ts';
import { LockdownFactsSchema } from './lockdown-facts.ts';

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex');
const Id = z.string().min(1).max(64);

export const ALERT_REASON_CODES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E8', 'E9', 'E10', 'E11', 'E12'] as const;
export const AlertReasonCodeSchema = z.enum(ALERT_REASON_CODES);
export type AlertReasonCode = z.infer<typeof AlertReasonCodeSchema>;

// Defined with the StationApi (the screens name a lock's cause); kept importable from here.
export { LOCKDOWN_EVENTS, LockdownEventSchema };

// Bounds on instants and durations: the server turns them into dates (new Date(ms).toISOString()
// throws past 8.64e15, and the API's timestamps take four-digit years only), and what a schema accepts
// once is stored for good. Wide enough that a station never writes a record its own schema refuses.

/**
 * A station's wall clock (ms since the epoch) is below this: 2100-01-01. Wide on purpose: the wall
 * clock is the station's own, possibly wrong by years (a flat battery, a date set by hand), and only
 * for people: nothing is charged by it.
 */
export const MAX_WALL_CLOCK_MS = Date.UTC(2100, 0, 1);
/** A station wall-clock instant: 0 (a clock reset to the epoch) up to MAX_WALL_CLOCK_MS (excluded). */
export const WallClockMsSchema = z.number().int().nonnegative().lt(MAX_WALL_CLOCK_MS);
/**
 * Exam time (monotonic clock): consumed, allowed, spent on a question. The longest test is 1 h 45
 * + 200 % = 5 h 15, plus time the invigilator adds (4 h a command, no cap on their number): a week is
 * out of reach of any exam day.
 */
export const MAX_EXAM_TIME_MS = 7 * 24 * 3600_000;
const ExamTimeMsSchema = z.number().int().nonnegative().max(MAX_EXAM_TIME_MS);
/** One addition of time: a command adds at most 4 h (StationCommandSchema); a day leaves room. */
export const MAX_TIME_ADDED_MS = 24 * 3600_000;
/**
 * Downtime is the gap between two readings of the station's wall clock (main/station/runtime
 * exam-runtime.ts #resume), so a clock set right during an outage can make it years long: bounded by
 * the wall clock's own range, never refused when the resume's own wallAt is not.
 */
const DowntimeMsSchema = z.number().int().nonnegative().lt(MAX_WALL_CLOCK_MS);

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
          allowedMs: ExamTimeMsSchema.positive(),
        })
        .strict(),
    })
    .strict(),
  /** The invigilator confirmed presence (or authorized a resume): the clock runs. */
  z.object({ kind: z.literal('started'), payload: z.object({ authorization: Id }).strict() }).strict(),
  z
    .object({
      kind: z.literal('resumed'),
      payload: z.object({ authorization: Id, downtimeMs: DowntimeMsSchema }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('answered'),
      payload: z
        .object({
          challengeId: ChallengeIdSchema,
          value: AnswerValueSchema,
          timeSpentMs: ExamTimeMsSchema,
          timedOut: z.boolean(),
          focusedOut: z.boolean(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('skipped'),
      payload: z.object({ challengeId: ChallengeIdSchema, timeSpentMs: ExamTimeMsSchema }).strict(),
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
  /**
   * The candidate withdrew a report before it reached the server (offline): the question unfreezes, and
   * the alert counts as never raised (no decision, no neutralization).
   */
  z
    .object({
      kind: z.literal('alertWithdrawn'),
      payload: z.object({ alertId: Id, challengeId: ChallengeIdSchema }).strict(),
    })
    .strict(),
  /**
   * `authorization`: the invigilator's pause command, so a pause delivered again (its acknowledgment
   * lost in a crash) is applied once. Optional: a lockdown pause has none, nor older journals.
   */
  z
    .object({
      kind: z.literal('paused'),
      payload: z
        .object({ cause: PauseCauseSchema, reason: z.string().max(500), authorization: Id.optional() })
        .strict(),
    })
    .strict(),
  z
    .object({ kind: z.literal('unpaused'), payload: z.object({ authorization: Id.nullable() }).strict() })
    .strict(),
  z
    .object({
      kind: z.literal('timeAdded'),
      payload: z
        .object({ addedMs: z.number().int().positive().max(MAX_TIME_ADDED_MS), authorization: Id })
        .strict(),
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
  /**
   * What the station's lockdown watch detected: `detail` is the French sentence for the jury, `facts`
   * what it knows as data, for the screens to say in their language (absent from older stations'
   * records, which hash and parse as before).
   */
  z
    .object({
      kind: z.literal('lockdown'),
      payload: z
        .object({
          event: LockdownEventSchema,
          detail: z.string().max(500),
          facts: LockdownFactsSchema.optional(),
        })
        .strict(),
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
  wallAt: WallClockMsSchema,
  /** Exam time consumed when the record was written (monotonic, persisted). */
  elapsedMs: ExamTimeMsSchema,
  prevHash: HashSchema,
  hash: HashSchema,
});

/** Each body schema with the envelope's fields merged in (same order of kinds). */
type Enveloped<Bodies extends readonly unknown[]> = {
  -readonly [I in keyof Bodies]: Bodies[I] extends z.ZodObject<infer Shape>
    ? ReturnType<typeof RecordEnvelopeSchema.extend<Shape>>
    : never;
};

/**
 * A whole record: the envelope merged into each kind's body, as one discriminated union. It accepts and
 * rejects what the intersection of the envelope and the body schemas did (journal-record.test.ts), for
 * a third less: the intersection parsed each record twice and then merged both results, and intake
 * parses every record of every bundle. As with the intersection, unknown fields beside the envelope are
 * dropped and unknown payload fields are refused.
 */
export const JournalRecordSchema = z.discriminatedUnion(
  'kind',
  // map() loses the tuple's element types; Enveloped restores them, element for element.
  RecordBodySchema.options.map((body) => RecordEnvelopeSchema.extend(body.shape)) as Enveloped<
    typeof RecordBodySchema.options
  >,
);
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);
