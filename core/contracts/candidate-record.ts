// The record of one candidate's test for the jury (« Dossier du test »): what the station journaled,
// read from the evidence scoring used (the signed result when it arrived, else the records replicated
// during the test), placed on the server's clock, with what the server knows beside it (the test
// package, the alerts and their decisions, the incident reports, the stations, the authorizations,
// the abort reason given at finalization). Read by the centre's referents and administrators once the
// session is finalized (GET /api/centre/candidates/:candidateId/test-record); before that, the
// invigilator screen shows the test live.
import { z } from 'zod';
import { AnswerStatusSchema } from '../challenge/answer.ts';
import { ChallengeIdSchema, ChallengeTypeSchema } from '../challenge/challenge.ts';
import { CompetenceCodeSchema } from '../framework/crcn.ts';
import { AlertReasonCodeSchema } from '../journal/journal-record.ts';
import { LockdownFactsSchema } from '../journal/lockdown-facts.ts';
import { AbortReasonSchema } from '../scoring/scoring-input.ts';
import { SessionStateSchema } from '../session/session.ts';
import { IncidentCodeSchema } from './invigilator-api.ts';
import { EndReasonSchema, LockdownEventSchema, PauseCauseSchema } from './station-api.ts';

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime({ offset: true });
/**
 * A moment the station's clock gave, brought to the server's by the offset measured for the station
 * that wrote it; null when no instant can be written for it (a clock wrong beyond the API's years).
 */
const StationMoment = Timestamp.nullable();
const QuestionNumber = z.number().int().positive();
const Ms = z.number().int().nonnegative();
const Count = z.number().int().nonnegative();

/**
 * At most this many navigations are listed (the blocked ones first, then the allowed ones, in the
 * order they happened): a candidate may open hundreds of pages, and the blocked ones are what the jury
 * looks for. The others are counted (`navigation.omitted`).
 */
export const MAX_NAVIGATIONS_LISTED = 300;
/**
 * At most this many station events (lockdown events and focused questions left) are listed, the first
 * half and the last half in the order they happened: a station that reports the same event in a loop
 * (a second screen plugged in and out, a window that takes the focus) would make a page no one can
 * read or print. The ones between are counted (`stationEvents.omitted`).
 */
export const MAX_STATION_EVENTS_LISTED = 300;
/** How many of the first and of the last station events a list of `limit` holds. */
export function stationEventHalves(limit: number): { first: number; last: number } {
  const first = Math.ceil(limit / 2);
  return { first, last: limit - first };
}
/** The challenge's instruction is shown as plain text, cut to about this many characters. */
export const INSTRUCTION_EXCERPT_MAX = 160;

export const RecordEvidenceSchema = z
  .object({
    /**
     * `bundle`: the station's signed result, verified on arrival (its signature by the station's key,
     * its hash chain and its test package); `records`: what the station replicated during the test,
     * the signed result not having arrived (or having been refused).
     */
    source: z.enum(['bundle', 'records']),
    signedResult: z
      .object({
        state: z.enum(['verified', 'awaited', 'refused']),
        /** When the verified signed result arrived (server clock). */
        receivedAt: Timestamp.nullable(),
        /** Why the server refused it for good (CHAIN_BROKEN, PACKAGE_MISMATCH…); null otherwise. */
        refusalCode: z.string().nullable(),
      })
      .strict(),
    /** How many journal records the evidence holds. */
    recordCount: Ms,
  })
  .strict();

/** The answer as the candidate gave it: the choices picked (with their text), or each field's value. */
export const RecordedAnswerSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('choices'),
      choices: z.array(z.object({ id: z.string(), text: z.string().nullable() }).strict()),
    })
    .strict(),
  z
    .object({
      type: z.literal('fields'),
      fields: z.array(
        z.object({ name: z.string(), label: z.string().nullable(), value: z.string() }).strict(),
      ),
    })
    .strict(),
]);
export type RecordedAnswer = z.infer<typeof RecordedAnswerSchema>;

/** Why a question does not count: an alert the invigilator validated (its code), or the jury. */
export const RecordNeutralizationSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('alert'), reasonCode: AlertReasonCodeSchema.nullable() }).strict(),
  z.object({ by: z.literal('jury') }).strict(),
]);
export type RecordNeutralization = z.infer<typeof RecordNeutralizationSchema>;

export const RecordQuestionSchema = z
  .object({
    /** Its place in the test package (the order the candidate saw the questions in), from 1. */
    number: QuestionNumber,
    challengeId: ChallengeIdSchema,
    competence: CompetenceCodeSchema,
    type: ChallengeTypeSchema,
    /** The start of its instruction, as plain text. */
    instruction: z.string(),
    /** The candidate had to stay on it (leaving it makes a right answer focusedOut). */
    focused: z.boolean(),
    /** Seconds allowed, for a timed question. */
    timerSeconds: z.number().int().positive().nullable(),
    /** Null: skipped or never answered. */
    answer: RecordedAnswerSchema.nullable(),
    /** As scoring sees it (the same checker); null: never answered nor skipped. */
    status: AnswerStatusSchema.nullable(),
    /**
     * How it counts in the score (neutralized questions count neither way; an unanswered one counts
     * as skipped, or as neutralized after a technical abort); null while how the test ended is unknown.
     */
    counted: z.enum(['correct', 'wrong', 'neutralized']).nullable(),
    neutralization: RecordNeutralizationSchema.nullable(),
    /** Exam time spent on it, as the station measured it; null when never answered nor skipped. */
    timeSpentMs: Ms.nullable(),
    answeredAt: StationMoment,
    /** How many times the candidate left it (a focused question's `focusLost` records). */
    focusLosses: Ms,
  })
  .strict();
export type RecordQuestion = z.infer<typeof RecordQuestionSchema>;

export const RecordAlertSchema = z
  .object({
    alertId: Id,
    questionNumber: QuestionNumber.nullable(),
    raisedAt: StationMoment,
    /**
     * `withdrawn`: by the candidate before it reached the server, never raised for scoring;
     * `undecided`: nobody decided (the test ended first).
     */
    decision: z.enum(['validated', 'dismissed', 'withdrawn', 'undecided']),
    reasonCode: AlertReasonCodeSchema.nullable(),
    decidedAt: Timestamp.nullable(),
  })
  .strict();
export type RecordAlert = z.infer<typeof RecordAlertSchema>;

export const RecordIncidentSchema = z
  .object({
    code: IncidentCodeSchema,
    questionNumber: z.number().int().nullable(),
    description: z.string(),
    createdAt: Timestamp,
  })
  .strict();

/** Where and when an entry of the timeline happened. */
const entry = {
  seq: z.number().int().positive(),
  at: StationMoment,
  /** Exam time consumed then (the station's monotonic clock). */
  elapsedMs: Ms,
  /**
   * The question concerned: its own for an answer, a skip, an alert or a focus loss; for any other
   * entry during the test, the one on screen then (the first not yet answered, skipped or neutralized
   * by an alert); null before the questions or once all are done.
   */
  questionNumber: QuestionNumber.nullable(),
};

/** One journal record, in the jury's terms (authorizations' ids left out). */
export const TimelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...entry, kind: z.literal('testOpened'), stationId: Id }).strict(),
  z.object({ ...entry, kind: z.literal('packageStored'), challengeCount: Ms }).strict(),
  z.object({ ...entry, kind: z.literal('started') }).strict(),
  /** `downtimeMs`: how long the station was down before (not charged to the candidate). */
  z.object({ ...entry, kind: z.literal('resumed'), downtimeMs: Ms }).strict(),
  z
    .object({ ...entry, kind: z.literal('answered'), timedOut: z.boolean(), focusedOut: z.boolean() })
    .strict(),
  z.object({ ...entry, kind: z.literal('skipped') }).strict(),
  z.object({ ...entry, kind: z.literal('focusLost') }).strict(),
  z.object({ ...entry, kind: z.literal('alertRaised'), alertId: Id }).strict(),
  z
    .object({
      ...entry,
      kind: z.literal('alertDecided'),
      alertId: Id,
      decision: z.enum(['dismissed', 'validated']),
      reasonCode: AlertReasonCodeSchema.nullable(),
    })
    .strict(),
  z.object({ ...entry, kind: z.literal('alertWithdrawn'), alertId: Id }).strict(),
  z.object({ ...entry, kind: z.literal('paused'), cause: PauseCauseSchema, reason: z.string() }).strict(),
  z.object({ ...entry, kind: z.literal('unpaused') }).strict(),
  z.object({ ...entry, kind: z.literal('timeAdded'), addedMs: Ms }).strict(),
  z
    .object({
      ...entry,
      kind: z.literal('navigation'),
      url: z.string(),
      allowed: z.boolean(),
      /** The URL filter's rule that decided, when one did. */
      rule: z.string().nullable(),
    })
    .strict(),
  /** `detail`: the station's French sentence; `facts`: what it knows as data (newer stations only). */
  z
    .object({
      ...entry,
      kind: z.literal('lockdown'),
      event: LockdownEventSchema,
      detail: z.string(),
      facts: LockdownFactsSchema.optional(),
    })
    .strict(),
  z.object({ ...entry, kind: z.literal('ended'), reason: EndReasonSchema }).strict(),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type TimelineKind = TimelineEntry['kind'];

export const CandidateTestRecordSchema = z
  .object({
    candidate: z
      .object({
        id: Id,
        firstName: z.string(),
        lastName: z.string(),
        birthdate: z.string(),
        extraTimePercentage: Ms,
        accessibilityAdjustment: z.boolean(),
      })
      .strict(),
    session: z
      .object({
        id: Id,
        number: z.number().int().positive(),
        centreId: Id,
        centreName: z.string(),
        date: z.string(),
        time: z.string(),
        room: z.string(),
        examiner: z.string(),
        state: SessionStateSchema,
      })
      .strict(),
    testId: Id,
    evidence: RecordEvidenceSchema,
    /** The stations the test ran on, in the order it ran on them (a resume elsewhere adds one). */
    stations: z.array(z.object({ id: Id, name: z.string() }).strict()),
    /** The invigilator's go-aheads: each start or resume consumes one (server clock). */
    authorizations: z.array(
      z
        .object({
          kind: z.enum(['start', 'resume']),
          stationId: Id,
          stationName: z.string(),
          issuedAt: Timestamp,
          /** When the station took it; null: never delivered (withdrawn, or the station was gone). */
          acknowledgedAt: Timestamp.nullable(),
        })
        .strict(),
    ),
    startedAt: StationMoment,
    end: z
      .object({
        /** Null: no end was journaled (the station died, or its last records never arrived). */
        reason: EndReasonSchema.nullable(),
        at: StationMoment,
        /** Given at finalization (or by an administrator since) for a test that did not end normally. */
        abortReason: AbortReasonSchema.nullable(),
        /** The invigilator confirmed the test over though its silent station still had time. */
        confirmedOver: z.boolean(),
      })
      .strict(),
    time: z
      .object({
        /** 1 h 45 plus the candidate's extra time plus the time added. */
        allowedMs: Ms,
        addedMs: Ms,
        /** Station down (crash, power cut): recorded, not charged. */
        downtimeMs: Ms,
        /** Exam time consumed at the journal's last record. */
        elapsedMs: Ms,
      })
      .strict(),
    questions: z.array(RecordQuestionSchema),
    alerts: z.array(RecordAlertSchema),
    incidents: z.array(RecordIncidentSchema),
    navigation: z
      .object({
        total: Ms,
        blocked: Ms,
        /** Left out of the timeline (MAX_NAVIGATIONS_LISTED), per kind. */
        omitted: z.object({ allowed: Ms, blocked: Ms }).strict(),
        limit: z.number().int().positive(),
      })
      .strict(),
    stationEvents: z
      .object({
        total: Count,
        /** Left out of the timeline (MAX_STATION_EVENTS_LISTED): the ones between the first and last. */
        omitted: Count,
        limit: z.number().int().positive(),
      })
      .strict(),
    /** Every record in order, navigations and station events beyond their limits left out. */
    timeline: z.array(TimelineEntrySchema),
  })
  .strict();
export type CandidateTestRecord = z.infer<typeof CandidateTestRecordSchema>;
