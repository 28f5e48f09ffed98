// The result upload's timeout grows with the bundle: on a slow uplink (a school's ADSL, a whole room
// uploading at time-up) a fixed one cut every try of a large result, which was then sent for ever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys } from '../identity/station-keys.ts';
import type { ServerResult } from '../runtime/ports.ts';
import { ServerConnection, type FetchLike } from './server-connection.ts';
import {
  StationServerClient,
  UPLOAD_BASE_TIMEOUT_MS,
  UPLOAD_FLOOR_BYTES_PER_S,
  UPLOAD_MAX_TIMEOUT_MS,
  uploadTimeoutMs,
} from './station-server-client.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the result upload’s timeout', () => {
  it('is 30 s plus the bundle’s bytes at the floor rate', () => {
    expect(uploadTimeoutMs(0)).toBe(UPLOAD_BASE_TIMEOUT_MS);
    expect(uploadTimeoutMs(2 * 1024 * 1024)).toBe(30_000 + 128_000);
    expect(uploadTimeoutMs(8 * 1024 * 1024)).toBe(30_000 + 512_000);
    // Never longer than the server waits for a body (it answers 408 then).
    expect(uploadTimeoutMs(12 * 1024 * 1024)).toBe(UPLOAD_MAX_TIMEOUT_MS);
    expect(uploadTimeoutMs(UPLOAD_FLOOR_BYTES_PER_S, 1000)).toBe(2000);
  });

  it('lets a 2 MiB bundle take more than 30 s to go, and still gives up on a stalled one', async () => {
    const keys = (await loadOrCreateStationKeys(new MemoryKeyStore())).keys;
    vi.useFakeTimers();
    let aborted = false;
    // An uplink that never finishes sending: the request ends only when the station's timer aborts it.
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(init.signal?.reason instanceof Error ? init.signal.reason : new Error('aborted'));
        });
      });
    const client = new StationServerClient(
      new ServerConnection({ serverUrl: 'https://certif.example.org', keys, fetch }),
    );
    const bundle = 'a'.repeat(2 * 1024 * 1024);
    let outcome: ServerResult<unknown> | null = null;
    void client.uploadResult('test-1', bundle, 'f'.repeat(64)).then((result) => (outcome = result));

    await vi.advanceTimersByTimeAsync(60_000);
    expect(aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(uploadTimeoutMs(bundle.length) - 60_000);
    expect(aborted).toBe(true);
    await vi.waitFor(() => expect(outcome).toMatchObject({ ok: false, kind: 'timeout' }));
  });
});

// Servers are updated before the stations of every school: an answer with a field this station does
// not know yet must still be read (the field dropped), or one server update would stop every station.
describe('answers from a newer server', () => {
  async function clientAnswering(status: number, body: unknown) {
    const keys = (await loadOrCreateStationKeys(new MemoryKeyStore())).keys;
    const fetch: FetchLike = () =>
      Promise.resolve(
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
      );
    return new StationServerClient(
      new ServerConnection({ serverUrl: 'https://certif.example.org', keys, fetch }),
    );
  }

  it('are read without the fields this station does not know', async () => {
    const client = await clientAnswering(200, { serverTime: 1_790_000_000_000, roomMessage: 'new' });
    const answer = await client.heartbeat({
      testId: 'test-1',
      phase: 'inProgress',
      current: 0,
      answered: 0,
      total: 32,
      timeLeftMs: 60_000,
      alertPending: false,
      lastSeq: 3,
      stationTime: 1_790_000_000_000,
    });
    expect(answer).toEqual({ ok: true, value: { serverTime: 1_790_000_000_000 } });
  });

  it('give their error code even with details this station does not know', async () => {
    const client = await clientAnswering(409, {
      error: { code: 'NOT_AUTHORIZED', message: 'not yet', hint: 'ask the invigilator' },
      requestId: 'r-1',
    });
    const answer = await client.fetchPackage('test-1');
    expect(answer).toMatchObject({
      ok: false,
      kind: 'http',
      status: 409,
      code: 'NOT_AUTHORIZED',
      message: 'not yet',
    });
  });

  it('still refuse a field they do not know inside a test package (its content is checked, not guessed)', async () => {
    const client = await clientAnswering(200, {
      package: { unknownPart: true },
      packageHash: 'f'.repeat(64),
    });
    expect(await client.fetchPackage('test-1')).toMatchObject({ ok: false, code: 'INVALID_RESPONSE' });
  });
});
