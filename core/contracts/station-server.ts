// The HTTP contract between a station and the central server. Stations sign every request with their
// enrolled key (see station-request-signing.ts); the server answers errors as { error: { code, message } }.
import { z } from 'zod';
import { StationIdSchema, StationPublicJwkSchema } from '../identity/station-id.ts';
import { JournalRecordSchema, AlertReasonCodeSchema } from '../journal/journal-record.ts';
import { PackageCandidateSchema, PackageSessionSchema, TestPackageSchema } from '../package/test-package.ts';
import { ExamPhaseSchema, SignInRequestSchema } from './station-api.ts';

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
} as const;

export const ApiErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }).strict() })
  .strict();
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const EnrollRequestSchema = z
  .object({
    enrollmentCode: z.string().trim().min(6).max(64),
    publicKey: StationPublicJwkSchema,
    name: z.string().trim().min(1).max(100),
    /** Recorded for IT, never trusted (cloned images share it). */
    machineId: z.string().max(200),
  })
  .strict();
export const EnrollResponseSchema = z
  .object({ stationId: StationIdSchema, centre: z.object({ id: Id, name: z.string() }).strict() })
  .strict();

export const JoinRequestSchema = SignInRequestSchema;
export const JoinResponseSchema = z
  .object({
    testId: Id,
    session: PackageSessionSchema,
    candidate: PackageCandidateSchema,
    /** True when this candidate already has an unfinished test: the station must wait for "authorize resume". */
    resuming: z.boolean(),
  })
  .strict();
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

export const HeartbeatRequestSchema = z
  .object({
    testId: Id.nullable(),
    phase: ExamPhaseSchema,
    current: z.number().int().nonnegative().nullable(),
    answered: z.number().int().nonnegative().nullable(),
    total: z.number().int().positive().nullable(),
    timeLeftMs: z.number().int().nonnegative().nullable(),
    alertPending: z.boolean(),
    /** Highest journal seq the station has written (the server compares with what it has). */
    lastSeq: z.number().int().nonnegative(),
    /** Station wall clock when sent, to measure the clock offset. */
    stationTime: z.number().int().nonnegative(),
  })
  .strict();
export type HeartbeatRequest = z.infer<typeof HeartbeatRequestSchema>;
export const HeartbeatResponseSchema = z.object({ serverTime: z.number().int().nonnegative() }).strict();

/** GET package: the candidate's test package and its hash (SHA-256 of its canonical JSON, core/hashing). */
export const PackageResponseSchema = z
  .object({ package: TestPackageSchema, packageHash: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict();
export type PackageResponse = z.infer<typeof PackageResponseSchema>;

/** GET records: the records the server stored for a test, in chain order from seq 1 (resume elsewhere). */
export const TestRecordsResponseSchema = z
  .object({ records: z.array(JournalRecordSchema).max(20_000) })
  .strict();

export const RecordsRequestSchema = z
  .object({ records: z.array(JournalRecordSchema).min(1).max(500) })
  .strict();
/** Highest seq stored contiguously from 1: the station may forget outbox rows up to it. */
export const RecordsResponseSchema = z.object({ storedThrough: z.number().int().nonnegative() }).strict();

export const StationCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('authorizeStart'), id: Id, testId: Id }).strict(),
  z.object({ type: z.literal('withdrawAuthorization'), id: Id, testId: Id }).strict(),
  z.object({ type: z.literal('authorizeResume'), id: Id, testId: Id }).strict(),
  z.object({ type: z.literal('pause'), id: Id, testId: Id, reason: z.string().max(500) }).strict(),
  z.object({ type: z.literal('unlock'), id: Id, testId: Id }).strict(),
  z
    .object({
      type: z.literal('addTime'),
      id: Id,
      testId: Id,
      addedMs: z
        .number()
        .int()
        .positive()
        .max(4 * 3600_000),
    })
    .strict(),
  z.object({ type: z.literal('endTest'), id: Id, testId: Id }).strict(),
  z
    .object({
      type: z.literal('alertDecision'),
      id: Id,
      testId: Id,
      alertId: Id,
      decision: z.enum(['dismissed', 'validated']),
      reasonCode: AlertReasonCodeSchema.nullable(),
    })
    .strict(),
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
export const ResultUploadResponseSchema = z
  .object({ bundleHash: z.string().regex(/^[0-9a-f]{64}$/), receivedAt: z.iso.datetime({ offset: true }) })
  .strict();
export type ResultUploadResponse = z.infer<typeof ResultUploadResponseSchema>;
