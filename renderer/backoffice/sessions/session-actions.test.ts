// The session page's actions: « Finaliser la session » only on a session to finalize (finalizing records
// every enrolled candidate who did not start absent, for good), and no deletion once a candidate signed
// in at a station.
import { describe, expect, it } from 'vitest';
import type { CentreSession } from '../api/centre-client.ts';
import { sessionActions } from './session-actions.ts';

const today = '2026-12-08';
const counts = { candidates: 3, joined: 0, started: 0, resultsReceived: 0, resultsRefused: 0, running: 0 };
const session = (extra: Partial<CentreSession> = {}) =>
  ({ state: 'created', date: '2027-01-12', counts, ...extra }) as CentreSession;

describe('what the session page offers', () => {
  it('does not offer to finalize a session still to come, with nothing started', () => {
    expect(sessionActions(session(), today)).toMatchObject({ edit: true, finalize: false, results: false });
    expect(sessionActions(session({ date: today }), today).finalize).toBe(false);
  });

  it('offers to finalize once the session is one to finalize: its day passed, or tests started', () => {
    expect(sessionActions(session({ date: '2026-12-07' }), today).finalize).toBe(true);
    expect(
      sessionActions(session({ date: today, counts: { ...counts, joined: 2, started: 2 } }), today),
    ).toMatchObject({ finalize: true });
    // Tests still running: not yet (the server would refuse).
    const running = { ...counts, joined: 2, started: 2, running: 1 };
    expect(sessionActions(session({ date: today, counts: running }), today).finalize).toBe(false);
  });

  it('offers the results, not finalization nor deletion, once processed', () => {
    expect(sessionActions(session({ state: 'processed', date: '2026-12-01' }), today)).toEqual({
      edit: false,
      finalize: false,
      results: true,
      delete: false,
      deletable: false,
    });
  });

  it('refuses deletion as soon as a candidate signed in at a station, even before any test started', () => {
    expect(sessionActions(session(), today)).toMatchObject({ delete: true, deletable: true });
    expect(sessionActions(session({ counts: { ...counts, joined: 1 } }), today)).toMatchObject({
      delete: true,
      deletable: false,
    });
  });
});
