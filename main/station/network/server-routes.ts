// The station's own requests to its server (enrollment, live feed, results, `--check`) take the route
// the system's proxy settings give, as the challenge browser's do: a school that lets the web out only
// through its proxy must not have to open its firewall for the exam stations. Each request tries the
// routes in their order (the PAC result's "PROXY p:3128; DIRECT") and goes on to the next when one
// cannot carry it; a proxy that cannot be reached is tried last for five minutes, as Chromium does.
//
// Only requests whose body can be sent again (a string, or none) are given to a second route: the
// station's requests are all so. Through a proxy, an https server is reached through a tunnel (CONNECT)
// and an http one by the proxy itself. A proxy's credentials are never taken: an authenticating proxy
// must let the server's address through (docs/it/installation.md).
import { fetch as undiciFetch, ProxyAgent, type Dispatcher } from 'undici';
import type { FetchLike } from '../sync/server-connection.ts';
import { parseProxyList, routeName, type ServerRoute } from './proxy-list.ts';

export interface ServerRoutesOptions {
  /** The PAC result for an address ("PROXY host:port; DIRECT"): the system's, or the setting's. */
  resolveProxy(url: string): Promise<string>;
  log?(message: string): void;
  now?(): number;
  /** Requests on the direct route (default: Node's fetch). */
  direct?: FetchLike;
}

/** A resolution is kept this long for an origin (a PAC script may change, rarely). */
const RESOLUTION_TTL_MS = 60_000;
/** A proxy that could not be reached is tried after the other routes for this long. */
const BAD_PROXY_MS = 5 * 60_000;
/**
 * Errors of the connection to a proxy itself (the only connection the station opens on that route): the
 * proxy is down or unknown. Not a reset or a refusal relayed from the server: moving the proxy after a
 * direct route that a firewall silently drops would cost every request its whole timeout.
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The error and its causes, outermost first (fetch's TypeError wraps the connection's error). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let e = error;
    e !== null && e !== undefined && chain.length < 5;
    e = (e as { cause?: unknown }).cause
  ) {
    chain.push(e);
  }
  return chain;
}

/** The system's code of the failure (ECONNREFUSED…), if one is given. */
function errorCode(error: unknown): string | null {
  for (const e of causes(error).reverse()) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return null;
}

/** The status a proxy refused the tunnel with (undici says it only in its message), or null. */
function proxyRefusal(error: unknown): number | null {
  for (const e of causes(error)) {
    const match = e instanceof Error ? /^Proxy response \((\d{3})\)/.exec(e.message) : null;
    if (match) return Number(match[1]);
  }
  return null;
}

/** What went wrong, for the log and the self-check: a code (ECONNREFUSED, PROXY_REFUSED_407…). */
function failure(error: unknown): string {
  const refused = proxyRefusal(error);
  if (refused !== null) return `PROXY_REFUSED_${refused}`;
  const code = errorCode(error);
  if (code !== null) return code;
  const deepest = causes(error)
    .reverse()
    .find((e): e is Error => e instanceof Error);
  return deepest?.message ?? 'error';
}

/** fetch's own failure, with the proxy's refusal named in its cause's code (as a connection error's is). */
function named(error: unknown): unknown {
  const refused = proxyRefusal(error);
  if (refused === null) return error;
  const cause = Object.assign(new Error(`the proxy refused the tunnel (${refused})`), {
    code: `PROXY_REFUSED_${refused}`,
  });
  return new TypeError('fetch failed', { cause });
}

export class ServerRoutes {
  readonly #o: ServerRoutesOptions;
  readonly #direct: FetchLike;
  readonly #now: () => number;
  readonly #resolved = new Map<string, { routes: ServerRoute[]; until: number }>();
  readonly #badUntil = new Map<string, number>();
  readonly #agents = new Map<string, Dispatcher>();
  /** The route that last carried a request, by origin (logged when it changes; said by --check). */
  readonly #inUse = new Map<string, ServerRoute>();

  constructor(options: ServerRoutesOptions) {
    this.#o = options;
    this.#direct = options.direct ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? Date.now;
  }

  /** A fetch that follows the routes; give it to the station's connection. */
  readonly fetch: FetchLike = async (input, init) => {
    const routes = this.#ordered(await this.routesFor(input));
    const replayable = init.body === undefined || init.body === null || typeof init.body === 'string';
    let lastError: unknown = null;
    for (const [index, route] of routes.entries()) {
      try {
        const response = await this.#send(route, input, init);
        this.#carried(input, route);
        return response;
      } catch (error) {
        lastError = error;
        if (init.signal?.aborted || !replayable || index === routes.length - 1) break;
        const code = errorCode(error);
        if (route.kind === 'proxy' && code !== null && UNREACHABLE.has(code)) {
          this.#badUntil.set(route.url, this.#now() + BAD_PROXY_MS);
        }
        this.#o.log?.(
          `server route ${routeName(route)} failed (${failure(error)}): trying ${routeName(routes[index + 1] ?? { kind: 'direct' })}`,
        );
      }
    }
    throw named(lastError);
  };

  /** The routes for an address, in the order the settings give them (at least one). */
  async routesFor(url: string): Promise<ServerRoute[]> {
    const origin = new URL(url).origin;
    const now = this.#now();
    const cached = this.#resolved.get(origin);
    if (cached && cached.until > now) return cached.routes;
    let routes: ServerRoute[];
    try {
      const list = parseProxyList(await this.#o.resolveProxy(url));
      if (list.skipped.length > 0) {
        this.#o.log?.(
          `proxy entries not followed for the server (only HTTP proxies are): ${list.skipped.join('; ')}`,
        );
      }
      routes = list.routes;
    } catch (error) {
      this.#o.log?.(
        `the proxy settings could not be read (${error instanceof Error ? error.message : 'error'}): direct`,
      );
      routes = [];
    }
    if (routes.length === 0) routes = [{ kind: 'direct' }];
    this.#resolved.set(origin, { routes, until: now + RESOLUTION_TTL_MS });
    return routes;
  }

  /** The route that last carried a request to this address's origin, if any did. */
  lastRoute(url: string): ServerRoute | null {
    return this.#inUse.get(new URL(url).origin) ?? null;
  }

  /** Closes the proxies' connections (the station's exit, tests). */
  async close(): Promise<void> {
    const agents = [...this.#agents.values()];
    this.#agents.clear();
    await Promise.all(agents.map((agent) => agent.close()));
  }

  /** Proxies that could not be reached lately go after the others. */
  #ordered(routes: ServerRoute[]): ServerRoute[] {
    const now = this.#now();
    const bad = (route: ServerRoute) => route.kind === 'proxy' && (this.#badUntil.get(route.url) ?? 0) > now;
    return [...routes.filter((r) => !bad(r)), ...routes.filter(bad)];
  }

  #send(route: ServerRoute, input: string, init: RequestInit): Promise<Response> {
    if (route.kind === 'direct') return this.#direct(input, init);
    const dispatcher = this.#agent(route.url, new URL(input).protocol === 'https:');
    // undici's own Response: the same web API as Node's global one, from the same library.
    return undiciFetch(input, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
  }

  /** One agent per proxy and way: a tunnel for https servers, the proxy's own request for http ones. */
  #agent(proxy: string, tunnel: boolean): Dispatcher {
    const key = `${tunnel ? 'tunnel' : 'forward'} ${proxy}`;
    let agent = this.#agents.get(key);
    if (!agent) {
      agent = new ProxyAgent({ uri: proxy, proxyTunnel: tunnel });
      this.#agents.set(key, agent);
    }
    return agent;
  }

  #carried(input: string, route: ServerRoute): void {
    const origin = new URL(input).origin;
    const before = this.#inUse.get(origin);
    if (before && routeName(before) === routeName(route)) return;
    this.#inUse.set(origin, route);
    this.#o.log?.(
      route.kind === 'direct'
        ? `server ${origin}: reached directly`
        : `server ${origin}: reached through the proxy ${route.url}`,
    );
  }
}

/** The PAC result for a `serverProxy` setting: the system's settings, no proxy, or the one named. */
export function settingProxyList(
  setting: string,
  systemResolve: (url: string) => Promise<string>,
): (url: string) => Promise<string> {
  if (setting === 'system') return systemResolve;
  if (setting === 'direct') return () => Promise.resolve('DIRECT');
  const proxy = new URL(setting);
  const entry = `${proxy.protocol === 'https:' ? 'HTTPS' : 'PROXY'} ${proxy.host}`;
  return () => Promise.resolve(entry);
}
