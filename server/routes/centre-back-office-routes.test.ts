// What the back office (issue 9) added to the centre API: administrators deactivate and reactivate
// accounts (a deactivated account cannot log in and its sessions end), and, before a referent
// finalizes, the tests that need an abort reason. Also the tokens the centre API must refuse.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, UnfinishedTests } from '../../core/contracts/centre-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { enrolledStation, invigilator, startedJournal } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import { ADMIN, as, errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';

const REFERENT = { email: 'referente@college.test', password: 'une phrase de passe assez longue' };

describe('centre accounts: deactivation by an administrator', () => {
  let server: TestServer;
  let day: SeededDay;
  let referentId: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    const created = await day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: {
        email: REFERENT.email,
        displayName: 'Mme Durand',
        role: 'referent',
        centreId: day.centreId,
        password: REFERENT.password,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ deactivatedAt: null });
    referentId = (created.json() as Account).id;
  });
  afterEach(() => server.close());

  const login = (password = REFERENT.password) =>
    server.app.inject({
      method: 'POST',
      url: '/api/centre/login',
      payload: { email: REFERENT.email, password },
    });

  it('ends the account’s sessions, refuses its logins, and lets it back in once reactivated', async () => {
    const referent = as(await loginAs(server.app, REFERENT.email, REFERENT.password));
    const sessions = `/api/centre/centres/${day.centreId}/sessions`;
    expect((await referent(server.app, { method: 'GET', url: sessions })).statusCode).toBe(200);

    const off = await day.api({ method: 'POST', url: `/api/centre/accounts/${referentId}/deactivate` });
    expect(off.statusCode).toBe(200);
    expect((off.json() as Account).deactivatedAt).toBe(new Date(server.clock.now).toISOString());

    // The open session is gone, a right password is told the account is deactivated, a wrong one is not.
    const after = await referent(server.app, { method: 'GET', url: sessions });
    expect([after.statusCode, errorOf(after).code]).toEqual([401, 'NOT_AUTHENTICATED']);
    const right = await login();
    expect([right.statusCode, errorOf(right).code]).toEqual([401, 'ACCOUNT_DEACTIVATED']);
    const wrong = await login('not the password at all');
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([401, 'INVALID_CREDENTIALS']);
    const list = await day.api({ method: 'GET', url: '/api/centre/accounts' });
    expect((list.json() as { accounts: Account[] }).accounts.find((a) => a.id === referentId)).toMatchObject({
      deactivatedAt: expect.any(String),
    });

    const on = await day.api({ method: 'POST', url: `/api/centre/accounts/${referentId}/reactivate` });
    expect([on.statusCode, (on.json() as Account).deactivatedAt]).toEqual([200, null]);
    expect((await login()).statusCode).toBe(200);
  });

  it('refuses a token whose account was deactivated after the check that let it in', async () => {
    const token = await loginAs(server.app, REFERENT.email, REFERENT.password);
    // Deactivated straight in the store (another server process, say): the token itself still exists.
    await server.app.pix.store.accounts.setDeactivatedAt(referentId, server.clock.now);
    const refused = await as(token)(server.app, { method: 'GET', url: '/api/centre/me' });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([401, 'ACCOUNT_DEACTIVATED']);
  });

  it('is for administrators only, never on one’s own account, and 404 for an unknown account', async () => {
    const referent = as(await loginAs(server.app, REFERENT.email, REFERENT.password));
    const me = (await day.api({ method: 'GET', url: '/api/centre/me' })).json() as { account: Account };
    for (const url of [
      `/api/centre/accounts/${me.account.id}/deactivate`,
      `/api/centre/accounts/${referentId}/reactivate`,
    ]) {
      const r = await referent(server.app, { method: 'POST', url });
      expect([r.statusCode, errorOf(r).code]).toEqual([403, 'FORBIDDEN']);
    }
    const own = await day.api({ method: 'POST', url: `/api/centre/accounts/${me.account.id}/deactivate` });
    expect([own.statusCode, errorOf(own).code]).toEqual([409, 'OWN_ACCOUNT']);
    const unknown = await day.api({ method: 'POST', url: '/api/centre/accounts/acc_nobody/deactivate' });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
    // Nothing changed: the administrator still works.
    expect((await loginAs(server.app, ADMIN.email, ADMIN.password)).length).toBeGreaterThan(10);
  });

  it('refuses forged, tampered and invigilator tokens on the centre API', async () => {
    const token = await loginAs(server.app, REFERENT.email, REFERENT.password);
    const inv = await invigilator(server, day);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    for (const [what, bad] of [
      ['tampered', `${token.slice(0, -1)}${last}`],
      ['forged', 'x'.repeat(token.length)],
      ['invigilator', inv.token],
    ] as const) {
      const r = await as(bad)(server.app, { method: 'GET', url: `/api/centre/sessions/${day.session.id}` });
      expect([what, r.statusCode, errorOf(r).code]).toEqual([what, 401, 'NOT_AUTHENTICATED']);
    }
    const cookie = await server.app.inject({
      method: 'GET',
      url: '/api/centre/me',
      headers: { cookie: `pix_centre=${inv.token}` },
    });
    expect(cookie.statusCode).toBe(401);
  });
});

describe('centre API: the tests a referent must give an abort reason for', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 3 });
  });
  afterEach(() => server.close());

  it('lists started tests that did not end normally, with how they ended, and not the finished or absent', async () => {
    const station = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    const [finished, stopped, running] = [0, 1, 2].map((i) => day.candidates[i] as SeededCandidate) as [
      SeededCandidate,
      SeededCandidate,
      SeededCandidate,
    ];
    const unfinished = async () =>
      (
        await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/unfinished-tests` })
      ).json() as UnfinishedTests;
    expect((await unfinished()).tests).toEqual([]);

    for (const [who, end] of [
      [finished, 'finished'],
      [stopped, 'endedByInvigilator'],
      [running, null],
    ] as const) {
      const { journal, ...started } = await startedJournal(server, day, inv, station, who);
      if (end) journal.end(end);
      const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(started.testId), {
        records: journal.records,
      });
      expect(replicated.statusCode).toBe(200);
    }

    const listed = (await unfinished()).tests.map((t) => [t.lastName, t.endReason, t.resultReceived]);
    expect(listed.sort()).toEqual(
      [
        [stopped.lastName, 'endedByInvigilator', false],
        [running.lastName, null, false],
      ].sort(),
    );
    // Its station not heard since it acknowledged the start (no heartbeat here), the one not ended may
    // still be going on offline (started just now).
    expect((await unfinished()).maybeRunning).toEqual([
      expect.objectContaining({
        candidateId: running.id,
        stationLastHeardAt: new Date(server.clock.now).toISOString(),
        timeLeftMs: expect.any(Number),
      }),
    ]);
    // The finalization the list prepares for goes through with those two reasons.
    const tests = (await unfinished()).tests;
    const done = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/finalization`,
      payload: {
        abortReasons: tests.map((t) => ({ candidateId: t.candidateId, reason: 'technical' })),
        // The one whose station went silent with time left (it may go on offline), confirmed over.
        confirmedOver: (await unfinished()).maybeRunning.map((t) => t.candidateId),
        hadIncident: true,
        candidateCouldNotJoin: false,
      },
    });
    expect(done.statusCode).toBe(200);
  });
});
