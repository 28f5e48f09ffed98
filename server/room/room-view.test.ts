// The room's cards carry what the invigilator screen shows (additions made for issue 6).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PresenceEvent } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { heardRecently, STATION_MISSING_MS } from '../../core/exam/station-presence.ts';
import { readRecords } from '../exam/journal-reading.ts';
import {
  bareHeartbeat,
  enrolledStation,
  invigilator,
  join,
  readEvents,
  startedJournal,
  startedTest,
  type Invigilator,
} from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { TestJournal } from '../testing/journal-builder.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testHeard } from './room-view.ts';

describe('room cards', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
  });
  afterEach(() => server.close());

  it('give each candidate’s birthdate, for the attendance sheet (namesakes told apart)', async () => {
    const room = await (await invigilator(server, day)).room();
    const birthdates = new Map(room.candidates.map((c) => [c.candidateId, c.birthdate]));
    for (const candidate of day.candidates) expect(birthdates.get(candidate.id)).toBe(candidate.birthdate);
  });

  it('write the attendance sheet so that a name typed as a formula is shown, never run, in a spreadsheet', async () => {
    const first = day.candidates[0];
    if (!first) throw new Error('no candidate');
    const current = await day.api({ method: 'GET', url: `/api/centre/candidates/${first.id}` });
    // The enrolment as the centre sees it, with only the last name changed.
    const view = current.json() as Record<string, unknown>;
    const kept = ['firstName', 'sex', 'birthdate', 'birthCountry', 'birthCity', 'birthInseeCode'];
    const edit = await day.api({
      method: 'PUT',
      url: `/api/centre/candidates/${first.id}`,
      payload: {
        ...Object.fromEntries(kept.map((k) => [k, view[k]])),
        lastName: '=HYPERLINK("https://example.org","Martin")',
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const sheet = await (await invigilator(server, day)).get('/attendance.csv');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain(`"'=HYPERLINK(""https://example.org"",""Martin"")"`);
    expect(sheet.body).not.toMatch(/(^|;)"?=HYPERLINK/m);
    // Dates as a French school reads them; a candidate not seen yet while the session is open may come.
    const [y, m, d] = first.birthdate.split('-');
    expect(sheet.body).toContain(`;${d}/${m}/${y};`);
    expect(sheet.body).toContain('pas encore arrivé');
  });
});

describe('the attendance sheet’s presence', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
  });
  afterEach(() => server.close());

  it('says a candidate signed in on a station but never started is not « présent »', async () => {
    const station = await enrolledStation(server, day);
    const [lea, hugo] = day.candidates as [SeededCandidate, SeededCandidate];
    expect(await join(server, day, station, lea)).toMatchObject({ resuming: false });
    const inv = await invigilator(server, day);
    const sheet = await inv.get('/attendance.csv');
    expect(sheet.statusCode, sheet.body).toBe(200);
    const presence = (c: SeededCandidate) =>
      sheet.body
        .split('\n')
        .find((line) => line.includes(c.lastName))
        ?.split(';')[5];
    expect(presence(lea)).toBe('connecté, test non commencé');
    expect(presence(hugo)).toBe('pas encore arrivé');
  });
});

describe('the card of a candidate waiting at another station for the resume', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let base: string;
  beforeEach(async () => {
    // Presence events sent when the test says (flushPresence), not every second.
    server = await startTestServer({ config: { presenceFlushMs: 3_600_000 } });
    day = await seedCertificationDay(server.app, { count: 1 });
    inv = await invigilator(server, day);
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededCandidate;
  const iso = (ms: number) => new Date(ms).toISOString();
  const beat = (station: TestStation, testId: string, phase: string) =>
    bareHeartbeat(server, station, testId, phase);

  it('says when that station was last heard, kept live by the presence feed without a write per heartbeat', async () => {
    const first = await enrolledStation(server, day);
    const { testId } = await startedJournal(server, day, inv, first, lea());
    expect((await beat(first, testId, 'inProgress')).statusCode).toBe(200);
    const ownBeatAt = server.clock.now;
    server.app.pix.feed.flushPresence();
    // The first station dies; the candidate sits at another one and asks to resume.
    server.clock.advance(STATION_MISSING_MS + 5_000);
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    const joinedAt = server.clock.now;
    expect((await inv.card(lea().id)).resumeRequest).toEqual({
      stationId: spare.id,
      stationName: 'Poste 03',
      at: iso(joinedAt),
      lastHeardAt: iso(joinedAt),
    });

    const { lastEventId } = await inv.room();
    const room = await readEvents(
      `${base}/api/invigilator/sessions/${day.session.id}/events?after=${lastEventId}`,
      {
        authorization: `Bearer ${inv.token}`,
      },
    );
    await vi.waitFor(() => expect(server.app.pix.roomBus.listeners(day.session.id)).toBe(1));
    // It beats every 2 s while the candidate waits: presence only (no "test elsewhere").
    server.clock.advance(10_000);
    expect((await beat(spare, testId, 'resumePending')).json()).toEqual({ serverTime: server.clock.now });
    server.clock.advance(2_000);
    expect((await beat(spare, testId, 'resumePending')).json()).toEqual({ serverTime: server.clock.now });
    const lastBeatAt = server.clock.now;

    const card = await inv.card(lea().id);
    expect(card.resumeRequest?.lastHeardAt).toBe(iso(lastBeatAt));
    expect(card.lastHeartbeatAt).toBe(iso(ownBeatAt));
    // Nothing stored for them: no room event, the test's heartbeat still the first station's.
    expect(await server.app.pix.store.events.after(day.session.id, lastEventId, 10)).toEqual([]);
    expect((await server.app.pix.store.tests.get(testId))?.heartbeat.lastHeartbeatAt).toBe(ownBeatAt);

    // One presence event for both beats, with the latest.
    server.app.pix.feed.flushPresence();
    const presence = await room.next((e) => e.event === 'presence');
    expect(JSON.parse(presence.data) as PresenceEvent).toEqual({
      serverTime: iso(lastBeatAt),
      heartbeats: [],
      resumeRequests: [{ candidateId: lea().id, stationId: spare.id, lastHeardAt: iso(lastBeatAt) }],
    });
    // Nothing heard since: no event.
    server.app.pix.feed.flushPresence();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(room.events.filter((e) => e.event === 'presence')).toHaveLength(1);
    room.close();

    // Once the resume is authorized, the card names no request, and the new station's beats are its own.
    const resumed = await inv.command(lea().id, { type: 'authorizeResume' });
    expect(resumed.candidate).toMatchObject({ station: { id: spare.id }, resumeRequest: null });
  });

  /** A station beating with no test: its candidate gave up signing in there. */
  const idleBeat = (station: TestStation) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId: null,
      phase: 'idle',
      current: null,
      answered: null,
      total: null,
      timeLeftMs: null,
      alertPending: false,
      lastSeq: 0,
      stationTime: server.clock.now,
    });

  /** The candidate's station dies; they sit at another one, ask to resume there, and it beats the test. */
  async function askedElsewhere() {
    const first = await enrolledStation(server, day);
    const { testId } = await startedJournal(server, day, inv, first, lea());
    expect((await beat(first, testId, 'inProgress')).statusCode).toBe(200);
    server.clock.advance(STATION_MISSING_MS + 5_000);
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    server.clock.advance(2_000);
    expect((await beat(spare, testId, 'resumePending')).json()).toEqual({ serverTime: server.clock.now });
    return { first, spare, testId };
  }

  it('resumes on the candidate’s own station when they gave up at the other one and went back to it', async () => {
    const { first, spare, testId } = await askedElsewhere();
    const askedAt = server.clock.now;
    // They cancel the sign-in there (the station does not tell) and go back to their own, relaunched,
    // which waits for the resume of the test; the other one keeps beating, with no test.
    for (let waited = 0; waited <= STATION_MISSING_MS; waited += 2_000) {
      server.clock.advance(2_000);
      expect((await idleBeat(spare)).json()).toEqual({ serverTime: server.clock.now });
      expect((await beat(first, testId, 'resumePending')).json()).toEqual({ serverTime: server.clock.now });
    }
    const card = await inv.card(lea().id);
    expect(card.station?.id).toBe(first.id);
    expect(card.resumeRequest).toMatchObject({ stationId: spare.id, lastHeardAt: iso(askedAt) });
    expect(card.lastHeartbeatAt).toBe(iso(server.clock.now));
    // Finalization reads the same: only the candidate's own station counts.
    const stored = await server.app.pix.store.tests.get(testId);
    if (!stored) throw new Error('no test');
    const heard = testHeard(server.app.pix, stored);
    expect(heardRecently(heard.resumeStation, server.clock.now)).toBe(false);
    expect(heard.station).toBe(server.clock.now);

    const commands = await readEvents(
      `${base}${STATION_API_PATHS.commands}`,
      first.sign('GET', STATION_API_PATHS.commands, ''),
    );
    const resumed = await inv.command(lea().id, { type: 'authorizeResume' });
    expect(resumed.candidate).toMatchObject({
      station: { id: first.id },
      resumeRequest: null,
      authorization: 'resume',
    });
    const sent = await commands.next(
      (e) => e.event === 'command' && (JSON.parse(e.data) as { type: string }).type === 'authorizeResume',
    );
    expect(JSON.parse(sent.data)).toMatchObject({ id: resumed.command.id, testId });
    commands.close();
    // The test stays where the candidate is: their station goes on with it.
    expect((await beat(first, testId, 'resumePending')).json()).toEqual({ serverTime: server.clock.now });
    expect((await server.app.pix.store.tests.get(testId))?.resumeStationId).toBeNull();

    // Should they come back to the other station, its join asks again.
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    expect((await inv.card(lea().id)).resumeRequest).toMatchObject({
      stationId: spare.id,
      lastHeardAt: iso(server.clock.now),
    });
  });

  it('forgets when the other station asked once the resume is authorized: a new request starts afresh', async () => {
    const heartbeats = server.app.pix.feed.heartbeats;
    const { spare, testId } = await askedElsewhere();
    expect(heartbeats.resumesHeard).toBe(1);
    await inv.command(lea().id, { type: 'authorizeResume' });
    expect(heartbeats.resumesHeard).toBe(0);
    // The test is that station's now: its beats are its own, not a request.
    server.clock.advance(2_000);
    expect((await beat(spare, testId, 'resumePending')).statusCode).toBe(200);
    expect(heartbeats.resumesHeard).toBe(0);
  });

  it('forgets when the other station asked once the test is over, though that station beats on', async () => {
    const heartbeats = server.app.pix.feed.heartbeats;
    const first = await enrolledStation(server, day);
    const { testId, journal } = await startedJournal(server, day, inv, first, lea());
    const replicate = () =>
      first.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records: journal.records });
    expect((await replicate()).statusCode).toBe(200);
    // The candidate asks to resume at another station while their own one still runs the test.
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    server.clock.advance(2_000);
    expect((await beat(spare, testId, 'resumePending')).json()).toEqual({ serverTime: server.clock.now });
    expect(heartbeats.resumesHeard).toBe(1);
    // The test ends on its own station: that request will never be authorized.
    journal.end('endedByInvigilator');
    expect((await replicate()).statusCode).toBe(200);
    expect((await inv.card(lea().id)).state).toBe('ended');
    server.clock.advance(2_000);
    expect((await beat(spare, testId, 'resumePending')).json()).toEqual({ serverTime: server.clock.now });
    expect(heartbeats.resumesHeard).toBe(0);
  });

  it('resumes at the other station while it still asks, even if their own station beats again', async () => {
    const { first, spare, testId } = await askedElsewhere();
    for (let waited = 0; waited <= STATION_MISSING_MS; waited += 2_000) {
      server.clock.advance(2_000);
      expect((await beat(spare, testId, 'resumePending')).statusCode).toBe(200);
      expect((await beat(first, testId, 'resumePending')).statusCode).toBe(200);
    }
    const resumed = await inv.command(lea().id, { type: 'authorizeResume' });
    expect(resumed.candidate).toMatchObject({ station: { id: spare.id }, resumeRequest: null });
    expect((await beat(first, testId, 'resumePending')).json()).toMatchObject({ testElsewhere: true });
  });
});

describe('the card’s clock and alert', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let station: TestStation;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    inv = await invigilator(server, day);
    station = await enrolledStation(server, day);
  });
  afterEach(() => server.close());

  const MIN = 60_000;
  const lea = () => day.candidates[0] as SeededCandidate;
  const iso = (ms: number) => new Date(ms).toISOString();
  const replicate = (testId: string, records: unknown[]) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });
  /** A heartbeat of the test in progress, its station's clock on the server's. */
  const beat = (testId: string, lastSeq: number, timeLeftMs: number | null, alertPending = false) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 0,
      answered: 0,
      total: 5,
      timeLeftMs,
      alertPending,
      lastSeq,
      stationTime: server.clock.now,
    });

  it('puts the theoretical end after the downtime, and after the time the station reports left', async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    expect((await beat(testId, 0, null)).statusCode).toBe(200);
    expect((await replicate(testId, journal.records)).json()).toEqual({ storedThrough: 3 });
    const started = await inv.card(lea().id);
    const startedAt = Date.parse(started.startedAt ?? '');
    expect(started).toMatchObject({ downtimeMs: 0, theoreticalEndAt: iso(startedAt + started.allowedMs) });

    // The station crashed for 20 minutes: the exam clock did not run, the candidate has 20 minutes more.
    server.clock.advance(25 * MIN);
    const resume = await inv.command(lea().id, { type: 'authorizeResume' });
    journal.append({ kind: 'resumed', payload: { authorization: resume.command.id, downtimeMs: 20 * MIN } });
    expect((await replicate(testId, journal.since(3))).json()).toEqual({ storedThrough: 4 });
    const resumed = await inv.card(lea().id);
    expect(resumed.downtimeMs).toBe(20 * MIN);
    expect(resumed.theoreticalEndAt).toBe(iso(startedAt + resumed.allowedMs + 20 * MIN));

    // What the station reports left wins while the clock runs: it knows of a pause, say, 7 minutes long.
    server.clock.advance(5 * MIN);
    const left = startedAt + resumed.allowedMs + 27 * MIN - server.clock.now;
    expect((await beat(testId, 4, left)).statusCode).toBe(200);
    const reportedAt = server.clock.now;
    expect((await inv.card(lea().id)).theoreticalEndAt).toBe(iso(reportedAt + left));

    // Time added after that report: the report does not know of it, the start's reading does.
    const add = await inv.command(lea().id, { type: 'addTime', minutes: 30 });
    journal.append({ kind: 'timeAdded', payload: { addedMs: 30 * MIN, authorization: add.command.id } });
    expect((await replicate(testId, journal.since(4))).json()).toEqual({ storedThrough: 5 });
    const added = await inv.card(lea().id);
    expect(added.theoreticalEndAt).toBe(iso(startedAt + added.allowedMs + 20 * MIN));
    expect(Date.parse(added.theoreticalEndAt ?? '')).toBeGreaterThan(reportedAt + left);
  });

  it('says an alert is in transit while the heartbeat says so and its record has not arrived', async () => {
    const { testId, journal, pkg } = await startedJournal(server, day, inv, station, lea());
    expect((await replicate(testId, journal.records)).json()).toEqual({ storedThrough: 3 });
    expect((await inv.card(lea().id)).alertInTransit).toBe(false);
    // The candidate reported a problem: the heartbeat says so before the record arrives.
    journal.append({
      kind: 'alertRaised',
      payload: { alertId: 'alert-1', challengeId: pkg.package.challenges[0]?.id ?? '' },
    });
    expect((await beat(testId, 4, 80 * MIN, true)).statusCode).toBe(200);
    expect(await inv.card(lea().id)).toMatchObject({ alertInTransit: true, alert: null });
    // The record arrives: the alert is on the card, to be decided, nothing in transit.
    expect((await replicate(testId, journal.since(3))).json()).toEqual({ storedThrough: 4 });
    expect(await inv.card(lea().id)).toMatchObject({ alertInTransit: false, alert: { id: 'alert-1' } });
    // Decided before the station's next heartbeat (which still says pending): not a new alert.
    expect((await inv.post('/alerts/alert-1/decision', { decision: 'dismissed' })).statusCode).toBe(200);
    expect(await inv.card(lea().id)).toMatchObject({ alertInTransit: false, alert: null });
  });

  it('says no alert is in transit once the test ended, whatever the last heartbeat said', async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    // The alert's record written (seq 4), not sent yet.
    expect((await beat(testId, 4, 80 * MIN, true)).statusCode).toBe(200);
    expect((await replicate(testId, journal.records)).json()).toEqual({ storedThrough: 3 });
    expect((await inv.card(lea().id)).alertInTransit).toBe(true);
    journal.end('finished');
    expect((await replicate(testId, journal.since(3))).json()).toEqual({ storedThrough: 4 });
    expect(await inv.card(lea().id)).toMatchObject({ state: 'ended', alertInTransit: false });
  });

  it('still draws the room when a station’s clock gave absurd times (rows stored before the bounds)', async () => {
    const { testId, pkg, startCommandId } = await startedTest(server, day, inv, station, lea());
    // A clock near where new Date() gives up (8.64e15): records the schemas now refuse, stored as an
    // older server stored them.
    const absurd = new TestJournal(testId, 9e15);
    absurd.open(
      { sessionId: day.session.id, candidateId: lea().id, stationId: station.id },
      pkg.package,
      pkg.packageHash,
      startCommandId,
    );
    absurd.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'another window' } });
    absurd.append({
      kind: 'alertRaised',
      payload: { alertId: 'alert-1', challengeId: pkg.package.challenges[0]?.id ?? '' },
    });
    absurd.append({ kind: 'resumed', payload: { authorization: 'cmd-old', downtimeMs: 9e15 } });
    expect((await replicate(testId, absurd.records)).statusCode).toBe(400);
    const store = server.app.pix.store;
    const stored = await store.tests.get(testId);
    if (!stored) throw new Error('no test');
    const receivedAt = server.clock.now;
    const reading = readRecords(stored.journal, absurd.records, pkg.package, receivedAt, 0);
    await store.tests.appendRecords(
      testId,
      absurd.records,
      reading.journal,
      reading.newAlerts,
      receivedAt,
      0,
    );

    const room = await inv.get('');
    expect(room.statusCode, room.body).toBe(200);
    const card = await inv.card(lea().id);
    expect(card).toMatchObject({
      state: 'inProgress',
      startedAt: null,
      theoreticalEndAt: null,
      downtimeMs: 9e15,
      lockdownEvents: [],
      // Still there to be decided, dated when it reached the server.
      alert: { id: 'alert-1', raisedAt: iso(receivedAt) },
    });
    const other = day.candidates[1] as SeededCandidate;
    expect((await inv.card(other.id)).state).toBe('notArrived');
    const sheet = await inv.get('/attendance.csv');
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.body).toContain('présent');
  });
});
