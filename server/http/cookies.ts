// Minimal cookie reading and writing: the web screens' tokens travel in HttpOnly, SameSite=Strict
// cookies (EventSource cannot send an Authorization header); API clients may use Bearer instead.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';

export function readCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Methods that change nothing: a cookie may authorize them whoever asks. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a browser says the request comes from a page of another origin. Sec-Fetch-Site where it is
 * sent; otherwise (Safari before 16.4…) the Origin a browser puts on every POST, compared with the Host
 * the server was reached at (the reverse proxy passes it on: docs/it/serveur.md). Neither: not a page.
 */
function fromAnotherOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-site' || site === 'cross-site';
  const origin = request.headers.origin;
  if (origin === undefined || origin === '') return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    // "null": a sandboxed or opaque origin.
    return true;
  }
}

/**
 * The token from `Authorization: Bearer …`, or else from the cookie. A change authorized by the cookie
 * must come from the screen's own origin: SameSite=Strict keeps the cookie from other sites, not from a
 * sibling subdomain of the same site (a page there could post a bodiless form or a beacon).
 */
export function requestToken(request: FastifyRequest, cookie: string): string | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim() || null;
  const token = readCookie(request, cookie);
  if (token !== null && !SAFE_METHODS.has(request.method) && fromAnotherOrigin(request)) {
    throw new ApiError(403, 'CROSS_SITE_REQUEST', 'refused: this change was asked by a page of another site');
  }
  return token;
}

export function setTokenCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  token: string,
  path: string,
  maxAgeMs: number,
): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  reply.header(
    'set-cookie',
    `${name}=${encodeURIComponent(token)}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(
      maxAgeMs / 1000,
    )}${secure}`,
  );
}

export function clearTokenCookie(reply: FastifyReply, name: string, path: string): void {
  reply.header('set-cookie', `${name}=; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=0`);
}
