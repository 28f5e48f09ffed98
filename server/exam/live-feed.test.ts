import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { RoomCandidate } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS, type StationCommand } from '../../core/contracts/station-server.ts';
import {
  bareHeartbeat,
  enrolledStation,
  type Invigilator,
  invigilator,
  join,
  readEvents,
  startedJournal,
  startedTest,
} from '../testing/exam-helpers.ts';
import { TestJournal } from '../testing/journal-builder.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('live feed: records, alerts, commands and the event streams', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let base: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];
  const bankById = () => new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));

  async function openJournal() {
    const { testId, pkg, journal } = await startedJournal(server, day, inv, station, lea());
    return { testId, pkg, journal };
  }

  async function replicate(testId: string, records: unknown[], by = station) {
    return by.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });
  }

  it('delivers commands over the station stream, redelivers unacknowledged ones, and records acknowledgments', async () => {
    const joined = await join(server, day, station, lea());
    const stream = await readEvents(
      `${base}${STATION_API_PATHS.commands}`,
      station.sign('GET', STATION_API_PATHS.commands, ''),
    );
    const issued = await inv.command(lea().id, { type: 'authorizeStart' });
    const event = await stream.next((e) => e.event === 'command');
    const command = JSON.parse(event.data) as StationCommand;
    expect(command).toEqual({ type: 'authorizeStart', id: issued.command.id, testId: joined.testId });
    expect(Number(event.id)).toBeGreaterThan(0);
    stream.close();

    // Not acknowledged: sent again on reconnect.
    const again = await readEvents(
      `${base}${STATION_API_PATHS.commands}`,
      station.sign('GET', STATION_API_PATHS.commands, ''),
    );
    expect(JSON.parse((await again.next((e) => e.event === 'command')).data)).toEqual(command);
    again.close();

    const ack = await station.inject(server.app, 'POST', STATION_API_PATHS.commandAck(command.id));
    expect(ack.statusCode).toBe(200);
    expect((await inv.card(lea().id)).pendingCommands).toEqual([]);
    const other = await enrolledStation(server, day, 'Poste 02');
    expect(
      (await other.inject(server.app, 'POST', STATION_API_PATHS.commandAck(command.id))).statusCode,
    ).toBe(404);

    const afterAck = await readEvents(
      `${base}${STATION_API_PATHS.commands}`,
      station.sign('GET', STATION_API_PATHS.commands, ''),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(afterAck.events.filter((e) => e.event === 'command')).toEqual([]);
    afterAck.close();
  });

  it('shows progress, then an alert with its question and content, and sends the validation to the station', async () => {
    const { testId, pkg, journal } = await openJournal();
    const byId = bankById();
    const [first, second] = pkg.package.challenges;
    if (!first || !second) throw new Error('short package');
    journal.answer(byId.get(first.id) as Challenge, true);
    expect((await replicate(testId, journal.records)).json()).toEqual({ storedThrough: 4 });
    let card = await inv.card(lea().id);
    expect(card).toMatchObject({
      state: 'inProgress',
      authorization: null,
      progress: { answered: 1, total: pkg.package.challenges.length },
    });

    const room = await readEvents(
      `${base}/api/invigilator/sessions/${day.session.id}/events?after=${(await inv.room()).lastEventId}`,
      {
        authorization: `Bearer ${inv.token}`,
      },
    );
    const commands = await readEvents(
      `${base}${STATION_API_PATHS.commands}`,
      station.sign('GET', STATION_API_PATHS.commands, ''),
    );
    journal.append({ kind: 'alertRaised', payload: { alertId: 'alert-1', challengeId: second.id } });
    expect((await replicate(testId, journal.since(4))).json()).toEqual({ storedThrough: 5 });
    const alerted = await room.next(
      (e) => e.event === 'candidate' && JSON.parse(e.data).cause === 'alertRaised',
    );
    card = (JSON.parse(alerted.data) as { candidate: RoomCandidate }).candidate;
    expect(card.alert).toMatchObject({
      id: 'alert-1',
      challengeId: second.id,
      questionNumber: 2,
      content: {
        attachment: true,
        image: second.illustration !== undefined,
        embed: false,
        focused: second.focused,
      },
    });
    expect(card.alert?.reasonCodes).toContain('E3');
    expect(card.alert?.reasonCodes.includes('E1')).toBe(second.illustration !== undefined);

    const noCode = await inv.post('/alerts/alert-1/decision', { decision: 'validated' });
    expect(noCode.statusCode).toBe(400);
    const decided = await inv.post('/alerts/alert-1/decision', { decision: 'validated', reasonCode: 'E3' });
    expect(decided.statusCode).toBe(200);
    expect((decided.json() as { candidate: RoomCandidate }).candidate.alert).toBeNull();
    const sent = await commands.next(
      (e) => e.event === 'command' && JSON.parse(e.data).type === 'alertDecision',
    );
    expect(JSON.parse(sent.data)).toMatchObject({
      alertId: 'alert-1',
      decision: 'validated',
      reasonCode: 'E3',
      testId,
    });
    const twice = await inv.post('/alerts/alert-1/decision', { decision: 'dismissed' });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'ALERT_ALREADY_DECIDED']);
    room.close();
    commands.close();
  });

  it('stores only records that continue the chain, and nothing from a tampered or conflicting batch', async () => {
    const { testId, journal } = await openJournal();
    expect((await replicate(testId, journal.records.slice(0, 2))).json()).toEqual({ storedThrough: 2 });
    // Again with the next one: duplicates ignored.
    expect((await replicate(testId, journal.records)).json()).toEqual({ storedThrough: 3 });
    journal.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'another window' } });
    journal.append({ kind: 'paused', payload: { cause: 'lockdown', reason: 'focus lost' } });
    // A gap: record 5 without 4 is not stored.
    expect((await replicate(testId, journal.records.slice(4))).json()).toEqual({ storedThrough: 3 });

    const tampered = journal.records.slice(3).map((r) => (r.seq === 4 ? { ...r, wallAt: r.wallAt + 1 } : r));
    const broken = await replicate(testId, tampered);
    expect([broken.statusCode, errorOf(broken).code]).toEqual([422, 'CHAIN_BROKEN']);
    expect(errorOf(broken).message).toMatch(/record 4 was altered/);
    const forked = new TestJournal(testId, server.clock.now + 5);
    forked.append({
      kind: 'testOpened',
      payload: { sessionId: day.session.id, candidateId: lea().id, stationId: station.id },
    });
    const conflict = await replicate(testId, forked.records);
    expect([conflict.statusCode, errorOf(conflict).code]).toEqual([409, 'RECORD_CONFLICT']);
    expect(await server.app.pix.store.tests.records(testId)).toHaveLength(3);

    expect((await replicate(testId, journal.since(3))).json()).toEqual({ storedThrough: 5 });
    const card = await inv.card(lea().id);
    expect(card).toMatchObject({ state: 'paused', pause: { cause: 'lockdown', reason: 'focus lost' } });
    expect(card.lockdownEvents).toEqual([
      { event: 'focusLost', detail: 'another window', at: expect.any(String) },
    ]);

    const other = await enrolledStation(server, day, 'Poste 02');
    const foreign = await replicate(testId, journal.records, other);
    expect([foreign.statusCode, errorOf(foreign).code]).toEqual([403, 'NOT_YOUR_TEST']);
    const wrongShape = await replicate(testId, [{ seq: 1 }]);
    expect(wrongShape.statusCode).toBe(400);
  });

  it('sends pause, unlock, add time and end test only when they fit, and shows their effect', async () => {
    const { testId, journal } = await openJournal();
    await replicate(testId, journal.records);
    const pause = await inv.command(lea().id, { type: 'pause', reason: 'téléphone sorti' });
    expect(pause.candidate.pendingCommands.map((c) => c.type)).toEqual(['pause']);
    journal.append({ kind: 'paused', payload: { cause: 'invigilator', reason: 'téléphone sorti' } });
    await replicate(testId, journal.since(3));
    expect((await inv.card(lea().id)).state).toBe('paused');
    expect(
      errorOf(await inv.post(`/candidates/${lea().id}/commands`, { type: 'pause', reason: '' })).code,
    ).toBe('ALREADY_PAUSED');
    const unlock = await inv.command(lea().id, { type: 'unlock' });
    journal.append({ kind: 'unpaused', payload: { authorization: unlock.command.id } });
    const add = await inv.command(lea().id, { type: 'addTime', minutes: 10 });
    expect(add.command.id).toMatch(/^cmd_/);
    journal.append({ kind: 'timeAdded', payload: { addedMs: 600_000, authorization: add.command.id } });
    await replicate(testId, journal.since(4));
    const card = await inv.card(lea().id);
    expect(card).toMatchObject({ state: 'inProgress', addedMs: 600_000, allowedMs: 105 * 60_000 + 600_000 });
    // The records name the commands they applied: only the unacknowledged pause is left (its record has no id).
    expect(card.pendingCommands.map((c) => c.type)).toEqual(['pause']);
    expect(Date.parse(card.theoreticalEndAt ?? '') - Date.parse(card.startedAt ?? '')).toBe(card.allowedMs);
    await inv.command(lea().id, { type: 'endTest' });
    journal.end('endedByInvigilator', 'cmd-end');
    await replicate(testId, journal.since(6));
    expect(await inv.card(lea().id)).toMatchObject({
      state: 'ended',
      endReason: 'endedByInvigilator',
      upload: 'pending',
    });
    expect(
      errorOf(await inv.post(`/candidates/${lea().id}/commands`, { type: 'addTime', minutes: 5 })).code,
    ).toBe('TEST_OVER');
  });

  it('takes pause records with and without the command they applied; one that names it acknowledges it', async () => {
    const { testId, journal } = await openJournal();
    await replicate(testId, journal.records);
    const first = await inv.command(lea().id, { type: 'pause', reason: 'bruit' });
    // As an older station writes it: no command named, the pause stays unacknowledged.
    journal.append({ kind: 'paused', payload: { cause: 'invigilator', reason: 'bruit' } });
    expect((await replicate(testId, journal.since(3))).json()).toEqual({ storedThrough: 4 });
    const unlock = await inv.command(lea().id, { type: 'unlock' });
    journal.append({ kind: 'unpaused', payload: { authorization: unlock.command.id } });
    expect((await replicate(testId, journal.since(4))).json()).toEqual({ storedThrough: 5 });
    const second = await inv.command(lea().id, { type: 'pause', reason: 'calme' });
    journal.append({
      kind: 'paused',
      payload: { cause: 'invigilator', reason: 'calme', authorization: second.command.id },
    });
    expect((await replicate(testId, journal.since(5))).json()).toEqual({ storedThrough: 6 });
    const card = await inv.card(lea().id);
    expect(card).toMatchObject({ state: 'paused', pause: { cause: 'invigilator', reason: 'calme' } });
    expect(card.pendingCommands.map((c) => c.id)).toEqual([first.command.id]);
  });

  it('reads heartbeats into the room and the presence feed', async () => {
    const joined = await join(server, day, station, lea());
    const room = await readEvents(
      `${base}/api/invigilator/sessions/${day.session.id}/events?after=${(await inv.room()).lastEventId}`,
      {
        authorization: `Bearer ${inv.token}`,
      },
    );
    const beat = (phase: string, extra: Record<string, unknown> = {}) =>
      station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
        testId: joined.testId,
        phase,
        current: null,
        answered: null,
        total: null,
        timeLeftMs: null,
        alertPending: false,
        lastSeq: 1,
        stationTime: server.clock.now - 3000,
        ...extra,
      });
    const r = await beat('waiting');
    expect(r.json()).toEqual({ serverTime: server.clock.now });
    const changed = await room.next(
      (e) => e.event === 'candidate' && JSON.parse(e.data).cause === 'heartbeat',
    );
    expect(JSON.parse(changed.data).candidate).toMatchObject({
      state: 'waiting',
      lastHeartbeatAt: new Date(server.clock.now).toISOString(),
    });
    server.clock.advance(2000);
    await beat('waiting');
    const secondAt = new Date(server.clock.now).toISOString();
    // The real once-a-second flush may already have sent the first beat: wait for the one carrying the second.
    const presence = await room.next(
      (e) =>
        e.event === 'presence' &&
        (JSON.parse(e.data) as { heartbeats: { lastHeartbeatAt: string }[] }).heartbeats.some(
          (h) => h.lastHeartbeatAt === secondAt,
        ),
      3000,
    );
    expect(presence.id).toBeUndefined();
    expect(JSON.parse(presence.data).heartbeats).toEqual([
      {
        candidateId: lea().id,
        lastHeartbeatAt: secondAt,
        timeLeftMs: null,
        timeLeftAt: null,
        timeLeftAddedMs: null,
      },
    ]);
    const bad = await beat('dancing');
    expect(bad.statusCode).toBe(400);
    room.close();
  });

  it('keeps the time added a heartbeat’s time left counts with that time left: card, presence, after a restart', async () => {
    const { testId, pkg, journal } = await openJournal();
    await replicate(testId, journal.records);
    const add = await inv.command(lea().id, { type: 'addTime', minutes: 10 });
    journal.append({ kind: 'timeAdded', payload: { addedMs: 600_000, authorization: add.command.id } });
    expect((await replicate(testId, journal.since(3))).statusCode).toBe(200);
    const room = await readEvents(
      `${base}/api/invigilator/sessions/${day.session.id}/events?after=${(await inv.room()).lastEventId}`,
      { authorization: `Bearer ${inv.token}` },
    );
    const beat = (timeLeft: { timeLeftMs: number | null; addedMs?: number }) =>
      station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
        testId,
        phase: 'inProgress',
        current: 0,
        answered: 0,
        total: pkg.package.challenges.length,
        alertPending: false,
        lastSeq: journal.records.at(-1)?.seq ?? 0,
        stationTime: server.clock.now,
        ...timeLeft,
      });
    // Computed before the station applied the 10 min, heard after their record: it counts none.
    expect((await beat({ timeLeftMs: 100 * 60_000, addedMs: 0 })).statusCode).toBe(200);
    expect(await inv.card(lea().id)).toMatchObject({ addedMs: 600_000, timeLeftAddedMs: 0 });
    server.clock.advance(2000);
    expect((await beat({ timeLeftMs: 110 * 60_000, addedMs: 600_000 })).statusCode).toBe(200);
    const counted = new Date(server.clock.now).toISOString();
    expect(await inv.card(lea().id)).toMatchObject({
      timeLeftMs: 110 * 60_000,
      timeLeftAt: counted,
      timeLeftAddedMs: 600_000,
    });
    const presence = await room.next(
      (e) =>
        e.event === 'presence' &&
        (JSON.parse(e.data) as { heartbeats: { timeLeftAt: string }[] }).heartbeats.some(
          (h) => h.timeLeftAt === counted,
        ),
      3000,
    );
    expect(JSON.parse(presence.data).heartbeats).toEqual([
      {
        candidateId: lea().id,
        lastHeartbeatAt: counted,
        timeLeftMs: 110 * 60_000,
        timeLeftAt: counted,
        timeLeftAddedMs: 600_000,
      },
    ]);
    room.close();
    // Said without a time left to count it in: refused, nothing changed.
    const refused = await beat({ timeLeftMs: null, addedMs: 0 });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).code).toBe('INVALID_REQUEST');
    expect((await inv.card(lea().id)).timeLeftAddedMs).toBe(600_000);

    // Stored with the time left (the first one heard, and every TIME_LEFT_STORED_EVERY_MS): a server
    // restart reads the pair stored.
    await server.app.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    inv = await invigilator(server, day);
    expect(await inv.card(lea().id)).toMatchObject({ timeLeftMs: 100 * 60_000, timeLeftAddedMs: 0 });
    server.clock.advance(30_000);
    expect((await beat({ timeLeftMs: 109 * 60_000, addedMs: 600_000 })).statusCode).toBe(200);
    await server.app.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    inv = await invigilator(server, day);
    expect(await inv.card(lea().id)).toMatchObject({ timeLeftMs: 109 * 60_000, timeLeftAddedMs: 600_000 });

    // An older station does not say it: unknown (the screen guesses, as before).
    expect((await beat({ timeLeftMs: 108 * 60_000 })).statusCode).toBe(200);
    expect(await inv.card(lea().id)).toMatchObject({ timeLeftMs: 108 * 60_000, timeLeftAddedMs: null });
  });

  it('replays exactly the events missed while disconnected (Last-Event-ID), and asks to resync after a restart', async () => {
    const url = `${base}/api/invigilator/sessions/${day.session.id}/events`;
    const headers = { authorization: `Bearer ${inv.token}` };
    const first = await readEvents(`${url}?after=${(await inv.room()).lastEventId}`, headers);
    await join(server, day, station, lea());
    const joined = await first.next((e) => e.event === 'candidate');
    first.close();
    const second = day.candidates[1] as SeededDay['candidates'][number];
    const other = await enrolledStation(server, day, 'Poste 02');
    await join(server, day, other, second);
    await inv.command(lea().id, { type: 'authorizeStart' });
    const stored = await server.app.pix.store.events.after(day.session.id, Number(joined.id), 100);
    expect(stored.length).toBe(2);

    const resumed = await readEvents(url, { ...headers, 'last-event-id': joined.id ?? '' });
    await resumed.next((e) => Number(e.id) === stored.at(-1)?.seq);
    expect(resumed.events.filter((e) => e.id).map((e) => Number(e.id))).toEqual(stored.map((e) => e.seq));
    resumed.close();

    await server.app.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const after = await readEvents(`${base}/api/invigilator/sessions/${day.session.id}/events`, {
      ...headers,
      'last-event-id': String(stored.at(-1)?.seq),
    });
    expect((await after.next(() => true)).event).toBe('resync');
    after.close();
    // Event ids are moved on at each start: ids a power cut could have erased are never given again,
    // and a screen that knows more events than the server is told to resync.
    const ahead = await readEvents(`${base}/api/invigilator/sessions/${day.session.id}/events`, {
      ...headers,
      'last-event-id': String((stored.at(-1)?.seq ?? 0) + 5),
    });
    expect((await ahead.next(() => true)).event).toBe('resync');
    ahead.close();
    const again = await invigilator(server, day);
    await again.command(second.id, { type: 'authorizeStart' });
    const next = await server.app.pix.store.events.after(day.session.id, stored.at(-1)?.seq ?? 0, 10);
    expect(next[0]?.seq).toBeGreaterThan((stored.at(-1)?.seq ?? 0) + 100_000);
  });

  it('resumes on another station once the invigilator authorizes it: package and records', async () => {
    const { testId, journal, pkg } = await openJournal();
    journal.answer(bankById().get(pkg.package.challenges[0]?.id ?? '') as Challenge, true);
    await replicate(testId, journal.records);
    // Its last heartbeat, after its last record: 20 minutes spent on the next question, with no record.
    const beat = await station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 1,
      answered: 1,
      total: pkg.package.challenges.length,
      timeLeftMs: 84 * 60_000,
      alertPending: false,
      lastSeq: journal.records.at(-1)?.seq ?? 0,
      stationTime: server.clock.now,
    });
    expect(beat.statusCode).toBe(200);
    // The first station dies; the candidate sits at another one.
    const spare = await enrolledStation(server, day, 'Poste 03');
    const rejoined = await join(server, day, spare, lea());
    expect(rejoined).toMatchObject({ testId, resuming: true });
    const card = await inv.card(lea().id);
    expect(card).toMatchObject({
      state: 'resumePending',
      resumeRequest: { stationId: spare.id, stationName: 'Poste 03' },
    });
    const early = await spare.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'NOT_AUTHORIZED']);

    const stream = await readEvents(
      `${base}${STATION_API_PATHS.commands}`,
      spare.sign('GET', STATION_API_PATHS.commands, ''),
    );
    const resume = await inv.command(lea().id, { type: 'authorizeResume' });
    expect(resume.candidate).toMatchObject({
      station: { id: spare.id },
      resumeRequest: null,
      authorization: 'resume',
    });
    expect(JSON.parse((await stream.next((e) => e.event === 'command')).data)).toMatchObject({
      type: 'authorizeResume',
      testId,
    });
    stream.close();
    const records = await spare.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect(records.statusCode).toBe(200);
    expect(records.json()).toEqual({ records: journal.records, lastTimeLeftMs: 84 * 60_000 });
    const samePackage = await spare.inject(server.app, 'GET', STATION_API_PATHS.package(testId));
    expect((samePackage.json() as { packageHash: string }).packageHash).toBe(pkg.packageHash);

    // The new station continues the same chain; the old one is no longer heard.
    const continued = new TestJournal(testId, journal.wallAt, journal.records);
    continued.append({ kind: 'resumed', payload: { authorization: resume.command.id, downtimeMs: 60_000 } });
    expect((await replicate(testId, continued.since(4), spare)).json()).toEqual({ storedThrough: 5 });
    // The old station's heartbeat is now older than the records: no time left is given from it.
    const later = await spare.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect((later.json() as { lastTimeLeftMs: number | null }).lastTimeLeftMs).toBeNull();
    expect(await inv.card(lea().id)).toMatchObject({ state: 'inProgress', authorization: null });
    const stale = await replicate(testId, journal.records, station);
    expect([stale.statusCode, errorOf(stale).code]).toEqual([403, 'NOT_YOUR_TEST']);
  });

  it('after a server restart, a resume elsewhere still charges the time the heartbeats reported', async () => {
    const { testId, journal, pkg } = await openJournal();
    journal.answer(bankById().get(pkg.package.challenges[0]?.id ?? '') as Challenge, true);
    await replicate(testId, journal.records);
    const beat = (timeLeftMs: number) =>
      station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
        testId,
        phase: 'inProgress',
        current: 1,
        answered: 1,
        total: pkg.package.challenges.length,
        timeLeftMs,
        alertPending: false,
        lastSeq: journal.records.at(-1)?.seq ?? 0,
        stationTime: server.clock.now,
      });
    // Same question all along, a beat every 2 s for 40 s: nothing the room shows changes, only the time
    // left, which is stored every 30 s (the beat at 30 s), not at each beat.
    for (let s = 0; s <= 40; s += 2) {
      expect((await beat(90 * 60_000 - s * 1000)).statusCode).toBe(200);
      server.clock.advance(2000);
    }

    const spare = await enrolledStation(server, day, 'Poste 03');
    // The server restarts (its memory of heartbeats is gone), then the station dies.
    await server.app.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    await (await invigilator(server, day)).command(lea().id, { type: 'authorizeResume' });
    const records = await spare.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect(records.json()).toEqual({ records: journal.records, lastTimeLeftMs: 90 * 60_000 - 30_000 });
  });

  // Two stations whose clocks are off (A 3 minutes ahead of the server, B 2 minutes behind): a heartbeat
  // on one's own clock, and a test started on A with its journal opened on A's clock.
  const MIN = 60_000;
  const aClock = () => server.clock.now + 3 * MIN;
  const bClock = () => server.clock.now - 2 * MIN;
  const skewedBeat = (
    by: TestStation,
    testId: string,
    stationTime: number,
    lastSeq: number,
    alertPending = false,
  ) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 0,
      answered: 0,
      total: 5,
      timeLeftMs: 80 * MIN,
      alertPending,
      lastSeq,
      stationTime,
    });
  const startedOnSkewedA = async () => {
    const { testId, pkg, startCommandId } = await startedTest(server, day, inv, station, lea());
    const journal = new TestJournal(testId, aClock() - 3000);
    journal.open(
      { sessionId: day.session.id, candidateId: lea().id, stationId: station.id },
      pkg.package,
      pkg.packageHash,
      startCommandId,
    );
    return { testId, pkg, journal };
  };

  it('places the start on the server’s clock by the offset of the station that wrote it, after a resume on another one', async () => {
    const beat = (by: TestStation, testId: string, stationTime: number, lastSeq: number) =>
      skewedBeat(by, testId, stationTime, lastSeq);
    const { testId, journal } = await startedOnSkewedA();
    const startedOnServer = server.clock.now; // A's `started` record: aClock() on A's clock
    expect((await beat(station, testId, aClock(), 0)).statusCode).toBe(200);
    expect((await replicate(testId, journal.records)).json()).toEqual({ storedThrough: 3 });
    const before = await inv.card(lea().id);
    expect(before.startedAt).toBe(new Date(startedOnServer).toISOString());

    // A dies 10 minutes later; the candidate resumes on B, which beats and writes with its own clock.
    server.clock.advance(10 * MIN);
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    const resume = await inv.command(lea().id, { type: 'authorizeResume' });
    expect((await beat(spare, testId, bClock(), 3)).statusCode).toBe(200);
    expect((await server.app.pix.store.tests.get(testId))?.heartbeat.clockOffsetMs).toBe(2 * MIN);
    const continued = new TestJournal(testId, bClock(), journal.records);
    continued.append({ kind: 'resumed', payload: { authorization: resume.command.id, downtimeMs: 60_000 } });
    expect((await replicate(testId, continued.since(3), spare)).json()).toEqual({ storedThrough: 4 });

    const card = await inv.card(lea().id);
    expect(card.state).toBe('inProgress');
    expect(card.startedAt).toBe(new Date(startedOnServer).toISOString());
    // The resume's downtime (60 s) pushes the end back.
    expect(card.theoreticalEndAt).toBe(new Date(startedOnServer + card.allowedMs + 60_000).toISOString());
    // And after a restart: the writing station's offset is stored with the start (SQLite).
    await server.app.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    const stored = await server.app.pix.store.tests.get(testId);
    expect(stored?.journal).toMatchObject({ startedAt: aClock() - 10 * MIN, startedClockOffsetMs: -3 * MIN });
    const again = await (await invigilator(server, day)).card(lea().id);
    expect(again.startedAt).toBe(new Date(startedOnServer).toISOString());
  });

  it('places lockdown events and alerts on the server’s clock by the offset of the station that wrote them, after a resume on another one', async () => {
    const beat = (by: TestStation, testId: string, stationTime: number, lastSeq: number) =>
      skewedBeat(by, testId, stationTime, lastSeq, true);
    const { testId, pkg, journal } = await startedOnSkewedA();
    const challengeId = pkg.package.challenges[1]?.id ?? '';
    // Written on A, with A's clock: "perte de focus" and an alert, each at a known server time.
    const lockdown = journal.append({
      kind: 'lockdown',
      payload: { event: 'focusLost', detail: 'another window' },
    });
    const raised = journal.append({ kind: 'alertRaised', payload: { alertId: 'alert-1', challengeId } });
    const focusLostOnServer = new Date(lockdown.wallAt - 3 * MIN).toISOString();
    const raisedOnServer = new Date(raised.wallAt - 3 * MIN).toISOString();
    expect((await beat(station, testId, aClock(), 0)).statusCode).toBe(200);
    const storedThrough = journal.records.length;
    expect((await replicate(testId, journal.records)).json()).toEqual({ storedThrough });
    const before = await inv.card(lea().id);
    expect(before.lockdownEvents.map((e) => e.at)).toEqual([focusLostOnServer]);
    expect(before.alert?.raisedAt).toBe(raisedOnServer);

    // A dies; the candidate resumes on B, which beats and writes with its own clock.
    server.clock.advance(10 * MIN);
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    const resume = await inv.command(lea().id, { type: 'authorizeResume' });
    expect((await beat(spare, testId, bClock(), storedThrough)).statusCode).toBe(200);
    const continued = new TestJournal(testId, bClock(), journal.records);
    continued.append({ kind: 'resumed', payload: { authorization: resume.command.id, downtimeMs: 60_000 } });
    const again = continued.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'on B' } });
    const againOnServer = new Date(again.wallAt + 2 * MIN).toISOString();
    expect((await replicate(testId, continued.since(storedThrough), spare)).json()).toEqual({
      storedThrough: storedThrough + 2,
    });

    const card = await inv.card(lea().id);
    expect(card.lockdownEvents.map((e) => e.at)).toEqual([focusLostOnServer, againOnServer]);
    expect(card.alert?.raisedAt).toBe(raisedOnServer);
    // And after a restart: each writing station's offset is stored with its records and alerts (SQLite).
    await server.app.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    const restarted = await (await invigilator(server, day)).card(lea().id);
    expect(restarted.lockdownEvents.map((e) => e.at)).toEqual([focusLostOnServer, againOnServer]);
    expect(restarted.alert?.raisedAt).toBe(raisedOnServer);
  });

  /** The first station's report, then the candidate at a spare station whose resume is authorized. */
  async function resumeAfterReport(reportedSeq: (storedSeq: number) => number) {
    const { testId, journal, pkg } = await openJournal();
    journal.answer(bankById().get(pkg.package.challenges[0]?.id ?? '') as Challenge, true);
    await replicate(testId, journal.records);
    const storedSeq = journal.records.at(-1)?.seq ?? 0;
    const beat = await station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 1,
      answered: 1,
      total: pkg.package.challenges.length,
      timeLeftMs: 84 * 60_000,
      alertPending: false,
      lastSeq: reportedSeq(storedSeq),
      stationTime: server.clock.now,
    });
    expect(beat.statusCode).toBe(200);
    const spare = await enrolledStation(server, day, 'Poste 03');
    expect(await join(server, day, spare, lea())).toMatchObject({ testId, resuming: true });
    await inv.command(lea().id, { type: 'authorizeResume' });
    return { testId, spare };
  }

  it('a resume charges from the first station’s report, whatever the resuming station beats before its records', async () => {
    const { testId, spare } = await resumeAfterReport((seq) => seq);
    // What the spare station sends while its records are on their way: no time left, no record yet.
    for (let i = 0; i < 3; i++) {
      const beat = await bareHeartbeat(server, spare, testId, 'resumePending');
      expect(beat.statusCode).toBe(200);
      server.clock.advance(2000);
    }
    const records = await spare.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect((records.json() as { lastTimeLeftMs: number | null }).lastTimeLeftMs).toBe(84 * 60_000);
  });

  it('a report made past the stored records charges nothing: those answers are given again', async () => {
    const { testId, spare } = await resumeAfterReport((seq) => seq + 5);
    const records = await spare.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect((records.json() as { lastTimeLeftMs: number | null }).lastTimeLeftMs).toBeNull();
  });
});
