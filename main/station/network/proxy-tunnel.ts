// A tunnel through an HTTP proxy (CONNECT host:port), for the self-check's own TLS handshake with the
// server: on a network that lets the web out only through its proxy, the certificate must be read
// through the proxy too, as the station's requests reach the server.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

/** Named as the station's requests name it (server-routes.ts): PROXY_REFUSED_407… */
function tunnelRefused(status: number): Error {
  return Object.assign(new Error(`the proxy refused the tunnel (${status})`), {
    code: `PROXY_REFUSED_${status}`,
  });
}

/** A socket to host:port through the proxy (http://p:3128 or https://p:443); rejects on refusal. */
export function openTunnel(proxyUrl: string, host: string, port: number, timeoutMs: number): Promise<Socket> {
  const proxy = new URL(proxyUrl);
  const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const request = (proxy.protocol === 'https:' ? https : http).request({
    method: 'CONNECT',
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: Number(proxy.port),
    path: target,
    headers: { host: target },
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(tunnelRefused(response.statusCode ?? 0));
    });
    request.once('timeout', () =>
      request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    request.once('error', reject);
    request.end();
  });
}
