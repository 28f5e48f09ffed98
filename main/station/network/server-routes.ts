// The station's own requests to its server (enrollment, live feed, results, `--check`) take the route
// the system's proxy settings give, as the challenge browser's do: a school that lets the web out only
// through its proxy must not have to open its firewall for the exam stations.
//
// When the settings give several routes ("PROXY p:3128; DIRECT"), one is chosen before requests go:
// each is checked in order (a connection to the server, or the proxy's tunnel to it) within a few
// seconds, and the first that answers carries the requests. A request is never sent a second way: a
// route that stops working (a failed request) is checked again, with the others, before the next
// request; a route chosen after the preferred one failed is checked again every five minutes, so the
// preferred one is taken back when it recovers. A route that hangs costs that check its few seconds,
// never a request its whole timeout.
//
// Through a proxy, an https server is reached through a tunnel (CONNECT) and an http one by the
// proxy's own request. A proxy's credentials are never given: an authenticating proxy must let the
// server's address through (docs/it/installation.md).
import net from 'node:net';
import { fetch as undiciFetch, ProxyAgent, type Dispatcher } from 'undici';
import type { FetchLike } from '../sync/server-connection.ts';
import { parseProxyList, routeName, type ServerRoute } from './proxy-list.ts';
import { openTunnel } from './proxy-tunnel.ts';

export interface ServerRoutesOptions {
  /** The PAC result for an address ("PROXY host:port; DIRECT"): the system's, or the setting's. */
  resolveProxy(url: string): Promise<string>;
  log?(message: string): void;
  now?(): number;
  /** Requests on the direct route (default: Node's fetch). */
  direct?: FetchLike;
  /** How long a route is given to show it reaches the server, when there is a choice (default 4 s). */
  probeTimeoutMs?: number;
}

/** A resolution is kept this long for an origin (a PAC script may change, rarely). */
const RESOLUTION_TTL_MS = 60_000;
/** A route chosen after the preferred one failed is checked again after this long. */
const RECHECK_MS = 5 * 60_000;
const PROBE_TIMEOUT_MS = 4_000;

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

/** The status a proxy refused the tunnel with (undici says it only in its message), or null. */
function proxyRefusal(error: unknown): number | null {
  for (const e of causes(error)) {
    // A tunnel refused ("Proxy response (403) !== 200…"), or a 407 to the proxy's own request.
    const match =
      e instanceof Error
        ? /^(?:Proxy response|Proxy Authentication Required) \((\d{3})\)/.exec(e.message)
        : null;
    if (match) return Number(match[1]);
  }
  return null;
}

/** What went wrong, for the log and the self-check: a code (ECONNREFUSED, PROXY_REFUSED_407…). */
function routeFailure(error: unknown): string {
  const refused = proxyRefusal(error);
  if (refused !== null) return `PROXY_REFUSED_${refused}`;
  for (const e of causes(error).reverse()) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  const deepest = causes(error)
    .reverse()
    .find((e): e is Error => e instanceof Error);
  return deepest?.message ?? 'error';
}

/** A proxy's refusal named in its cause's code, as a connection error's is (server-check.ts reads it). */
function named(error: unknown): unknown {
  const refused = proxyRefusal(error);
  if (refused === null) return error;
  const cause = Object.assign(new Error(`the proxy refused (${refused})`), {
    code: `PROXY_REFUSED_${refused}`,
  });
  return new TypeError('fetch failed', { cause });
}

/** Rejects with the caller's reason as soon as its signal aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Resolves once a connection to host:port is open (then closes it). */
function connects(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', reject);
  });
}

const defaultPort = (url: URL) => (url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

/** Through a proxy, a tunnel unless both the server and the proxy are plain http (the proxy's request). */
const tunnels = (proxy: string, target: URL) => target.protocol === 'https:' || proxy.startsWith('https:');

interface Choice {
  /** The resolution it was made from (a new one makes a new choice). */
  routes: string;
  route: ServerRoute;
  preferred: boolean;
  at: number;
}

export class ServerRoutes {
  readonly #o: ServerRoutesOptions;
  readonly #direct: FetchLike;
  readonly #now: () => number;
  readonly #resolved = new Map<string, { routes: ServerRoute[]; until: number }>();
  readonly #chosen = new Map<string, Choice>();
  readonly #choosing = new Map<string, Promise<ServerRoute>>();
  readonly #agents = new Map<string, Dispatcher>();
  /** The route of the last request, by origin (said by --check, success or failure). */
  readonly #used = new Map<string, ServerRoute>();
  /** What was last logged about an origin's route: logged again only when it changes. */
  readonly #said = new Map<string, string>();

  constructor(options: ServerRoutesOptions) {
    this.#o = options;
    this.#direct = options.direct ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? Date.now;
  }

  /** A fetch that follows the routes; give it to the station's connection. */
  readonly fetch: FetchLike = async (input, init) => {
    const target = new URL(input);
    const route = await this.#route(target, init.signal);
    this.#used.set(target.origin, route);
    try {
      const response = await this.#send(route, target, input, init);
      this.#say(target.origin, routeName(route), reached(target.origin, route));
      return response;
    } catch (error) {
      // Not sent another way (it may have reached the server); the routes are checked before the next.
      this.#chosen.delete(target.origin);
      throw named(error);
    }
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
        this.#say(
          `${origin} skipped`,
          list.skipped.join('; '),
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

  /** The route of the last request to this address's origin (null: none was made). */
  lastRoute(url: string): ServerRoute | null {
    return this.#used.get(new URL(url).origin) ?? null;
  }

  /** Drops the proxies' connections, requests under way included (the station's exit, tests). */
  async close(): Promise<void> {
    const agents = [...this.#agents.values()];
    this.#agents.clear();
    await Promise.all(agents.map((agent) => agent.destroy()));
  }

  async #route(target: URL, signal: AbortSignal | null | undefined): Promise<ServerRoute> {
    const routes = await this.routesFor(target.href);
    const [only] = routes;
    if (routes.length === 1 && only) return only;
    const key = routes.map(routeName).join('; ');
    const chosen = this.#chosen.get(target.origin);
    if (chosen && chosen.routes === key && (chosen.preferred || this.#now() - chosen.at < RECHECK_MS)) {
      return chosen.route;
    }
    let choosing = this.#choosing.get(target.origin);
    if (!choosing) {
      choosing = this.#choose(target, routes, key).finally(() => this.#choosing.delete(target.origin));
      this.#choosing.set(target.origin, choosing);
    }
    // The caller's timeout bounds its wait; the check goes on for the requests after it.
    return untilAborted(choosing, signal);
  }

  async #choose(target: URL, routes: ServerRoute[], key: string): Promise<ServerRoute> {
    const failed: string[] = [];
    for (const [index, route] of routes.entries()) {
      try {
        await this.#probe(route, target);
      } catch (error) {
        failed.push(`${routeName(route)}: ${routeFailure(error)}`);
        continue;
      }
      this.#chosen.set(target.origin, { routes: key, route, preferred: index === 0, at: this.#now() });
      const why = failed.length > 0 ? ` (${failed.join('; ')})` : '';
      this.#say(target.origin, routeName(route), `${reached(target.origin, route)}${why}`);
      return route;
    }
    // None answers (the server may be down): the first, for the request to fail with its own error.
    this.#say(target.origin, 'none', `server ${target.origin}: no route reaches it (${failed.join('; ')})`);
    return routes[0] ?? { kind: 'direct' };
  }

  #probe(route: ServerRoute, target: URL): Promise<void> {
    const timeoutMs = this.#o.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
    if (route.kind === 'direct') return connects(target.hostname, defaultPort(target), timeoutMs);
    if (!tunnels(route.url, target)) {
      const proxy = new URL(route.url);
      return connects(proxy.hostname, Number(proxy.port), timeoutMs);
    }
    return openTunnel(
      route.url,
      target.hostname.replace(/^\[|\]$/g, ''),
      defaultPort(target),
      timeoutMs,
    ).then((socket) => void socket.destroy());
  }

  async #send(route: ServerRoute, target: URL, input: string, init: RequestInit): Promise<Response> {
    if (route.kind === 'direct') return this.#direct(input, init);
    const dispatcher = this.#agent(route.url, tunnels(route.url, target));
    // undici's own Response: the same web API as Node's global one, from the same library.
    return (await undiciFetch(input, { ...(init as object), dispatcher })) as unknown as Response;
  }

  /** One agent per proxy and way: a tunnel, or the proxy's own request for plain http. */
  #agent(proxy: string, tunnel: boolean): Dispatcher {
    const key = `${tunnel ? 'tunnel' : 'forward'} ${proxy}`;
    let agent = this.#agents.get(key);
    if (!agent) {
      agent = new ProxyAgent({ uri: proxy, proxyTunnel: tunnel });
      this.#agents.set(key, agent);
    }
    return agent;
  }

  #say(subject: string, state: string, message: string): void {
    if (this.#said.get(subject) === state) return;
    this.#said.set(subject, state);
    this.#o.log?.(message);
  }
}

function reached(origin: string, route: ServerRoute): string {
  return route.kind === 'direct'
    ? `server ${origin}: reached directly`
    : `server ${origin}: reached through the proxy ${route.url}`;
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
