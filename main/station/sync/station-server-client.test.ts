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
