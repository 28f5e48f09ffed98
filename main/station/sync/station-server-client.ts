// The station's calls to the certification server, one method per route of
// core/contracts/station-server.ts, each answer checked against its schema. The exam runtime uses the
// ExamServer part (join, package, records); the heartbeat, replicator, command stream, uploader and
// refusal reporter use the rest.
import { z } from 'zod';
import type { SignInRequest } from '../../../core/contracts/station-api.ts';
import {
  EnrollResponseSchema,
  HeartbeatResponseSchema,
  JoinResponseSchema,
  PackageResponseSchema,
  RESULT_IDEMPOTENCY_HEADER,
  RecordsResponseSchema,
  ResultRefusalResponseSchema,
  ResultUploadResponseSchema,
  STATION_API_PATHS,
  TestRecordsResponseSchema,
  type CommandAckOutcome,
  type CommandAckRequest,
  type HeartbeatRequest,
  type JoinResponse,
  type PackageResponse,
  type ResultRefusalRequest,
  type ResultRefusalResponse,
  type ResultUploadResponse,
} from '../../../core/contracts/station-server.ts';
import { resultIdempotencyKey } from '../../../core/bundle/bundle-hash.ts';
import { canonicalHash } from '../../../core/hashing/canonical-hash.ts';
import type { StationPublicJwk } from '../../../core/identity/station-id.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import type { ExamServer, ReplicatedTest, ServerResult } from '../runtime/ports.ts';
import type { ServerConnection } from './server-connection.ts';

export interface EnrollInput {
  enrollmentCode: string;
  publicKey: StationPublicJwk;
  name: string;
  machineId: string;
}

const AnyAnswerSchema = z.unknown();

/** The fixed part of a result upload's timeout: the server verifies the bundle before it answers. */
export const UPLOAD_BASE_TIMEOUT_MS = 30_000;
/**
 * The slowest uplink a station's upload is given time for: 16 KiB/s (128 kbit/s), a school's ADSL
 * uplink (about 1 Mbit/s) shared by a room uploading at time-up. A fixed timeout made a 1–2 MB bundle
 * time out on such a link at every try, and be sent again for ever; a slower link still gets its
 * results through as the room's uploads end and the jittered backoff spreads the retries.
 */
export const UPLOAD_FLOOR_BYTES_PER_S = 16 * 1024;
/** Attachments are at most this big (PDFs, spreadsheets, images of a challenge). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface StationServerClientOptions {
  /** The fixed part of a result upload's timeout (default 30 s), to which the bundle's size adds. */
  uploadTimeoutMs?: number;
}

/**
 * The server cuts a request whose body has not arrived within 10 minutes (server/config.ts
 * REQUEST_TIMEOUT_MS; older servers: 5): waiting longer would only hide its 408.
 */
export const UPLOAD_MAX_TIMEOUT_MS = 600_000;

/**
 * The whole timeout of a result upload of `bytes` (the request covers sending the body): the fixed
 * part, plus the time the bytes take at UPLOAD_FLOOR_BYTES_PER_S (a 2 MiB bundle: 30 s + 128 s), at
 * most what the server waits. A stalled connection is given up as late, but one that moves slowly is
 * no longer cut for good.
 */
export function uploadTimeoutMs(bytes: number, baseMs = UPLOAD_BASE_TIMEOUT_MS): number {
  return Math.min(
    Math.max(baseMs, UPLOAD_MAX_TIMEOUT_MS),
    baseMs + Math.ceil((Math.max(0, bytes) * 1000) / UPLOAD_FLOOR_BYTES_PER_S),
  );
}

export class StationServerClient implements ExamServer {
  readonly connection: ServerConnection;
  readonly #uploadTimeoutMs: number;

  constructor(connection: ServerConnection, options: StationServerClientOptions = {}) {
    this.connection = connection;
    this.#uploadTimeoutMs = options.uploadTimeoutMs ?? UPLOAD_BASE_TIMEOUT_MS;
  }

  enroll(input: EnrollInput) {
    return this.connection.request('POST', STATION_API_PATHS.enroll, {
      body: input,
      schema: EnrollResponseSchema,
    });
  }

  join(request: SignInRequest): Promise<ServerResult<JoinResponse>> {
    return this.connection.request('POST', STATION_API_PATHS.join, {
      body: request,
      schema: JoinResponseSchema,
    });
  }

  /** The package, refused unless its hash (as the journal will store it) is the one announced. */
  async fetchPackage(testId: string): Promise<ServerResult<PackageResponse>> {
    const result = await this.connection.request('GET', STATION_API_PATHS.package(testId), {
      schema: PackageResponseSchema,
    });
    if (!result.ok) return result;
    const actual = canonicalHash(result.value.package);
    if (actual !== result.value.packageHash) {
      return {
        ok: false,
        kind: 'http',
        status: 200,
        code: 'PACKAGE_HASH_MISMATCH',
        message: `the package hashes to ${actual}, not the announced ${result.value.packageHash}`,
      };
    }
    return result;
  }

  async fetchRecords(testId: string): Promise<ServerResult<ReplicatedTest>> {
    const result = await this.connection.request('GET', STATION_API_PATHS.records(testId), {
      schema: TestRecordsResponseSchema,
    });
    if (!result.ok) return result;
    const { records, lastTimeLeftMs = null } = result.value;
    return { ok: true, value: { records, lastTimeLeftMs } };
  }

  heartbeat(request: HeartbeatRequest, timeoutMs?: number) {
    return this.connection.request('POST', STATION_API_PATHS.heartbeat, {
      body: request,
      schema: HeartbeatResponseSchema,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
  }

  postRecords(testId: string, records: readonly JournalRecord[]) {
    return this.connection.request('POST', STATION_API_PATHS.records(testId), {
      body: { records },
      schema: RecordsResponseSchema,
    });
  }

  /** Acknowledges a command with its outcome (whatever the answer's body: only the status matters). */
  async acknowledgeCommand(commandId: string, outcome: CommandAckOutcome): Promise<ServerResult<true>> {
    const body: CommandAckRequest = { outcome };
    const result = await this.connection.request('POST', STATION_API_PATHS.commandAck(commandId), {
      body,
      schema: AnyAnswerSchema,
    });
    return result.ok ? { ok: true, value: true } : result;
  }

  uploadResult(
    testId: string,
    bundle: string,
    bundleHash: string,
  ): Promise<ServerResult<ResultUploadResponse>> {
    return this.connection.request('POST', STATION_API_PATHS.result(testId), {
      body: { bundle },
      schema: ResultUploadResponseSchema,
      headers: { [RESULT_IDEMPOTENCY_HEADER]: resultIdempotencyKey(testId, bundleHash) },
      timeoutMs: uploadTimeoutMs(Buffer.byteLength(bundle, 'utf8'), this.#uploadTimeoutMs),
      // The bundle is the station's signature (a JWS by its key): no request signature on top.
      signedBy: 'body',
    });
  }

  /** Tells the server that it refused this test's result for good (signed, unlike the upload). */
  reportResultRefusal(
    testId: string,
    report: ResultRefusalRequest,
  ): Promise<ServerResult<ResultRefusalResponse>> {
    return this.connection.request('POST', STATION_API_PATHS.resultRefusal(testId), {
      body: report,
      schema: ResultRefusalResponseSchema,
    });
  }

  downloadAttachment(hash: string, size: number): Promise<ServerResult<Uint8Array>> {
    return this.connection.requestBytes(STATION_API_PATHS.attachment(hash), {
      maxBytes: Math.min(size, MAX_ATTACHMENT_BYTES),
      timeoutMs: 60_000,
    });
  }
}
