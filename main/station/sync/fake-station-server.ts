// A small stand-in for the certification server's station routes (core/contracts/station-server.ts),
// on node:http and port 0, for the station's tests until they run against the real server. It checks
// request signatures like the real one, verifies result bundles with core/bundle/verify-bundle.ts, and
// lets a test inject faults: refused connections, error statuses, Retry-After, hangs, slow answers,
// and acknowledgments lost after the result was stored.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { bundleHash } from '../../../core/bundle/bundle-hash.ts';
import { verifyResultBundle } from '../../../core/bundle/verify-bundle.ts';
import {
  EnrollRequestSchema,
  CommandAckRequestSchema,
  HeartbeatRequestSchema,
  JoinRequestSchema,
  RecordsRequestSchema,
  ResultRefusalRequestSchema,
  ResultUploadRequestSchema,
  type ResultRefusalRequest,
  type HeartbeatRequest,
  type JoinResponse,
  type StationCommand,
} from '../../../core/contracts/station-server.ts';
import {
  SIGNATURE_MAX_SKEW_MS,
  STATION_AUTH_HEADERS,
  stationSigningInput,
} from '../../../core/contracts/station-request-signing.ts';
import { canonicalHash } from '../../../core/hashing/canonical-hash.ts';
import { stationIdFromJwk, type StationPublicJwk } from '../../../core/identity/station-id.ts';
import { verifyChain } from '../../../core/journal/chain.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';

/** What the fake server does with one request instead of answering normally. */
export type Fault =
  | { kind: 'status'; status: number; code?: string; retryAfter?: string }
  /** Never answers (the client's timeout fires). */
  | { kind: 'hang' }
  /** Answers normally, late. */
  | { kind: 'delay'; ms: number }
  /** Closes the connection without answering. */
  | { kind: 'destroy' }
  /** Does the work (stores the result), then closes the connection: the acknowledgment is lost. */
  | { kind: 'workThenDestroy' };

export type RouteName =
  | 'enroll'
  | 'join'
  | 'heartbeat'
  | 'commands'
  | 'commandAck'
  | 'postRecords'
  | 'getRecords'
  | 'package'
  | 'attachment'
  | 'result'
  | 'resultRefusal';

export interface StoredResult {
  bundle: string;
  bundleHash: string;
  receivedAt: string;
}

export interface FakeRequest {
  route: RouteName;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export class FakeStationServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #port = 0;
  /** Server clock (ms since epoch). */
  now: () => number = () => Date.now();
  /** Called for each request; a returned fault replaces the normal answer. */
  fault: (route: RouteName, request: FakeRequest) => Fault | undefined = () => undefined;
  readonly requests: FakeRequest[] = [];
  readonly enrollmentCodes = new Set<string>(['ENROLL-2026']);
  readonly stations = new Map<string, { key: KeyObject; jwk: StationPublicJwk; name: string }>();
  readonly nonces = new Set<string>();
  readonly centre = { id: 'centre-1', name: 'Collège Jean Moulin' };
  /** What join answers (or an error). */
  joinAnswer: JoinResponse | { status: number; code: string; message: string } | null = null;
  readonly packages = new Map<string, TestPackage>();
  readonly records = new Map<string, JournalRecord[]>();
  readonly attachments = new Map<string, Uint8Array>();
  readonly results = new Map<string, StoredResult>();
  /** How many times a result was newly stored (exactly one per test is the goal). */
  resultStores = 0;
  /** The refused results the stations reported, in order (every report, repeats included). */
  readonly refusalReports: (ResultRefusalRequest & { testId: string })[] = [];
  readonly heartbeats: HeartbeatRequest[] = [];
  readonly commands: { eventId: number; command: StationCommand }[] = [];
  readonly acknowledged: string[] = [];
  /** Each acknowledgement's outcome, in order (undefined: none said, as older stations). */
  readonly acknowledgedOutcomes: { commandId: string; outcome: string | undefined }[] = [];
  readonly #streams = new Set<ServerResponse>();

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and drops every connection: the next requests are refused. */
  async goDown(): Promise<void> {
    for (const stream of this.#streams) stream.destroy();
    this.#streams.clear();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async comeBack(): Promise<void> {
    await this.listen(this.#port);
  }

  async close(): Promise<void> {
    if (this.#server.listening) await this.goDown();
  }

  /** Knows a station without going through enrollment. */
  registerStation(jwk: StationPublicJwk, name = 'Poste 07'): string {
    const stationId = stationIdFromJwk(jwk);
    this.stations.set(stationId, { key: createPublicKey({ key: { ...jwk }, format: 'jwk' }), jwk, name });
    return stationId;
  }

  /** Queues a command for the stations and pushes it to the open streams. */
  sendCommand(command: StationCommand): void {
    const eventId = this.commands.length + 1;
    this.commands.push({ eventId, command });
    for (const stream of this.#streams) writeCommand(stream, eventId, command);
  }

  /** Writes raw text to the open command streams (malformed events, keep-alive comments). */
  sendRaw(text: string): void {
    for (const stream of this.#streams) stream.write(text);
  }

  /** Cuts the open command streams (a proxy or a network cut); the server stays up. */
  dropStreams(): void {
    for (const stream of this.#streams) stream.destroy();
    this.#streams.clear();
  }

  get openStreams(): number {
    return this.#streams.size;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routeOf(req.method ?? 'GET', url.pathname);
    if (!route) return sendError(res, 404, 'NO_ROUTE', `no route ${req.method ?? 'GET'} ${url.pathname}`);
    const request: FakeRequest = { route: route.name, path: url.pathname, headers: req.headers, body };
    this.requests.push(request);
    const fault = this.fault(route.name, request);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'destroy') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      if (fault.retryAfter !== undefined) res.setHeader('retry-after', fault.retryAfter);
      return sendError(res, fault.status, fault.code ?? `HTTP_${fault.status}`, 'injected fault');
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));

    const station =
      route.name === 'enroll' ? null : this.#authenticate(req, url, body, res, route.name !== 'result');
    if (route.name !== 'enroll' && !station) return;
    const answer = (status: number, json: unknown) => {
      if (fault?.kind === 'workThenDestroy') {
        req.socket.destroy();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    };
    const json = parseJson(body);
    switch (route.name) {
      case 'enroll': {
        const parsed = EnrollRequestSchema.safeParse(json);
        if (!parsed.success) return sendError(res, 400, 'INVALID_REQUEST', 'bad enrollment');
        if (!this.enrollmentCodes.has(parsed.data.enrollmentCode)) {
          return sendError(res, 404, 'ENROLLMENT_CODE_INVALID', 'unknown enrollment code');
        }
        if (!this.#verifySignature(req, url, body, parsed.data.publicKey, res)) return;
        const stationId = this.registerStation(parsed.data.publicKey, parsed.data.name);
        return answer(201, { stationId, centre: this.centre });
      }
      case 'join': {
        if (!JoinRequestSchema.safeParse(json).success)
          return sendError(res, 400, 'INVALID_REQUEST', 'bad join');
        const join = this.joinAnswer;
        if (!join) return sendError(res, 404, 'SESSION_NOT_FOUND', 'no session');
        if ('status' in join) return sendError(res, join.status, join.code, join.message);
        return answer(200, join);
      }
      case 'heartbeat': {
        const parsed = HeartbeatRequestSchema.safeParse(json);
        if (!parsed.success) return sendError(res, 400, 'INVALID_REQUEST', 'bad heartbeat');
        this.heartbeats.push(parsed.data);
        return answer(200, { serverTime: this.now() });
      }
      case 'commands': {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(': connected\n\n');
        const after = Number(req.headers['last-event-id'] ?? 0);
        for (const { eventId, command } of this.commands) {
          if (eventId > after && !this.acknowledged.includes(command.id)) writeCommand(res, eventId, command);
        }
        this.#streams.add(res);
        res.on('close', () => this.#streams.delete(res));
        return;
      }
      case 'commandAck': {
        const parsed = CommandAckRequestSchema.safeParse(json);
        if (!parsed.success) return sendError(res, 400, 'INVALID_REQUEST', 'bad acknowledgement');
        const commandId = decodeURIComponent(route.param);
        this.acknowledged.push(commandId);
        this.acknowledgedOutcomes.push({ commandId, outcome: parsed.data.outcome });
        return answer(200, { acknowledgedAt: new Date(this.now()).toISOString() });
      }
      case 'postRecords': {
        const parsed = RecordsRequestSchema.safeParse(json);
        if (!parsed.success) return sendError(res, 400, 'INVALID_REQUEST', 'bad records');
        const testId = decodeURIComponent(route.param);
        const stored = this.records.get(testId) ?? [];
        for (const record of parsed.data.records) {
          // Duplicates are ignored, a record after a gap is not stored.
          if (record.seq === stored.length + 1) stored.push(record);
        }
        if (!verifyChain(testId, stored).ok) return sendError(res, 422, 'CHAIN_BROKEN', 'the chain breaks');
        this.records.set(testId, stored);
        return answer(200, { storedThrough: stored.length });
      }
      case 'getRecords':
        return answer(200, { records: this.records.get(decodeURIComponent(route.param)) ?? [] });
      case 'package': {
        const pkg = this.packages.get(decodeURIComponent(route.param));
        if (!pkg) return sendError(res, 409, 'NOT_AUTHORIZED', 'not authorized yet');
        return answer(200, { package: pkg, packageHash: canonicalHash(pkg) });
      }
      case 'attachment': {
        const bytes = this.attachments.get(decodeURIComponent(route.param));
        if (!bytes) return sendError(res, 404, 'NOT_FOUND', 'no such attachment');
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
        return;
      }
      case 'result': {
        const parsed = ResultUploadRequestSchema.safeParse(json);
        if (!parsed.success) return sendError(res, 400, 'INVALID_REQUEST', 'bad result');
        const testId = decodeURIComponent(route.param);
        const check = await verifyResultBundle(parsed.data.bundle, { stationKey: station!.jwk, testId });
        if (!check.ok) return sendError(res, 422, `BUNDLE_${check.problem}`, check.message);
        const hash = bundleHash(parsed.data.bundle);
        const existing = this.results.get(testId);
        if (existing && existing.bundleHash !== hash) {
          return sendError(res, 409, 'BUNDLE_CONFLICT', 'another bundle is stored for this test');
        }
        if (!existing) {
          this.results.set(testId, {
            bundle: parsed.data.bundle,
            bundleHash: hash,
            receivedAt: new Date(this.now()).toISOString(),
          });
          this.resultStores += 1;
        }
        const stored = this.results.get(testId)!;
        return answer(existing ? 200 : 201, { bundleHash: stored.bundleHash, receivedAt: stored.receivedAt });
      }
      case 'resultRefusal': {
        const parsed = ResultRefusalRequestSchema.safeParse(json);
        if (!parsed.success) return sendError(res, 400, 'INVALID_REQUEST', 'bad refusal report');
        const testId = decodeURIComponent(route.param);
        this.refusalReports.push({ testId, ...parsed.data });
        return answer(200, { marked: !this.results.has(testId) });
      }
    }
  }

  #authenticate(
    req: IncomingMessage,
    url: URL,
    body: string,
    res: ServerResponse,
    /** False for the result upload: its bundle is the station's signature, checked below. */
    signed: boolean,
  ): { jwk: StationPublicJwk } | null {
    const stationId = String(req.headers[STATION_AUTH_HEADERS.station] ?? '');
    const station = this.stations.get(stationId);
    if (!station) {
      sendError(res, 401, 'STATION_NOT_READY', 'unknown station');
      return null;
    }
    if (!signed) return station;
    return this.#verifySignature(req, url, body, station.jwk, res) ? station : null;
  }

  #verifySignature(
    req: IncomingMessage,
    url: URL,
    body: string,
    jwk: StationPublicJwk,
    res: ServerResponse,
  ): boolean {
    const timestamp = Number(req.headers[STATION_AUTH_HEADERS.timestamp]);
    const nonce = String(req.headers[STATION_AUTH_HEADERS.nonce] ?? '');
    const signature = Buffer.from(String(req.headers[STATION_AUTH_HEADERS.signature] ?? ''), 'base64url');
    if (!Number.isFinite(timestamp) || Math.abs(timestamp - this.now()) > SIGNATURE_MAX_SKEW_MS) {
      sendError(res, 401, 'STALE_REQUEST', 'timestamp too far from the server clock');
      return false;
    }
    const input = stationSigningInput({
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      timestamp,
      nonce,
      body,
    });
    const key = createPublicKey({ key: { ...jwk }, format: 'jwk' });
    if (!verify(null, Buffer.from(input), key, signature)) {
      sendError(res, 401, 'BAD_SIGNATURE', 'the signature does not verify');
      return false;
    }
    if (this.nonces.has(nonce)) {
      sendError(res, 401, 'REPLAYED_REQUEST', 'nonce already used');
      return false;
    }
    this.nonces.add(nonce);
    return true;
  }
}

function routeOf(method: string, pathname: string): { name: RouteName; param: string } | null {
  const table: [string, RegExp, RouteName][] = [
    ['POST', /^\/api\/stations\/enroll$/, 'enroll'],
    ['POST', /^\/api\/station\/join$/, 'join'],
    ['POST', /^\/api\/station\/heartbeat$/, 'heartbeat'],
    ['GET', /^\/api\/station\/commands$/, 'commands'],
    ['POST', /^\/api\/station\/commands\/([^/]+)\/ack$/, 'commandAck'],
    ['POST', /^\/api\/station\/tests\/([^/]+)\/records$/, 'postRecords'],
    ['GET', /^\/api\/station\/tests\/([^/]+)\/records$/, 'getRecords'],
    ['GET', /^\/api\/station\/tests\/([^/]+)\/package$/, 'package'],
    ['GET', /^\/api\/station\/attachments\/([^/]+)$/, 'attachment'],
    ['POST', /^\/api\/station\/tests\/([^/]+)\/result$/, 'result'],
    ['POST', /^\/api\/station\/tests\/([^/]+)\/result-refusal$/, 'resultRefusal'],
  ];
  for (const [m, pattern, name] of table) {
    const match = m === method ? pattern.exec(pathname) : null;
    if (match) return { name, param: match[1] ?? '' };
  }
  return null;
}

function writeCommand(stream: ServerResponse, eventId: number, command: StationCommand): void {
  stream.write(`id: ${eventId}\nevent: command\ndata: ${JSON.stringify(command)}\n\n`);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { code, message } }));
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
