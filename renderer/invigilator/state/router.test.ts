import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './router.ts';

describe('routes in the hash', () => {
  it('reads and writes every page', () => {
    expect(parseRoute('')).toEqual({ page: 'login', expired: false, sessionNumber: null });
    expect(parseRoute('#/?expired=1&session=12')).toEqual({
      page: 'login',
      expired: true,
      sessionNumber: '12',
    });
    expect(parseRoute('#/sessions/ses_1')).toEqual({ page: 'room', sessionId: 'ses_1' });
    expect(parseRoute('#/sessions/ses_1/results')).toEqual({ page: 'results', sessionId: 'ses_1' });
    expect(parseRoute('#/sessions/ses_1/nowhere')).toEqual({ page: 'room', sessionId: 'ses_1' });
    for (const route of [
      { page: 'attendance', sessionId: 'a b' } as const,
      { page: 'login', expired: true, sessionNumber: '42' } as const,
    ]) {
      expect(parseRoute(hrefFor(route))).toEqual(route);
    }
  });
});
