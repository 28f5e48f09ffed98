// A real HTTP proxy for tests, as a school's (Squid's) behaves: it forwards plain http requests written
// with their absolute address, and opens tunnels (CONNECT) for https ones; it can refuse tunnels
// (403, 407) and says what it carried.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxy {
  url: string;
  port: number;
  /** What went through: "GET http://host/path" or "CONNECT host:port". */
  carried: string[];
  /** Headers of each request the proxy received (to check what a station sends it). */
  headers: http.IncomingHttpHeaders[];
  /** Answers tunnels with this status instead of opening them (e.g. 403, 407). */
  refuseTunnels: number | null;
  /** Answers plain http requests with this status instead of forwarding them (e.g. 407). */
  refuseRequests: number | null;
  close(): Promise<void>;
}

export async function startTestProxy(): Promise<TestProxy> {
  const sockets = new Set<net.Socket>();
  const carried: string[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    carried.push(`${request.method ?? '?'} ${request.url ?? ''}`);
    headers.push(request.headers);
    if (proxy.refuseRequests !== null) {
      response
        .writeHead(proxy.refuseRequests, { 'proxy-authenticate': 'Basic realm="lycee"' })
        .end('refused');
      return;
    }
    let target: URL;
    try {
      target = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end('absolute address expected');
      return;
    }
    const forwarded = http.request(
      target,
      { method: request.method, headers: { ...request.headers, via: '1.1 test-proxy' } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.writeHead(502).end('bad gateway'));
    request.pipe(forwarded);
  });
  const proxy: TestProxy = {
    url: '',
    port: 0,
    carried,
    headers,
    refuseTunnels: null,
    refuseRequests: null,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    carried.push(`CONNECT ${request.url ?? ''}`);
    headers.push(request.headers);
    sockets.add(client);
    if (proxy.refuseTunnels !== null) {
      client.end(`HTTP/1.1 ${proxy.refuseTunnels} Refused\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const [host = '', port = '443'] = (request.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.url = `http://127.0.0.1:${proxy.port}`;
  return proxy;
}

/** A certificate for localhost and 127.0.0.1 (self-signed, valid until 2126) and its key, for https servers in tests. */
export function localhostCertificate(): { cert: string; key: string } {
  return {
    cert: readFileSync(new URL('./localhost-cert.pem', import.meta.url), 'utf8'),
    key: readFileSync(new URL('./localhost-key.pem', import.meta.url), 'utf8'),
  };
}

/** A proxy that takes connections and never answers (a hung one, or one behind a dropping firewall). */
export async function startSilentProxy(): Promise<{
  url: string;
  port: number;
  connections: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (for a proxy that is down). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
