// `--trust-proxy` believes X-Forwarded-For and X-Forwarded-Proto from the reverse proxy only: a client
// that reaches the server's port itself cannot choose the address the login throttle counts by (and so
// get fresh attempts with every forged header), nor pass for HTTPS.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../cli/server-cli.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

function trust(flag: boolean, from?: string): false | string[] {
  const parsed = parseTrustProxy(flag, from);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** The client address Fastify gave each request (request.ip, as its request log shows it). */
function requestAddresses() {
  const addresses: string[] = [];
  const warnings: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { msg?: string; level?: number; req?: { remoteAddress?: string } };
        if (entry.msg === 'incoming request' && entry.req?.remoteAddress)
          addresses.push(entry.req.remoteAddress);
        if (entry.level === 40 && entry.msg) warnings.push(entry.msg);
      }
      done();
    },
  });
  return { addresses, warnings, logger: { level: 'info', stream } };
}

describe('--trust-proxy', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function failedLogin(remoteAddress: string, forwardedFor: string) {
    return (server as TestServer).app.inject({
      method: 'POST',
      url: '/api/centre/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: 'referent@example.org', password: 'not the password' },
    });
  }

  it('ignores a forged X-Forwarded-For from a client that is not the proxy: the throttle still counts its own address', async () => {
    const log = requestAddresses();
    server = await startTestServer({
      trustProxy: trust(true),
      logger: log.logger,
      config: { loginMaxFailures: 2 },
    });
    const statuses = [];
    for (const forged of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      statuses.push((await failedLogin('203.0.113.9', forged)).statusCode);
    }
    // With every address believed, each forged header was a new client: 401, 401, 401.
    expect(statuses).toEqual([401, 401, 429]);
    expect(log.addresses).toEqual(['203.0.113.9', '203.0.113.9', '203.0.113.9']);
    // Said once, naming the way to trust a proxy on another machine.
    expect(log.warnings.filter((w) => w.includes('--trust-proxy-from'))).toHaveLength(1);

    const https = await server.app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers['strict-transport-security']).toBeUndefined();
  });

  it('believes the proxy on this machine, and the proxy named with --trust-proxy-from', async () => {
    const log = requestAddresses();
    server = await startTestServer({ trustProxy: trust(true, '10.0.0.5'), logger: log.logger });
    await failedLogin('10.0.0.5', '198.51.100.7');
    expect(log.warnings).toEqual([]);
    await failedLogin('10.0.0.6', '198.51.100.8');
    expect(log.addresses).toEqual(['198.51.100.7', '10.0.0.6']);
    const https = await server.app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
    await server.close();

    const local = requestAddresses();
    server = await startTestServer({ trustProxy: trust(true), logger: local.logger });
    await failedLogin('127.0.0.1', '198.51.100.9');
    await failedLogin('::1', '198.51.100.10');
    await failedLogin('10.0.0.5', '198.51.100.11');
    expect(local.addresses).toEqual(['198.51.100.9', '198.51.100.10', '10.0.0.5']);
  });

  it('without --trust-proxy, believes no one', async () => {
    const log = requestAddresses();
    server = await startTestServer({ trustProxy: trust(false), logger: log.logger });
    await failedLogin('127.0.0.1', '198.51.100.9');
    expect(log.addresses).toEqual(['127.0.0.1']);
  });
});
