// Invigilator login (DOMAIN.md §7): session number + invigilator password → a short-lived token for
// that session only, extended while used. Repeated failures from one address are refused with 429 for a
// while, right password or not; a session under attack only answers more slowly (auth/login-throttle.ts).
import { newToken, sameSecret, secretHash } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, unauthorized } from '../http/api-error.ts';
import { closeStreamsOf } from '../http/sse.ts';
import type { StoredSession } from '../storage/repositories.ts';

export async function loginInvigilator(
  ctx: ServerContext,
  sessionNumber: number,
  password: string,
  clientKey: string,
): Promise<{ token: string; expiresAt: number; session: StoredSession }> {
  const attempt = await ctx.throttles.logins.attempt(`session:${sessionNumber}`, clientKey);
  const session = await ctx.store.sessions.getByNumber(sessionNumber);
  if (!session || !sameSecret(password, session.invigilatorPassword)) {
    throw unauthorized('INVALID_CREDENTIALS', 'wrong session number or invigilator password');
  }
  ctx.throttles.logins.succeeded(attempt);
  const token = newToken();
  const now = ctx.now();
  const expiresAt = now + ctx.config.invigilatorIdleMs;
  await ctx.store.tokens.create({
    tokenHash: secretHash(token),
    kind: 'invigilator',
    accountId: null,
    sessionId: session.id,
    createdAt: now,
    expiresAt,
    maxExpiresAt: now + ctx.config.invigilatorMaxMs,
  });
  ctx.log.info({ sessionId: session.id }, 'invigilator logged in');
  return { token, expiresAt, session };
}

/** The session a token opens, if it is `sessionId`; extends the token (at most once a minute). */
export async function authenticateInvigilator(
  ctx: ServerContext,
  token: string | null,
  sessionId: string,
): Promise<StoredSession> {
  return (await checkInvigilatorToken(ctx, token, sessionId)).session;
}

/**
 * For an open event stream, on each keep-alive: the token still opens `sessionId` (as for any request,
 * which keeps it alive while the screen watches); the time it expires at the latest. Throws otherwise.
 */
export async function keepInvigilatorAlive(
  ctx: ServerContext,
  token: string,
  sessionId: string,
): Promise<number> {
  return (await checkInvigilatorToken(ctx, token, sessionId)).maxExpiresAt;
}

/** Logs out: the token is forgotten and its open event streams end. */
export async function logoutInvigilator(ctx: ServerContext, token: string | null): Promise<void> {
  if (!token) return;
  await ctx.store.tokens.delete(secretHash(token));
  closeStreamsOf(ctx.streams, invigilatorStreamOwner(token));
}

/** Names the event streams a token opened (by its hash: the token itself is a secret). */
export function invigilatorStreamOwner(token: string): string {
  return `invigilator:${secretHash(token)}`;
}

async function checkInvigilatorToken(
  ctx: ServerContext,
  token: string | null,
  sessionId: string,
): Promise<{ session: StoredSession; maxExpiresAt: number }> {
  if (!token)
    throw unauthorized('NOT_AUTHENTICATED', 'log in with the session number and invigilator password');
  const hash = secretHash(token);
  const stored = await ctx.store.tokens.find(hash);
  const now = ctx.now();
  if (!stored || stored.kind !== 'invigilator' || stored.sessionId === null) {
    throw unauthorized('NOT_AUTHENTICATED', 'this login is unknown: log in again');
  }
  if (stored.expiresAt <= now || stored.maxExpiresAt <= now) {
    await ctx.store.tokens.delete(hash);
    throw unauthorized('SESSION_EXPIRED', 'this login has expired: log in again');
  }
  if (stored.sessionId !== sessionId) {
    throw new ApiError(403, 'FORBIDDEN', 'this login is for another session');
  }
  const session = await ctx.store.sessions.get(sessionId);
  if (!session) throw unauthorized('NOT_AUTHENTICATED', 'this session no longer exists');
  const extended = Math.min(now + ctx.config.invigilatorIdleMs, stored.maxExpiresAt);
  if (extended - stored.expiresAt > 60_000) await ctx.store.tokens.extend(hash, extended);
  return { session, maxExpiresAt: stored.maxExpiresAt };
}
