// Who may see what: an administrator reaches every centre, a referent only their own. Anything out of
// reach answers 404, as if it did not exist, so ids of other centres cannot be probed.
import type { ServerContext } from '../context.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import type { StoredAccount, StoredCandidate, StoredCentre, StoredSession } from '../storage/repositories.ts';

export function canReachCentre(account: StoredAccount, centreId: string): boolean {
  return account.role === 'administrator' || account.centreId === centreId;
}

export function requireAdministrator(account: StoredAccount): void {
  if (account.role !== 'administrator') {
    throw new ApiError(403, 'FORBIDDEN', 'only an administrator may do this');
  }
}

export async function reachableCentre(
  ctx: ServerContext,
  account: StoredAccount,
  centreId: string,
): Promise<StoredCentre> {
  const centre = canReachCentre(account, centreId) ? await ctx.store.centres.get(centreId) : null;
  if (!centre) throw notFound('centre');
  return centre;
}

export async function reachableSession(
  ctx: ServerContext,
  account: StoredAccount,
  sessionId: string,
): Promise<StoredSession> {
  const session = await ctx.store.sessions.get(sessionId);
  if (!session || !canReachCentre(account, session.centreId)) throw notFound('session');
  return session;
}

export async function reachableCandidate(
  ctx: ServerContext,
  account: StoredAccount,
  candidateId: string,
): Promise<{ candidate: StoredCandidate; session: StoredSession }> {
  const candidate = await ctx.store.candidates.get(candidateId);
  const session = candidate ? await ctx.store.sessions.get(candidate.sessionId) : null;
  if (!candidate || !session || !canReachCentre(account, session.centreId)) throw notFound('candidate');
  return { candidate, session };
}
