// The invigilator password opens a session's screen (minors' birthdates, results, fraud reports) only
// until 7 days after its results were calculated: then the results are read in the back office.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invigilatedDay, type Invigilator } from '../testing/exam-helpers.ts';
import { client, type SeededDay } from '../testing/seed.ts';
import { ADMIN, errorOf, loginAs, type TestServer } from '../testing/test-server.ts';
import { INVIGILATOR_ACCESS_AFTER_RESULTS_MS, invigilatorAccessClosed } from './invigilator-auth.ts';

const DAY = 24 * 60 * 60_000;

describe('the invigilator screen closes 7 days after the results are calculated', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, inv } = await invigilatedDay(1));
  });
  afterEach(() => server.close());

  const login = (password = day.session.invigilatorPassword) =>
    server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber: day.session.number, password },
    });

  async function finalize(): Promise<void> {
    const r = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/finalization`,
      payload: { hadIncident: false, candidateCouldNotJoin: false },
    });
    expect(r.statusCode).toBe(200);
  }

  it('refuses the login with a clear code past 7 days, and only to the right password', async () => {
    await finalize();
    server.clock.advance(7 * DAY - 60_000);
    expect((await login()).statusCode).toBe(200);

    server.clock.advance(60_000);
    const closed = await login();
    expect([closed.statusCode, errorOf(closed).code]).toEqual([403, 'INVIGILATOR_ACCESS_CLOSED']);
    expect(errorOf(closed).message).toMatch(/back office/);
    // A wrong password learns nothing of the session.
    const wrong = await login('wrong!');
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([401, 'INVALID_CREDENTIALS']);

    // A new password drawn by the referent does not reopen it.
    const admin = client(server.app, await loginAs(server.app, ADMIN.email, ADMIN.password));
    const changed = await admin({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/invigilator-password`,
    });
    expect(changed.statusCode).toBe(200);
    const again = await login((changed.json() as { invigilatorPassword: string }).invigilatorPassword);
    expect([again.statusCode, errorOf(again).code]).toEqual([403, 'INVIGILATOR_ACCESS_CLOSED']);
  });

  it('ends a login still in use when the screen closes', async () => {
    await finalize();
    server.clock.advance(7 * DAY - 5 * 60_000);
    const late = await login();
    expect(late.statusCode).toBe(200);
    const token = (late.json() as { token: string }).token;
    const results = () =>
      server.app.inject({
        method: 'GET',
        url: `/api/invigilator/sessions/${day.session.id}/results`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await results()).statusCode).toBe(200);
    server.clock.advance(5 * 60_000);
    const refused = await results();
    expect([refused.statusCode, errorOf(refused).code]).toEqual([401, 'INVIGILATOR_ACCESS_CLOSED']);
  });

  it('keeps the screen of a session not processed open, however old', async () => {
    server.clock.advance(30 * DAY);
    expect((await login()).statusCode).toBe(200);
    expect(inv.token).toBeTruthy();
  });

  it('counts from the results’ calculation', () => {
    const at = Date.parse('2026-12-08T12:00:00Z');
    const processed = { state: 'processed' as const, processedAt: at, finalizedAt: at };
    expect(invigilatorAccessClosed(processed, at + INVIGILATOR_ACCESS_AFTER_RESULTS_MS - 1)).toBe(false);
    expect(invigilatorAccessClosed(processed, at + INVIGILATOR_ACCESS_AFTER_RESULTS_MS)).toBe(true);
    expect(
      invigilatorAccessClosed({ state: 'created', processedAt: null, finalizedAt: null }, at + 99 * DAY),
    ).toBe(false);
  });
});
