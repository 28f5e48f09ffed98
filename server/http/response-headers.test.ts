import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createAdministrator, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('response headers', () => {
  let server: TestServer | null = null;
  afterEach(() => server?.close());

  it('keep API answers (a login token here) out of every cache', async () => {
    server = await startTestServer();
    await createAdministrator(server.app);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/centre/login',
      payload: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const refused = await server.app.inject({ method: 'GET', url: '/api/centre/me' });
    expect([refused.statusCode, refused.headers['cache-control']]).toEqual([401, 'no-store']);
    // Plain HTTP (a test server, a lab without TLS): no HSTS, which would lock browsers out of it.
    expect(login.headers['strict-transport-security']).toBeUndefined();
  });

  it('tell browsers to stay on HTTPS when the request came over it (behind a trusted proxy)', async () => {
    server = await startTestServer({ trustProxy: true });
    const health = await server.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});
