// The signed HTTP connection against a fake server on a local port: signatures the server verifies,
// and every way a request can fail turned into a result the callers can act on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeartbeatResponseSchema, STATION_API_PATHS } from '../../../core/contracts/station-server.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys, type StationKeys } from '../identity/station-keys.ts';
import { FakeStationServer } from './fake-station-server.ts';
import { ServerConnection, parseRetryAfter } from './server-connection.ts';

let server: FakeStationServer;
let keys: StationKeys;

beforeEach(async () => {
  server = await new FakeStationServer().listen();
  keys = (await loadOrCreateStationKeys(new MemoryKeyStore())).keys;
  server.registerStation(keys.publicJwk);
});
afterEach(() => server.close());

const heartbeat = {
  testId: null,
  phase: 'idle',
  current: null,
  answered: null,
  total: null,
  timeLeftMs: null,
  alertPending: false,
  lastSeq: 0,
  stationTime: 1,
};

function connect(options: Partial<ConstructorParameters<typeof ServerConnection>[0]> = {}) {
  return new ServerConnection({ serverUrl: server.url, keys, timeoutMs: 2000, ...options });
}

const beat = (connection: ServerConnection, timeoutMs?: number) =>
  connection.request('POST', STATION_API_PATHS.heartbeat, {
    body: heartbeat,
    schema: HeartbeatResponseSchema,
    ...(timeoutMs ? { timeoutMs } : {}),
  });

describe('ServerConnection', () => {
  it('signs each request so that the server verifies it (station id, timestamp, nonce, signature)', async () => {
    const result = await beat(connect());
    expect(result).toMatchObject({ ok: true, value: { serverTime: expect.any(Number) } });
    const [request] = server.requests;
    expect(request?.headers['x-station-id']).toBe(keys.stationId);
    expect(request?.headers['x-station-signature']).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });

  it('sends a request whose body is signed (a result bundle) with the station id and no request signature', async () => {
    const connection = connect();
    await connection.request('POST', STATION_API_PATHS.result('test-1'), {
      body: { bundle: 'a.b.c' },
      schema: z.unknown(),
      signedBy: 'body',
    });
    const [request] = server.requests;
    expect(request?.headers['x-station-id']).toBe(keys.stationId);
    for (const header of ['x-station-signature', 'x-station-nonce', 'x-station-timestamp'])
      expect(request?.headers[header]).toBeUndefined();
  });

  it('uses a fresh nonce for every request', async () => {
    const connection = connect();
    await beat(connection);
    await beat(connection);
    const nonces = server.requests.map((r) => r.headers['x-station-nonce']);
    expect(new Set(nonces).size).toBe(2);
  });

  it('keeps a path prefix of the server URL, and signs the full path', async () => {
    let seenUrl = '';
    const connection = connect({
      serverUrl: `${server.url}/`,
      fetch: (url, init) => {
        seenUrl = url;
        return fetch(url, init);
      },
    });
    expect((await beat(connection)).ok).toBe(true);
    expect(seenUrl).toBe(`${server.url}/api/station/heartbeat`);
  });

  it('reports a refused signature with the server’s code and message', async () => {
    const forger = connect({ keys: { stationId: keys.stationId, sign: () => new Uint8Array(64) } });
    expect(await beat(forger)).toEqual({
      ok: false,
      kind: 'http',
      status: 401,
      code: 'BAD_SIGNATURE',
      message: 'the signature does not verify',
    });
  });

  it('signs again in server time when the station’s clock is far off (learnt from the Date header)', async () => {
    const wrongClock = connect({ wallClock: () => Date.now() + 3 * 3600_000 });
    const result = await beat(wrongClock);
    expect(result.ok).toBe(true);
    expect(server.requests.map((r) => r.route)).toEqual(['heartbeat', 'heartbeat']);
    expect(wrongClock.clock.offsetMs).toBeLessThan(-3 * 3600_000 + 5000);
  });

  it('reports a server that does not answer in time as a timeout', async () => {
    server.fault = () => ({ kind: 'hang' });
    expect(await beat(connect(), 150)).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('reports a refused connection as a network failure', async () => {
    const connection = connect();
    await server.goDown();
    expect(await beat(connection)).toMatchObject({ ok: false, kind: 'network', code: 'ECONNREFUSED' });
  });

  it('reports a connection closed without an answer as a network failure', async () => {
    server.fault = () => ({ kind: 'destroy' });
    expect(await beat(connect())).toMatchObject({ ok: false, kind: 'network' });
  });

  it('passes on Retry-After', async () => {
    server.fault = () => ({ kind: 'status', status: 503, retryAfter: '7' });
    expect(await beat(connect())).toMatchObject({ ok: false, kind: 'http', status: 503, retryAfterMs: 7000 });
  });

  it('refuses an answer that does not match the contract', async () => {
    const result = await connect().request('POST', STATION_API_PATHS.heartbeat, {
      body: heartbeat,
      schema: z.object({ somethingElse: z.string() }).strict(),
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_RESPONSE',
      message: expect.stringMatching(/somethingElse/),
    });
  });

  it('keeps the status when an error is not in the API’s shape', async () => {
    const connection = connect({
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    expect(await beat(connection)).toMatchObject({ ok: false, kind: 'http', status: 502, code: 'HTTP_502' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it.each<[string | null, number | null]>([
    [null, null],
    ['7', 7000],
    ['0', 0],
    ['Sun, 22 Nov 2026 10:00:30 GMT', 30_000],
    ['Sun, 22 Nov 2026 09:00:00 GMT', 0],
    ['86400', 15 * 60_000],
    ['soon', null],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
