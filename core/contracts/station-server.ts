// The HTTP contract between a station and the central server. Stations sign every request with their
// enrolled key (see station-request-signing.ts); the server answers errors as { error: { code, message } }.
//
// Compatibility (the server is updated first, stations school by school after it): requests are strict
// (the server refuses a field it does not know), while the server's answers and commands are read by
// tolerantly: a field a station does not know is dropped, so that a server may add one without
// stopping every station not yet updated. What the station signs or hashes stays strict (test packages,
// journal records): a station must not take in content it cannot check. A new command type is ignored
// by older stations (never acknowledged); a change of meaning is a new type, never a new field.
import { z } from 'zod';
import { StationIdSchema, StationPublicJwkSchema } from '../identity/station-id.ts';
import { RELEASE_VERSION_PATTERN } from '../versioning/compare-versions.ts';
import {
  JournalRecordSchema,
  AlertReasonCodeSchema,
  MAX_EXAM_TIME_MS,
  WallClockMsSchema,
} from '../journal/journal-record.ts';
import { PackageCandidateSchema, PackageSessionSchema, TestPackageSchema } from '../package/test-package.ts';
import { ExamPhaseSchema, SignInRequestSchema } from './station-api.ts';
import { SelfCheckCodeTextSchema, SelfCheckParamsSchema } from './station-self-check.ts';

const Id = z.string().min(1).max(64);

export const STATION_API_PATHS = {
  enroll: '/api/stations/enroll',
  join: '/api/station/join',
  heartbeat: '/api/station/heartbeat',
  /** Server-sent events: one `command` event per invigilator command, resumable with Last-Event-ID. */
  commands: '/api/station/commands',
  commandAck: (commandId: string) => `/api/station/commands/${encodeURIComponent(commandId)}/ack`,
  records: (testId: string) => `/api/station/tests/${encodeURIComponent(testId)}/records`,
  package: (testId: string) => `/api/station/tests/${encodeURIComponent(testId)}/package`,
  attachment: (hash: string) => `/api/station/attachments/${encodeURIComponent(hash)}`,
  result: (testId: string) => `/api/station/tests/${encodeURIComponent(testId)}/result`,
  /** Signed: the station holds a result the server refused for good (the room then says so). */
  resultRefusal: (testId: string) => `/api/station/tests/${encodeURIComponent(testId)}/result-refusal`,
  /** The station's version and last self-check result, shown to the centre (issue 8). */
  selfCheck: '/api/station/self-check',
  /** Unsigned (also before enrollment): server time and version, and whether `?version=` is allowed. */
  compatibility: '/api/stations/compatibility',
} as const;

export const ApiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * The error codes station routes answer with (HTTP status in brackets). Join failures reuse the
 * StationApi's codes so that the station can show them as they are.
 */
export const STATION_HTTP_ERROR_CODES = [
  /** [400] The body, a header or a parameter does not match its schema; [413] body too large. */
  'INVALID_REQUEST',
  'PAYLOAD_TOO_LARGE',
  /** [401] Unknown station; [403] revoked station. The message says which. */
  'STATION_NOT_READY',
  /** [401] The signature headers are missing, malformed or do not verify. */
  'BAD_SIGNATURE',
  /** [401] The timestamp is further than SIGNATURE_MAX_SKEW_MS from the server clock. */
  'STALE_REQUEST',
  /** [401] This nonce was already used: sign again with a fresh nonce. */
  'REPLAYED_REQUEST',
  /**
   * [400/404/410] Enrollment code unknown, used or expired; [409] key already enrolled (or revoked, and
   * the code was not issued to enroll it again).
   */
  'ENROLLMENT_CODE_INVALID',
  'STATION_ALREADY_ENROLLED',
  /** [409] The key's station (revoked) belongs to another centre than the code: it never moves. */
  'STATION_OF_ANOTHER_CENTRE',
  /** [409] The code was issued to enroll again another (revoked) station: it enrolls no other key. */
  'ENROLLMENT_CODE_FOR_ANOTHER_STATION',
  // Join (see StationApi's codes).
  'SESSION_NOT_FOUND',
  'WRONG_ACCESS_CODE',
  'SESSION_CLOSED',
  'NO_MATCHING_CANDIDATE',
  'SEVERAL_MATCHING_CANDIDATES',
  'NOT_CERTIFIABLE',
  'CANDIDATE_ALREADY_STARTED',
  /** [404] Unknown test, command or attachment. */
  'NOT_FOUND',
  /** [404] No route at this address (a wrong path in the server address, a proxy): tried again. */
  'NO_ROUTE',
  /** [403] The test is attached to another station (e.g. resumed elsewhere). */
  'NOT_YOUR_TEST',
  /** [409] The package is not available yet: the invigilator has not authorized the start. */
  'NOT_AUTHORIZED',
  /** [409] Records: a different record is already stored under this sequence number. */
  'RECORD_CONFLICT',
  /** [422] Records or bundle: the hash chain does not verify (the message says where). */
  'CHAIN_BROKEN',
  /** [422] Bundle: not a compact JWS, wrong type, or unreadable payload. */
  'BUNDLE_MALFORMED',
  'BUNDLE_BAD_SIGNATURE',
  'BUNDLE_INVALID_PAYLOAD',
  /** [422] The bundle names another station, test, session or candidate than the server issued. */
  'BUNDLE_MISMATCH',
  'PACKAGE_MISMATCH',
  /** [409] A different bundle was already accepted for this test. */
  'BUNDLE_CONFLICT',
  /** [429] Too many requests. */
  'RATE_LIMITED',
] as const;
export type StationHttpErrorCode = (typeof STATION_HTTP_ERROR_CODES)[number];

/**
 * The codes with which the server refuses a result upload for good: the station keeps the result and
 * never sends it again (main/station/sync/server-verdict.ts), and reports the refusal (POST
 * resultRefusal).
 */
export const RESULT_REFUSAL_CODES = [
  'INVALID_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'CHAIN_BROKEN',
  'BUNDLE_MALFORMED',
  'BUNDLE_BAD_SIGNATURE',
  'BUNDLE_INVALID_PAYLOAD',
  'BUNDLE_MISMATCH',
  'PACKAGE_MISMATCH',
  'BUNDLE_CONFLICT',
] as const satisfies readonly StationHttpErrorCode[];
export type ResultRefusalCode = (typeof RESULT_REFUSAL_CODES)[number];

export const EnrollRequestSchema = z
  .object({
    enrollmentCode: z.string().trim().min(6).max(64),
    publicKey: StationPublicJwkSchema,
    name: z.string().trim().min(1).max(100),
    /** Recorded for IT, never trusted (cloned images share it). */
    machineId: z.string().max(200),
  })
  .strict();
export const EnrollResponseSchema = z.object({
  stationId: StationIdSchema,
  centre: z.object({ id: Id, name: z.string() }),
});

export const JoinRequestSchema = SignInRequestSchema;
export const JoinResponseSchema = z.object({
  testId: Id,
  session: PackageSessionSchema,
  candidate: PackageCandidateSchema,
  /** True when this candidate already has an unfinished test: the station must wait for "authorize resume". */
  resuming: z.boolean(),
});
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

export const HeartbeatRequestSchema = z
  .object({
    testId: Id.nullable(),
    phase: ExamPhaseSchema,
    current: z.number().int().nonnegative().nullable(),
    answered: z.number().int().nonnegative().nullable(),
    total: z.number().int().positive().nullable(),
    timeLeftMs: z.number().int().nonnegative().nullable(),
    /**
     * The time added (all of the test's `timeAdded` records) that `timeLeftMs` already counts, sent with
     * it: the room says time added is confirmed by the station from this, not by guessing when the
     * station applied it. Absent from older stations; refused without a time left.
     */
    addedMs: z.number().int().nonnegative().max(MAX_EXAM_TIME_MS).optional(),
    alertPending: z.boolean(),
    /** Highest journal seq the station has written (the server compares with what it has). */
    lastSeq: z.number().int().nonnegative(),
    /**
     * Station wall clock when sent, to measure the clock offset: bounded as the records' wallAt are
     * (the offset moves every station time the room shows).
     */
    stationTime: WallClockMsSchema,
  })
  .strict()
  .refine((h) => h.addedMs === undefined || h.timeLeftMs !== null, {
    message: 'addedMs counts in a time left: it comes with timeLeftMs',
    path: ['addedMs'],
  });
export type HeartbeatRequest = z.infer<typeof HeartbeatRequestSchema>;
export const HeartbeatResponseSchema = z.object({
  serverTime: z.number().int().nonnegative(),
  /**
   * True when the heartbeat names a test that is now attached to another station (the candidate
   * resumed there, or signed in there before the start): the station stops that test without sealing
   * it and keeps its journal for the jury. Absent (false) otherwise.
   */
  testElsewhere: z.boolean().optional(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponseSchema>;

/** GET package: the candidate's test package and its hash (SHA-256 of its canonical JSON, core/hashing). */
export const PackageResponseSchema = z.object({
  package: TestPackageSchema,
  packageHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PackageResponse = z.infer<typeof PackageResponseSchema>;

/**
 * GET records: the records the server stored for a test, in chain order from seq 1 (resume elsewhere),
 * and the time left the candidate's last station reported in its last heartbeat, when that heartbeat
 * came after the last of these records (null otherwise; absent from older servers). Records mark only
 * answers and events: without it, minutes spent on a question before the station died were given back.
 * When none of the records is the start (the station died before it arrived), whenever that heartbeat
 * came: the new station starts the test again at the first question with that time left.
 */
export const TestRecordsResponseSchema = z.object({
  records: z.array(JournalRecordSchema).max(20_000),
  lastTimeLeftMs: z.number().int().nonnegative().nullable().optional(),
});
export type TestRecordsResponse = z.infer<typeof TestRecordsResponseSchema>;

/**
 * POST records: the station replicates its journal records in order (duplicates are ignored; a record
 * after a gap is not stored, so the answer's storedThrough tells the station where to resume).
 * The package is available once the invigilator authorized the start, and the records (GET, for a
 * resume on another station) once the invigilator authorized the resume, to the test's station.
 */
export const RecordsRequestSchema = z
  .object({ records: z.array(JournalRecordSchema).min(1).max(500) })
  .strict();
/** Highest seq stored contiguously from 1: the station may forget outbox rows up to it. */
export const RecordsResponseSchema = z.object({ storedThrough: z.number().int().nonnegative() });

/**
 * Commands stream (GET commands, text/event-stream): each command is an SSE event named `command`
 * whose `id` is a server-wide increasing number and whose data is a StationCommand. On (re)connect
 * the server sends every unacknowledged command with an id above Last-Event-ID, and sends again any
 * command still unacknowledged after COMMAND_REDELIVERY_MS. The station applies a command at most once
 * (by command id) and then acknowledges it (POST commandAck, CommandAckRequest), also when it had
 * nothing to do. Comments (`: keep-alive`) are sent every 15 s.
 */
export const STATION_COMMAND_EVENT = 'command';
export const COMMAND_REDELIVERY_MS = 10_000;
/**
 * What the station did with the command it acknowledges: `applied`; `pending`, kept to apply later (a
 * start while the candidate still reads the instructions, a package or resume download that failed);
 * `ignored`, nothing to do. A command it cannot take yet (deferred) is not acknowledged at all.
 */
export const COMMAND_ACK_OUTCOMES = ['applied', 'pending', 'ignored'] as const;
export const CommandAckOutcomeSchema = z.enum(COMMAND_ACK_OUTCOMES);
export type CommandAckOutcome = z.infer<typeof CommandAckOutcomeSchema>;
/**
 * The acknowledgement's body: the outcome, which says whether a start went ahead (only `applied` does);
 * older stations send `{}` or no body.
 */
export const CommandAckRequestSchema = z.object({ outcome: CommandAckOutcomeSchema.optional() }).strict();
export type CommandAckRequest = z.infer<typeof CommandAckRequestSchema>;
export const CommandAckResponseSchema = z.object({ acknowledgedAt: z.iso.datetime({ offset: true }) });

/** The station's version and self-check (issue 8), stored for the centre's station list. */
export const SelfCheckRequestSchema = z
  .object({
    version: z.string().trim().min(1).max(50),
    ok: z.boolean(),
    checks: z
      .array(
        z
          .object({
            name: z.string().min(1).max(100),
            ok: z.boolean(),
            detail: z.string().max(500),
            /** ok: false is a failure; a warning is ok: true with status 'warning' (older stations omit it). */
            status: z.enum(['ok', 'warning', 'failure', 'skipped']).optional(),
            /**
             * What was found, for the back office to word in its language (station-self-check-codes.ts),
             * with its parameters; `detail` is the station's French sentence. Older stations omit both.
             */
            code: SelfCheckCodeTextSchema.optional(),
            params: SelfCheckParamsSchema.optional(),
          })
          .strict(),
      )
      .max(100),
    checkedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type SelfCheckRequest = z.infer<typeof SelfCheckRequestSchema>;
export const SelfCheckResponseSchema = z.object({ recordedAt: z.iso.datetime({ offset: true }) });

/** GET compatibility?version=1.2.3: what a station checks before exam day (self-check). */
export const CompatibilityQuerySchema = z
  .object({
    version: z.string().trim().regex(RELEASE_VERSION_PATTERN, 'must be a version such as 1.4.0'),
  })
  .strict();
export const CompatibilityResponseSchema = z.object({
  serverVersion: z.string(),
  /** Server clock (ms since the epoch), to measure the station's clock offset. */
  serverTime: z.number().int().nonnegative(),
  /** Oldest station version the server accepts; null when every version is accepted. */
  minimumStationVersion: z.string().nullable(),
  versionAllowed: z.boolean(),
});
export type CompatibilityResponse = z.infer<typeof CompatibilityResponseSchema>;

/**
 * How old (server time) a closeStation command may be when the station receives it: a station that was
 * off or cut from the network when it was issued must not close itself when it next starts.
 */
export const CLOSE_STATION_FRESH_MS = 60_000;

export const StationCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('authorizeStart'), id: Id, testId: Id }),
  z.object({ type: z.literal('withdrawAuthorization'), id: Id, testId: Id }),
  z.object({ type: z.literal('authorizeResume'), id: Id, testId: Id }),
  z.object({ type: z.literal('pause'), id: Id, testId: Id, reason: z.string().max(500) }),
  z.object({ type: z.literal('unlock'), id: Id, testId: Id }),
  z.object({
    type: z.literal('addTime'),
    id: Id,
    testId: Id,
    addedMs: z
      .number()
      .int()
      .positive()
      .max(4 * 3600_000),
  }),
  z.object({ type: z.literal('endTest'), id: Id, testId: Id }),
  z.object({
    type: z.literal('alertDecision'),
    id: Id,
    testId: Id,
    alertId: Id,
    decision: z.enum(['dismissed', 'validated']),
    reasonCode: AlertReasonCodeSchema.nullable(),
  }),
  /**
   * The invigilator closes the station (the app quits), sent to the station `testId` is attached to
   * when no test is under way there. The station obeys only while none is (no one signed in, or that
   * test not started or over) and only within CLOSE_STATION_FRESH_MS of `issuedAt` (server time, ms).
   */
  z.object({
    type: z.literal('closeStation'),
    id: Id,
    testId: Id,
    issuedAt: z.number().int().nonnegative(),
  }),
]);
export type StationCommand = z.infer<typeof StationCommandSchema>;

/**
 * Result upload: the station sends `idempotency-key: <testId>:<bundleHash>` (bundleHash as in
 * core/bundle/bundle-hash.ts); the same bundle again gets the first acknowledgment again.
 */
export const RESULT_IDEMPOTENCY_HEADER = 'idempotency-key';

export const ResultUploadRequestSchema = z
  .object({
    bundle: z
      .string()
      .min(1)
      .max(8 * 1024 * 1024),
  })
  .strict();
export const ResultUploadResponseSchema = z.object({
  bundleHash: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type ResultUploadResponse = z.infer<typeof ResultUploadResponseSchema>;

/** The station's journal keeps the server's message up to this length. */
export const RESULT_REFUSAL_MESSAGE_MAX = 2000;

/**
 * POST resultRefusal (signed): the station reports that the server refused its result for good, with
 * the server's code and message. The result route has no request signature, so from the upload alone the
 * server marks on the test only the refusals it can pin on the test's station; this signed request
 * proves that the test's own station holds a refused result, and has the others marked too (a bad
 * signature, an unreadable JWS, a conflict…) for the invigilator's room. Sending it again changes nothing.
 */
export const ResultRefusalRequestSchema = z
  .object({
    code: z.enum(RESULT_REFUSAL_CODES),
    message: z.string().max(RESULT_REFUSAL_MESSAGE_MAX),
  })
  .strict();
export type ResultRefusalRequest = z.infer<typeof ResultRefusalRequestSchema>;
/**
 * `marked`: true when the test is marked refused (now or before: the room says the result is kept on
 * the station); false when a result of the test was accepted, which stands.
 */
export const ResultRefusalResponseSchema = z.object({ marked: z.boolean() });
export type ResultRefusalResponse = z.infer<typeof ResultRefusalResponseSchema>;
