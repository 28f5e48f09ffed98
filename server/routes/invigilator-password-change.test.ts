// « Changer le mot de passe du surveillant » (back office): the way out when a candidate's wrong guesses
// from the school's one public address blocked the invigilator's logins, or when the password leaked.
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { secretHash } from '../auth/secrets.ts';
import type { ServerConfig } from '../config.ts';
import { invigilator } from '../testing/exam-helpers.ts';
import { client, seedCertificationDay, type Inject, type SeededDay } from '../testing/seed.ts';
import { watchStream } from '../testing/stream-watcher.ts';
import { errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';

const SCHOOL = '203.0.113.9';
const PASSWORD_SHAPE = /^[23456789bcdfghjkmpqrstvwxyBCDFGHJKMPQRSTVWXY!*?]{6}$/;

describe('changing the invigilator password from the back office', () => {
  let server: TestServer;
  let day: SeededDay;
  let logs: string[];
  afterEach(() => server.close());

  async function start(config: Partial<ServerConfig> = {}): Promise<void> {
    logs = [];
    server = await startTestServer({
      config,
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    });
    day = await seedCertificationDay(server.app, { count: 1 });
  }

  /** A referent account of `centreId`, logged in. */
  async function referentOf(centreId: string, email: string): Promise<Inject> {
    const password = 'a long enough password';
    const created = await day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: { email, displayName: 'Réf', role: 'referent', centreId, password },
    });
    expect(created.statusCode).toBe(201);
    return client(server.app, await loginAs(server.app, email, password));
  }

  const change = (as: Inject, sessionId = day.session.id) =>
    as({ method: 'POST', url: `/api/centre/sessions/${sessionId}/invigilator-password` });

  const login = (password: string, remoteAddress = SCHOOL) =>
    server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber: day.session.number, password },
      remoteAddress,
    });

  const newPassword = (response: LightMyRequestResponse) =>
    (response.json() as { invigilatorPassword: string }).invigilatorPassword;

  async function storedPassword(): Promise<string | undefined> {
    return (await server.app.pix.store.sessions.get(day.session.id))?.invigilatorPassword;
  }

  it('lets the invigilator blocked from the school’s address in at once, with the new password only', async () => {
    // A slow-down far above the bound below: a login it delayed cannot pass for a quick one.
    await start({ loginSlowDownMs: 10_000 });
    const referent = await referentOf(day.centreId, 'ref@jean-moulin.test');
    // A candidate's phone on the school's wifi guesses 5 times: the invigilator is locked out there.
    for (let i = 0; i < 5; i++) expect((await login('wrong!')).statusCode).toBe(401);
    const blocked = await login(day.session.invigilatorPassword);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);

    const changed = await change(referent);
    expect(changed.statusCode).toBe(200);
    const password = newPassword(changed);
    expect(password).toMatch(PASSWORD_SHAPE);
    expect(password).not.toBe(day.session.invigilatorPassword);
    expect(changed.json()).toMatchObject({ id: day.session.id, state: 'created' });
    expect(await storedPassword()).toBe(password);

    // No waiting: the same address logs in with the new password, quickly (the session's own count of
    // failures, which slows every attempt down, is forgiven too).
    const startedAt = Date.now();
    expect((await login(password)).statusCode).toBe(200);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    const old = await login(day.session.invigilatorPassword, '198.51.100.7');
    expect([old.statusCode, errorOf(old).code]).toEqual([401, 'INVALID_CREDENTIALS']);

    // Logged without the password.
    const log = logs.join('');
    expect(log).toContain('invigilator password changed');
    expect(log.includes(password)).toBe(false);
  });

  it('lets the invigilator in at once though the guesses that blocked the address aimed at other sessions', async () => {
    // 2 failures per session and address, 12 overall: below the route's 30 requests a minute.
    server = await startTestServer({ config: { loginMaxFailures: 2 } });
    day = await seedCertificationDay(server.app, { count: 1 });
    const referent = await referentOf(day.centreId, 'ref@jean-moulin.test');
    // A candidate's phone guesses across session numbers, 2 each: the school's address reaches its
    // overall limit without trying any number past its own limit.
    for (let n = 0; n < 12; n++) {
      const guess = await server.app.inject({
        method: 'POST',
        url: '/api/invigilator/login',
        payload: { sessionNumber: 5000 + (n % 6), password: 'wrong!' },
        remoteAddress: SCHOOL,
      });
      expect(guess.statusCode).toBe(401);
    }
    const blocked = await login(day.session.invigilatorPassword);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);

    const changed = await change(referent);
    expect(changed.statusCode).toBe(200);
    expect((await login(newPassword(changed))).statusCode).toBe(200);
    // The address stays blocked for the other sessions.
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber: 5009, password: 'wrong!' },
      remoteAddress: SCHOOL,
    });
    expect([elsewhere.statusCode, errorOf(elsewhere).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });

  it('ends the invigilator logins given before the change, and their open event streams', async () => {
    await start();
    const referent = await referentOf(day.centreId, 'ref@jean-moulin.test');
    const before = await invigilator(server, day);
    expect((await before.get('')).statusCode).toBe(200);
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await watchStream(`${base}/api/invigilator/sessions/${day.session.id}/events`, {
      authorization: `Bearer ${before.token}`,
    });

    expect((await change(referent)).statusCode).toBe(200);

    const refused = await before.get('');
    expect([refused.statusCode, errorOf(refused).code]).toEqual([401, 'PASSWORD_CHANGED']);
    expect(await stream.endsWithin(1000)).toBe(true);
  });

  it('ends a login that checked the old password just before the change and was stored just after', async () => {
    await start();
    const referent = await referentOf(day.centreId, 'ref@jean-moulin.test');
    const token = 'a-login-given-under-the-old-password';
    const now = server.clock.now;
    expect((await change(referent)).statusCode).toBe(200);
    // As loginInvigilator stores it when its check of the old password ran before the change.
    await server.app.pix.store.tokens.create({
      tokenHash: secretHash(token),
      kind: 'invigilator',
      accountId: null,
      sessionId: day.session.id,
      createdAt: now,
      expiresAt: now + 60_000,
      maxExpiresAt: now + 60_000,
      passwordVersion: 0,
    });
    const late = await server.app.inject({
      method: 'GET',
      url: `/api/invigilator/sessions/${day.session.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect([late.statusCode, errorOf(late).code, errorOf(late).message]).toEqual([
      401,
      'PASSWORD_CHANGED',
      'the invigilator password has changed: log in again with the new one',
    ]);
  });

  it('is refused to a referent of another centre as any of its sessions is (404), and for an unknown one', async () => {
    await start();
    const other = await day.api({
      method: 'POST',
      url: '/api/centre/centres',
      payload: { name: 'Lycée Voltaire' },
    });
    const stranger = await referentOf((other.json() as { id: string }).id, 'ref@voltaire.test');
    const refused = await change(stranger);
    const read = await stranger({ method: 'GET', url: `/api/centre/sessions/${day.session.id}` });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([404, 'NOT_FOUND']);
    expect(errorOf(refused)).toEqual(errorOf(read));
    expect(await storedPassword()).toBe(day.session.invigilatorPassword);
    expect((await login(day.session.invigilatorPassword)).statusCode).toBe(200);

    const unknown = await change(day.api, 'ses_unknown');
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
  });

  it('still changes once the session is processed: a leaked password then opens the results no longer', async () => {
    await start();
    const referent = await referentOf(day.centreId, 'ref@jean-moulin.test');
    const before = await invigilator(server, day);
    const finalized = await referent({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/finalization`,
      payload: { hadIncident: false, candidateCouldNotJoin: false },
    });
    expect(finalized.statusCode).toBe(200);

    const changed = await change(referent);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: day.session.id, state: 'processed' });
    const password = newPassword(changed);
    expect(await storedPassword()).toBe(password);
    const results = `/api/invigilator/sessions/${day.session.id}/results`;
    const ended = await server.app.inject({
      method: 'GET',
      url: results,
      headers: { authorization: `Bearer ${before.token}` },
    });
    expect([ended.statusCode, errorOf(ended).code]).toEqual([401, 'PASSWORD_CHANGED']);
    const old = await login(day.session.invigilatorPassword);
    expect([old.statusCode, errorOf(old).code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect((await login(password)).statusCode).toBe(200);
  });
});
