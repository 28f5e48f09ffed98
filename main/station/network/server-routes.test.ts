import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../sync/server-connection.ts';
import { ServerRoutes, settingProxyList, type ServerRoutesOptions } from './server-routes.ts';
import {
  closedPort,
  localhostCertificate,
  startSilentProxy,
  startTestProxy,
  type TestProxy,
} from './testing/test-proxy.ts';

/** The server the station talks to: says which request it got, streams on /events, drops /reset. */
function handler(request: http.IncomingMessage, response: http.ServerResponse): void {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    if (request.url === '/reset') {
      request.socket.destroy();
      return;
    }
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
const made: ServerRoutes[] = [];

/** Routes whose direct requests are counted. */
function serverRoutes(
  resolve: (url: string) => Promise<string>,
  options: Partial<ServerRoutesOptions> = {},
): { routes: ServerRoutes; log: string[]; direct: () => number } {
  const log: string[] = [];
  let direct = 0;
  const countingDirect: FetchLike = (input, init) => {
    direct++;
    return fetch(input, init);
  };
  const routes = new ServerRoutes({
    resolveProxy: resolve,
    log: (m) => log.push(m),
    direct: countingDirect,
    ...options,
  });
  made.push(routes);
  return { routes, log, direct: () => direct };
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
  await Promise.all(made.splice(0).map((r) => r.close()));
  proxy.carried.length = 0;
  proxy.headers.length = 0;
  proxy.refuseTunnels = null;
  proxy.refuseRequests = null;
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
const securePort = () => (secure.address() as AddressInfo).port;
const secureOrigin = () => new URL(secureUrl).origin;

describe('the station’s requests to its server', () => {
  it('go straight to the server when the settings say DIRECT, and never to the proxy', async () => {
    const { routes, log, direct } = serverRoutes(() => Promise.resolve('DIRECT'));
    const response = await routes.fetch(`${plainUrl}/api/x`, post('{"a":1}'));
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/api/x',
      body: '{"a":1}',
      station: 'st-1',
    });
    expect(direct()).toBe(1);
    expect(proxy.carried).toEqual([]);
    expect(routes.lastRoute(plainUrl)).toEqual({ kind: 'direct' });
    expect(log).toEqual([`server ${plainUrl}: reached directly`]);
  });

  it('go through the proxy, by a tunnel to an https server, body and headers intact', async () => {
    const { routes, log, direct } = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}`));
    const response = await routes.fetch(`${secureUrl}/api/results`, post('{"bundle":"x.y.z"}'));
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/api/results',
      body: '{"bundle":"x.y.z"}',
      station: 'st-1',
    });
    expect(proxy.carried).toEqual([`CONNECT localhost:${securePort()}`]);
    // The proxy saw the tunnel's address only: the station's headers travelled inside it, encrypted.
    expect(proxy.headers[0]?.['x-station-id']).toBeUndefined();
    expect(direct()).toBe(0);
    expect(routes.lastRoute(secureUrl)).toEqual({ kind: 'proxy', url: proxy.url });
    expect(log).toEqual([`server ${secureOrigin()}: reached through the proxy ${proxy.url}`]);
  });

  it('go through the proxy, as the proxy’s own request, to an http server', async () => {
    const { routes } = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}`));
    const response = await routes.fetch(`${plainUrl}/api/heartbeat`, post('{}'));
    expect((await response.json()) as unknown).toMatchObject({ path: '/api/heartbeat', station: 'st-1' });
    expect(proxy.carried).toEqual([`POST ${plainUrl}/api/heartbeat`]);
  });

  it('read a server-sent stream through the tunnel as it comes', async () => {
    const { routes } = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}`));
    const response = await routes.fetch(`${secureUrl}/events`, { method: 'GET' });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: one\n\n');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toBe('data: two\n\n');
  });

  it('name a proxy’s refusal as a connection error is named (PROXY_REFUSED_…), tunnel or not', async () => {
    const { routes } = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}`));
    proxy.refuseTunnels = 407;
    const tunnel = await routes.fetch(`${secureUrl}/a`, post('{}')).catch((error: unknown) => error);
    expect(tunnel).toBeInstanceOf(TypeError);
    expect((tunnel as { cause: { code: string } }).cause.code).toBe('PROXY_REFUSED_407');
    // A plain http server: the proxy's 407 comes as an answer, which is the proxy's, not the server's.
    proxy.refuseRequests = 407;
    const forward = await routes.fetch(`${plainUrl}/a`, post('{}')).catch((error: unknown) => error);
    expect((forward as { cause: { code: string } }).cause.code).toBe('PROXY_REFUSED_407');
    expect(routes.lastRoute(plainUrl)).toEqual({ kind: 'proxy', url: proxy.url });
  });
});

describe('the choice among several routes', () => {
  it('takes the first that reaches the server, checks it once, and says why the others were passed', async () => {
    const down = await closedPort();
    let resolved = 0;
    const { routes, log, direct } = serverRoutes(() => {
      resolved++;
      return Promise.resolve(`PROXY 127.0.0.1:${down}; PROXY 127.0.0.1:${proxy.port}; DIRECT`);
    });
    expect((await routes.fetch(`${secureUrl}/a`, post('{"n":1}'))).status).toBe(200);
    expect(log).toEqual([
      `server ${secureOrigin()}: reached through the proxy ${proxy.url} (http://127.0.0.1:${down}: ECONNREFUSED)`,
    ]);
    // The check's tunnel, then the request's.
    expect(proxy.carried).toEqual([`CONNECT localhost:${securePort()}`, `CONNECT localhost:${securePort()}`]);
    // The next requests go the same way with no new check, and nothing new is logged.
    await Promise.all([
      routes.fetch(`${secureUrl}/b`, post('{"n":2}')),
      routes.fetch(`${secureUrl}/c`, post('{"n":3}')),
    ]);
    expect(proxy.carried.length).toBeLessThanOrEqual(4);
    expect(log).toHaveLength(1);
    expect(direct()).toBe(0);
    expect(resolved).toBe(1);
  });

  it('passes a proxy that hangs after a few seconds of check, not a request’s whole timeout', async () => {
    const silent = await startSilentProxy();
    try {
      const { routes, log, direct } = serverRoutes(
        () => Promise.resolve(`PROXY 127.0.0.1:${silent.port}; DIRECT`),
        { probeTimeoutMs: 300 },
      );
      // The request's own timeout (10 s, as the station's) is not what ends the wait on the hung proxy.
      const response = await routes.fetch(`${secureUrl}/a`, {
        ...post('{}'),
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status).toBe(200);
      expect(direct()).toBe(1);
      expect(silent.connections()).toBe(1);
      expect(log).toEqual([`server ${secureOrigin()}: reached directly (${silent.url}: ETIMEDOUT)`]);
    } finally {
      await silent.close();
    }
  });

  it('gives the caller up at its own timeout while the routes are being checked, sending nothing', async () => {
    const silent = await startSilentProxy();
    try {
      const { routes, direct } = serverRoutes(
        () => Promise.resolve(`PROXY 127.0.0.1:${silent.port}; DIRECT`),
        {
          probeTimeoutMs: 60_000,
        },
      );
      const gaveUp = routes.fetch(`${secureUrl}/a`, { ...post('{}'), signal: AbortSignal.timeout(200) });
      await expect(gaveUp).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(direct()).toBe(0);
      expect(routes.lastRoute(secureUrl)).toBeNull();
    } finally {
      await silent.close();
    }
  });

  it('never sends a request a second way: a failure is the caller’s, and the routes are checked before the next', async () => {
    const { routes, direct } = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}; DIRECT`));
    // The server drops the connection after reading the request: it may have acted on it.
    await expect(routes.fetch(`${secureUrl}/reset`, post('{"once":true}'))).rejects.toThrow(/fetch failed/);
    expect(direct()).toBe(0);
    expect(routes.lastRoute(secureUrl)).toEqual({ kind: 'proxy', url: proxy.url });
    const before = proxy.carried.length;
    expect((await routes.fetch(`${secureUrl}/b`, post('{}'))).status).toBe(200);
    // A new check (its own tunnel) came first.
    expect(proxy.carried.length).toBeGreaterThan(before);
    expect(direct()).toBe(0);
  });

  it('takes the preferred proxy back once it works again (checked every five minutes)', async () => {
    let now = 1_000_000;
    proxy.refuseTunnels = 403;
    const { routes, log } = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}; DIRECT`), {
      now: () => now,
    });
    await routes.fetch(`${secureUrl}/a`, post('{}'));
    expect(routes.lastRoute(secureUrl)).toEqual({ kind: 'direct' });
    expect(log).toEqual([`server ${secureOrigin()}: reached directly (${proxy.url}: PROXY_REFUSED_403)`]);
    proxy.refuseTunnels = null;
    now += 4 * 60_000;
    await routes.fetch(`${secureUrl}/b`, post('{}'));
    expect(routes.lastRoute(secureUrl)).toEqual({ kind: 'direct' });
    now += 60_000 + 1;
    await routes.fetch(`${secureUrl}/c`, post('{}'));
    expect(routes.lastRoute(secureUrl)).toEqual({ kind: 'proxy', url: proxy.url });
    expect(log.at(-1)).toBe(`server ${secureOrigin()}: reached through the proxy ${proxy.url}`);
  });

  it('says once that no route reaches the server, and the request fails with the first route’s error', async () => {
    const down = await closedPort();
    const serverDown = `https://localhost:${await closedPort()}`;
    const { routes, log } = serverRoutes(() => Promise.resolve(`PROXY 127.0.0.1:${down}; DIRECT`));
    for (let i = 0; i < 3; i++) {
      const failed = await routes.fetch(`${serverDown}/a`, post('{}')).catch((error: unknown) => error);
      expect((failed as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
    }
    expect(log).toEqual([
      `server ${serverDown}: no route reaches it (http://127.0.0.1:${down}: ECONNREFUSED; direct: ECONNREFUSED)`,
    ]);
  });

  it('go direct, and say why, when the proxy settings cannot be read or name only SOCKS', async () => {
    const broken = serverRoutes(() => Promise.reject(new Error('network service gone')));
    expect((await broken.routes.fetch(`${plainUrl}/a`, post('{}'))).status).toBe(200);
    const socks = serverRoutes(() => Promise.resolve('SOCKS5 127.0.0.1:1080'));
    expect((await socks.routes.fetch(`${plainUrl}/b`, post('{}'))).status).toBe(200);
    expect(broken.log[0]).toBe('the proxy settings could not be read (network service gone): direct');
    expect(socks.log[0]).toBe(
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
    const { routes, direct } = serverRoutes(settingProxyList(proxy.url, () => Promise.resolve('DIRECT')));
    expect((await routes.fetch(`${secureUrl}/a`, post('{}'))).status).toBe(200);
    expect(proxy.carried).toHaveLength(1);
    await routes.close();
    proxy.refuseTunnels = 403;
    await expect(routes.fetch(`${secureUrl}/b`, post('{}'))).rejects.toThrow();
    expect(direct()).toBe(0);
  });
});
