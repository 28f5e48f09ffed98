// Which failures are the server's final word on a test, which concern the whole station, and which
// may pass: the uploader and the replicator act on this.
import { describe, expect, it } from 'vitest';
import type { ServerFailure } from '../runtime/ports.ts';
import { failureVerdict } from './server-verdict.ts';

const http = (status: number, code: string): ServerFailure => ({
  ok: false,
  kind: 'http',
  status,
  code,
  message: code,
});

describe('failureVerdict', () => {
  it("takes the server's own refusals of the content as final", () => {
    for (const [status, code] of [
      [400, 'INVALID_REQUEST'],
      [409, 'BUNDLE_CONFLICT'],
      [409, 'RECORD_CONFLICT'],
      [422, 'CHAIN_BROKEN'],
      [422, 'BUNDLE_MISMATCH'],
    ] as const)
      expect(failureVerdict(http(status, code))).toBe('refused');
  });

  it('treats an unknown, revoked or unverified station as a problem of the whole station', () => {
    expect(failureVerdict(http(401, 'STATION_NOT_READY'))).toBe('stationRejected');
    expect(failureVerdict(http(403, 'STATION_NOT_READY'))).toBe('stationRejected');
    expect(failureVerdict(http(401, 'BAD_SIGNATURE'))).toBe('stationRejected');
    expect(failureVerdict(http(403, 'NOT_YOUR_TEST'))).toBe('notYourTest');
  });

  it('tries again what may pass: no network, timeouts, 5xx, 408, 429, clock or nonce, a proxy’s page', () => {
    expect(failureVerdict({ ok: false, kind: 'network', message: 'down' })).toBe('unreachable');
    expect(failureVerdict({ ok: false, kind: 'timeout', message: 'slow' })).toBe('unreachable');
    for (const [status, code] of [
      [500, 'HTTP_500'],
      [503, 'HTTP_503'],
      // The server's disk or database (server/http/storage-faults.ts): nothing was stored, the station
      // keeps its records and result and sends them again after Retry-After.
      [503, 'STORAGE_FULL'],
      [503, 'STORAGE_BUSY'],
      [503, 'STORAGE_UNAVAILABLE'],
      [408, 'HTTP_408'],
      [429, 'RATE_LIMITED'],
      [401, 'STALE_REQUEST'],
      [401, 'REPLAYED_REQUEST'],
      [413, 'HTTP_413'],
      [404, 'HTTP_404'],
      // The server's own answer for an address no route serves (a wrong path, a proxy).
      [404, 'NO_ROUTE'],
      [200, 'INVALID_RESPONSE'],
    ] as const)
      expect(failureVerdict(http(status, code))).toBe('transient');
  });
});
