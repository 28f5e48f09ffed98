// What the candidate is told when the server refuses a join.
import { describe, expect, it } from 'vitest';
import { joinErrorCode } from './ports.ts';

describe('joinErrorCode', () => {
  it('says the station is blocked by the join limit, not that the details are wrong', () => {
    expect(
      joinErrorCode({
        ok: false,
        kind: 'http',
        status: 429,
        code: 'TOO_MANY_ATTEMPTS',
        message: 'slow down',
      }),
    ).toBe('TOO_MANY_ATTEMPTS');
    // Even a 429 without the server's code (a proxy's limit, say).
    expect(joinErrorCode({ ok: false, kind: 'http', status: 429, message: 'Too Many Requests' })).toBe(
      'TOO_MANY_ATTEMPTS',
    );
  });

  it('keeps the other mappings', () => {
    expect(
      joinErrorCode({ ok: false, kind: 'http', status: 404, code: 'SESSION_NOT_FOUND', message: '' }),
    ).toBe('SESSION_NOT_FOUND');
    expect(joinErrorCode({ ok: false, kind: 'http', status: 400, code: 'WHATEVER', message: '' })).toBe(
      'INVALID_REQUEST',
    );
    expect(joinErrorCode({ ok: false, kind: 'http', status: 503, message: '' })).toBe('SERVER_UNREACHABLE');
    expect(joinErrorCode({ ok: false, kind: 'network', message: '' })).toBe('SERVER_UNREACHABLE');
  });
});
