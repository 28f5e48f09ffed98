import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ServerRoutes, settingProxyList } from './server-routes.ts';
import { closedPort, localhostCertificate, startTestProxy, type TestProxy } from './testing/test-proxy.ts';

/** The server the station talks to: says which request it got, and streams on /events. */
function handler(request: http.IncomingMessage, response: http.ServerResponse): void {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    if (request.url === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: one\n\n');
      setTimeout(() => response.end('data: two\n\n'), 20);
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        method: request.method,
        path: request.url,
        body,
        station: request.headers['x-station-id'] ?? null,
      }),
    );
  });
}

let plain: http.Server;
let secure: https.Server;
let plainUrl: string;
let secureUrl: string;
let proxy: TestProxy;
const routes: ServerRoutes[] = [];

function serverRoutes(
  resolve: (url: string) => Promise<string>,
  log: string[] = [],
  now?: () => number,
): ServerRoutes {
  const made = new ServerRoutes({ resolveProxy: resolve, log: (m) => log.push(m), ...(now ? { now } : {}) });
  routes.push(made);
  return made;
}

beforeAll(async () => {
  // As the station does with the system's store: the test certificate is trusted by Node's defaults.
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), localhostCertificate().cert]);
  plain = http.createServer(handler);
  secure = https.createServer(localhostCertificate(), handler);
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
  plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  secureUrl = `https://localhost:${(secure.address() as AddressInfo).port}`;
  proxy = await startTestProxy();
});

afterEach(async () => {
  await Promise.all(routes.splice(0).map((r) => r.close()));
  proxy.carried.length = 0;
  proxy.headers.length = 0;
  proxy.refuseTunnels = null;
});

afterAll(async () => {
  await proxy.close();
  plain.closeAllConnections();
  secure.closeAllConnections();
  await new Promise((resolve) => plain.close(resolve));
  await new Promise((resolve) => secure.close(resolve));
});

const post = (body: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-station-id': 'st-1' },
  body,
});

describe('the station’s requests to its server', () => {
  it('go straight to the server when the settings say DIRECT, and never to the proxy', async () => {
    const log: string[] = [];
    const r = serverRoutes(() => Promise.resolve('DIRECT'), log);
    const response = await r.fetch(`${plainUrl}/api/x`, post('{"a":1}'));
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/api/x',
      body: '{"a":1}',
      station: 'st-1',
    });
    expect(proxy.carried).toEqual([]);
    expect(r.lastRoute(plainUrl)).toEqual({ kind: 'direct' });
    expect(log).toEqual([`server ${plainUrl}: reached directly`]);
  });

  it('go through the proxy, by a tunnel to an https server, body and headers intact', async () => {
    const log: string[] = [];
    const r = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}; DIRECT`), log);
    const response = await r.fetch(`${secureUrl}/api/results`, post('{"bundle":"x.y.z"}'));
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/api/results',
      body: '{"bundle":"x.y.z"}',
      station: 'st-1',
    });
    const port = (secure.address() as AddressInfo).port;
    expect(proxy.carried).toEqual([`CONNECT localhost:${port}`]);
    // The proxy saw the tunnel's address only: the station's headers travelled inside it, encrypted.
    expect(proxy.headers[0]?.['x-station-id']).toBeUndefined();
    expect(r.lastRoute(secureUrl)).toEqual({ kind: 'proxy', url: proxy.url });
    expect(log).toEqual([`server ${new URL(secureUrl).origin}: reached through the proxy ${proxy.url}`]);
  });

  it('go through the proxy, as the proxy’s own request, to an http server', async () => {
    const r = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}`));
    const response = await r.fetch(`${plainUrl}/api/heartbeat`, post('{}'));
    expect((await response.json()) as unknown).toMatchObject({ path: '/api/heartbeat', station: 'st-1' });
    expect(proxy.carried).toEqual([`POST ${plainUrl}/api/heartbeat`]);
  });

  it('read a server-sent stream through the tunnel as it comes', async () => {
    const r = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}`));
    const response = await r.fetch(`${secureUrl}/events`, { method: 'GET' });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: one\n\n');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toBe('data: two\n\n');
  });

  it('take the next route when the proxy is down, and try that proxy last for five minutes', async () => {
    const down = await closedPort();
    let now = 1_000_000;
    const log: string[] = [];
    let resolved = 0;
    const r = serverRoutes(
      () => {
        resolved++;
        return Promise.resolve(`PROXY 127.0.0.1:${down}; PROXY 127.0.0.1:${proxy.port}`);
      },
      log,
      () => now,
    );
    expect((await r.fetch(`${secureUrl}/a`, post('{"n":1}'))).status).toBe(200);
    expect(proxy.carried).toHaveLength(1);
    expect(log[0]).toBe(`server route http://127.0.0.1:${down} failed (ECONNREFUSED): trying ${proxy.url}`);
    // The second request goes through the working proxy first: no new failure.
    expect((await r.fetch(`${secureUrl}/b`, post('{"n":2}'))).status).toBe(200);
    expect(log.filter((m) => m.includes('failed'))).toHaveLength(1);
    expect(resolved).toBe(1);
    // Five minutes on, the settings are read again and the first proxy is tried first again.
    now += 5 * 60_000 + 1;
    await r.fetch(`${secureUrl}/c`, post('{}'));
    expect(resolved).toBe(2);
    expect(log.filter((m) => m.includes('failed'))).toHaveLength(2);
  });

  it('take DIRECT when the proxy refuses the tunnel (403), without holding it against the proxy', async () => {
    proxy.refuseTunnels = 403;
    const log: string[] = [];
    const r = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}; DIRECT`), log);
    expect((await r.fetch(`${secureUrl}/a`, post('{}'))).status).toBe(200);
    expect(r.lastRoute(secureUrl)).toEqual({ kind: 'direct' });
    expect(log[0]).toMatch(
      /^server route http:\/\/127\.0\.0\.1:\d+ failed \(PROXY_REFUSED_403\): trying direct$/,
    );
    proxy.refuseTunnels = null;
    await r.fetch(`${secureUrl}/b`, post('{}'));
    expect(r.lastRoute(secureUrl)).toEqual({ kind: 'proxy', url: proxy.url });
  });

  it('fail as the last route failed when none can carry the request', async () => {
    proxy.refuseTunnels = 407;
    const r = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}`));
    const failed = await r.fetch(`${secureUrl}/a`, post('{}')).catch((error: unknown) => error);
    // Named as a connection error is, for the self-check to say: fetch's TypeError, the code in its cause.
    expect(failed).toBeInstanceOf(TypeError);
    expect((failed as { cause: { code: string } }).cause.code).toBe('PROXY_REFUSED_407');
    expect(r.lastRoute(secureUrl)).toBeNull();
  });

  it('stop at once when the caller gave up (its timeout), without trying the other routes', async () => {
    const down = await closedPort();
    const r = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${down}; DIRECT`));
    const gaveUp = AbortSignal.abort();
    await expect(r.fetch(`${plainUrl}/a`, { ...post('{}'), signal: gaveUp })).rejects.toThrow();
    expect(r.lastRoute(plainUrl)).toBeNull();
  });

  it('go direct, and say why, when the proxy settings cannot be read or name only SOCKS', async () => {
    const log: string[] = [];
    const broken = serverRoutes(() => Promise.reject(new Error('network service gone')), log);
    expect((await broken.fetch(`${plainUrl}/a`, post('{}'))).status).toBe(200);
    const socks = serverRoutes(() => Promise.resolve('SOCKS5 127.0.0.1:1080'), log);
    expect((await socks.fetch(`${plainUrl}/b`, post('{}'))).status).toBe(200);
    expect(log).toContain('the proxy settings could not be read (network service gone): direct');
    expect(log).toContain(
      'proxy entries not followed for the server (only HTTP proxies are): SOCKS5 127.0.0.1:1080',
    );
    expect(proxy.carried).toEqual([]);
  });
});

describe('the serverProxy setting', () => {
  const system = () => Promise.resolve('PROXY from.system:3128');

  it('follows the system’s settings, no proxy, or the proxy it names', async () => {
    expect(await settingProxyList('system', system)('https://s/')).toBe('PROXY from.system:3128');
    expect(await settingProxyList('direct', system)('https://s/')).toBe('DIRECT');
    expect(await settingProxyList('http://proxy.lycee.fr:3128', system)('https://s/')).toBe(
      'PROXY proxy.lycee.fr:3128',
    );
    expect(await settingProxyList('https://proxy.lycee.fr', system)('https://s/')).toBe(
      'HTTPS proxy.lycee.fr',
    );
  });

  it('sends requests through the proxy it names, with no way around it', async () => {
    const r = serverRoutes(settingProxyList(proxy.url, () => Promise.resolve('DIRECT')));
    expect((await r.fetch(`${secureUrl}/a`, post('{}'))).status).toBe(200);
    expect(proxy.carried).toHaveLength(1);
    proxy.refuseTunnels = 403;
    await expect(r.fetch(`${secureUrl}/b`, post('{}'))).rejects.toThrow();
  });
});
