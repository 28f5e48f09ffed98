import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './router.ts';

describe('back-office routes', () => {
  it('reads back every page it writes', () => {
    const routes: Route[] = [
      { page: 'login' },
      { page: 'home' },
      { page: 'centres' },
      { page: 'accounts' },
      { page: 'myAccount' },
      { page: 'sessions', centreId: 'ctr_1' },
      { page: 'newSession', centreId: 'ctr_1' },
      { page: 'stations', centreId: 'ctr_1' },
      { page: 'content', centreId: 'ctr_1' },
      { page: 'session', sessionId: 'ses_1' },
      { page: 'editSession', sessionId: 'ses_1' },
      { page: 'newCandidate', sessionId: 'ses_1' },
      { page: 'import', sessionId: 'ses_1' },
      { page: 'profiles', sessionId: 'ses_1' },
      { page: 'kit', sessionId: 'ses_1' },
      { page: 'finalization', sessionId: 'ses_1' },
      { page: 'results', sessionId: 'ses_1' },
      { page: 'finalizationRecord', sessionId: 'ses_1' },
      { page: 'candidate', candidateId: 'can 2/é' },
      { page: 'editCandidate', candidateId: 'can_2' },
      { page: 'testRecord', candidateId: 'can 2/é' },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it('sends unknown or malformed addresses to the not-found page, and an empty one home', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    for (const hash of [
      '#/nope',
      '#/sessions/ses_1/nope',
      '#/centres/%E0%A4%A/sessions',
      '#/candidates/x/y',
    ]) {
      expect(parseRoute(hash)).toEqual({ page: 'notFound' });
    }
  });
});
