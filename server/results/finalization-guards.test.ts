// What finalization waits for (DOMAIN.md §6, §7): a test still running on a live station (finalizing
// would strand its candidate), a test whose station went silent while its candidate may still have time
// (it goes on offline: finalizing would strand them just the same) unless the invigilator confirms it
// over, and an alert awaiting its decision (its question would be scored as if never reported). A test
// whose station went silent with its time gone is finalized as unfinished, with an abort reason. The
// back office reads the same: its form lists what blocks, its sessions page says « en cours ».
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentreSession, UnfinishedTests } from '../../core/contracts/centre-api.ts';
import type { Results, RoomCandidate } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { allowedDurationMs } from '../../core/exam/duration.ts';
import { STATION_MISSING_MS, testHeardRecently } from '../../core/exam/station-presence.ts';
import {
  bareHeartbeat,
  enrolledStation,
  examRoom,
  invigilator,
  join,
  type Invigilator,
  startedJournal,
  startedTest,
} from '../testing/exam-helpers.ts';
import type { SeededCandidate, SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, type TestServer } from '../testing/test-server.ts';

describe('what finalization waits for', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(2));
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededCandidate;
  const finalize = (abortReasons: { candidateId: string; reason: string }[] = [], confirmedOver?: string[]) =>
    inv.post('/finalization', {
      abortReasons,
      ...(confirmedOver ? { confirmedOver } : {}),
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });

  /** A started test, its first answers replicated, its station beating as a live one does. */
  async function running(who: SeededCandidate) {
    const sat = await startedJournal(server, day, inv, station, who);
    const replicate = async () => {
      const r = await station.inject(server.app, 'POST', STATION_API_PATHS.records(sat.testId), {
        records: sat.journal.records,
      });
      expect(r.statusCode).toBe(200);
    };
    await replicate();
    const beat = async (phase = 'inProgress', timeLeftMs = 60 * 60_000) => {
      const r = await station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
        testId: sat.testId,
        phase,
        current: 0,
        answered: 0,
        total: sat.pkg.package.challenges.length,
        timeLeftMs,
        alertPending: false,
        lastSeq: sat.journal.records.length,
        stationTime: server.clock.now,
      });
      expect(r.statusCode).toBe(200);
    };
    await beat();
    return { ...sat, replicate, beat };
  }

  const unfinishedTests = async () =>
    (
      await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/unfinished-tests` })
    ).json() as UnfinishedTests;
  const sessionRow = async () => {
    const list = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/sessions` });
    return (list.json() as { sessions: CentreSession[] }).sessions.find((s) => s.id === day.session.id);
  };

  it('refuses while a test runs on a live station, and finalizes once the invigilator ended it', async () => {
    const sat = await running(candidate(0));
    const refused = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('TESTS_STILL_RUNNING');
    expect(errorOf(refused).message).toContain(`${candidate(0).firstName} ${candidate(0).lastName}`);
    // The centre's form says the same, and does not ask an abort reason for it.
    expect(await unfinishedTests()).toMatchObject({
      tests: [],
      running: [{ candidateId: candidate(0).id, started: true }],
      pendingAlerts: [],
      absentIfFinalized: 1,
    });
    // Back office: the session is in progress, not one to finalize.
    expect((await sessionRow())?.counts.running).toBe(1);
    const detail = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}` });
    expect((detail.json() as CentreSession).counts.running).toBe(1);

    // « Terminer le test »: the station applies it, writes the end and replicates it.
    expect((await inv.post(`/candidates/${candidate(0).id}/commands`, { type: 'endTest' })).statusCode).toBe(
      200,
    );
    sat.journal.end('endedByInvigilator');
    await sat.replicate();
    await sat.beat('ended');
    expect((await sessionRow())?.counts.running).toBe(0);
    const done = await finalize([{ candidateId: candidate(0).id, reason: 'candidate' }]);
    expect(done.statusCode).toBe(200);
    expect((done.json() as Results).results[0]).toMatchObject({ finished: false, abortReason: 'candidate' });
  });

  it('says when a candidate blocking it signed in at a station but never started: close that station', async () => {
    const joined = await join(server, day, station, candidate(1));
    expect((await bareHeartbeat(server, station, joined.testId, 'waiting')).statusCode).toBe(200);
    const refused = await finalize();
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'TESTS_STILL_RUNNING']);
    expect(errorOf(refused).message).toContain('signed in at a station and their test never started');
    expect(errorOf(refused).message).not.toContain('end them');
    expect(await unfinishedTests()).toMatchObject({
      running: [{ candidateId: candidate(1).id, started: false }],
      // Neither started: finalizing would record both absent.
      absentIfFinalized: 2,
    });
  });

  it('finalizes a test whose station went silent with its time gone as unfinished, with its abort reason', async () => {
    await running(candidate(0));
    // Silent since it reported 60 minutes left, an hour ago and more: time up, or the station is gone.
    server.clock.advance(60 * 60_000 + 1_000);
    inv = await invigilator(server, day); // signed in again: the first sign-in ran out meanwhile
    expect((await sessionRow())?.counts.running).toBe(0);
    expect(await unfinishedTests()).toMatchObject({
      tests: [{ candidateId: candidate(0).id, endReason: null }],
      running: [],
      maybeRunning: [],
    });
    const missing = await finalize();
    expect(errorOf(missing).code).toBe('ABORT_REASON_REQUIRED');
    const done = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
    expect(done.statusCode).toBe(200);
    expect((done.json() as Results).results[0]).toMatchObject({ finished: false, abortReason: 'technical' });
  });

  describe('a test whose station went silent while its candidate may still have time', () => {
    /** Its station beats with 40 minutes left, then goes quiet for 16 s (a Wi-Fi drop): the test goes on. */
    async function silentWithTimeLeft(who: SeededCandidate) {
      const sat = await running(who);
      const heardAt = server.clock.now;
      await sat.beat('inProgress', 40 * 60_000);
      server.clock.advance(STATION_MISSING_MS + 1_000);
      return { ...sat, heardAt };
    }

    it('refuses to finalize it, naming it with when its station was last heard and the time it may have', async () => {
      const sat = await silentWithTimeLeft(candidate(0));
      const refused = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
      expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'TESTS_MAYBE_RUNNING']);
      const message = errorOf(refused).message;
      expect(message).toContain(`${candidate(0).firstName} ${candidate(0).lastName} (${candidate(0).id})`);
      expect(message).toContain(`station last heard at ${new Date(sat.heardAt).toISOString()}`);
      expect(message).toContain('about 40 min left');
      // The centre's form lists it with the same facts, among the tests that will need a reason.
      expect(await unfinishedTests()).toMatchObject({
        tests: [{ candidateId: candidate(0).id }],
        running: [],
        maybeRunning: [
          {
            candidateId: candidate(0).id,
            stationLastHeardAt: new Date(sat.heardAt).toISOString(),
            timeLeftMs: 40 * 60_000 - STATION_MISSING_MS - 1_000,
          },
        ],
      });

      // The network comes back: the candidate, still at work, can be helped (not SESSION_CLOSED).
      const question = sat.pkg.package.challenges[4];
      sat.journal.append({
        kind: 'alertRaised',
        payload: { alertId: 'al-late', challengeId: question?.id ?? '' },
      });
      await sat.replicate();
      await sat.beat('inProgress', 39 * 60_000);
      const decided = await inv.post('/alerts/al-late/decision', { decision: 'validated', reasonCode: 'E1' });
      expect(decided.statusCode).toBe(200);
      // Heard again: a test running, as any other.
      expect(errorOf(await finalize()).code).toBe('TESTS_STILL_RUNNING');
    });

    it('finalizes it once the invigilator confirms it over, with its abort reason, and keeps that confirmation', async () => {
      await silentWithTimeLeft(candidate(0));
      const missing = await finalize([], [candidate(0).id]);
      expect(errorOf(missing).code).toBe('ABORT_REASON_REQUIRED');
      const done = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }], [candidate(0).id]);
      expect(done.statusCode).toBe(200);
      expect((done.json() as Results).results[0]).toMatchObject({
        finished: false,
        abortReason: 'technical',
      });
      const stored = await server.app.pix.store.sessions.get(day.session.id);
      expect(stored?.finalization?.confirmedOver).toEqual([candidate(0).id]);
    });

    it('counts it as running in the back office, by the freshest heartbeat, until its time is gone', async () => {
      // Stored: the first beat's 60 minutes; live only: the later beat's 40 minutes (finalization's facts).
      await silentWithTimeLeft(candidate(0));
      // Silent past the slack the list's query gives stations for their 5-s writes of last contact too.
      server.clock.advance(10_000);
      const detail = async () =>
        (
          (
            await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}` })
          ).json() as CentreSession
        ).counts.running;
      expect((await unfinishedTests()).maybeRunning).toHaveLength(1);
      expect(await detail()).toBe(1);
      expect((await sessionRow())?.counts.running).toBe(1);
      // 40 minutes later its time is gone by the freshest heartbeat (not by the stored one's 60 minutes).
      server.clock.advance(40 * 60_000);
      expect((await unfinishedTests()).maybeRunning).toEqual([]);
      expect(await detail()).toBe(0);
      expect((await sessionRow())?.counts.running).toBe(0);
    });

    it('waits for a test whose start the station acknowledged before going silent, from then with the whole allowed time', async () => {
      // The station applied the start and said so; the network dropped before its first record or beat.
      const started = await startedTest(server, day, inv, station, candidate(0));
      const ackedAt = server.clock.now;
      const ack = await station.inject(
        server.app,
        'POST',
        STATION_API_PATHS.commandAck(started.startCommandId),
        { outcome: 'applied' },
      );
      expect(ack.statusCode).toBe(200);
      server.clock.advance(STATION_MISSING_MS + 5_000);
      const allowedMs = allowedDurationMs(candidate(0).extraTimePercentage);
      // The card still shows the wait, and tells the screen when the station went on.
      expect(await inv.card(candidate(0).id)).toMatchObject({
        state: 'startAuthorized',
        goAheadAt: new Date(ackedAt).toISOString(),
      });
      const refused = await finalize();
      expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'TESTS_MAYBE_RUNNING']);
      expect(errorOf(refused).message).toContain(`about ${Math.ceil(allowedMs / 60_000)} min left`);
      expect((await unfinishedTests()).maybeRunning).toMatchObject([
        { candidateId: candidate(0).id, timeLeftMs: allowedMs - STATION_MISSING_MS - 5_000 },
      ]);
      expect((await sessionRow())?.counts.running).toBe(1);
      // Confirmed over: the candidate was there (the station applied the start), so the test is
      // unfinished, not absent: finalized with its abort reason.
      const noReason = await finalize([], [candidate(0).id]);
      expect([noReason.statusCode, errorOf(noReason).code]).toEqual([422, 'ABORT_REASON_REQUIRED']);
      const done = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }], [candidate(0).id]);
      expect(done.statusCode).toBe(200);
      expect((done.json() as Results).results[0]).toMatchObject({
        finished: false,
        abortReason: 'technical',
      });
    });

    it('waits for a test whose resume the station acknowledged before going silent, from then with the time it reported', async () => {
      const sat = await running(candidate(0));
      // The station restarted and waits for the resume with 30 minutes left; the invigilator authorizes it.
      await sat.beat('resumePending', 30 * 60_000);
      server.clock.advance(10 * 60_000);
      const resume = await inv.command(candidate(0).id, { type: 'authorizeResume' });
      const ack = await station.inject(
        server.app,
        'POST',
        STATION_API_PATHS.commandAck(resume.command.id),
        {},
      );
      expect(ack.statusCode).toBe(200);
      server.clock.advance(STATION_MISSING_MS + 5_000);
      expect(await inv.card(candidate(0).id)).toMatchObject({ state: 'resumePending', authorization: null });
      const refused = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
      expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'TESTS_MAYBE_RUNNING']);
      expect((await unfinishedTests()).maybeRunning).toMatchObject([
        { candidateId: candidate(0).id, timeLeftMs: 30 * 60_000 - STATION_MISSING_MS - 5_000 },
      ]);
      // Its time gone from the resume on, it no longer holds finalization back.
      server.clock.advance(30 * 60_000);
      expect((await unfinishedTests()).maybeRunning).toEqual([]);
    });

    it('refuses a confirmation naming a candidate not in the session', async () => {
      await silentWithTimeLeft(candidate(0));
      const refused = await finalize(
        [{ candidateId: candidate(0).id, reason: 'technical' }],
        [candidate(0).id, 'cnd_nobody'],
      );
      expect([refused.statusCode, errorOf(refused).code]).toEqual([400, 'UNKNOWN_CANDIDATE']);
    });
  });

  it('waits for a candidate waiting at another station for the resume, as their card tells the screen, until it goes silent', async () => {
    await running(candidate(0));
    // Their station dies; they sit at another one and ask to resume there.
    server.clock.advance(STATION_MISSING_MS + 5_000);
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, candidate(0))).toMatchObject({ resuming: true });
    // What the invigilator's screen decides from the card (finalization-rules.ts), with the same rule.
    const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
    const screenSeesRunning = async () => {
      const card: RoomCandidate = await inv.card(candidate(0).id);
      return testHeardRecently(
        { station: time(card.lastHeartbeatAt), resumeStation: time(card.resumeRequest?.lastHeardAt) },
        server.clock.now,
      );
    };
    expect(await screenSeesRunning()).toBe(true);
    const refused = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'TESTS_STILL_RUNNING']);
    expect(errorOf(refused).message).toContain(candidate(0).lastName);
    expect(await unfinishedTests()).toMatchObject({ tests: [], running: [{ candidateId: candidate(0).id }] });

    // They left: that station goes silent too, and the test is finalized as unfinished.
    server.clock.advance(STATION_MISSING_MS);
    expect(await screenSeesRunning()).toBe(false);
    expect(errorOf(await finalize()).code).toBe('ABORT_REASON_REQUIRED');
    const done = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
    expect(done.statusCode).toBe(200);
    expect((done.json() as Results).results[0]).toMatchObject({ finished: false, abortReason: 'technical' });
  });

  it('does not wait for a station where the candidate gave up asking for the resume, though it still beats', async () => {
    const sat = await running(candidate(0));
    server.clock.advance(STATION_MISSING_MS + 5_000);
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, candidate(0))).toMatchObject({ resuming: true });
    const spareBeat = (testId: string | null) =>
      bareHeartbeat(server, spare, testId, testId === null ? 'idle' : 'resumePending');
    server.clock.advance(2_000);
    expect((await spareBeat(sat.testId)).statusCode).toBe(200);
    expect(errorOf(await finalize()).code).toBe('TESTS_STILL_RUNNING');
    // They cancel the sign-in there and leave; the station stays on, beating with no test.
    for (let waited = 0; waited <= STATION_MISSING_MS; waited += 2_000) {
      server.clock.advance(2_000);
      expect((await spareBeat(null)).statusCode).toBe(200);
    }
    const card: RoomCandidate = await inv.card(candidate(0).id);
    expect(
      testHeardRecently(
        {
          station: card.lastHeartbeatAt ? Date.parse(card.lastHeartbeatAt) : null,
          resumeStation: card.resumeRequest?.lastHeardAt ? Date.parse(card.resumeRequest.lastHeardAt) : null,
        },
        server.clock.now,
      ),
    ).toBe(false);
    expect(await unfinishedTests()).toMatchObject({ tests: [{ candidateId: candidate(0).id }], running: [] });
    expect(errorOf(await finalize()).code).toBe('ABORT_REASON_REQUIRED');
    const done = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
    expect(done.statusCode).toBe(200);
  });

  it('refuses while an alert awaits its decision, then refuses the decision once finalized', async () => {
    const sat = await running(candidate(0));
    const question = sat.pkg.package.challenges[4];
    sat.journal.append({
      kind: 'alertRaised',
      payload: { alertId: 'al-1', challengeId: question?.id ?? '' },
    });
    // Time runs out on the frozen question: the test is over, the alert still undecided.
    sat.journal.end('timeUp');
    await sat.replicate();
    const refused = await finalize();
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('ALERTS_PENDING');
    expect(errorOf(refused).message).toContain(candidate(0).lastName);
    expect((await unfinishedTests()).pendingAlerts).toEqual([
      expect.objectContaining({ candidateId: candidate(0).id }),
    ]);

    const decided = await inv.post('/alerts/al-1/decision', { decision: 'validated', reasonCode: 'E1' });
    expect(decided.statusCode).toBe(200);
    const done = await finalize();
    expect(done.statusCode).toBe(200);
    expect((done.json() as Results).results[0]?.neutralizedQuestions).toHaveLength(1);

    sat.journal.append({
      kind: 'alertRaised',
      payload: { alertId: 'al-2', challengeId: question?.id ?? '' },
    });
    await sat.replicate();
    const late = await inv.post('/alerts/al-2/decision', { decision: 'validated', reasonCode: 'E1' });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).code).toBe('SESSION_CLOSED');
  });
});
