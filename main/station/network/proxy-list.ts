// The routes to an address as the system's proxy settings give them: Chromium's resolution
// (`session.resolveProxy`, which runs the PAC script or WPAD a school's network may use) writes them as a
// PAC result, e.g. "PROXY proxy.lycee.fr:3128; DIRECT", tried in order. The station's own requests to
// its server follow them as the challenge browser does; SOCKS and QUIC proxies are not followed.

export type ServerRoute =
  | { kind: 'direct' }
  /** An HTTP proxy (or one reached over TLS), as a URL without path: http://host:port. */
  | { kind: 'proxy'; url: string };

export interface ProxyList {
  routes: ServerRoute[];
  /** Entries that are not followed (SOCKS, QUIC, unreadable), as written. */
  skipped: string[];
}

const SCHEMES: Readonly<Record<string, { protocol: 'http:' | 'https:'; port: number }>> = {
  PROXY: { protocol: 'http:', port: 80 },
  HTTP: { protocol: 'http:', port: 80 },
  HTTPS: { protocol: 'https:', port: 443 },
};

/** "host:port" (IPv6 in brackets) as a proxy URL, or null when it is not one. */
function proxyUrl(protocol: 'http:' | 'https:', defaultPort: number, hostPort: string): string | null {
  if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(:\d{1,5})?$/.test(hostPort)) return null;
  let url: URL;
  try {
    url = new URL(`${protocol}//${hostPort}`);
  } catch {
    return null;
  }
  const port = url.port === '' ? defaultPort : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return null;
  return `${protocol}//${url.hostname}:${port}`;
}

export function parseProxyList(text: string): ProxyList {
  const routes: ServerRoute[] = [];
  const skipped: string[] = [];
  for (const entry of text.split(';')) {
    const written = entry.trim();
    if (written === '') continue;
    const [scheme = '', hostPort, ...rest] = written.split(/\s+/);
    const upper = scheme.toUpperCase();
    if (upper === 'DIRECT' && hostPort === undefined) {
      if (!routes.some((r) => r.kind === 'direct')) routes.push({ kind: 'direct' });
      continue;
    }
    const known = SCHEMES[upper];
    const url =
      known && hostPort !== undefined && rest.length === 0
        ? proxyUrl(known.protocol, known.port, hostPort)
        : null;
    if (url === null) {
      skipped.push(written);
      continue;
    }
    if (!routes.some((r) => r.kind === 'proxy' && r.url === url)) routes.push({ kind: 'proxy', url });
  }
  return { routes, skipped };
}

/** How a route is named in the logs and the self-check: the proxy's address, or « direct ». */
export function routeName(route: ServerRoute): string {
  return route.kind === 'direct' ? 'direct' : route.url;
}
