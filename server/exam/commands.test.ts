// Invigilator commands that must survive a move to another station: an alert decision taken while the
// test waits for its resume reaches the station the candidate resumes on, after the resume, whatever
// became of it on the old station.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STATION_API_PATHS, type StationCommand } from '../../core/contracts/station-server.ts';
import { STATION_MISSING_MS } from '../../core/exam/station-presence.ts';
import {
  bareHeartbeat,
  enrolledStation,
  examRoom,
  type Invigilator,
  invigilator,
  join,
  readEvents,
  startedJournal,
} from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('alert decisions and a resume on another station', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let base: string;
  beforeEach(async () => {
    // Two candidates: a card counts its own candidate's incident reports, not the room's.
    ({ server, day, station, inv } = await examRoom(2));
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];

  /** The test under way on the first station, an alert raised and replicated, then decided. */
  async function decidedAlert() {
    const { testId, pkg, journal } = await startedJournal(server, day, inv, station, lea());
    const challengeId = pkg.package.challenges[0]?.id ?? '';
    journal.append({ kind: 'alertRaised', payload: { alertId: 'alert-1', challengeId } });
    await replicate(testId, journal.records);
    const decided = await inv.post('/alerts/alert-1/decision', { decision: 'validated', reasonCode: 'E3' });
    expect(decided.statusCode).toBe(200);
    const decision = (decided.json() as { command: { id: string } }).command.id;
    return { testId, journal, challengeId, decision };
  }

  function replicate(testId: string, records: unknown[], by = station) {
    return by.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });
  }

  /** The candidate sits at a spare station, which follows its commands while the resume is authorized. */
  async function resumeOnSpare() {
    const spare = await enrolledStation(server, day, 'Poste 02');
    await join(server, day, spare, lea());
    const stream = await readEvents(
      `${base}${STATION_API_PATHS.commands}`,
      spare.sign('GET', STATION_API_PATHS.commands, ''),
    );
    const resume = await inv.command(lea().id, { type: 'authorizeResume' });
    return { spare, stream, resume };
  }

  const pendingFor = async (target: TestStation) =>
    (await server.app.pix.store.commands.pendingForStation(target.id, 0)).map((c) => c.command);

  it('no longer sends a start withdrawn before its station acknowledged it', async () => {
    await join(server, day, station, lea());
    const start = (await inv.command(lea().id, { type: 'authorizeStart' })).command.id;
    expect((await pendingFor(station)).map((c) => c.id)).toEqual([start]);
    const withdrawal = (await inv.command(lea().id, { type: 'withdrawAuthorization' })).command.id;
    // Sent again after the withdrawal (an acknowledgment lost, the station relaunched), the start would
    // be held again at the station: only the withdrawal goes.
    expect((await pendingFor(station)).map((c) => c.id)).toEqual([withdrawal]);
    expect((await inv.card(lea().id)).pendingCommands).not.toContainEqual(
      expect.objectContaining({ type: 'authorizeStart' }),
    );
    // A start the station applied meanwhile still says so when its acknowledgment comes.
    await station.inject(server.app, 'POST', STATION_API_PATHS.commandAck(start), { outcome: 'applied' });
    expect(await server.app.pix.store.commands.get(start)).toMatchObject({ acknowledgedOutcome: 'applied' });
    // The candidate began on it: a new start is refused (a resume is what goes on from it), as the
    // withdrawal would be, and nothing more is sent.
    const again = await inv.post(`/candidates/${lea().id}/commands`, { type: 'authorizeStart' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'ALREADY_STARTED']);
    expect((await pendingFor(station)).map((c) => c.id)).toEqual([withdrawal]);
  });

  it("answers a command with the candidate's card and the id of the room event that carries it", async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    await replicate(testId, journal.records);
    const other = day.candidates[1] as SeededDay['candidates'][number];
    for (const [who, code] of [
      [lea(), 'C7'],
      [lea(), 'C8'],
      [other, 'C7'],
    ] as const) {
      expect((await inv.post('/incidents', { candidateId: who.id, code, description: 'x' })).statusCode).toBe(
        201,
      );
    }
    const issued = await inv.command(lea().id, { type: 'addTime', minutes: 10 });
    expect(issued.candidate.incidents).toBe(2);
    expect((await inv.card(lea().id)).incidents).toBe(2);
    const [event] = await server.app.pix.store.events.after(day.session.id, issued.eventId - 1, 1);
    expect(event?.seq).toBe(issued.eventId);
    expect(event?.data).toEqual({ cause: 'command:addTime', candidate: issued.candidate });
    // The station's acknowledgment is a later event: a screen that has it keeps its newer card.
    await station.inject(server.app, 'POST', STATION_API_PATHS.commandAck(issued.command.id), {});
    expect((await inv.room()).lastEventId).toBeGreaterThan(issued.eventId);
    expect((await inv.card(lea().id)).pendingCommands).toEqual([]);
  });

  it('sends again, after the resume, a decision the old station took but never replicated', async () => {
    const { testId, decision } = await decidedAlert();
    // The old station applied it and acknowledged it, then died before its record left.
    const ack = await station.inject(server.app, 'POST', STATION_API_PATHS.commandAck(decision));
    expect(ack.statusCode).toBe(200);

    const { spare, stream, resume } = await resumeOnSpare();
    await stream.next((e) => e.event === 'command' && JSON.parse(e.data).type === 'alertDecision');
    const received = stream.events
      .filter((e) => e.event === 'command')
      .map((e) => JSON.parse(e.data) as StationCommand);
    expect(received.map((c) => c.type)).toEqual(['authorizeResume', 'alertDecision']);
    expect(received[0]?.id).toBe(resume.command.id);
    expect(received[1]).toMatchObject({
      testId,
      alertId: 'alert-1',
      decision: 'validated',
      reasonCode: 'E3',
    });
    expect(received[1]?.id).not.toBe(decision);
    // The invigilator sees it waiting for the new station, which acknowledges it once applied.
    expect((await inv.card(lea().id)).pendingCommands.map((c) => c.type)).toContain('alertDecision');
    const carried = received[1]?.id ?? '';
    expect((await spare.inject(server.app, 'POST', STATION_API_PATHS.commandAck(carried))).statusCode).toBe(
      200,
    );
    expect(await pendingFor(spare)).toEqual([{ type: 'authorizeResume', id: resume.command.id, testId }]);
    stream.close();
  });

  it('lets a decision the old station never acknowledged follow the test, right after the resume', async () => {
    const { testId, decision } = await decidedAlert();
    const { spare, stream } = await resumeOnSpare();
    const sent = await stream.next(
      (e) => e.event === 'command' && JSON.parse(e.data).type === 'alertDecision',
    );
    expect(JSON.parse(sent.data)).toMatchObject({ id: decision, testId, alertId: 'alert-1' });
    // Not issued twice.
    const decisions = (await pendingFor(spare)).filter((c) => c.type === 'alertDecision');
    expect(decisions.map((c) => c.id)).toEqual([decision]);
    expect(await pendingFor(station)).toEqual([]);
    stream.close();
  });

  it('sends nothing more when the journal already shows the decision applied', async () => {
    const { testId, journal, challengeId, decision } = await decidedAlert();
    journal.append({
      kind: 'alertDecided',
      payload: { alertId: 'alert-1', challengeId, decision: 'validated', reasonCode: 'E3' },
    });
    expect((await replicate(testId, journal.since(4))).statusCode).toBe(200);
    const { spare, stream, resume } = await resumeOnSpare();
    await stream.next((e) => e.event === 'command');
    expect(await pendingFor(spare)).toEqual([{ type: 'authorizeResume', id: resume.command.id, testId }]);
    expect((await server.app.pix.store.commands.get(decision))?.acknowledgedAt).not.toBeNull();
    stream.close();
  });
});

describe('a start confirmed while its package is generated', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(1));
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];
  const store = () => server.app.pix.store;

  /** Runs `meanwhile` once, right after the package is stored and before the start is written. */
  function whileGenerating(meanwhile: () => Promise<void>) {
    const tests = store().tests;
    const setPackage = tests.setPackage.bind(tests);
    vi.spyOn(tests, 'setPackage').mockImplementationOnce(async (...args) => {
      const stored = await setPackage(...args);
      await meanwhile();
      return stored;
    });
  }

  const authorizeStart = () => inv.post(`/candidates/${lea().id}/commands`, { type: 'authorizeStart' });
  const startsFor = async (target: TestStation) =>
    (await store().commands.pendingForStation(target.id, 0)).filter(
      (c) => c.command.type === 'authorizeStart',
    );

  it('refuses it when the candidate signed in at another station meanwhile: no start reaches either', async () => {
    const { testId } = await join(server, day, station, lea());
    const spare = await enrolledStation(server, day, 'Poste 02');
    whileGenerating(async () => {
      await join(server, day, spare, lea());
    });
    const refused = await authorizeStart();
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('STATION_CHANGED');
    expect(await startsFor(spare)).toEqual([]);
    expect(await startsFor(station)).toEqual([]);
    expect(await store().tests.get(testId)).toMatchObject({ authorization: null, authorizationId: null });
    expect(await inv.card(lea().id)).toMatchObject({ station: { name: 'Poste 02' }, authorization: null });

    // Confirmed again where the candidate sits: the start goes there.
    const start = (await inv.command(lea().id, { type: 'authorizeStart' })).command;
    expect((await startsFor(spare)).map((c) => c.id)).toEqual([start.id]);
    expect(await startsFor(station)).toEqual([]);
  });

  it('refuses it when the card the invigilator confirmed on showed another station than the candidate’s now', async () => {
    const { testId } = await join(server, day, station, lea());
    const spare = await enrolledStation(server, day, 'Poste 02');
    await join(server, day, spare, lea());
    // The room drawn before the move: the presence confirmed for Poste 01.
    const stale = await inv.post(`/candidates/${lea().id}/commands`, {
      type: 'authorizeStart',
      stationId: station.id,
    });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'STATION_CHANGED']);
    expect(await startsFor(spare)).toEqual([]);
    expect(await store().tests.get(testId)).toMatchObject({ authorization: null });
    const here = await inv.post(`/candidates/${lea().id}/commands`, {
      type: 'authorizeStart',
      stationId: spare.id,
    });
    expect(here.statusCode).toBe(200);
    expect(await startsFor(spare)).toHaveLength(1);
  });

  it('refuses it when a start was acknowledged applied meanwhile (another screen confirmed it too)', async () => {
    const { testId } = await join(server, day, station, lea());
    let other = '';
    whileGenerating(async () => {
      other = (await inv.command(lea().id, { type: 'authorizeStart' })).command.id;
      await station.inject(server.app, 'POST', STATION_API_PATHS.commandAck(other), { outcome: 'applied' });
    });
    const refused = await authorizeStart();
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('ALREADY_STARTED');
    const commands = await store().commands.listByTests([testId]);
    expect(commands.filter((c) => c.command.type === 'authorizeStart').map((c) => c.id)).toEqual([other]);
    expect(await store().tests.get(testId)).toMatchObject({ authorization: 'start', authorizationId: other });
  });

  it('refuses it when the station says the test started meanwhile', async () => {
    const { testId } = await join(server, day, station, lea());
    whileGenerating(async () => {
      expect((await bareHeartbeat(server, station, testId, 'inProgress')).statusCode).toBe(200);
    });
    const refused = await authorizeStart();
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('ALREADY_STARTED');
    expect(await startsFor(station)).toEqual([]);
  });

  it('writes it for the station the invigilator saw when nothing changed', async () => {
    await join(server, day, station, lea());
    let generated = false;
    whileGenerating(async () => {
      generated = true;
    });
    const answered = await authorizeStart();
    expect(answered.statusCode).toBe(200);
    expect(generated).toBe(true);
    expect((await startsFor(station)).map((c) => c.command.type)).toEqual(['authorizeStart']);
  });
});

describe('closing a station from the invigilator screen', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let base: string;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(2));
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededDay['candidates'][number];

  /** The candidate's test under way on the station; `end` ends it (replicated as the station does). */
  async function testOn(i: number) {
    const { testId, journal } = await startedJournal(server, day, inv, station, candidate(i));
    await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records: journal.records });
    const end = async () => {
      journal.end('finished');
      await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
        records: journal.since(3),
      });
    };
    return { testId, end };
  }

  const follow = () =>
    readEvents(`${base}${STATION_API_PATHS.commands}`, station.sign('GET', STATION_API_PATHS.commands, ''));
  const closeFor = (i: number) =>
    inv.post(`/candidates/${candidate(i).id}/commands`, { type: 'closeStation' });

  it('sends the command once the test is over, stamped with the server time', async () => {
    const { testId, end } = await testOn(0);
    const stream = await follow();
    const refused = await closeFor(0);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'TEST_IN_PROGRESS']);
    await end();
    const issued = await closeFor(0);
    expect(issued.statusCode).toBe(200);
    const sent = await stream.next(
      (e) => e.event === 'command' && JSON.parse(e.data).type === 'closeStation',
    );
    expect(JSON.parse(sent.data)).toEqual({
      type: 'closeStation',
      id: (issued.json() as { command: { id: string } }).command.id,
      testId,
      issuedAt: server.clock.now,
    });
    expect((await inv.card(candidate(0).id)).pendingCommands.map((c) => c.type)).toEqual(['closeStation']);
    stream.close();
  });

  it('closes the station of a candidate who signed in and never started, after which finalization goes on', async () => {
    const joined = await join(server, day, station, candidate(0));
    expect((await bareHeartbeat(server, station, joined.testId, 'waiting')).statusCode).toBe(200);
    const finalize = () =>
      inv.post('/finalization', {
        abortReasons: [],
        globalComment: '',
        hadIncident: false,
        candidateCouldNotJoin: false,
      });
    const blocked = await finalize();
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([409, 'TESTS_STILL_RUNNING']);
    const stream = await follow();
    const issued = await closeFor(0);
    expect(issued.statusCode).toBe(200);
    const sent = await stream.next(
      (e) => e.event === 'command' && JSON.parse(e.data).type === 'closeStation',
    );
    expect(JSON.parse(sent.data)).toMatchObject({ type: 'closeStation', testId: joined.testId });
    stream.close();
    // The station closed: silent for 15 s, it no longer holds finalization, and the candidate is absent.
    server.clock.advance(STATION_MISSING_MS);
    expect((await finalize()).statusCode).toBe(200);
    const results = (await inv.get('/results')).json() as { absent: { candidateId: string }[] };
    expect(results.absent.map((a) => a.candidateId)).toContain(candidate(0).id);
  });

  it('refuses while another candidate’s test is under way on that station, or when it is not connected', async () => {
    const first = await testOn(0);
    await first.end();
    await testOn(1); // the next candidate sat at the same station
    const stream = await follow();
    const busy = await closeFor(0);
    expect([busy.statusCode, errorOf(busy).code]).toEqual([409, 'TEST_IN_PROGRESS']);
    stream.close();

    const lone = await startTestServer();
    try {
      const otherDay = await seedCertificationDay(lone.app, { count: 1 });
      const off = await enrolledStation(lone, otherDay);
      const otherInv = await invigilator(lone, otherDay);
      const only = otherDay.candidates[0] as SeededDay['candidates'][number];
      await join(lone, otherDay, off, only);
      // Nobody started: closing is allowed, but the station has no open stream to receive it.
      const offline = await otherInv.post(`/candidates/${only.id}/commands`, { type: 'closeStation' });
      expect([offline.statusCode, errorOf(offline).code]).toEqual([409, 'STATION_OFFLINE']);
    } finally {
      await lone.close();
    }
  });
});

describe('a lockdown pause only the station’s heartbeat tells (its journal could not take it)', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(1));
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];

  /** A heartbeat as the station sends it, at `lastSeq` of its journal. */
  const heartbeat = (testId: string, phase: string, lastSeq: number) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase,
      current: 0,
      answered: 0,
      total: 3,
      timeLeftMs: 600_000,
      alertPending: false,
      lastSeq,
      stationTime: server.clock.now,
    });
  const replicate = (testId: string, records: unknown[]) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });

  it('shows the candidate paused by the lock, refuses a pause and lets the invigilator unlock', async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    expect((await replicate(testId, journal.records)).statusCode).toBe(200);
    // Sent after the last stored record (the station's journal is at the same seq).
    expect((await heartbeat(testId, 'paused', journal.records.length)).statusCode).toBe(200);
    const card = await inv.card(lea().id);
    expect(card.state).toBe('paused');
    expect(card.pause).toEqual({ cause: 'lockdown', reason: '' });
    const pause = await inv.post(`/candidates/${lea().id}/commands`, { type: 'pause' });
    expect(pause.statusCode).toBe(409);
    expect(errorOf(pause).code).toBe('ALREADY_PAUSED');
    const unlock = await inv.command(lea().id, { type: 'unlock' });
    expect(unlock.command.id).toMatch(/^cmd/);
  });

  it('believes the records newer than a `paused` heartbeat: the unlock written since wins', async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    await replicate(testId, journal.records);
    const atLock = journal.records.length;
    expect((await heartbeat(testId, 'paused', atLock)).statusCode).toBe(200);
    expect((await inv.card(lea().id)).state).toBe('paused');
    // The station wrote the pause once it could, then the unlock; a heartbeat from before them is
    // the one stored (and another one arrives late).
    journal.append({ kind: 'lockdown', payload: { event: 'lockScreen', detail: 'verrou' } });
    journal.append({ kind: 'paused', payload: { cause: 'lockdown', reason: 'verrou' } });
    journal.append({ kind: 'unpaused', payload: { authorization: 'cmd_unlock' } });
    expect((await replicate(testId, journal.since(atLock))).statusCode).toBe(200);
    expect((await heartbeat(testId, 'paused', atLock)).statusCode).toBe(200);
    const card = await inv.card(lea().id);
    expect(card.state).toBe('inProgress');
    expect(card.pause).toBeNull();
    const unlock = await inv.post(`/candidates/${lea().id}/commands`, { type: 'unlock' });
    expect(unlock.statusCode).toBe(409);
    expect(errorOf(unlock).code).toBe('NOT_PAUSED');
  });
});
