// A candidate joins on a station (DOMAIN.md §2): session number and access code, then names (compared
// normalized) and birthdate, then certifiability. The test is created at the first join; joining again
// before the start moves it to the new station (its journal begins anew); after the start it asks for a
// resume, which the invigilator must authorize.
import type { JoinResponse } from '../../core/contracts/station-server.ts';
import type { SignInRequest } from '../../core/contracts/station-api.ts';
import { normalizeAccessCode } from '../../core/codes/access-code.ts';
import type { PackageCandidate } from '../../core/package/test-package.ts';
import { candidateMatchKey } from '../../core/session/candidate-name.ts';
import { newId, sameSecret } from '../auth/secrets.ts';
import { certifiability } from '../candidates/candidate-service.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { hasEnded, hasStarted } from '../room/room-view.ts';
import { centreName, packageSessionView } from '../sessions/session-service.ts';
import type { StoredCandidate, StoredStation, StoredTest } from '../storage/repositories.ts';

export function packageCandidateView(c: StoredCandidate): PackageCandidate {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthdate: c.birthdate,
    extraTimePercentage: c.extraTimePercentage,
    accessibilityAdjustment: c.accessibilityAdjustment,
  };
}

/**
 * Wrong access codes, counted per station against the joins' limit (20 in 10 minutes) and never forgiven
 * by a join that succeeds: the session numbers of a centre are public, and a station that joins its own
 * candidate now and then must not get a fresh count of guesses at another session's code each time.
 */
const accessCodeKey = (station: StoredStation) => `join:${station.id}`;

/**
 * Wrong names or birthdates, counted per station against the joins' limit (20 in 10 minutes) and never
 * forgiven by a join that succeeds: a candidate's typos, or the few candidates who share a station, stay
 * far below it, while guessing a classmate's birthdate (hundreds of plausible dates) takes hours a
 * station, and joining as oneself in between does not start the count afresh.
 */
const matchKey = (station: StoredStation) => `match:${station.id}`;

export async function joinSession(
  ctx: ServerContext,
  station: StoredStation,
  request: SignInRequest,
): Promise<JoinResponse> {
  // Access codes are short: a station that keeps guessing is slowed down like a login.
  ctx.throttles.joins.check([accessCodeKey(station), matchKey(station)]);
  const session = await ctx.store.sessions.getByNumber(request.sessionNumber);
  if (!session || session.centreId !== station.centreId) {
    throw new ApiError(
      404,
      'SESSION_NOT_FOUND',
      `there is no session ${request.sessionNumber} in this centre: check the number`,
    );
  }
  if (!sameSecret(normalizeAccessCode(request.accessCode), session.accessCode)) {
    ctx.throttles.joins.fail([accessCodeKey(station)]);
    throw new ApiError(
      403,
      'WRONG_ACCESS_CODE',
      'the access code is not this session’s: check it on the board',
    );
  }
  if (session.state !== 'created') {
    throw new ApiError(409, 'SESSION_CLOSED', 'this session is finalized: no one can join it any more');
  }
  const matches = await ctx.store.candidates.findByMatch(
    session.id,
    candidateMatchKey(request),
    request.birthdate,
  );
  if (matches.length === 0) {
    ctx.throttles.joins.fail([matchKey(station)]);
    throw new ApiError(
      404,
      'NO_MATCHING_CANDIDATE',
      'no candidate of this session has these names and this birthdate: check them, or ask the invigilator',
    );
  }
  if (matches.length > 1) {
    throw new ApiError(409, 'SEVERAL_MATCHING_CANDIDATES', 'several candidates match: ask the invigilator');
  }
  const candidate = matches[0] as StoredCandidate;
  const { certifiable, reason } = certifiability(candidate.profile);
  if (!certifiable) {
    throw new ApiError(422, 'NOT_CERTIFIABLE', `this candidate cannot sit the certification: ${reason}`);
  }

  let test = await ctx.store.tests.getByCandidate(candidate.id);
  let resuming = false;
  let cause = 'joined';
  if (!test) {
    const created = {
      id: newId('tst'),
      sessionId: session.id,
      candidateId: candidate.id,
      stationId: station.id,
      joinedAt: ctx.now(),
    };
    await ctx.store.tests.create(created);
    test = await ctx.store.tests.get(created.id);
  } else {
    ({ resuming, cause } = await joinAgain(ctx, test, station));
  }
  if (!test) throw new Error('the test vanished');
  await ctx.feed.candidateChanged(session, candidate.id, cause);
  return {
    testId: test.id,
    session: packageSessionView(session, await centreName(ctx, session.centreId)),
    candidate: packageCandidateView(candidate),
    resuming,
  };
}

/**
 * A candidate whose test exists signs in again. Before the start, the station begins a new journal (its
 * own `testOpened`, exam-runtime.ts signIn): the one replicated so far is forgotten with the move, or its
 * record 1 would conflict with the new one and the result be refused (intake compares the chains). Its
 * records carry nothing scored: no answer, alert or command acknowledgment comes before `started`. A
 * start authorized for the station they left is withdrawn with the move: the invigilator confirms the
 * candidate's presence where they sit now (the card shows the start to authorize again), and that
 * station can no longer start with it.
 * After the start, the candidate asks for a resume, which the invigilator authorizes: also when the
 * station they left acknowledged the start `applied` and died before any record of it arrived (the
 * store refuses the move then). The new station continues the same test, whatever of it the server
 * holds (exam-runtime.ts #resumeFromServer): the candidate began, and only the invigilator lets them
 * go on.
 */
async function joinAgain(
  ctx: ServerContext,
  test: StoredTest,
  station: StoredStation,
): Promise<{ resuming: boolean; cause: string }> {
  let current = test;
  if (!hasEnded(current) && !hasStarted(current)) {
    const rejoin = await ctx.store.tests.rejoinBeforeStart(current.id, station.id);
    if (rejoin.rejoined) {
      if (rejoin.withdrawnStart !== null) {
        ctx.log.info(
          {
            testId: current.id,
            stationId: station.id,
            previousStationId: current.stationId,
            commandId: rejoin.withdrawnStart,
          },
          'start authorization withdrawn: the candidate signed in again before starting',
        );
      }
      return { resuming: false, cause: current.stationId === station.id ? 'joined' : 'movedStation' };
    }
    // Its start (or end) was stored since it was read, or its station applied the start though nothing
    // of it arrived: go by what it is now.
    const fresh = await ctx.store.tests.get(current.id);
    if (!fresh) throw new Error('the test vanished');
    current = fresh;
  }
  if (hasEnded(current)) {
    throw new ApiError(
      409,
      'CANDIDATE_ALREADY_STARTED',
      'this candidate’s test is over: ask the invigilator',
    );
  }
  // A resume authorized for another station that never took it (it died too) is withdrawn: the
  // invigilator can then authorize it here.
  const withdrawn = await ctx.store.tests.requestResumeWithdrawingElsewhere(
    current.id,
    station.id,
    ctx.now(),
  );
  if (withdrawn !== null) {
    ctx.log.info(
      {
        testId: current.id,
        stationId: station.id,
        previousStationId: current.stationId,
        commandId: withdrawn,
      },
      'resume authorization withdrawn: the candidate asks to resume on another station',
    );
  }
  return { resuming: true, cause: 'resumeRequested' };
}
