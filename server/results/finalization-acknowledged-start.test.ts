// Whether a test went ahead when its station acknowledged the start and then said nothing more (it died
// right after): the acknowledgement says what the station did (core/contracts/station-server.ts
// CommandAckRequest). `applied`: the test started, so the candidate was present and the unfinished test
// needs an abort reason, whatever was heard since. `pending` (a start held while the candidate still
// read the instructions, who may then cancel or lose the station) or a withdrawn start: absent. An
// older station says nothing: only its records tell (the phase the server last knew may be another
// station's). A later acknowledgement or a record may raise an outcome to applied, never lower it. The room card, finalization, the attendance sheet, the finalization
// record and the back office's count of absents read that one fact (room-view.ts testWentAhead).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnfinishedTests } from '../../core/contracts/centre-api.ts';
import type { Results } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { allowedDurationMs } from '../../core/exam/duration.ts';
import { STATION_MISSING_MS } from '../../core/exam/station-presence.ts';
import {
  bareHeartbeat,
  enrolledStation,
  examRoom,
  fetchPackage,
  invigilator,
  join,
  startedJournal,
  type Invigilator,
} from '../testing/exam-helpers.ts';
import { client, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { ADMIN, errorOf, loginAs, type TestServer } from '../testing/test-server.ts';
import { buildFinalizationRecord, finalizationRecordFacts } from './finalization-record.ts';

describe('a test whose start its station acknowledged, then silence', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(2));
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededCandidate;
  const finalize = (abortReasons: { candidateId: string; reason: string }[] = []) =>
    inv.post('/finalization', {
      abortReasons,
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
  /** The back office's finalization form reads this (signed in again: the first sign-in ran out). */
  const unfinishedTests = async () => {
    const api = client(server.app, await loginAs(server.app, ADMIN.email, ADMIN.password));
    const r = await api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/unfinished-tests` });
    expect(r.statusCode).toBe(200);
    return r.json() as UnfinishedTests;
  };
  /** The attendance sheet's « Présence » column (the CSV's sixth) for a candidate. */
  const presence = async (c: SeededCandidate) => {
    const sheet = await inv.get('/attendance.csv');
    expect(sheet.statusCode, sheet.body).toBe(200);
    return sheet.body
      .split('\n')
      .find((line) => line.includes(c.lastName))
      ?.split(';')[5];
  };
  /** The finalization record (procès-verbal), once finalized. */
  const record = async () => {
    const session = await server.app.pix.store.sessions.get(day.session.id);
    if (!session) throw new Error('no session');
    return buildFinalizationRecord(await finalizationRecordFacts(server.app.pix, session));
  };
  const ack = (at: TestStation, commandId: string, body: unknown) =>
    at.inject(server.app, 'POST', STATION_API_PATHS.commandAck(commandId), body);

  /**
   * The candidate signs in at `at`, which last said `phase` (null: nothing); the invigilator authorizes
   * the start; the station fetches the package and acknowledges the start with `body`.
   */
  async function acknowledgedStart(
    who: SeededCandidate,
    phase: 'signedIn' | 'waiting' | null,
    body: unknown,
    at: TestStation = station,
  ): Promise<{ testId: string; startCommandId: string; ackedAt: number }> {
    const { testId } = await join(server, day, at, who);
    if (phase !== null) expect((await bareHeartbeat(server, at, testId, phase)).statusCode).toBe(200);
    const start = await inv.command(who.id, { type: 'authorizeStart' });
    await fetchPackage(server, at, testId);
    const ackedAt = server.clock.now;
    const r = await ack(at, start.command.id, body);
    expect(r.statusCode, r.body).toBe(200);
    return { testId, startCommandId: start.command.id, ackedAt };
  }

  /** Every station silent past the whole time allowed: no test may still run offline. */
  async function silence(): Promise<void> {
    const longest = Math.max(...[0, 1].map((i) => allowedDurationMs(candidate(i).extraTimePercentage)));
    server.clock.advance(longest + STATION_MISSING_MS + 60_000);
    inv = await invigilator(server, day); // signed in again: the first sign-in ran out meanwhile
  }

  /** Finalized with no abort reason asked: every candidate absent, as the sheet and the record say. */
  async function expectAllAbsent(): Promise<void> {
    expect(await unfinishedTests()).toMatchObject({ tests: [], absentIfFinalized: 2 });
    const done = await finalize();
    expect(done.statusCode, done.body).toBe(200);
    const results = done.json() as Results;
    expect(results.results).toEqual([]);
    expect(results.absent.map((a) => a.candidateId).sort()).toEqual(
      [candidate(0).id, candidate(1).id].sort(),
    );
    expect((await record()).counts).toMatchObject({ present: 0, absent: 2 });
    expect(await presence(candidate(0))).toBe('absent');
  }

  describe('applied (the station wrote the start)', () => {
    it('is started: its abort reason asked, present and aborted on the record and the sheet, before and after', async () => {
      const { ackedAt } = await acknowledgedStart(candidate(0), 'waiting', { outcome: 'applied' });
      await silence();
      // The card still shows the wait; the server says the test went ahead.
      expect(await inv.card(candidate(0).id)).toMatchObject({
        state: 'startAuthorized',
        startedAt: null,
        goAheadAt: new Date(ackedAt).toISOString(),
        wentAhead: true,
      });
      expect(await inv.card(candidate(1).id)).toMatchObject({ state: 'notArrived', wentAhead: false });
      const form = await unfinishedTests();
      expect(form).toMatchObject({
        tests: [{ candidateId: candidate(0).id, endReason: null, resultReceived: false }],
        running: [],
        maybeRunning: [],
        absentIfFinalized: 1,
      });
      expect(await presence(candidate(0))).toBe('présent');
      expect(await presence(candidate(1))).toBe('pas encore arrivé');

      const refused = await finalize();
      expect([refused.statusCode, errorOf(refused).code]).toEqual([422, 'ABORT_REASON_REQUIRED']);
      expect(errorOf(refused).message).toContain(`${candidate(0).firstName} ${candidate(0).lastName}`);
      const done = await finalize([{ candidateId: candidate(0).id, reason: 'technical' }]);
      expect(done.statusCode, done.body).toBe(200);
      const results = done.json() as Results;
      expect(results.results.map((r) => [r.candidateId, r.finished, r.abortReason])).toEqual([
        [candidate(0).id, false, 'technical'],
      ]);
      expect(results.absent.map((a) => a.candidateId)).toEqual([candidate(1).id]);
      // What the room's load reads of the results: the scored candidates' ids, the session's or one's.
      const { results: stored } = server.app.pix.store;
      expect(await stored.scoredCandidates(day.session.id)).toEqual(new Set([candidate(0).id]));
      expect(await stored.scoredCandidates(day.session.id, candidate(0).id)).toEqual(
        new Set([candidate(0).id]),
      );
      expect(await stored.scoredCandidates(day.session.id, candidate(1).id)).toEqual(new Set());
      expect(await stored.scoredCandidates('ses_other')).toEqual(new Set());

      const pv = await record();
      const line = (id: string) => pv.candidates.find((c) => c.candidateId === id);
      expect(line(candidate(0).id)).toMatchObject({
        attendance: 'present',
        outcome: 'aborted',
        abortReason: 'technical',
      });
      expect(line(candidate(1).id)).toMatchObject({ attendance: 'absent', outcome: 'none' });
      // The back office's form said as many absents as the record counts.
      expect(pv.counts.absent).toBe(form.absentIfFinalized);
      expect(await presence(candidate(0))).toBe('présent');
      expect(await presence(candidate(1))).toBe('absent');
    });

    it('cannot be withdrawn any more: the station started it', async () => {
      await acknowledgedStart(candidate(0), 'waiting', { outcome: 'applied' });
      const refused = await inv.post(`/candidates/${candidate(0).id}/commands`, {
        type: 'withdrawAuthorization',
      });
      expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'ALREADY_STARTED']);
      expect(await inv.card(candidate(0).id)).toMatchObject({ authorization: 'start', wentAhead: true });
    });

    it('is still started when a heartbeat is heard after it (sent before the start, arriving late)', async () => {
      const { testId } = await acknowledgedStart(candidate(0), 'waiting', { outcome: 'applied' });
      server.clock.advance(1_000);
      expect((await bareHeartbeat(server, station, testId, 'waiting')).statusCode).toBe(200);
      await silence();
      // Heard since: no longer a go-ahead that may still run offline, yet the test went ahead.
      expect(await inv.card(candidate(0).id)).toMatchObject({
        state: 'startAuthorized',
        goAheadAt: null,
        wentAhead: true,
      });
      expect(await presence(candidate(0))).toBe('présent');
      const refused = await finalize();
      expect([refused.statusCode, errorOf(refused).code]).toEqual([422, 'ABORT_REASON_REQUIRED']);
      expect((await finalize([{ candidateId: candidate(0).id, reason: 'candidate' }])).statusCode).toBe(200);
      expect((await record()).counts).toMatchObject({ present: 1, absent: 1, aborted: 1 });
    });
  });

  it('held (pending: the candidate still read the instructions), then silence: absent, no reason asked', async () => {
    const { ackedAt } = await acknowledgedStart(candidate(0), 'signedIn', { outcome: 'pending' });
    await silence();
    // Still read as a go-ahead for the wait on an offline test (conservative), never as a start.
    expect(await inv.card(candidate(0).id)).toMatchObject({
      state: 'startAuthorized',
      goAheadAt: new Date(ackedAt).toISOString(),
      wentAhead: false,
    });
    expect(await presence(candidate(0))).toBe('connecté, test non commencé');
    await expectAllAbsent();
  });

  it('authorized, held, then withdrawn: absent', async () => {
    await acknowledgedStart(candidate(0), 'signedIn', { outcome: 'pending' });
    const withdraw = await inv.command(candidate(0).id, { type: 'withdrawAuthorization' });
    expect((await ack(station, withdraw.command.id, { outcome: 'applied' })).statusCode).toBe(200);
    await silence();
    expect(await inv.card(candidate(0).id)).toMatchObject({ state: 'signedIn', wentAhead: false });
    await expectAllAbsent();
  });

  describe('from an older station, which does not say what it did', () => {
    it('is not counted started by its acknowledgement alone, waiting or not: its records tell', async () => {
      await acknowledgedStart(candidate(0), 'waiting', {});
      const other = await enrolledStation(server, day, 'Poste 02');
      // No body at all, as the oldest stations sent.
      await acknowledgedStart(candidate(1), 'signedIn', undefined, other);
      await silence();
      expect(await inv.card(candidate(0).id)).toMatchObject({ state: 'startAuthorized', wentAhead: false });
      expect(await inv.card(candidate(1).id)).toMatchObject({ state: 'startAuthorized', wentAhead: false });
      await expectAllAbsent();
    });

    it('authorized, then withdrawn: absent', async () => {
      await acknowledgedStart(candidate(0), 'signedIn', {});
      const withdraw = await inv.command(candidate(0).id, { type: 'withdrawAuthorization' });
      expect((await ack(station, withdraw.command.id, {})).statusCode).toBe(200);
      await silence();
      await expectAllAbsent();
    });
  });

  describe('acknowledged again (a redelivery)', () => {
    it('rises from held to applied (the candidate accepted the instructions since), with the time it rose', async () => {
      const { testId, startCommandId } = await acknowledgedStart(candidate(0), 'signedIn', {
        outcome: 'pending',
      });
      // Heard while the candidate read the instructions, after the held acknowledgement.
      server.clock.advance(2_000);
      expect((await bareHeartbeat(server, station, testId, 'waiting')).statusCode).toBe(200);
      server.clock.advance(3_000);
      const appliedAt = server.clock.now;
      expect((await ack(station, startCommandId, { outcome: 'applied' })).statusCode).toBe(200);
      expect(await server.app.pix.store.commands.get(startCommandId)).toMatchObject({
        acknowledgedAt: appliedAt,
        acknowledgedOutcome: 'applied',
      });
      // Nothing heard since: the test may be running offline, and the room says from when.
      expect(await inv.card(candidate(0).id)).toMatchObject({
        goAheadAt: new Date(appliedAt).toISOString(),
        wentAhead: true,
      });
      await silence();
      expect(await inv.card(candidate(0).id)).toMatchObject({ wentAhead: true });
      expect(await presence(candidate(0))).toBe('présent');
    });

    it('rises to applied when the test’s records name the command (acknowledged « ignored » after a relaunch)', async () => {
      const sat = await startedJournal(server, day, inv, station, candidate(0));
      expect((await ack(station, sat.startCommandId, { outcome: 'ignored' })).statusCode).toBe(200);
      expect(await server.app.pix.store.commands.get(sat.startCommandId)).toMatchObject({
        acknowledgedOutcome: 'ignored',
      });
      const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(sat.testId), {
        records: sat.journal.records,
      });
      expect(replicated.statusCode, replicated.body).toBe(200);
      expect(await server.app.pix.store.commands.get(sat.startCommandId)).toMatchObject({
        acknowledgedOutcome: 'applied',
      });
    });

    it('never falls back from applied (a station relaunched, its memory of the command lost)', async () => {
      const { startCommandId } = await acknowledgedStart(candidate(0), 'waiting', { outcome: 'applied' });
      for (const outcome of ['pending', 'ignored'])
        expect((await ack(station, startCommandId, { outcome })).statusCode).toBe(200);
      expect((await ack(station, startCommandId, {})).statusCode).toBe(200);
      expect(await server.app.pix.store.commands.get(startCommandId)).toMatchObject({
        acknowledgedOutcome: 'applied',
      });
      await silence();
      expect(await inv.card(candidate(0).id)).toMatchObject({ wentAhead: true });
    });
  });

  it('refuses an acknowledgement with an outcome it does not know, and stores nothing', async () => {
    const { testId } = await join(server, day, station, candidate(0));
    expect((await bareHeartbeat(server, station, testId, 'waiting')).statusCode).toBe(200);
    const start = await inv.command(candidate(0).id, { type: 'authorizeStart' });
    // The error names the field at fault.
    const bad: [unknown, string][] = [
      [{ outcome: 'deferred' }, 'outcome'],
      [{ outcome: 'APPLIED' }, 'outcome'],
      [{ outcome: 'applied', at: 1 }, '"at"'],
    ];
    for (const [body, field] of bad) {
      const refused = await ack(station, start.command.id, body);
      expect([refused.statusCode, errorOf(refused).code], JSON.stringify(body)).toEqual([
        400,
        'INVALID_REQUEST',
      ]);
      expect(errorOf(refused).message).toContain(field);
    }
    const stored = await server.app.pix.store.commands.get(start.command.id);
    expect(stored).toMatchObject({ acknowledgedAt: null, acknowledgedOutcome: null });
    expect((await inv.card(candidate(0).id)).pendingCommands.map((c) => c.id)).toEqual([start.command.id]);
    // Then taken, with what the station said.
    expect((await ack(station, start.command.id, { outcome: 'applied' })).statusCode).toBe(200);
    expect(await server.app.pix.store.commands.get(start.command.id)).toMatchObject({
      acknowledgedOutcome: 'applied',
    });
  });

  it('an acknowledged resume of a started test: started as before, whatever the outcome said', async () => {
    const sat = await startedJournal(server, day, inv, station, candidate(0));
    const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(sat.testId), {
      records: sat.journal.records,
    });
    expect(replicated.statusCode).toBe(200);
    expect((await bareHeartbeat(server, station, sat.testId, 'resumePending')).statusCode).toBe(200);
    const resume = await inv.command(candidate(0).id, { type: 'authorizeResume' });
    expect((await ack(station, resume.command.id, { outcome: 'pending' })).statusCode).toBe(200);
    await silence();
    expect(await inv.card(candidate(0).id)).toMatchObject({ wentAhead: true });
    expect(await presence(candidate(0))).toBe('présent');
    const refused = await finalize();
    expect([refused.statusCode, errorOf(refused).code]).toEqual([422, 'ABORT_REASON_REQUIRED']);
    expect((await finalize([{ candidateId: candidate(0).id, reason: 'technical' }])).statusCode).toBe(200);
    expect((await record()).counts).toMatchObject({ present: 1, absent: 1, aborted: 1 });
  });
});
