import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('invigilator login throttling: addresses are blocked, a session is only slowed down', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
  });
  afterEach(() => server.close());

  const login = (password: string, remoteAddress: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber: day.session.number, password },
      remoteAddress,
    });

  it('lets the invigilator in from another address whatever others failed, after a short delay', async () => {
    for (let i = 1; i <= 6; i++) expect((await login('wrong!', `203.0.113.${i}`)).statusCode).toBe(401);
    const started = Date.now();
    const ok = await login(day.session.invigilatorPassword, '198.51.100.7');
    expect(ok.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
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
