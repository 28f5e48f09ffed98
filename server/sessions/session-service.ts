// Certification sessions: created with their access code and invigilator password (core/codes),
// edited and deleted while nothing has started, listed per centre with counts.
import type { CentreSession, SessionDetails } from '../../core/contracts/centre-api.ts';
import type { InvigilatorSession } from '../../core/contracts/invigilator-api.ts';
import type { PackageSession } from '../../core/package/test-package.ts';
import { generateAccessCode } from '../../core/codes/access-code.ts';
import { generateInvigilatorPassword } from '../../core/codes/invigilator-password.ts';
import { newId } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { conflict } from '../http/api-error.ts';
import { isRunning, maybeRunningTest } from '../results/finalization.ts';
import type { SessionCounts, StoredSession, StoredTest } from '../storage/repositories.ts';
import { iso, isoOrNull } from '../time.ts';

/** A session just created has nothing running: its counts may leave `running` out. */
export function centreSessionView(
  session: StoredSession,
  centreName: string,
  counts: SessionCounts | Omit<SessionCounts, 'running'>,
): CentreSession {
  return {
    id: session.id,
    number: session.number,
    centreId: session.centreId,
    centreName,
    address: session.address,
    room: session.room,
    date: session.date,
    time: session.time,
    examiner: session.examiner,
    description: session.description,
    accessCode: session.accessCode,
    invigilatorPassword: session.invigilatorPassword,
    state: session.state,
    finalizedAt: isoOrNull(session.finalizedAt),
    publishedAt: isoOrNull(session.publishedAt),
    counts: { ...counts, running: 'running' in counts ? counts.running : 0 },
    createdAt: iso(session.createdAt),
  };
}

export function invigilatorSessionView(session: StoredSession, centreName: string): InvigilatorSession {
  return {
    id: session.id,
    number: session.number,
    centreName,
    address: session.address,
    room: session.room,
    date: session.date,
    time: session.time,
    examiner: session.examiner,
    state: session.state,
    finalizedAt: isoOrNull(session.finalizedAt),
    publishedAt: isoOrNull(session.publishedAt),
  };
}

export function packageSessionView(session: StoredSession, centreName: string): PackageSession {
  return {
    id: session.id,
    number: session.number,
    centreName,
    room: session.room,
    examiner: session.examiner,
  };
}

export async function centreName(ctx: ServerContext, centreId: string): Promise<string> {
  return (await ctx.store.centres.get(centreId))?.name ?? '';
}

/**
 * A session's counts. Running: the tests not over on a live station, and those whose station went
 * silent while their candidate may still have time (they go on offline: finalization waits for them
 * too), by the rule and from the heartbeats finalization reads (results/finalization.ts).
 */
export async function sessionCounts(ctx: ServerContext, sessionId: string): Promise<SessionCounts> {
  const [candidates, tests] = await Promise.all([
    ctx.store.candidates.listBySession(sessionId),
    ctx.store.tests.listBySession(sessionId),
  ]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const commands = await ctx.store.commands.listByTests(tests.map((t) => t.id));
  const now = ctx.now();
  const running = (test: StoredTest) => {
    const candidate = byId.get(test.candidateId);
    return (
      isRunning(ctx, test) ||
      (candidate !== undefined && maybeRunningTest(ctx, test, candidate, commands, now) !== null)
    );
  };
  return {
    candidates: candidates.length,
    joined: tests.length,
    started: tests.filter((t) => t.packageId !== null).length,
    resultsReceived: tests.filter((t) => t.bundleReceivedAt !== null).length,
    resultsRefused: tests.filter((t) => t.bundleReceivedAt === null && t.uploadRefusal !== null).length,
    running: tests.filter(running).length,
  };
}

/**
 * The sessions list reads its counts in one query (storage), which knows the live stations but not the
 * rule for a silent one (core/exam/silent-station.ts). So an open session with a started test whose
 * result has not arrived has its running tests counted again by sessionCounts: the list says a session
 * is under way when its own page does, and when finalization would wait.
 */
export async function withRunningRecounted<S extends { id: string; state: string; counts: SessionCounts }>(
  ctx: ServerContext,
  sessions: readonly S[],
): Promise<S[]> {
  return Promise.all(
    sessions.map(async (s) => {
      const { started, resultsReceived, resultsRefused } = s.counts;
      if (s.state !== 'created' || started <= resultsReceived + resultsRefused) return s;
      const { running } = await sessionCounts(ctx, s.id);
      return { ...s, counts: { ...s.counts, running } };
    }),
  );
}

export async function createSession(
  ctx: ServerContext,
  centreId: string,
  details: SessionDetails,
): Promise<StoredSession> {
  const now = ctx.now();
  return ctx.store.sessions.create({
    id: newId('ses'),
    centreId,
    ...details,
    accessCode: generateAccessCode(),
    invigilatorPassword: generateInvigilatorPassword(),
    state: 'created',
    createdAt: now,
    updatedAt: now,
  });
}

export async function updateSession(
  ctx: ServerContext,
  session: StoredSession,
  details: SessionDetails,
): Promise<void> {
  if (!(await ctx.store.sessions.update(session.id, details, ctx.now()))) {
    throw conflict('SESSION_CLOSED', 'the session is finalized: it can no longer be edited');
  }
}

export async function deleteSession(ctx: ServerContext, session: StoredSession): Promise<void> {
  if (!(await ctx.store.sessions.delete(session.id))) {
    throw conflict(
      'SESSION_STARTED',
      'a candidate has signed in at a station in this session (or it is finalized): it can no longer be deleted',
    );
  }
}

export function assertSessionOpen(session: StoredSession): void {
  if (session.state !== 'created') {
    throw conflict('SESSION_CLOSED', 'the session is finalized: candidates can no longer change');
  }
}
