import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');

describe('centre accounts: login, sessions that expire, throttling, password change', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
    await createAdministrator(server.app);
  });
  afterEach(() => server.close());

  const login = (email: string, password: string) =>
    server.app.inject({ method: 'POST', url: '/api/centre/login', payload: { email, password } });

  it('logs in (case-insensitive email), sets an HttpOnly cookie that works too, and logs out', async () => {
    const ok = await login(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(ok.statusCode).toBe(200);
    const cookie = [ok.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('pix_centre=')) ?? '';
    expect(cookie).toMatch(/^pix_centre=[^;]+; Path=\/api\/centre; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/centre/me',
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(me.json()).toMatchObject({
      account: { email: ADMIN.email, role: 'administrator', centreId: null },
    });
    const token = (ok.json() as { token: string }).token;
    expect((await as(token)(server.app, { method: 'POST', url: '/api/centre/logout' })).statusCode).toBe(204);
    expect((await as(token)(server.app, { method: 'GET', url: '/api/centre/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown email alike, then 429 after repeated failures', async () => {
    const wrong = await login(ADMIN.email, 'not the password');
    const unknown = await login('nobody@pix.test', 'not the password');
    expect([errorOf(wrong), errorOf(unknown)]).toEqual([
      { code: 'INVALID_CREDENTIALS', message: 'wrong email or password' },
      { code: 'INVALID_CREDENTIALS', message: 'wrong email or password' },
    ]);
    for (let i = 0; i < 4; i++) await login(ADMIN.email, 'still wrong');
    const blocked = await login(ADMIN.email, ADMIN.password);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });

  it('expires a session after two idle hours, and after twelve hours whatever the use', async () => {
    const idle = as(await loginAs(server.app, ADMIN.email, ADMIN.password));
    server.clock.advance(2 * 3600_000 + 1);
    const expired = await idle(server.app, { method: 'GET', url: '/api/centre/me' });
    expect([expired.statusCode, errorOf(expired).code]).toEqual([401, 'SESSION_EXPIRED']);

    const busy = as(await loginAs(server.app, ADMIN.email, ADMIN.password));
    for (let hour = 0; hour < 11; hour++) {
      server.clock.advance(3600_000);
      expect((await busy(server.app, { method: 'GET', url: '/api/centre/me' })).statusCode).toBe(200);
    }
    server.clock.advance(3600_000);
    expect((await busy(server.app, { method: 'GET', url: '/api/centre/me' })).statusCode).toBe(401);
  });

  it('changes a password only with the current one', async () => {
    const me = as(await loginAs(server.app, ADMIN.email, ADMIN.password));
    const refused = await me(server.app, {
      method: 'POST',
      url: '/api/centre/me/password',
      payload: { currentPassword: 'guess', newPassword: 'a brand new passphrase' },
    });
    expect(refused.statusCode).toBe(403);
    const short = await me(server.app, {
      method: 'POST',
      url: '/api/centre/me/password',
      payload: { currentPassword: ADMIN.password, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const changed = await me(server.app, {
      method: 'POST',
      url: '/api/centre/me/password',
      payload: { currentPassword: ADMIN.password, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await login(ADMIN.email, 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('refuses a second account with the same email, and a referent without a centre', async () => {
    const admin = as(await loginAs(server.app, ADMIN.email, ADMIN.password));
    const twice = await admin(server.app, {
      method: 'POST',
      url: '/api/centre/accounts',
      payload: {
        email: ADMIN.email,
        displayName: 'x',
        role: 'administrator',
        password: 'another long password',
      },
    });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'EMAIL_TAKEN']);
    const orphan = await admin(server.app, {
      method: 'POST',
      url: '/api/centre/accounts',
      payload: { email: 'ref@x.test', displayName: 'x', role: 'referent', password: 'another long password' },
    });
    expect(orphan.statusCode).toBe(400);
  });
});

describe('npm run server -- create-admin', () => {
  it('creates the first administrator, who can then log in', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pix-cli-'));
    const node = path.join(root, 'node_modules', '.bin', 'node');
    const { stdout } = await run(
      node,
      ['server/main.ts', 'create-admin', '--email', 'Chef@College.test', '--data-dir', dataDir],
      {
        cwd: root,
        env: { ...process.env, PIX_ADMIN_PASSWORD: 'a long enough password' },
      },
    );
    expect(stdout).toMatch(/Administrator chef@college\.test created/);
    const refused = await run(
      node,
      ['server/main.ts', 'create-admin', '--email', 'x@y.test', '--data-dir', dataDir],
      {
        cwd: root,
        env: { ...process.env, PIX_ADMIN_PASSWORD: 'short' },
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 2 });
    const server = await startTestServer({ dbFile: path.join(dataDir, 'pix-certification.sqlite') });
    try {
      const r = await server.app.inject({
        method: 'POST',
        url: '/api/centre/login',
        payload: { email: 'chef@college.test', password: 'a long enough password' },
      });
      expect(r.statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
  it('answers --help with the usage, and an unknown option with the usage and exit code 2', async () => {
    const node = path.join(root, 'node_modules', '.bin', 'node');
    const help = await run(node, ['server/main.ts', '--help'], { cwd: root });
    expect(help.stdout).toMatch(/create-admin --email/);
    const refused = await run(node, ['server/main.ts', '--prot', '80'], { cwd: root }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toMatch(/Unknown option '--prot'[\s\S]*Usage:/);
    expect((refused as { stderr: string }).stderr).not.toMatch(/\bat \w+ \(/);
  });
});
