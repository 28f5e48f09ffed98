import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './router.ts';

describe('routes in the hash', () => {
  it('reads and writes every page', () => {
    expect(parseRoute('')).toEqual({ page: 'login', ended: null, sessionNumber: null });
    expect(parseRoute('#/?ended=expired&session=12')).toEqual({
      page: 'login',
      ended: 'expired',
      sessionNumber: '12',
    });
    expect(parseRoute('#/sessions/ses_1')).toEqual({ page: 'room', sessionId: 'ses_1' });
    expect(parseRoute('#/sessions/ses_1/results')).toEqual({ page: 'results', sessionId: 'ses_1' });
    expect(parseRoute('#/sessions/ses_1/nowhere')).toEqual({ page: 'room', sessionId: 'ses_1' });
    for (const route of [
      { page: 'attendance', sessionId: 'a b' } as const,
      { page: 'login', ended: 'passwordChanged', sessionNumber: '42' } as const,
      { page: 'login', ended: 'ended', sessionNumber: '42' } as const,
      { page: 'login', ended: null, sessionNumber: '42' } as const,
    ]) {
      expect(parseRoute(hrefFor(route))).toEqual(route);
    }
  });

  it('tells why the login ended only with a reason it knows, and reads the older address', () => {
    expect(parseRoute('#/?ended=passwordChanged')).toMatchObject({ page: 'login', ended: 'passwordChanged' });
    // An address from before the server told a password change apart (a page left open across an update).
    expect(parseRoute('#/?ended=revoked')).toMatchObject({ page: 'login', ended: 'unknown' });
    expect(parseRoute('#/?ended=<script>')).toMatchObject({ page: 'login', ended: 'unknown' });
    expect(parseRoute('#/?expired=1&session=12')).toEqual({
      page: 'login',
      ended: 'unknown',
      sessionNumber: '12',
    });
  });
});
