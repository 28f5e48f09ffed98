// A candidate who signs in again: before the start the new station's journal replaces the one
// replicated so far (its record 1 differs), and after the start a resume asked from yet another station
// withdraws one authorized for a station that never took it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import {
  enrolledStation,
  examRoom,
  fetchPackage,
  type Invigilator,
  join,
  startedJournal,
} from '../testing/exam-helpers.ts';
import { TestJournal, bundlePayload, signBundle } from '../testing/journal-builder.ts';
import type { SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, type TestServer } from '../testing/test-server.ts';

describe('signing in again', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(1));
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];
  const replicate = (testId: string, records: unknown[], by: TestStation) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });

  /** The journal a station begins at the sign-in: its own `testOpened`. */
  function signedIn(testId: string, by: TestStation): TestJournal {
    const journal = new TestJournal(testId, server.clock.now);
    journal.append(
      {
        kind: 'testOpened',
        payload: { sessionId: day.session.id, candidateId: lea().id, stationId: by.id },
      },
      1000,
    );
    return journal;
  }

  /**
   * From the start on `by`: package, start, every question, the end, replicated as it goes, then the
   * signed result uploaded. Returns the upload's answer.
   */
  async function sitTheTest(testId: string, journal: TestJournal, by: TestStation) {
    const start = await inv.command(lea().id, { type: 'authorizeStart' });
    const { package: pkg, packageHash } = await fetchPackage(server, by, testId);
    const from = journal.records.length;
    journal.start(pkg, packageHash, start.command.id);
    const bank = new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));
    pkg.challenges.forEach((c, i) => journal.answer(bank.get(c.id) as Challenge, i % 2 === 0));
    journal.end('finished');
    const records = await replicate(testId, journal.since(from), by);
    expect([records.statusCode, records.json()]).toEqual([200, { storedThrough: journal.records.length }]);
    const jws = await signBundle(
      bundlePayload({
        journal,
        sessionId: day.session.id,
        candidateId: lea().id,
        stationId: by.id,
        pkg,
        packageHash,
      }),
      by.privateKey,
    );
    return by.inject(server.app, 'POST', STATION_API_PATHS.result(testId), { bundle: jws });
  }

  it('on another station before the start: its new chain is stored from record 1, and its result accepted', async () => {
    const { testId } = await join(server, day, station, lea());
    const first = signedIn(testId, station);
    // A lockdown event while the candidate waited there: the first station's, forgotten with its journal.
    first.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'Alt+Tab' } });
    expect((await replicate(testId, first.records, station)).json()).toEqual({ storedThrough: 2 });
    expect((await inv.card(lea().id)).lockdownEvents).toHaveLength(1);

    server.clock.advance(60_000);
    const other = await enrolledStation(server, day, 'Poste 02');
    expect(await join(server, day, other, lea())).toMatchObject({ testId, resuming: false });
    const second = signedIn(testId, other);
    expect(second.records[0]?.hash).not.toBe(first.records[0]?.hash);
    const accepted = await replicate(testId, second.records, other);
    expect([accepted.statusCode, accepted.json()]).toEqual([200, { storedThrough: 1 }]);
    expect(await server.app.pix.store.tests.records(testId)).toEqual(second.records);
    expect(await inv.card(lea().id)).toMatchObject({
      station: { id: other.id },
      state: 'signedIn',
      lockdownEvents: [],
    });
    // The first station is told the test went elsewhere.
    const stale = await replicate(testId, first.records, station);
    expect([stale.statusCode, errorOf(stale).code]).toEqual([403, 'NOT_YOUR_TEST']);

    const upload = await sitTheTest(testId, second, other);
    expect(upload.statusCode).toBe(200);
    expect(await inv.card(lea().id)).toMatchObject({ state: 'resultReceived', upload: 'received' });
  });

  it('on the same station after cancelling: its new record 1 replaces the one stored', async () => {
    const { testId } = await join(server, day, station, lea());
    const first = signedIn(testId, station);
    expect((await replicate(testId, first.records, station)).json()).toEqual({ storedThrough: 1 });

    server.clock.advance(60_000);
    expect(await join(server, day, station, lea())).toMatchObject({ testId, resuming: false });
    const again = signedIn(testId, station);
    expect(again.records[0]?.hash).not.toBe(first.records[0]?.hash);
    const accepted = await replicate(testId, again.records, station);
    expect([accepted.statusCode, accepted.json()]).toEqual([200, { storedThrough: 1 }]);

    const upload = await sitTheTest(testId, again, station);
    expect(upload.statusCode).toBe(200);
  });

  it('after the start, resumes where the test is: its records are kept', async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    await replicate(testId, journal.records, station);
    expect(await join(server, day, station, lea())).toMatchObject({ testId, resuming: true });
    expect(await server.app.pix.store.tests.records(testId)).toEqual(journal.records);
  });
});

describe('a resume asked elsewhere after one authorized for a station that never took it', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(1));
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];
  const replicate = (testId: string, records: unknown[], by: TestStation) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });
  const pendingFor = async (target: TestStation) =>
    (await server.app.pix.store.commands.pendingForStation(target.id, 0)).map((c) => c.command.id);

  it('withdraws that authorization, so that the resume can be authorized where the candidate is', async () => {
    // The test under way on A, which dies; the candidate asks on B, the invigilator authorizes it.
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    await replicate(testId, journal.records, station);
    server.clock.advance(60_000);
    const b = await enrolledStation(server, day, 'Poste 02');
    expect(await join(server, day, b, lea())).toMatchObject({ testId, resuming: true });
    const toB = await inv.command(lea().id, { type: 'authorizeResume' });
    expect(toB.candidate).toMatchObject({ station: { id: b.id }, authorization: 'resume' });

    // B dies before acknowledging it; the candidate signs in on C (in the same millisecond: the
    // withdrawn command must not read as B's go-ahead all the same).
    const c = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, c, lea())).toMatchObject({ testId, resuming: true });
    const card = await inv.card(lea().id);
    expect(card).toMatchObject({
      state: 'resumePending',
      authorization: null,
      resumeRequest: { stationId: c.id },
      pendingCommands: [],
      goAheadAt: null,
    });
    // B, back, is not sent it again; its late acknowledgment changes nothing.
    expect(await pendingFor(b)).toEqual([]);
    const lateAck = await b.inject(server.app, 'POST', STATION_API_PATHS.commandAck(toB.command.id), {});
    expect(lateAck.statusCode).toBe(200);
    expect(await inv.card(lea().id)).toMatchObject({
      authorization: null,
      resumeRequest: { stationId: c.id },
      goAheadAt: null,
    });

    const toC = await inv.command(lea().id, { type: 'authorizeResume' });
    expect(toC.candidate).toMatchObject({
      station: { id: c.id },
      authorization: 'resume',
      resumeRequest: null,
    });
    // Only the new authorization follows the test to C.
    expect(await pendingFor(c)).toEqual([toC.command.id]);
    const records = await c.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect(records.statusCode).toBe(200);

    // B can no longer use the old one: neither its acknowledgment nor a resume under it is taken.
    const usedByB = new TestJournal(testId, journal.wallAt, journal.records);
    usedByB.append({ kind: 'resumed', payload: { authorization: toB.command.id, downtimeMs: 0 } });
    const refused = await replicate(testId, usedByB.since(3), b);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'NOT_YOUR_TEST']);
    const ackAfter = await b.inject(server.app, 'POST', STATION_API_PATHS.commandAck(toB.command.id), {});
    expect([ackAfter.statusCode, errorOf(ackAfter).code]).toEqual([404, 'NOT_FOUND']);

    const onC = new TestJournal(testId, journal.wallAt, journal.records);
    onC.append({ kind: 'resumed', payload: { authorization: toC.command.id, downtimeMs: 60_000 } });
    expect((await replicate(testId, onC.since(3), c)).json()).toEqual({ storedThrough: 4 });
    expect(await inv.card(lea().id)).toMatchObject({
      state: 'inProgress',
      station: { id: c.id },
      authorization: null,
    });
  });

  it('keeps an authorization pending for the station that asks again', async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    await replicate(testId, journal.records, station);
    const b = await enrolledStation(server, day, 'Poste 02');
    await join(server, day, b, lea());
    const toB = await inv.command(lea().id, { type: 'authorizeResume' });
    await join(server, day, b, lea());
    expect(await inv.card(lea().id)).toMatchObject({ authorization: 'resume', station: { id: b.id } });
    expect(await pendingFor(b)).toEqual([toB.command.id]);
  });
});

describe('signing in again at another station after the invigilator authorized the start', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(1));
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];
  const replicate = (testId: string, records: unknown[], by: TestStation) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });
  const acknowledge = (by: TestStation, commandId: string, outcome?: 'applied' | 'pending') =>
    by.inject(server.app, 'POST', STATION_API_PATHS.commandAck(commandId), outcome ? { outcome } : {});
  const pendingFor = async (target: TestStation) =>
    (await server.app.pix.store.commands.pendingForStation(target.id, 0)).map((c) => c.command.id);

  it('the start applied there, nothing of it arrived: the candidate asks to resume, and goes on from it', async () => {
    const { testId } = await join(server, day, station, lea());
    const start = await inv.command(lea().id, { type: 'authorizeStart' });
    await fetchPackage(server, station, testId);
    expect((await acknowledge(station, start.command.id, 'applied')).statusCode).toBe(200);
    // The station dies before any record or heartbeat of the test reached the server.
    expect((await server.app.pix.store.tests.get(testId))?.journal.startedAt).toBeNull();

    server.clock.advance(60_000);
    const b = await enrolledStation(server, day, 'Poste 02');
    expect(await join(server, day, b, lea())).toMatchObject({ testId, resuming: true });
    expect(await inv.card(lea().id)).toMatchObject({
      state: 'resumePending',
      station: { id: station.id },
      resumeRequest: { stationId: b.id },
      wentAhead: true,
    });
    // A new start is refused: the candidate began, only a resume goes on from it.
    const again = await inv.post(`/candidates/${lea().id}/commands`, { type: 'authorizeStart' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'ALREADY_STARTED']);

    const resume = await inv.command(lea().id, { type: 'authorizeResume' });
    expect(resume.candidate).toMatchObject({ station: { id: b.id }, authorization: 'resume' });
    expect(await pendingFor(b)).toEqual([resume.command.id]);
    // The same test package, and the server's records (none): B continues the chain from there.
    const { package: pkg, packageHash } = await fetchPackage(server, b, testId);
    const held = await b.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect([held.statusCode, held.json()]).toEqual([200, { records: [], lastTimeLeftMs: null }]);
    const onB = new TestJournal(testId, server.clock.now);
    onB.open(
      { sessionId: day.session.id, candidateId: lea().id, stationId: b.id },
      pkg,
      packageHash,
      resume.command.id,
    );
    expect((await replicate(testId, onB.records, b)).json()).toEqual({ storedThrough: 3 });
    expect(await inv.card(lea().id)).toMatchObject({
      state: 'inProgress',
      station: { id: b.id },
      authorization: null,
    });
  });

  it('the start applied there, only its heartbeats arrived: the resume starts again with the time they reported', async () => {
    const { testId } = await join(server, day, station, lea());
    const start = await inv.command(lea().id, { type: 'authorizeStart' });
    const { package: pkg } = await fetchPackage(server, station, testId);
    expect((await acknowledge(station, start.command.id, 'applied')).statusCode).toBe(200);
    // Its records never get through (seq 1 to 5 written there), its heartbeats do: 97 min left.
    const beat = await station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 2,
      answered: 2,
      total: pkg.challenges.length,
      timeLeftMs: 97 * 60_000,
      alertPending: false,
      lastSeq: 5,
      stationTime: server.clock.now,
    });
    expect(beat.statusCode).toBe(200);
    expect(await inv.card(lea().id)).toMatchObject({ wentAhead: true, startNotReceived: true });

    server.clock.advance(10 * 60_000); // the station died: its downtime is never charged
    const b = await enrolledStation(server, day, 'Poste 02');
    expect(await join(server, day, b, lea())).toMatchObject({ testId, resuming: true });
    expect(await inv.card(lea().id)).toMatchObject({
      state: 'resumePending',
      resumeRequest: { stationId: b.id },
      timeLeftMs: 97 * 60_000,
      startNotReceived: true,
    });
    const resume = await inv.command(lea().id, { type: 'authorizeResume' });
    const { packageHash } = await fetchPackage(server, b, testId);
    // No record: the time the heartbeats reported, not the whole time again.
    const held = await b.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect([held.statusCode, held.json()]).toEqual([200, { records: [], lastTimeLeftMs: 97 * 60_000 }]);

    // B's start arrives: the test is under way as the server knows it, nothing left to warn about.
    const onB = new TestJournal(testId, server.clock.now);
    onB.open(
      { sessionId: day.session.id, candidateId: lea().id, stationId: b.id },
      pkg,
      packageHash,
      resume.command.id,
    );
    expect((await replicate(testId, onB.records, b)).json()).toEqual({ storedThrough: 3 });
    expect(await inv.card(lea().id)).toMatchObject({ wentAhead: true, startNotReceived: false });
  });

  it('the start applied there, its sign-in arrived but not its start: the heartbeats’ time is handed over', async () => {
    const { testId } = await join(server, day, station, lea());
    const opened = new TestJournal(testId, server.clock.now);
    opened.append({
      kind: 'testOpened',
      payload: { sessionId: day.session.id, candidateId: lea().id, stationId: station.id },
    });
    expect((await replicate(testId, opened.records, station)).json()).toEqual({ storedThrough: 1 });
    const start = await inv.command(lea().id, { type: 'authorizeStart' });
    const { package: pkg } = await fetchPackage(server, station, testId);
    expect((await acknowledge(station, start.command.id, 'applied')).statusCode).toBe(200);
    const beat = await station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 0,
      answered: 0,
      total: pkg.challenges.length,
      timeLeftMs: 100 * 60_000,
      alertPending: false,
      lastSeq: 3,
      stationTime: server.clock.now,
    });
    expect(beat.statusCode).toBe(200);

    const b = await enrolledStation(server, day, 'Poste 02');
    expect(await join(server, day, b, lea())).toMatchObject({ testId, resuming: true });
    expect(await inv.card(lea().id)).toMatchObject({ startNotReceived: true });
    await inv.command(lea().id, { type: 'authorizeResume' });
    const held = await b.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    // Reported after the last record (seq 3 there, 1 here): charged all the same, the start is redone.
    expect([held.statusCode, held.json()]).toEqual([
      200,
      { records: opened.records, lastTimeLeftMs: 100 * 60_000 },
    ]);
  });

  it('the start held there (the candidate still reading): it is withdrawn, to be authorized again here', async () => {
    const { testId } = await join(server, day, station, lea());
    const start = await inv.command(lea().id, { type: 'authorizeStart' });
    expect((await acknowledge(station, start.command.id, 'pending')).statusCode).toBe(200);

    const b = await enrolledStation(server, day, 'Poste 02');
    expect(await join(server, day, b, lea())).toMatchObject({ testId, resuming: false });
    expect(await inv.card(lea().id)).toMatchObject({
      state: 'signedIn',
      station: { id: b.id },
      authorization: null,
      pendingCommands: [],
      wentAhead: false,
    });
    // The first station can no longer start with it: nothing sent, its package and its records refused.
    expect(await pendingFor(station)).toEqual([]);
    expect(await pendingFor(b)).toEqual([]);
    const pkg = await station.inject(server.app, 'GET', STATION_API_PATHS.package(testId));
    expect([pkg.statusCode, errorOf(pkg).code]).toEqual([403, 'NOT_YOUR_TEST']);
    const late = await acknowledge(station, start.command.id, 'applied');
    expect([late.statusCode, errorOf(late).code]).toEqual([404, 'NOT_FOUND']);
    expect((await server.app.pix.store.commands.get(start.command.id))?.acknowledgedOutcome).toBe('pending');

    // Confirmed again where the candidate sits: the start goes to B.
    const here = await inv.command(lea().id, { type: 'authorizeStart' });
    expect(here.candidate).toMatchObject({ state: 'startAuthorized', station: { id: b.id } });
    expect(await pendingFor(b)).toEqual([here.command.id]);
    await fetchPackage(server, b, testId);
  });

  it('the start not yet received there (its station off): it is retired, never sent to it', async () => {
    const { testId } = await join(server, day, station, lea());
    const start = await inv.command(lea().id, { type: 'authorizeStart' });
    expect(await pendingFor(station)).toEqual([start.command.id]);

    const b = await enrolledStation(server, day, 'Poste 02');
    expect(await join(server, day, b, lea())).toMatchObject({ testId, resuming: false });
    expect(await pendingFor(station)).toEqual([]);
    expect(await server.app.pix.store.commands.get(start.command.id)).toMatchObject({
      acknowledgedOutcome: null,
    });
    expect(await inv.card(lea().id)).toMatchObject({ authorization: null, pendingCommands: [] });
  });

  it('on the same station after cancelling: the start is authorized again, as after a move', async () => {
    await join(server, day, station, lea());
    const start = await inv.command(lea().id, { type: 'authorizeStart' });
    expect((await acknowledge(station, start.command.id, 'pending')).statusCode).toBe(200);
    // The candidate cancelled there (the station forgot the held start with its journal), then signs in.
    expect(await join(server, day, station, lea())).toMatchObject({ resuming: false });
    expect(await inv.card(lea().id)).toMatchObject({ state: 'signedIn', authorization: null });
  });
});
