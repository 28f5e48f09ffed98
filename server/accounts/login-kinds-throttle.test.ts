// Account logins (the back office) and invigilator logins are throttled apart, per address overall
// included: from a school's one public address, a candidate's guesses at invigilator passwords never
// lock the referent out of the back office, and failed back-office logins never block the invigilator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { ADMIN, errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

const SCHOOL = '203.0.113.9';

describe('account and invigilator logins from one address', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    // 2 failures per target and address, 12 per address overall.
    server = await startTestServer({ config: { loginMaxFailures: 2 } });
    day = await seedCertificationDay(server.app, { count: 1 });
  });
  afterEach(() => server.close());

  const invigilatorLogin = (sessionNumber: number, password: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber, password },
      remoteAddress: SCHOOL,
    });
  const accountLogin = (email: string, password: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/centre/login',
      payload: { email, password },
      remoteAddress: SCHOOL,
    });

  it('lets the referent into the back office though invigilator guesses blocked the address', async () => {
    // Guesses across session numbers, 2 each: the address reaches its overall limit for invigilators.
    for (let n = 0; n < 12; n++)
      expect((await invigilatorLogin(5000 + (n % 6), 'wrong!')).statusCode).toBe(401);
    const blocked = await invigilatorLogin(day.session.number, day.session.invigilatorPassword);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);

    expect((await accountLogin(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });

  it('lets the invigilator in though failed back-office logins blocked the address', async () => {
    for (let n = 0; n < 12; n++) {
      expect((await accountLogin(`nobody${n % 6}@college.test`, 'not the password')).statusCode).toBe(401);
    }
    const blocked = await accountLogin(ADMIN.email, ADMIN.password);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);

    const invigilator = await invigilatorLogin(day.session.number, day.session.invigilatorPassword);
    expect(invigilator.statusCode).toBe(200);
  });
});
