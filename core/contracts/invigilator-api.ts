// The invigilator screen's HTTP contract (issue 6): login with the session number and the invigilator
// password, the room (every candidate's live state), the event stream, commands to stations, alert
// decisions, incident reports, finalization and results. Routes are under
// /api/invigilator/sessions/:sessionId and need the session-scoped token (Authorization: Bearer, or
// the pix_invigilator cookie that login sets). Errors are { error: { code, message } }.
import { z } from 'zod';
import { CompetenceCodeSchema } from '../framework/crcn.ts';
import {
  ALERT_REASON_CODES,
  AlertReasonCodeSchema,
  LockdownEventSchema,
  type AlertReasonCode,
} from '../journal/journal-record.ts';
import { LockdownFactsSchema } from '../journal/lockdown-facts.ts';
import { CertificationStatusSchema, ScoringReasonSchema } from '../scoring/certification-score.ts';
import { CompetenceOutcomeSchema } from '../scoring/competence-outcome.ts';
import { AbortReasonSchema } from '../scoring/scoring-input.ts';
import { EndReasonSchema, PauseCauseSchema } from './station-api.ts';
import { JuryDecisionSchema } from './jury-decisions.ts';
import { SessionNumberSchema, SessionStateSchema } from '../session/session.ts';

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime({ offset: true });

export const INVIGILATOR_TOKEN_COOKIE = 'pix_invigilator';

// ------------------------------------------------------------------ login and session

export const InvigilatorLoginRequestSchema = z
  .object({ sessionNumber: SessionNumberSchema, password: z.string().min(1).max(100) })
  .strict();

export const InvigilatorSessionSchema = z
  .object({
    id: Id,
    number: z.number().int().positive(),
    centreName: z.string(),
    address: z.string(),
    room: z.string(),
    date: z.string(),
    time: z.string(),
    examiner: z.string(),
    state: SessionStateSchema,
    finalizedAt: Timestamp.nullable(),
    publishedAt: Timestamp.nullable(),
  })
  .strict();
export type InvigilatorSession = z.infer<typeof InvigilatorSessionSchema>;

export const InvigilatorLoginResponseSchema = z
  .object({ token: z.string(), expiresAt: Timestamp, session: InvigilatorSessionSchema })
  .strict();

// ------------------------------------------------------------------ the room

/**
 * - notArrived: not joined on a station yet;
 * - signedIn: joined, reading the instructions; waiting: waiting for presence confirmation;
 * - startAuthorized: presence confirmed, the station has not started yet;
 * - inProgress / paused (see `pause`) / resumePending (the test was interrupted: authorize the resume);
 * - ended: the test is over, the result not received yet; resultReceived: the signed result is stored.
 */
export const ROOM_CANDIDATE_STATES = [
  'notArrived',
  'signedIn',
  'waiting',
  'startAuthorized',
  'inProgress',
  'paused',
  'resumePending',
  'ended',
  'resultReceived',
] as const;
export const RoomCandidateStateSchema = z.enum(ROOM_CANDIDATE_STATES);
export type RoomCandidateState = z.infer<typeof RoomCandidateStateSchema>;

/** What the question under alert contains: it decides which E codes make sense. */
export const QuestionContentSchema = z
  .object({ image: z.boolean(), attachment: z.boolean(), embed: z.boolean(), focused: z.boolean() })
  .strict();
export type QuestionContent = z.infer<typeof QuestionContentSchema>;

/**
 * The E codes offered for an alert on a question: E1 for an image, E2 for embedded content, E3 for an
 * attachment, E10 for a focused question; the website, time, software, skip and accessibility codes
 * always.
 */
export function alertReasonCodesFor(content: QuestionContent): AlertReasonCode[] {
  return ALERT_REASON_CODES.filter((code) => {
    if (code === 'E1') return content.image;
    if (code === 'E2') return content.embed;
    if (code === 'E3') return content.attachment;
    if (code === 'E10') return content.focused;
    return true;
  });
}

export const RoomAlertSchema = z
  .object({
    id: Id,
    challengeId: z.string(),
    /** 1-based position of the question in the candidate's test; null if the package is unknown. */
    questionNumber: z.number().int().positive().nullable(),
    raisedAt: Timestamp,
    content: QuestionContentSchema,
    reasonCodes: z.array(AlertReasonCodeSchema),
  })
  .strict();

/**
 * The last decision on an alert of this test, for a while after it was taken (ALERT_DECISION_SHOWN_MS):
 * a second screen whose alert view vanished says what the first one decided.
 */
export const ALERT_DECISION_SHOWN_MS = 15 * 60_000;
export const RoomAlertDecisionSchema = z
  .object({
    alertId: Id,
    decision: z.enum(['dismissed', 'validated']),
    /** The E code of a validated alert; null when dismissed. */
    reasonCode: AlertReasonCodeSchema.nullable(),
    questionNumber: z.number().int().positive().nullable(),
    decidedAt: Timestamp,
  })
  .strict();
export type RoomAlertDecision = z.infer<typeof RoomAlertDecisionSchema>;

export const RoomCommandSchema = z
  .object({
    id: Id,
    type: z.string(),
    issuedAt: Timestamp,
    acknowledgedAt: Timestamp.nullable(),
  })
  .strict();

export const RoomCandidateSchema = z
  .object({
    candidateId: Id,
    testId: Id.nullable(),
    firstName: z.string(),
    lastName: z.string(),
    /** YYYY-MM-DD: tells two namesakes apart on the attendance sheet. */
    birthdate: z.string(),
    extraTimePercentage: z.number().int(),
    accessibilityAdjustment: z.boolean(),
    station: z.object({ id: z.string(), name: z.string() }).strict().nullable(),
    state: RoomCandidateStateSchema,
    /** Question n (1-based) of N, and answers given; null before the package is opened. */
    progress: z
      .object({ question: z.number().int().positive(), answered: z.number().int(), total: z.number().int() })
      .strict()
      .nullable(),
    pause: z.object({ cause: PauseCauseSchema, reason: z.string() }).strict().nullable(),
    /** A pending alert: the question is frozen until the invigilator decides. */
    alert: RoomAlertSchema.nullable(),
    /**
     * The station's last heartbeat says the candidate raised an alert whose record has not reached
     * the server yet (records lagging or refused): the question is frozen, the card has no alert to
     * decide, the invigilator should go and see.
     */
    alertInTransit: z.boolean(),
    lastAlertDecision: RoomAlertDecisionSchema.nullable(),
    /**
     * Another station asks to resume this candidate's test (the old one died). `lastHeardAt`: when
     * that station was last heard from (null: not since the server started), kept live by `presence`
     * events: while it is recent the candidate is waiting there, and finalization waits for them.
     */
    resumeRequest: z
      .object({
        stationId: z.string(),
        stationName: z.string(),
        at: Timestamp,
        lastHeardAt: Timestamp.nullable(),
      })
      .strict()
      .nullable(),
    /** The invigilator's start or resume authorization the station has not used yet. */
    authorization: z.enum(['start', 'resume']).nullable(),
    endReason: EndReasonSchema.nullable(),
    /** Time left including extra and added time, as measured at `timeLeftAt` (the last heartbeat). */
    timeLeftMs: z.number().int().nonnegative().nullable(),
    timeLeftAt: Timestamp.nullable(),
    /**
     * The time added that `timeLeftMs` counts, as the station said in that heartbeat: `addedMs` beyond
     * it is added and not confirmed by the station yet. Null when the station did not say (an older
     * station) or there is no time left.
     */
    timeLeftAddedMs: z.number().int().nonnegative().nullable(),
    /** 105 min + extra time + time added. */
    allowedMs: z.number().int().positive(),
    /** Time added, as the station's replicated records say (each applied an invigilator's addTime). */
    addedMs: z.number().int().nonnegative(),
    /** Time the candidate's stations were down during the test (crashes, power cuts): not counted. */
    downtimeMs: z.number().int().nonnegative(),
    startedAt: Timestamp.nullable(),
    /** Indicative: the later of start + allowed + downtime and the last report's timeLeftAt + timeLeftMs. */
    theoreticalEndAt: Timestamp.nullable(),
    lastHeartbeatAt: Timestamp.nullable(),
    /**
     * When the station acknowledged the test's start or resume, no heartbeat heard since (null
     * otherwise): it applied it, so the candidate is at work from then though no heartbeat said so yet
     * (the state may still show the wait). Finalization counts it under way if its station goes silent
     * (core/exam/silent-station.ts).
     */
    goAheadAt: Timestamp.nullable(),
    /**
     * The test went ahead, though the state may still show the wait: started as its records or
     * heartbeats say, or its station said it applied the start (then died before saying more), or its
     * result is stored. A start held while the candidate reads the instructions does not count. The
     * attendance sheet lists the candidate present by it, and an unfinished test needs an abort reason
     * (as finalization and its record count it: server/room/room-view.ts testWentAhead).
     */
    wentAhead: z.boolean(),
    /**
     * It went ahead, but no record of its start reached the server (its station died first): a resume on
     * another station starts it again at the first question, with the time left its station last
     * reported (`timeLeftMs`; else all of `allowedMs`), and what the candidate did there is not here.
     * The invigilator is told before authorizing it, and makes a report for the jury.
     */
    startNotReceived: z.boolean(),
    /**
     * The result: none before the end; pending once the test ended; received once stored; refused when
     * the server refused it for good (see `uploadRefusal`): the station keeps it and does not send it
     * again, and the jury will need that station's journal.
     */
    upload: z.enum(['none', 'pending', 'received', 'refused']),
    /** Why and when the server refused the result (an error code: CHAIN_BROKEN…); null unless refused. */
    uploadRefusal: z
      .object({ code: z.string().max(64), at: Timestamp })
      .strict()
      .nullable(),
    /**
     * `detail`: the station's French sentence for the jury; `facts`: what it knows as data, to be said in
     * the screen's language (absent from older stations' records: then only the sentence is known).
     */
    lockdownEvents: z.array(
      z
        .object({
          event: LockdownEventSchema,
          detail: z.string(),
          facts: LockdownFactsSchema.optional(),
          at: Timestamp,
        })
        .strict(),
    ),
    /** Commands sent to the station and not acknowledged yet. */
    pendingCommands: z.array(RoomCommandSchema),
    incidents: z.number().int().nonnegative(),
  })
  .strict();
export type RoomCandidate = z.infer<typeof RoomCandidateSchema>;

export const RoomSchema = z
  .object({
    session: InvigilatorSessionSchema,
    candidates: z.array(RoomCandidateSchema),
    /** Connect the event stream with Last-Event-ID set to this, and nothing is missed. */
    lastEventId: z.number().int().nonnegative(),
    serverTime: Timestamp,
  })
  .strict();
export type Room = z.infer<typeof RoomSchema>;

/**
 * The event stream (GET …/events, text/event-stream). Stored events have an increasing `id`; on
 * reconnect, send Last-Event-ID and every later event is replayed. Event names and data:
 * - `candidate`: { cause, candidate: RoomCandidate } whenever a candidate's card changes;
 * - `session`: { session } when the session changes state;
 * - `incidents`: { candidateId, count } when reports change;
 * - `removed`: { candidateId } the back office removed the candidate from the session: drop the card;
 * - `resync`: {} the server restarted or the history was cut: fetch the room again;
 * - `presence` (no id, every second while something changed): { serverTime, heartbeats: [{ candidateId,
 *   lastHeartbeatAt, timeLeftMs, timeLeftAt, timeLeftAddedMs }], resumeRequests: [{ candidateId,
 *   stationId, lastHeardAt }] }:
 *   `resumeRequests` are the heartbeats of the stations where candidates wait for a resume (the card's
 *   `resumeRequest.lastHeardAt`, when its `stationId` is that one).
 */
export const ROOM_EVENT_NAMES = [
  'candidate',
  'session',
  'incidents',
  'removed',
  'resync',
  'presence',
] as const;
export const CandidateEventSchema = z.object({ cause: z.string(), candidate: RoomCandidateSchema }).strict();
export const CandidateRemovedEventSchema = z.object({ candidateId: Id }).strict();
export const PresenceEventSchema = z
  .object({
    serverTime: Timestamp,
    heartbeats: z.array(
      z
        .object({
          candidateId: Id,
          lastHeartbeatAt: Timestamp,
          timeLeftMs: z.number().int().nonnegative().nullable(),
          timeLeftAt: Timestamp.nullable(),
          timeLeftAddedMs: z.number().int().nonnegative().nullable(),
        })
        .strict(),
    ),
    resumeRequests: z.array(
      z.object({ candidateId: Id, stationId: z.string(), lastHeardAt: Timestamp }).strict(),
    ),
  })
  .strict();
export type PresenceEvent = z.infer<typeof PresenceEventSchema>;

// ------------------------------------------------------------------ commands and alerts

/**
 * Optional on every command and alert decision: a UUID the screen draws for one confirmation and sends
 * again when it retries it (a lost answer). The same id for the same session (what it asked must be the
 * same, or 409 REQUEST_ID_REUSED) gives the first answer again and issues nothing more, even after a
 * server restart.
 */
export const RequestIdSchema = z.uuid();
const retried = { requestId: RequestIdSchema.optional() };

export const InvigilatorCommandRequestSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('authorizeStart'),
      /** The station the card showed when the presence was confirmed: the start goes there only. */
      stationId: Id.optional(),
      ...retried,
    })
    .strict(),
  z.object({ type: z.literal('withdrawAuthorization'), ...retried }).strict(),
  z.object({ type: z.literal('authorizeResume'), ...retried }).strict(),
  z.object({ type: z.literal('pause'), reason: z.string().trim().max(500).default(''), ...retried }).strict(),
  z.object({ type: z.literal('unlock'), ...retried }).strict(),
  z.object({ type: z.literal('addTime'), minutes: z.number().int().min(1).max(240), ...retried }).strict(),
  z.object({ type: z.literal('endTest'), ...retried }).strict(),
  /** Closes the candidate's station (its app quits): refused while a test is under way on it. */
  z.object({ type: z.literal('closeStation'), ...retried }).strict(),
]);
export type InvigilatorCommandRequest = z.infer<typeof InvigilatorCommandRequestSchema>;

/**
 * The command, and the candidate's card after it with the id of the room event that carries it: a
 * screen whose stream already brought that event (or a later one) keeps the card it has, which may be
 * newer (the station can apply and acknowledge the command before this answer arrives).
 */
export const CommandIssuedResponseSchema = z
  .object({
    command: RoomCommandSchema,
    candidate: RoomCandidateSchema,
    eventId: z.number().int().nonnegative(),
  })
  .strict();

export const AlertDecisionRequestSchema = z
  .object({
    decision: z.enum(['dismissed', 'validated']),
    reasonCode: AlertReasonCodeSchema.nullable().default(null),
    ...retried,
  })
  .strict()
  .refine((d) => (d.decision === 'validated') === (d.reasonCode !== null), {
    path: ['reasonCode'],
    message: 'a validated alert needs an E code; a dismissed one has none',
  });

// ------------------------------------------------------------------ incident reports

/** C codes (candidate and session events) and E codes (a question, with its number). */
export const INCIDENT_CODES = ['C1', 'C2', 'C4', 'C6', 'C7', 'C8', ...ALERT_REASON_CODES] as const;
export const IncidentCodeSchema = z.enum(INCIDENT_CODES);
export type IncidentCode = (typeof INCIDENT_CODES)[number];
/** E codes are about one question of the test (its number is given); C codes about the candidate. */
export const isQuestionCode = (code: IncidentCode): boolean => code.startsWith('E');
export const C_CODES = INCIDENT_CODES.filter((c) => !isQuestionCode(c));
export const E_CODES = INCIDENT_CODES.filter(isQuestionCode);
/** The highest question number a report can name (the longest test). */
export const INCIDENT_QUESTION_MAX = 48;
export const INCIDENT_DESCRIPTION_MAX = 1000;
/** Reports the jury must look at before publication: identity or time changes, fraud, question problems. */
const JURY_CODES: ReadonlySet<IncidentCode> = new Set<IncidentCode>(['C1', 'C2', 'C6', ...E_CODES]);
export const codeNeedsJury = (code: string): boolean => (JURY_CODES as ReadonlySet<string>).has(code);

export const IncidentInputSchema = z
  .object({
    candidateId: Id,
    code: IncidentCodeSchema,
    questionNumber: z.number().int().min(1).max(INCIDENT_QUESTION_MAX).nullable().default(null),
    description: z.string().trim().max(INCIDENT_DESCRIPTION_MAX).default(''),
  })
  .strict()
  .refine((i) => !isQuestionCode(i.code) || i.questionNumber !== null, {
    path: ['questionNumber'],
    message: 'an E code needs the number of the question',
  });

export const IncidentSchema = z
  .object({
    id: Id,
    candidateId: Id,
    code: IncidentCodeSchema,
    questionNumber: z.number().int().nullable(),
    description: z.string(),
    createdAt: Timestamp,
  })
  .strict();
export const IncidentListSchema = z.object({ incidents: z.array(IncidentSchema) }).strict();

// ------------------------------------------------------------------ finalization and results

export const GLOBAL_COMMENT_MAX = 500;

export const FinalizationRequestSchema = z
  .object({
    /** Every unfinished test needs one (DOMAIN.md §6). */
    abortReasons: z
      .array(z.object({ candidateId: Id, reason: AbortReasonSchema }).strict())
      .max(500)
      .default([]),
    globalComment: z.string().trim().max(GLOBAL_COMMENT_MAX).default(''),
    hadIncident: z.boolean(),
    candidateCouldNotJoin: z.boolean(),
    /**
     * Candidates whose test the invigilator confirmed over (station switched off, candidate gone) though
     * their silent station left them time: without it such a test may still run offline, and
     * finalization is refused (409 TESTS_MAYBE_RUNNING). A candidate not in the session: 400.
     */
    confirmedOver: z.array(Id).max(500).optional(),
  })
  .strict();
export type FinalizationRequest = z.output<typeof FinalizationRequestSchema>;

export const CompetenceResultSchema = z
  .object({
    code: CompetenceCodeSchema,
    label: z.string(),
    asked: z.number().int(),
    correct: z.number().int(),
    neutralized: z.number().int(),
    outcome: CompetenceOutcomeSchema,
    pix: z.number().int(),
    level: z.number().int(),
  })
  .strict();

export const SIGNED_RESULT_STATES = ['applied', 'awaited', 'notApplied', 'refused'] as const;
export const SignedResultStateSchema = z.enum(SIGNED_RESULT_STATES);
export type SignedResultState = z.infer<typeof SignedResultStateSchema>;

export const CandidateResultSchema = z
  .object({
    candidateId: Id,
    firstName: z.string(),
    lastName: z.string(),
    birthdate: z.string(),
    status: CertificationStatusSchema,
    pixScore: z.number().int(),
    reproducibilityRate: z.number().int(),
    trusted: z.boolean(),
    reasons: z.array(ScoringReasonSchema),
    competences: z.array(CompetenceResultSchema),
    /** Highest level open to certification when the result was first scored (its levels are capped at it). */
    maxReachableLevel: z.number().int(),
    neutralizedQuestions: z.array(z.number().int().positive()),
    /** The test ended normally (finished or time up); otherwise the abort reason given. */
    finished: z.boolean(),
    abortReason: AbortReasonSchema.nullable(),
    /** Scored from the signed bundle, or from the replicated records when no bundle arrived. */
    source: z.enum(['bundle', 'records']),
    /**
     * The station's signed result (issues 4 and 9): `applied`, the result is scored from it;
     * `awaited`, not received: the result comes only from the answers received during the test, and the
     * station sends it by itself once switched on in the room with network; `notApplied`, received
     * once the results were published (or being scored): an administrator re-scores with it;
     * `refused`, the server refused the one its station sent (the jury examines the station's journal).
     */
    signedResult: SignedResultStateSchema,
    /** When the signed result reached the server (null while awaited). */
    signedResultReceivedAt: Timestamp.nullable(),
    /** It reached the server after the results were published (re-scored with it since, or not). */
    signedResultAfterPublication: z.boolean(),
    incidents: z.array(IncidentSchema),
    /**
     * The jury's decisions on the candidate after the start (identity corrections, cancellation and
     * its undoing), oldest first: status `cancelled` with the reason JURY_CANCELLED while the latest
     * of a cancel and an undo is a cancel.
     */
    juryDecisions: z.array(JuryDecisionSchema),
    /** The certificate's code: only for a validated result (a cancelled one keeps it for an undo). */
    verificationCode: z.string().nullable(),
    scoredAt: Timestamp,
  })
  .strict();
export type CandidateResult = z.infer<typeof CandidateResultSchema>;

/**
 * The jury corrected a candidate's identity (centre API, …/identity-correction): their result as it now
 * reads, or null while the session is not scored yet (the correction may come during the session).
 */
export const IdentityCorrectionResponseSchema = z
  .object({ result: CandidateResultSchema.nullable() })
  .strict();
export type IdentityCorrectionResponse = z.infer<typeof IdentityCorrectionResponseSchema>;

export const ResultsSchema = z
  .object({
    session: InvigilatorSessionSchema,
    finalization: z
      .object({
        globalComment: z.string(),
        hadIncident: z.boolean(),
        candidateCouldNotJoin: z.boolean(),
        /** A comment or a report needing action: the jury reviews before publication. */
        needsJury: z.boolean(),
      })
      .strict()
      .nullable(),
    results: z.array(CandidateResultSchema),
    /** Candidates who never started (no test, no result). */
    absent: z.array(z.object({ candidateId: Id, firstName: z.string(), lastName: z.string() }).strict()),
    /**
     * Candidates without a result whose station's signed result arrived after finalization (nothing of
     * their test had reached the server then). An administrator re-scores with it; when the test stopped
     * early and nobody gave its abort reason (`abortReasonNeeded`), the re-scoring gives it: until
     * then the candidate has no result, and the session needs the jury.
     */
    unscoredSignedResults: z.array(
      z
        .object({
          candidateId: Id,
          firstName: z.string(),
          lastName: z.string(),
          endReason: EndReasonSchema.nullable(),
          signedResultReceivedAt: Timestamp,
          abortReasonNeeded: z.boolean(),
        })
        .strict(),
    ),
  })
  .strict();
export type Results = z.infer<typeof ResultsSchema>;
