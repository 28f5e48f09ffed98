import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretHash } from '../auth/secrets.ts';
import { ENDED_INVIGILATOR_LOGIN_KEPT_MS } from '../storage/repositories.ts';
import { invigilatedDay, type Invigilator } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { errorOf, loginAs, ADMIN, startTestServer, type TestServer } from '../testing/test-server.ts';

/** « Changer le mot de passe du surveillant », by the administrator. */
async function changeInvigilatorPassword(server: TestServer, sessionId: string) {
  const admin = await loginAs(server.app, ADMIN.email, ADMIN.password);
  return server.app.inject({
    method: 'POST',
    url: `/api/centre/sessions/${sessionId}/invigilator-password`,
    headers: { authorization: `Bearer ${admin}` },
  });
}

describe('invigilator login throttling: addresses are blocked, a session is only slowed down', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
  });
  afterEach(() => server.close());

  /** A login from `remoteAddress`, with the device cookie a browser got at an earlier login, if any. */
  const login = (password: string, remoteAddress: string, device?: string, sessionNumber?: number) =>
    server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber: sessionNumber ?? day.session.number, password },
      remoteAddress,
      ...(device === undefined ? {} : { cookies: { pix_invigilator_device: device } }),
    });

  it('lets the invigilator in from another address whatever others failed, after a short delay', async () => {
    for (let i = 1; i <= 6; i++) expect((await login('wrong!', `203.0.113.${i}`)).statusCode).toBe(401);
    const started = Date.now();
    const ok = await login(day.session.invigilatorPassword, '198.51.100.7');
    expect(ok.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('lets in, behind the school’s one address, the browser that logged in before, whatever pupils tried there', async () => {
    const first = await login(day.session.invigilatorPassword, '203.0.113.9');
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'pix_invigilator_device');
    expect(device).toMatchObject({ path: '/api/invigilator/login', httpOnly: true, sameSite: 'Strict' });
    // Both cookies were set: the screen's token and the device's.
    expect(first.cookies.map((c) => c.name).sort()).toEqual(['pix_invigilator', 'pix_invigilator_device']);
    // A pupil guesses from the same address, then floods the route past its rate limit.
    for (let i = 0; i < 5; i++) expect((await login('wrong!', '203.0.113.9')).statusCode).toBe(401);
    const flood = await Promise.all(Array.from({ length: 30 }, () => login('wrong!', '203.0.113.9')));
    expect(flood.some((r) => errorOf(r).code === 'RATE_LIMITED')).toBe(true);
    const stranger = await login(day.session.invigilatorPassword, '203.0.113.9');
    expect(stranger.statusCode).toBe(429);

    const again = await login(day.session.invigilatorPassword, '203.0.113.9', device?.value ?? '');
    expect(again.statusCode).toBe(200);
    // The same device secret, given again for another month.
    expect(again.cookies.find((c) => c.name === 'pix_invigilator_device')?.value).toBe(device?.value);
  });

  it('forgets the browsers that logged in with a password the referent changed', async () => {
    const first = await login(day.session.invigilatorPassword, '198.51.100.7');
    const device = first.cookies.find((c) => c.name === 'pix_invigilator_device')?.value ?? '';
    expect((await changeInvigilatorPassword(server, day.session.id)).statusCode).toBe(200);
    // Its guesses now count against its address, as anyone's.
    for (let i = 0; i < 5; i++) await login('wrong!', '198.51.100.7');
    const blocked = await login('wrong!', '198.51.100.7', device);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });

  it('gives no pass to a device cookie from another session, nor to one made up', async () => {
    const other = await seedCertificationDay(server.app, { count: 1, admin: false });
    const elsewhere = await login(
      other.session.invigilatorPassword,
      '198.51.100.7',
      undefined,
      other.session.number,
    );
    const device = elsewhere.cookies.find((c) => c.name === 'pix_invigilator_device')?.value ?? '';
    for (let i = 0; i < 5; i++) await login('wrong!', '203.0.113.9');
    for (const cookie of [device, 'made-up-device-secret']) {
      const blocked = await login(day.session.invigilatorPassword, '203.0.113.9', cookie);
      expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    }
  });

  it('still blocks the address that keeps guessing, right password or not, and its whole IPv6 /64', async () => {
    for (let i = 0; i < 5; i++) expect((await login('wrong!', '203.0.113.9')).statusCode).toBe(401);
    const blocked = await login(day.session.invigilatorPassword, '203.0.113.9');
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    server.clock.advance(15 * 60_000 + 1);
    for (let i = 1; i <= 5; i++) await login('wrong!', `2001:db8:1:2::${i}`);
    const sameSubscriber = await login(day.session.invigilatorPassword, '2001:db8:1:2:ffff::1');
    expect(sameSubscriber.statusCode).toBe(429);
  });
});

describe('an ended invigilator login tells its screen why, until the purge forgets it', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, inv } = await invigilatedDay(1));
    expect((await inv.get('')).statusCode).toBe(200);
  });
  afterEach(() => server.close());

  const MIN = 60_000;
  const HOUR = 60 * MIN;
  /** The housekeeping purge app.ts runs every minute, as of the test clock. */
  const purge = () => server.app.pix.store.tokens.deleteExpired(server.clock.now);
  const stored = () => server.app.pix.store.tokens.find(secretHash(inv.token));
  /** What the screen holding the login gets, on a read, an action and its event stream. */
  async function answers(): Promise<[number, string][]> {
    const read = await inv.get('');
    const act = await inv.post('/finalization', {
      abortReasons: [],
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
    const stream = await inv.get('/events');
    return [read, act, stream].map((r) => [r.statusCode, errorOf(r).code]);
  }

  it('answers SESSION_EXPIRED after 30 min without contact, the purge run, and on every request after', async () => {
    server.clock.advance(31 * MIN); // the laptop slept
    await purge();
    const expired: [number, string] = [401, 'SESSION_EXPIRED'];
    expect(await answers()).toEqual([expired, expired, expired]);
    // Found expired, it stays expired: not extended, not deleted by the refusal itself.
    expect(await answers()).toEqual([expired, expired, expired]);
    expect((await stored())?.expiresAt).toBeLessThanOrEqual(server.clock.now);
    // Still told so near the 10 h maximum, and just past it.
    server.clock.advance(10 * HOUR - 31 * MIN + ENDED_INVIGILATOR_LOGIN_KEPT_MS - MIN);
    await purge();
    expect((await inv.get('')).statusCode).toBe(401);
    expect(errorOf(await inv.get('')).code).toBe('SESSION_EXPIRED');
    // Then forgotten: the purge deletes it, and the server no longer knows it.
    server.clock.advance(MIN);
    await purge();
    expect(await stored()).toBeNull();
    expect(errorOf(await inv.get('')).code).toBe('NOT_AUTHENTICATED');
  });

  it('answers SESSION_EXPIRED past the 10 h maximum, in use all along', async () => {
    for (let i = 0; i < 23; i++) {
      server.clock.advance(25 * MIN);
      expect((await inv.get('')).statusCode).toBe(200);
    }
    server.clock.advance(26 * MIN); // 10 h 01 min since the login; 26 min since the last request
    await purge();
    expect(await answers()).toEqual(Array(3).fill([401, 'SESSION_EXPIRED']));
  });

  it('answers PASSWORD_CHANGED once the referent changed the password, never authenticating again', async () => {
    expect((await changeInvigilatorPassword(server, day.session.id)).statusCode).toBe(200);
    const passwordChanged: [number, string] = [401, 'PASSWORD_CHANGED'];
    expect(await answers()).toEqual([passwordChanged, passwordChanged, passwordChanged]);
    // Kept, ended: the row says so twice over (its version, its expiry).
    const row = await stored();
    expect(row?.expiresAt).toBeLessThanOrEqual(server.clock.now);
    const session = await server.app.pix.store.sessions.get(day.session.id);
    expect(row?.passwordVersion).not.toBe(session?.invigilatorPasswordVersion);
    // After a sleep, the purge run: still the password change (the new password is what is needed).
    server.clock.advance(31 * MIN);
    await purge();
    expect(await answers()).toEqual([passwordChanged, passwordChanged, passwordChanged]);
    // Nothing makes it authenticate again, even a (hypothetical) extension of its expiry.
    await server.app.pix.store.tokens.extend(secretHash(inv.token), server.clock.now + HOUR);
    expect(await answers()).toEqual([passwordChanged, passwordChanged, passwordChanged]);
    // Forgotten once past its maximum and the margin.
    server.clock.advance(10 * HOUR + ENDED_INVIGILATOR_LOGIN_KEPT_MS);
    await purge();
    expect(await stored()).toBeNull();
    expect(errorOf(await inv.get('')).code).toBe('NOT_AUTHENTICATED');
  });

  it('tells nothing more to a caller without a login the server knows', async () => {
    const base = `/api/invigilator/sessions/${day.session.id}`;
    const unknown = await server.app.inject({
      method: 'GET',
      url: base,
      headers: { authorization: 'Bearer a-random-guess-of-a-token' },
    });
    const none = await server.app.inject({ method: 'GET', url: base });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([401, 'NOT_AUTHENTICATED']);
    expect([none.statusCode, errorOf(none).code]).toEqual([401, 'NOT_AUTHENTICATED']);
    // A logout forgets the login at once: nothing to tell about it afterwards.
    expect((await inv.post('/logout')).statusCode).toBeLessThan(300);
    expect(errorOf(await inv.get('')).code).toBe('NOT_AUTHENTICATED');
  });

  it('purges account logins as soon as they expire, as before', async () => {
    const admin = await loginAs(server.app, ADMIN.email, ADMIN.password);
    server.clock.advance(10 * HOUR);
    await purge();
    expect(await server.app.pix.store.tokens.find(secretHash(admin))).toBeNull();
  });
});
