// The three lists of the sessions page: upcoming (to prepare, or in progress: tests are running on
// live stations), to finalize (the day has passed, or tests have started, none is running any more, and
// nobody finalized it), processed (results computed). Dates are the centre's local calendar days
// (YYYY-MM-DD), compared as text.
import type { CentreSession } from '../api/centre-client.ts';

export type SessionGroup = 'upcoming' | 'toFinalize' | 'processed';
export const SESSION_GROUPS: readonly SessionGroup[] = ['upcoming', 'toFinalize', 'processed'];

/** What of a session its group depends on. */
type Grouped = Pick<CentreSession, 'state' | 'date' | 'counts'>;

export function sessionGroup(session: Grouped, today: string): SessionGroup {
  if (session.state !== 'created') return 'processed';
  // The server refuses to finalize while a test runs: such a session is not one to finalize yet.
  if (isInProgress(session)) return 'upcoming';
  if (session.date < today || session.counts.started > 0) return 'toFinalize';
  return 'upcoming';
}

/** Tests are running (or candidates wait to start) on stations the server still hears from. */
export function isInProgress(session: Pick<CentreSession, 'state' | 'counts'>): boolean {
  return session.state === 'created' && session.counts.running > 0;
}

/** Upcoming: soonest first. The others: most recent first. */
export function groupSessions(
  sessions: readonly CentreSession[],
  today: string,
): Record<SessionGroup, CentreSession[]> {
  const groups: Record<SessionGroup, CentreSession[]> = { upcoming: [], toFinalize: [], processed: [] };
  for (const session of sessions) groups[sessionGroup(session, today)].push(session);
  const when = (s: CentreSession) => `${s.date}T${s.time}`;
  groups.upcoming.sort((a, b) => when(a).localeCompare(when(b)) || a.number - b.number);
  groups.toFinalize.sort((a, b) => when(b).localeCompare(when(a)) || b.number - a.number);
  groups.processed.sort((a, b) => when(b).localeCompare(when(a)) || b.number - a.number);
  return groups;
}

/** Today as YYYY-MM-DD in the browser's time zone (the centre's). */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The state a referent reads: in preparation, in progress, to finalize, results to publish or published. */
export function sessionStateLabel(
  session: CentreSession,
  today: string,
): 'created' | 'inProgress' | 'toFinalize' | 'toPublish' | 'published' {
  if (isInProgress(session)) return 'inProgress';
  if (session.state === 'created')
    return sessionGroup(session, today) === 'toFinalize' ? 'toFinalize' : 'created';
  return session.publishedAt ? 'published' : 'toPublish';
}
