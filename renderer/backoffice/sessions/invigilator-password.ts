// The invigilator password in the back office. The referent may change it in every state: after the
// results are calculated too, since the invigilator screen still shows them (and minors' birthdates,
// fraud reports) until it closes, 7 days later (core/session/invigilator-access.ts); a leaked password
// must be stoppable until then. Once the screen is closed for good, no password opens it: changing it
// would only hand out a new one for nothing. The session page says when the screen closes.
import { invigilatorAccessClosesAt } from '../../../core/session/invigilator-access.ts';
import type { CentreSession } from '../api/centre-client.ts';

export function canChangeInvigilatorPassword(
  session: Pick<CentreSession, 'state' | 'finalizedAt'>,
  now: number,
): boolean {
  return !invigilatorScreenClosing(session, now)?.closed;
}

/**
 * When the session's invigilator screen closes (its results calculated, which this server does at
 * finalization), and whether it has: null while the results are not calculated.
 */
export function invigilatorScreenClosing(
  session: Pick<CentreSession, 'state' | 'finalizedAt'>,
  now: number,
): { at: string; closed: boolean } | null {
  if (session.state !== 'processed' || session.finalizedAt === null) return null;
  const at = invigilatorAccessClosesAt(Date.parse(session.finalizedAt));
  return { at: new Date(at).toISOString(), closed: now >= at };
}
