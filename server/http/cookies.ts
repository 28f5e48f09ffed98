// Minimal cookie reading and writing: the web screens' tokens travel in HttpOnly, SameSite=Strict
// cookies (EventSource cannot send an Authorization header); API clients may use Bearer instead.
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** The token from `Authorization: Bearer …`, or else from the cookie. */
export function requestToken(request: FastifyRequest, cookie: string): string | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim() || null;
  return readCookie(request, cookie);
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
