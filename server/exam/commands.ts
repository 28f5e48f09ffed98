// The invigilator's commands (DOMAIN.md §7): each is checked against the candidate's state, stored, and
// delivered to the station the test is attached to (which applies it once, by id, and acknowledges it).
import type { z } from 'zod';
import type {
  AlertDecisionRequestSchema,
  InvigilatorCommandRequest,
  RoomCandidate,
} from '../../core/contracts/invigilator-api.ts';
import type { CommandAckOutcome, StationCommand } from '../../core/contracts/station-server.ts';
import { resumeRequestStale } from '../../core/exam/station-presence.ts';
import { AlertReasonCodeSchema } from '../../core/journal/journal-record.ts';
import { newId } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, conflict, notFound } from '../http/api-error.ts';
import type { CardChange } from '../room/room-feed.ts';
import { goAheadApplied, hasEnded, hasStarted, isPaused, testHeard } from '../room/room-view.ts';
import type {
  CommandRequest,
  ResumeRequest,
  StoredCommand,
  StoredSession,
  StoredTest,
} from '../storage/repositories.ts';
import { ensurePackage } from './test-package.ts';
import { withdrawnAlertIds } from './withdrawn-alerts.ts';

export interface Issued {
  command: StoredCommand;
  candidate: RoomCandidate;
  /** The room event that carries this card. */
  eventId: number;
}

function present(change: CardChange | null): Pick<Issued, 'candidate' | 'eventId'> {
  if (!change) throw new Error('the candidate vanished');
  return change;
}

function newCommand(
  ctx: ServerContext,
  session: StoredSession,
  test: StoredTest,
  command: StationCommand,
  request: CommandRequest | null = null,
): StoredCommand {
  return {
    seq: 0,
    id: command.id,
    sessionId: session.id,
    testId: test.id,
    stationId: test.stationId,
    command,
    issuedAt: ctx.now(),
    acknowledgedAt: null,
    acknowledgedOutcome: null,
    request,
  };
}

async function deliver(ctx: ServerContext, testId: string, commandId: string): Promise<StoredCommand> {
  const stored = await ctx.store.commands.get(commandId);
  const test = await ctx.store.tests.get(testId);
  if (!stored || !test) throw new Error('the command was not stored');
  // Retired meanwhile (its candidate signed in elsewhere, its start withdrawn): never sent.
  if (stored.acknowledgedAt === null) ctx.stationBus.publish(test.stationId, stored);
  return stored;
}

/**
 * Checks, stores and delivers the command. `requestRef`: the screen’s request id, stored with it (the
 * route answers a retry of it first: command-requests.ts).
 */
export async function issueCommand(
  ctx: ServerContext,
  session: StoredSession,
  candidateId: string,
  request: InvigilatorCommandRequest,
  requestRef: CommandRequest | null = null,
): Promise<Issued> {
  if (session.state !== 'created') throw conflict('SESSION_CLOSED', 'the session is finalized');
  const candidate = await ctx.store.candidates.get(candidateId);
  if (!candidate || candidate.sessionId !== session.id) throw notFound('candidate');
  let test = await ctx.store.tests.getByCandidate(candidate.id);
  if (!test) throw conflict('NOT_JOINED', 'the candidate has not joined on a station yet');
  const id = newId('cmd');
  const testId = test.id;
  /** Commands to send after this one (alert decisions that follow a resume to another station). */
  let after: string[] = [];
  const commands = await ctx.store.commands.listByTests([testId]);
  // Its station applied the start though nothing more of it reached the server (it may have died right
  // after, the candidate asking to resume elsewhere): started all the same, a resume goes on from it.
  const started = hasStarted(test) || goAheadApplied(test, commands);
  const ended = hasEnded(test);
  const inProgress = () => {
    if (!started) throw conflict('NOT_STARTED', 'the test has not started');
    if (ended) throw conflict('TEST_OVER', 'the test is over');
  };

  switch (request.type) {
    case 'authorizeStart': {
      if (started)
        throw conflict('ALREADY_STARTED', 'the test has already started: authorize a resume instead');
      // The presence is confirmed at the station the invigilator saw (the card's, when the screen says
      // it; else the test's as this request found it): the command goes there only.
      const confirmedAt = request.stationId ?? test.stationId;
      if (confirmedAt !== test.stationId)
        throw conflict(
          'STATION_CHANGED',
          'the candidate signed in at another station meanwhile: confirm their presence there',
        );
      await ensurePackage(ctx, session, candidate, test);
      test = (await ctx.store.tests.get(testId)) ?? test;
      const command = newCommand(ctx, session, test, { type: 'authorizeStart', id, testId }, requestRef);
      // Generating the package took time: the candidate may have signed in at another station, or
      // begun, meanwhile. Checked again where it is written, so that no start reaches a station the
      // invigilator never confirmed.
      await ctx.store.tests.authorize(
        testId,
        'start',
        { ...command, stationId: confirmedAt },
        undefined,
        (current, currentCommands) => {
          if (current.stationId !== confirmedAt)
            throw conflict(
              'STATION_CHANGED',
              'the candidate signed in at another station meanwhile: confirm their presence there',
            );
          if (hasStarted(current) || goAheadApplied(current, currentCommands))
            throw conflict('ALREADY_STARTED', 'the test has already started: authorize a resume instead');
        },
      );
      break;
    }
    case 'withdrawAuthorization': {
      if (started) throw conflict('ALREADY_STARTED', 'the station has started the test');
      if (test.authorization !== 'start') throw conflict('NOTHING_TO_WITHDRAW', 'no start was authorized');
      await ctx.store.tests.authorize(
        testId,
        null,
        newCommand(ctx, session, test, { type: 'withdrawAuthorization', id, testId }, requestRef),
      );
      break;
    }
    case 'authorizeResume': {
      inProgress();
      if (test.bundleReceivedAt !== null) throw conflict('TEST_OVER', 'the result is already received');
      const stale = staleResumeRequest(ctx, test);
      await ctx.store.tests.authorize(
        testId,
        'resume',
        newCommand(ctx, session, test, { type: 'authorizeResume', id, testId }, requestRef),
        stale ?? undefined,
      );
      // The stored request is gone: when that station last asked no longer counts (heartbeats.ts).
      ctx.feed.heartbeats.forgetResume(testId);
      // What the store did decides: a request made meanwhile (the candidate back there) is moved to.
      const moved = (await ctx.store.tests.get(testId))?.stationId !== test.stationId;
      if (stale && !moved) {
        ctx.log.info(
          { sessionId: session.id, testId, stationId: stale.stationId },
          'stale resume request dropped: the test resumes on its own station',
        );
      }
      if (moved) after = await carryAlertDecisions(ctx, session, testId);
      break;
    }
    case 'pause': {
      inProgress();
      if (isPaused(test)) throw conflict('ALREADY_PAUSED', 'the station is already paused');
      await ctx.store.commands.issue(
        newCommand(ctx, session, test, { type: 'pause', id, testId, reason: request.reason }, requestRef),
      );
      break;
    }
    case 'unlock': {
      inProgress();
      if (!isPaused(test)) throw conflict('NOT_PAUSED', 'the station is not paused');
      await ctx.store.commands.issue(
        newCommand(ctx, session, test, { type: 'unlock', id, testId }, requestRef),
      );
      break;
    }
    case 'addTime': {
      inProgress();
      await ctx.store.commands.issue(
        newCommand(
          ctx,
          session,
          test,
          { type: 'addTime', id, testId, addedMs: request.minutes * 60_000 },
          requestRef,
        ),
      );
      break;
    }
    case 'endTest': {
      inProgress();
      await ctx.store.commands.issue(
        newCommand(ctx, session, test, { type: 'endTest', id, testId }, requestRef),
      );
      break;
    }
    case 'closeStation': {
      await checkNothingUnderWay(ctx, session, test);
      // It can only be obeyed now: a station off or cut from the server would close itself later.
      if (ctx.stationBus.listeners(test.stationId) === 0) {
        throw conflict(
          'STATION_OFFLINE',
          'this station is not connected to the server: close it on the spot',
        );
      }
      await ctx.store.commands.issue(
        newCommand(ctx, session, test, { type: 'closeStation', id, testId, issuedAt: ctx.now() }, requestRef),
      );
      break;
    }
  }
  const command = await deliver(ctx, testId, id);
  for (const followerId of after) await deliver(ctx, testId, followerId);
  const view = await ctx.feed.candidateChanged(session, candidate.id, `command:${request.type}`);
  ctx.log.info(
    { sessionId: session.id, testId, command: request.type, commandId: id, requestId: requestRef?.id },
    'invigilator command',
  );
  return { command, ...present(view) };
}

/**
 * Another station's request to resume the test, when it went stale: that station no longer asks for it
 * (not heard naming it for STATION_MISSING_MS) while the test's own station, relaunched, beats naming
 * it. The candidate gave up over there (the station never says so) and came back: the resume is
 * authorized where they are, not moved to a station that would ignore it. Both heard: the other one
 * asked last, the candidate is there. Neither heard: nothing says better than the request.
 */
function staleResumeRequest(ctx: ServerContext, test: StoredTest): ResumeRequest | null {
  const { resumeStationId, resumeRequestedAt } = test;
  if (resumeStationId === null || resumeRequestedAt === null || resumeStationId === test.stationId) {
    return null;
  }
  if (!resumeRequestStale(testHeard(ctx, test), ctx.now())) return null;
  return { stationId: resumeStationId, requestedAt: resumeRequestedAt };
}

/** A station may be closed only when no test is under way on it: this one, nor another of the session. */
async function checkNothingUnderWay(ctx: ServerContext, session: StoredSession, test: StoredTest) {
  const underWay = (t: StoredTest) => hasStarted(t) && !hasEnded(t);
  if (underWay(test)) {
    throw conflict('TEST_IN_PROGRESS', 'this candidate’s test is under way on the station: end it first');
  }
  const others = await ctx.store.tests.listBySession(session.id);
  if (others.some((t) => t.id !== test.id && t.stationId === test.stationId && underWay(t))) {
    throw conflict('TEST_IN_PROGRESS', 'another candidate’s test is under way on this station');
  }
}

/**
 * A test resumed on another station: every alert decision its journal does not show applied goes to
 * the new station too, right after the resume (the old station may have died before it got the
 * decision, or after applying it but before replicating that record). The new station applies each
 * once the records holding the alert are in; an alert it finds already decided is ignored. A decision
 * the old station never acknowledged follows the test as it is; an acknowledged one is issued again.
 */
async function carryAlertDecisions(
  ctx: ServerContext,
  session: StoredSession,
  testId: string,
): Promise<string[]> {
  const test = await ctx.store.tests.get(testId);
  if (!test) return [];
  const applied = new Set<string>();
  for (const { record } of await ctx.store.tests.recordsOfKind([testId], 'alertDecided')) {
    if (record.kind === 'alertDecided') applied.add(record.payload.alertId);
  }
  const carried: string[] = [];
  for (const alert of await ctx.store.alerts.listByTests([testId])) {
    if (alert.decision === null || applied.has(alert.id)) continue;
    const previous = alert.commandId ? await ctx.store.commands.get(alert.commandId) : null;
    if (previous && previous.acknowledgedAt === null) {
      carried.push(previous.id);
      continue;
    }
    const id = newId('cmd');
    await ctx.store.commands.issue(
      newCommand(ctx, session, test, {
        type: 'alertDecision',
        id,
        testId,
        alertId: alert.id,
        decision: alert.decision,
        reasonCode: AlertReasonCodeSchema.nullable().parse(alert.reasonCode),
      }),
    );
    carried.push(id);
  }
  return carried;
}

export async function decideAlert(
  ctx: ServerContext,
  session: StoredSession,
  alertId: string,
  request: z.output<typeof AlertDecisionRequestSchema>,
  requestRef: CommandRequest | null = null,
): Promise<Issued> {
  // Once finalized, the results are scored: a decision taken now would not be reflected in them.
  if (session.state !== 'created') throw conflict('SESSION_CLOSED', 'the session is finalized');
  const alert = await ctx.store.alerts.get(alertId);
  const test = alert ? await ctx.store.tests.get(alert.testId) : null;
  if (!alert || !test || test.sessionId !== session.id) throw notFound('alert');
  if (alert.decision !== null)
    throw conflict('ALERT_ALREADY_DECIDED', `this alert was already ${alert.decision}`);
  // The candidate took it back (offline) and answers the question: there is nothing left to decide.
  if ((await withdrawnAlertIds(ctx, [test.id])).has(alertId)) throw notFound('alert');
  const id = newId('cmd');
  const command = newCommand(
    ctx,
    session,
    test,
    {
      type: 'alertDecision',
      id,
      testId: test.id,
      alertId,
      decision: request.decision,
      reasonCode: request.reasonCode,
    },
    requestRef,
  );
  const decided = await ctx.store.alerts.decide(
    alertId,
    { decision: request.decision, reasonCode: request.reasonCode, decidedAt: ctx.now() },
    command,
  );
  if (!decided) throw conflict('ALERT_ALREADY_DECIDED', 'this alert was already decided');
  const stored = await deliver(ctx, test.id, id);
  const view = await ctx.feed.candidateChanged(session, test.candidateId, `alert:${request.decision}`);
  return { command: stored, ...present(view) };
}

/**
 * The station applied a command, kept it for later, or had nothing to do with it: `outcome` as it said
 * (null: an older station, which does not say). A second acknowledgement (a redelivery) keeps the first
 * one's time, and changes its outcome only to `applied` (a start held while the candidate read the
 * instructions, applied since), with the time it rose: what a station did is never undone by what it
 * says later, and the room counts the test under way from when it went ahead.
 */
export async function acknowledgeCommand(
  ctx: ServerContext,
  stationId: string,
  commandId: string,
  outcome: CommandAckOutcome | null,
): Promise<number> {
  const command = await ctx.store.commands.get(commandId);
  const test = command ? await ctx.store.tests.get(command.testId) : null;
  if (!command || !test || test.stationId !== stationId) {
    throw new ApiError(404, 'NOT_FOUND', 'no such command for this station');
  }
  if (command.acknowledgedAt !== null) {
    if (outcome === 'applied' && command.acknowledgedOutcome !== 'applied') {
      // Risen from held: its time becomes now (the store keeps the later one), when the test went ahead.
      const at = ctx.now();
      await ctx.store.commands.acknowledge(command.id, at, outcome);
      await ctx.feed.candidateChanged(test.sessionId, test.candidateId, `applied:${command.command.type}`);
      return Math.max(command.acknowledgedAt, at);
    }
    return command.acknowledgedAt;
  }
  const at = ctx.now();
  await ctx.store.commands.acknowledge(command.id, at, outcome);
  if (test.authorizationId === command.id && command.command.type === 'authorizeResume') {
    await ctx.store.tests.clearAuthorization(test.id);
  }
  await ctx.feed.candidateChanged(test.sessionId, test.candidateId, `acknowledged:${command.command.type}`);
  return at;
}
