// The station's HTTP connection to the certification server: every request signed with the station key
// (core/contracts/station-request-signing.ts), bounded by a timeout, and every outcome turned into a
// ServerResult (never a thrown error): the callers decide what to retry.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ApiErrorSchema } from '../../../core/contracts/station-server.ts';
import {
  STATION_AUTH_HEADERS,
  stationSigningInput,
} from '../../../core/contracts/station-request-signing.ts';
import { describeIssues } from '../../../core/validation/describe-issues.ts';
import type { StationKeys } from '../identity/station-keys.ts';
import type { ServerFailure, ServerResult } from '../runtime/ports.ts';
import { ServerClock } from './server-clock.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ServerConnectionOptions {
  /** The server's base URL, e.g. https://certif.example.org (a path prefix is kept). */
  serverUrl: string;
  keys: Pick<StationKeys, 'stationId' | 'sign'>;
  /** Measures the server's clock; also used to sign with the server's time when the station's is off. */
  clock?: ServerClock;
  fetch?: FetchLike;
  wallClock?: () => number;
  /** Default timeout of one request, response body included (ms). */
  timeoutMs?: number;
}

export interface RequestOptions<S extends z.ZodType> {
  /** JSON body (POST); none for GET. */
  body?: unknown;
  schema: S;
  timeoutMs?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * "body": the body is itself signed by the station key (a result bundle), so the request carries
   * only the station id (core/contracts/station-request-signing.ts). Default "request": signed.
   */
  signedBy?: 'request' | 'body';
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Longest Retry-After honoured: beyond it the server is treated as answering "later". */
const MAX_RETRY_AFTER_MS = 15 * 60_000;
/** Bodies of error responses are read up to this size for their message. */
const MAX_ERROR_TEXT = 2000;

export class ServerConnection {
  readonly serverUrl: string;
  readonly clock: ServerClock;
  readonly #keys: ServerConnectionOptions['keys'];
  readonly #fetch: FetchLike;
  readonly #wallClock: () => number;
  readonly #timeoutMs: number;

  constructor(options: ServerConnectionOptions) {
    this.serverUrl = options.serverUrl.replace(/\/+$/, '');
    this.#keys = options.keys;
    this.#wallClock = options.wallClock ?? (() => Date.now());
    this.clock = options.clock ?? new ServerClock();
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** A JSON request; the response is validated with `schema`. */
  async request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    options: RequestOptions<S>,
  ): Promise<ServerResult<z.output<S>>> {
    const result = await this.#send(method, path, options, async (response) => {
      const text = await response.text();
      let json: unknown = {};
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          return invalidResponse(response.status, 'the answer is not JSON');
        }
      }
      const parsed = options.schema.safeParse(json);
      if (!parsed.success) return invalidResponse(response.status, describeIssues(parsed.error));
      return { ok: true, value: parsed.data as z.output<S> };
    });
    return result;
  }

  /** A download of raw bytes (attachments). */
  requestBytes(
    path: string,
    options: { timeoutMs?: number; maxBytes: number },
  ): Promise<ServerResult<Uint8Array>> {
    return this.#send('GET', path, { timeoutMs: options.timeoutMs }, async (response) => {
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > options.maxBytes)
        return invalidResponse(response.status, 'the file is larger than announced');
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > options.maxBytes)
        return invalidResponse(response.status, 'the file is larger than announced');
      return { ok: true, value: bytes };
    });
  }

  /**
   * Opens a long-lived response (server-sent events). Only connecting is bounded by the timeout; the
   * caller reads the body and watches for silence itself, and aborts `signal` to close it.
   */
  async openStream(
    path: string,
    options: { headers?: Record<string, string>; signal: AbortSignal; connectTimeoutMs?: number },
  ): Promise<ServerResult<Response>> {
    const connect = new AbortController();
    const timer = setTimeout(
      () => connect.abort(new TimeoutMarker()),
      options.connectTimeoutMs ?? this.#timeoutMs,
    );
    const signal = AbortSignal.any([options.signal, connect.signal]);
    try {
      const response = await this.#fetchSigned(
        'GET',
        path,
        '',
        { accept: 'text/event-stream', ...options.headers },
        signal,
      );
      if (!response.ok) return await httpFailure(response, this.#wallClock());
      return { ok: true, value: response };
    } catch (error) {
      return transportFailure(error, connect.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  async #send<T>(
    method: 'GET' | 'POST',
    path: string,
    options: {
      body?: unknown;
      timeoutMs?: number | undefined;
      headers?: Record<string, string>;
      signal?: AbortSignal;
      signedBy?: 'request' | 'body';
    },
    read: (response: Response) => Promise<ServerResult<T>>,
  ): Promise<ServerResult<T>> {
    const body = options.body === undefined ? '' : JSON.stringify(options.body);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    // Two tries at most: the second only when the server refused the station's clock and told its own.
    for (let attempt = 0; ; attempt++) {
      const timeout = new AbortController();
      const timer = setTimeout(
        () => timeout.abort(new TimeoutMarker()),
        options.timeoutMs ?? this.#timeoutMs,
      );
      const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
      try {
        const response = await this.#fetchSigned(method, path, body, headers, signal, options.signedBy);
        if (response.ok) return await read(response);
        const failure = await httpFailure(response, this.#wallClock());
        if (failure.code === 'STALE_REQUEST' && attempt === 0 && this.#learnServerDate(response)) continue;
        return failure;
      } catch (error) {
        return transportFailure(error, timeout.signal);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  #fetchSigned(
    method: 'GET' | 'POST',
    path: string,
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    signedBy: 'request' | 'body' = 'request',
  ): Promise<Response> {
    const url = `${this.serverUrl}${path}`;
    return this.#fetch(url, {
      method,
      headers: {
        ...headers,
        [STATION_AUTH_HEADERS.station]: this.#keys.stationId,
        ...(signedBy === 'request' ? this.#signature(method, url, body) : {}),
      },
      body: method === 'GET' ? undefined : body,
      signal,
      redirect: 'error',
    });
  }

  /** The request signature's headers: timestamp, nonce and the Ed25519 signature over them and the body. */
  #signature(method: string, url: string, body: string): Record<string, string> {
    const parsed = new URL(url);
    const timestamp = Math.round(this.clock.serverNow(this.#wallClock()));
    const nonce = randomBytes(16).toString('base64url');
    const signature = this.#keys.sign(
      stationSigningInput({ method, path: `${parsed.pathname}${parsed.search}`, timestamp, nonce, body }),
    );
    return {
      [STATION_AUTH_HEADERS.timestamp]: String(timestamp),
      [STATION_AUTH_HEADERS.nonce]: nonce,
      [STATION_AUTH_HEADERS.signature]: Buffer.from(signature).toString('base64url'),
    };
  }

  /** The Date header of a refusal for a stale timestamp: a rough server time, enough to sign again. */
  #learnServerDate(response: Response): boolean {
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isNaN(date)) return false;
    this.clock.roughly(date, this.#wallClock());
    return true;
  }
}

/** Why an AbortController was aborted by our own timer (and not by the caller). */
class TimeoutMarker extends Error {
  constructor() {
    super('timeout');
    this.name = 'TimeoutError';
  }
}

function invalidResponse(status: number, detail: string): ServerFailure {
  return {
    ok: false,
    kind: 'http',
    status,
    code: 'INVALID_RESPONSE',
    message: `unexpected answer from the server: ${detail}`,
  };
}

function transportFailure(error: unknown, timeoutSignal: AbortSignal): ServerFailure {
  if (timeoutSignal.aborted)
    return { ok: false, kind: 'timeout', message: 'the server did not answer in time' };
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return {
    ok: false,
    kind: 'network',
    ...(code ? { code } : {}),
    message: `the server cannot be reached${code ? ` (${code})` : ''}`,
  };
}

async function httpFailure(response: Response, now: number): Promise<ServerFailure> {
  let text = '';
  try {
    text = (await response.text()).slice(0, MAX_ERROR_TEXT);
  } catch {
    // The error body is only for the message.
  }
  let code = `HTTP_${response.status}`;
  let message = `the server answered ${response.status}`;
  try {
    const parsed = ApiErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) ({ code, message } = parsed.data.error);
  } catch {
    // Not the API's error shape (a proxy's page): keep the status.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  return {
    ok: false,
    kind: 'http',
    status: response.status,
    code,
    message,
    ...(retryAfterMs === null ? {} : { retryAfterMs }),
  };
}

/** Retry-After in seconds or as an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return null;
    ms = date - now;
  }
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}
