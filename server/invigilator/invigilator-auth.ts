// Invigilator login (DOMAIN.md §7): session number + invigilator password → a short-lived token for
// that session only, extended while used. Repeated failures from one address are refused with 429 for a
// while, right password or not; a session under attack only answers more slowly (auth/login-throttle.ts).
// The centre's referent may change the password from the back office (changeInvigilatorPassword): the
// way out when a candidate's guesses blocked the school's address, or when the password leaked.
// The screen shows minors' birthdates, results and fraud reports: 7 days after the session's results
// are calculated (processed), its invigilator password no longer opens it (INVIGILATOR_ACCESS_CLOSED):
// the results are in the centre's back office, where the referent reads them.
import { generateInvigilatorPassword } from '../../core/codes/invigilator-password.ts';
import { invigilatorAccessClosesAt } from '../../core/session/invigilator-access.ts';
import { newToken, sameSecret, secretHash } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, notFound, unauthorized } from '../http/api-error.ts';
import { closeStreamsOf } from '../http/sse.ts';
import type { StoredAccount, StoredSession } from '../storage/repositories.ts';

export { INVIGILATOR_ACCESS_AFTER_RESULTS_MS } from '../../core/session/invigilator-access.ts';

/**
 * Whether the session's invigilator screen is closed for good: its results were calculated (processed,
 * which this server does at finalization; publication comes after) at least 7 days ago.
 */
export function invigilatorAccessClosed(
  session: Pick<StoredSession, 'state' | 'processedAt' | 'finalizedAt'>,
  now: number,
): boolean {
  const processedAt = session.processedAt ?? (session.state === 'processed' ? session.finalizedAt : null);
  return processedAt !== null && now >= invigilatorAccessClosesAt(processedAt);
}

/**
 * INVIGILATOR_ACCESS_CLOSED: 403 to a login with the right password; 401 to a login given before and
 * still in use (it no longer authenticates anything: its screen goes back to the login page, which
 * then says why).
 */
const ACCESS_CLOSED =
  "this session's results were calculated more than 7 days ago: the invigilator screen is closed; " +
  "the results are in the centre's back office: ask the centre's Pix referent";

/** What the login throttle counts an invigilator's failures against. */
export function invigilatorLoginTarget(sessionNumber: number): string {
  return `session:${sessionNumber}`;
}

export async function loginInvigilator(
  ctx: ServerContext,
  sessionNumber: number,
  password: string,
  clientKey: string,
  /** The throttle key of a browser that logged in to this session before (http/login-device.ts). */
  deviceKey: string | null = null,
): Promise<{ token: string; expiresAt: number; session: StoredSession }> {
  const attempt = await ctx.throttles.invigilatorLogins.attempt(
    invigilatorLoginTarget(sessionNumber),
    clientKey,
    deviceKey,
  );
  const session = await ctx.store.sessions.getByNumber(sessionNumber);
  if (!session || !sameSecret(password, session.invigilatorPassword)) {
    throw unauthorized('INVALID_CREDENTIALS', 'wrong session number or invigilator password');
  }
  ctx.throttles.invigilatorLogins.succeeded(attempt);
  const now = ctx.now();
  // Said only to whoever gives the right password: a guesser learns nothing of the session.
  if (invigilatorAccessClosed(session, now)) {
    throw new ApiError(403, 'INVIGILATOR_ACCESS_CLOSED', ACCESS_CLOSED);
  }
  const token = newToken();
  const expiresAt = now + ctx.config.invigilatorIdleMs;
  await ctx.store.tokens.create({
    tokenHash: secretHash(token),
    kind: 'invigilator',
    accountId: null,
    sessionId: session.id,
    createdAt: now,
    expiresAt,
    maxExpiresAt: now + ctx.config.invigilatorMaxMs,
    // The version of the password just checked: a change made meanwhile ends this login at its first use.
    passwordVersion: session.invigilatorPasswordVersion,
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
  return streamOwnerOfHash(secretHash(token));
}

function streamOwnerOfHash(tokenHash: string): string {
  return `invigilator:${tokenHash}`;
}

/**
 * « Changer le mot de passe du surveillant », by a referent of the session's centre (or an
 * administrator): a new password is drawn and stored, every invigilator login of the session ends
 * (its open screens must sign in again with the new one: a leaked password stops working), and every
 * login failure aimed at the session is forgiven, whichever address made it (auth/login-throttle.ts):
 * an invigilator whom a candidate's guesses locked out logs in at once with the new password.
 *
 * Also once the session is processed: its invigilator screen still shows the results, minors'
 * birthdates and fraud reports until it closes (INVIGILATOR_ACCESS_AFTER_RESULTS_MS), so a leaked
 * password must be stoppable then too. The change does not reopen a closed screen.
 */
export async function changeInvigilatorPassword(
  ctx: ServerContext,
  session: StoredSession,
  by: StoredAccount,
): Promise<StoredSession> {
  let password = generateInvigilatorPassword();
  while (password === session.invigilatorPassword) password = generateInvigilatorPassword();
  const changed = await ctx.store.sessions.changeInvigilatorPassword(session.id, password, ctx.now());
  // Deleted since it was read.
  if (!changed) throw notFound('session');
  ctx.throttles.invigilatorLogins.forgive(invigilatorLoginTarget(session.number));
  // Browsers that logged in with the old password are no longer known there (auth/known-devices.ts).
  ctx.knownDevices.forget(invigilatorLoginTarget(session.number));
  for (const hash of changed.endedTokenHashes) closeStreamsOf(ctx.streams, streamOwnerOfHash(hash));
  // Never the password itself.
  ctx.log.info(
    { sessionId: session.id, by: by.id, endedLogins: changed.endedTokenHashes.length },
    'invigilator password changed: logins ended, login failures forgiven',
  );
  const updated = await ctx.store.sessions.get(session.id);
  if (!updated) throw notFound('session');
  return updated;
}

/**
 * What a request's token opens. An ended login keeps its row until the purge (10 h past its start plus
 * a margin: storage/repositories.ts, deleteExpired) and never authenticates anything, but the screen
 * that holds it is told why it ended: PASSWORD_CHANGED (it was given under a previous invigilator
 * password: the referent changed it), SESSION_EXPIRED (30 min without contact, or its 10 h). Only the
 * holder of that token learns it; a token the server does not know (never given, logged out, purged)
 * and a request without one stay NOT_AUTHENTICATED.
 */
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
  // The session the login was given for (not necessarily the one asked for: checked below).
  const own = await ctx.store.sessions.get(stored.sessionId);
  if (!own) throw unauthorized('NOT_AUTHENTICATED', 'this session no longer exists');
  // First: a login that also expired since needs the new password all the same.
  if ((stored.passwordVersion ?? 0) !== own.invigilatorPasswordVersion) {
    throw unauthorized(
      'PASSWORD_CHANGED',
      'the invigilator password has changed: log in again with the new one',
    );
  }
  if (stored.expiresAt <= now || stored.maxExpiresAt <= now) {
    throw unauthorized('SESSION_EXPIRED', 'this login has expired: log in again');
  }
  if (invigilatorAccessClosed(own, now)) {
    throw new ApiError(401, 'INVIGILATOR_ACCESS_CLOSED', ACCESS_CLOSED);
  }
  if (stored.sessionId !== sessionId) {
    throw new ApiError(403, 'FORBIDDEN', 'this login is for another session');
  }
  const extended = Math.min(now + ctx.config.invigilatorIdleMs, stored.maxExpiresAt);
  if (extended - stored.expiresAt > 60_000) await ctx.store.tokens.extend(hash, extended);
  return { session: own, maxExpiresAt: stored.maxExpiresAt };
}
