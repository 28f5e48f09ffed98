// The lockdown events on a candidate's card: what the station journaled, its facts passed on as they
// are (the invigilator screen says them in its language), the sentence alone for older stations.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { LockdownFactsSchema, type LockdownFacts } from '../../core/journal/lockdown-facts.ts';
import { readRecords } from '../exam/journal-reading.ts';
import { TestJournal } from '../testing/journal-builder.ts';
import { cardLockdownEvents } from './room-view.ts';
import { enrolledStation, invigilator, startedJournal, type Invigilator } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const program: LockdownFacts = {
  type: 'program',
  name: 'AnyDesk',
  category: 'remoteControl',
  executables: ['AnyDesk.exe'],
};
const crash: LockdownFacts = {
  type: 'crash',
  process: 'graphics',
  reason: 'crashed',
  exitCode: null,
  crashes: 4,
  windowMs: 60_000,
  restarted: false,
};

describe('the lockdown events on a card', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let station: TestStation;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    inv = await invigilator(server, day);
    station = await enrolledStation(server, day);
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededCandidate;
  const replicate = (testId: string, records: unknown[]) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });

  it('carry the facts the station journaled, and only the sentence from an older station', async () => {
    const { testId, journal } = await startedJournal(server, day, inv, station, lea());
    journal.append({
      kind: 'lockdown',
      payload: { event: 'forbiddenProcess', detail: 'Logiciel interdit : AnyDesk.', facts: program },
    });
    journal.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'Fenêtre quittée.' } });
    journal.append({
      kind: 'lockdown',
      payload: { event: 'rendererCrashed', detail: 'L’affichage plante.', facts: crash },
    });
    const stored = await replicate(testId, journal.records);
    expect(stored.statusCode, stored.body).toBe(200);
    const card = await inv.card(lea().id);
    expect(card.lockdownEvents).toEqual([
      {
        event: 'forbiddenProcess',
        detail: 'Logiciel interdit : AnyDesk.',
        facts: program,
        at: expect.any(String),
      },
      { event: 'focusLost', detail: 'Fenêtre quittée.', at: expect.any(String) },
      { event: 'rendererCrashed', detail: 'L’affichage plante.', facts: crash, at: expect.any(String) },
    ]);
    // The whole room (and its event stream's cards) passes the same contract.
    const room = await inv.get('');
    expect(room.statusCode, room.body).toBe(200);
  });

  it('refuses facts beyond their bounds at intake, and drops ones stored before they were checked', async () => {
    const { testId, journal, pkg } = await startedJournal(server, day, inv, station, lea());
    await replicate(testId, journal.records);
    const tooLong = { ...program, name: 'x'.repeat(500) };
    const bad = journal.append({
      kind: 'lockdown',
      payload: { event: 'forbiddenProcess', detail: 'x', facts: tooLong as LockdownFacts },
    });
    expect((await replicate(testId, [bad])).statusCode).toBe(400);
    // As an older server stored it, unchecked: the event stays, its facts go.
    const store = server.app.pix.store;
    const test = await store.tests.get(testId);
    if (!test) throw new Error('no test');
    const reading = readRecords(test.journal, [bad], pkg.package, server.clock.now, 0);
    await store.tests.appendRecords(testId, [bad], reading.journal, reading.newAlerts, server.clock.now, 0);
    const card = await inv.card(lea().id);
    expect(card.lockdownEvents).toEqual([{ event: 'forbiddenProcess', detail: 'x', at: expect.any(String) }]);
  });
});

describe('the lockdown events of a card, from the stored records', () => {
  const T = Date.parse('2026-12-08T08:00:00Z');
  const journal = () => new TestJournal('test-1', T);
  const offset = 90_000;
  const rows = (j: TestJournal, clockOffsetMs: number | null = offset) =>
    j.records.map((record) => ({ record, clockOffsetMs }));
  const noHeartbeat = { clockOffsetMs: null };

  it('reads a last sign of life on the server’s clock, as the event’s own time', () => {
    const j = journal();
    const lastSeenAt = T - 3600_000;
    const record = j.append({
      kind: 'lockdown',
      payload: { event: 'uncleanExit', detail: 'x', facts: { type: 'lastSeen', lastSeenAt } },
    });
    expect(cardLockdownEvents(rows(j), 'test-1', noHeartbeat)).toEqual([
      {
        event: 'uncleanExit',
        detail: 'x',
        facts: { type: 'lastSeen', lastSeenAt: lastSeenAt + offset },
        at: new Date(record.wallAt + offset).toISOString(),
      },
    ]);
    // No offset kept with the record: the last one measured, as for the time of the event.
    expect(cardLockdownEvents(rows(j, null), 'test-1', { clockOffsetMs: -5_000 })[0]?.facts).toEqual({
      type: 'lastSeen',
      lastSeenAt: lastSeenAt - 5_000,
    });
  });

  it('drops facts that do not fit their event, or that the server clock takes out of bounds', () => {
    const j = journal();
    j.append({
      kind: 'lockdown',
      payload: { event: 'focusLost', detail: 'a', facts: program },
    });
    j.append({
      kind: 'lockdown',
      payload: { event: 'uncleanExit', detail: 'b', facts: { type: 'lastSeen', lastSeenAt: 1000 } },
    });
    j.append({
      kind: 'lockdown',
      payload: { event: 'focusLost', detail: 'c', facts: { type: 'omitted', count: 3 } },
    });
    expect(cardLockdownEvents(rows(j, -60_000), 'test-1', noHeartbeat)).toEqual([
      { event: 'focusLost', detail: 'a', at: expect.any(String) },
      { event: 'uncleanExit', detail: 'b', at: expect.any(String) },
      { event: 'focusLost', detail: 'c', facts: { type: 'omitted', count: 3 }, at: expect.any(String) },
    ]);
  });

  it('keeps the last 20 of the test’s, left out before their facts are read', () => {
    const j = journal();
    for (let i = 0; i < 25; i++)
      j.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: `n${i}` } }, 1000);
    const other = new TestJournal('test-2', T);
    other.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'other' } });
    const parse = vi.spyOn(LockdownFactsSchema, 'safeParse');
    const events = cardLockdownEvents([...rows(j), ...rows(other)], 'test-1', noHeartbeat);
    expect(events.map((e) => e.detail)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i + 5}`));
    expect(parse).toHaveBeenCalledTimes(20);
    parse.mockRestore();
  });
});
