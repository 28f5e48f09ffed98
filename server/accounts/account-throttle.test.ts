import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  as,
  createAdministrator,
  errorOf,
  loginAs,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';

describe('centre accounts: no lockout by others, password change ends other sessions', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
    await createAdministrator(server.app);
  });
  afterEach(() => server.close());

  const login = (password: string, remoteAddress: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/centre/login',
      payload: { email: ADMIN.email, password },
      remoteAddress,
    });
  const changePassword = (token: string, currentPassword: string, newPassword = 'a brand new passphrase') =>
    as(token)(server.app, {
      method: 'POST',
      url: '/api/centre/me/password',
      payload: { currentPassword, newPassword },
    });
  const me = async (token: string) =>
    (await as(token)(server.app, { method: 'GET', url: '/api/centre/me' })).statusCode;

  it('lets the owner in from another address whatever others failed, and blocks the guessing address', async () => {
    for (let i = 1; i <= 6; i++) expect((await login('not it', `203.0.113.${i}`)).statusCode).toBe(401);
    expect((await login(ADMIN.password, '198.51.100.7')).statusCode).toBe(200);

    for (let i = 0; i < 5; i++) await login('not it', '203.0.113.50');
    const blocked = await login(ADMIN.password, '203.0.113.50');
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });

  it('lets in the browser that logged in to the account before, whatever others failed from its address', async () => {
    const first = await login(ADMIN.password, '203.0.113.50');
    const device = first.cookies.find((c) => c.name === 'pix_centre_device');
    expect(device).toMatchObject({ path: '/api/centre/login', httpOnly: true, sameSite: 'Strict' });
    for (let i = 0; i < 5; i++) await login('not it', '203.0.113.50');
    expect((await login(ADMIN.password, '203.0.113.50')).statusCode).toBe(429);
    const known = await server.app.inject({
      method: 'POST',
      url: '/api/centre/login',
      payload: { email: ADMIN.email, password: ADMIN.password },
      remoteAddress: '203.0.113.50',
      cookies: { pix_centre_device: device?.value ?? '' },
    });
    expect(known.statusCode).toBe(200);
  });

  it('ends the other sessions when the password changes, and keeps the current one', async () => {
    const stolen = await loginAs(server.app, ADMIN.email, ADMIN.password);
    const mine = await loginAs(server.app, ADMIN.email, ADMIN.password);
    expect((await changePassword(mine, ADMIN.password)).statusCode).toBe(204);
    expect(await me(stolen)).toBe(401);
    expect(await me(mine)).toBe(200);
  });

  it('throttles guesses of the current password like logins', async () => {
    const token = await loginAs(server.app, ADMIN.email, ADMIN.password);
    for (let i = 0; i < 5; i++) expect((await changePassword(token, `guess ${i}`)).statusCode).toBe(403);
    const blocked = await changePassword(token, ADMIN.password);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    server.clock.advance(15 * 60_000 + 1);
    expect((await changePassword(token, ADMIN.password)).statusCode).toBe(204);
  });
});
