// An invigilator's command sent again under the same request id (a retry after a lost answer) is
// issued once and answered as the first time, even after a restart; on a real SQLite file.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { answerOnce, commandRequest } from '../exam/command-requests.ts';
import { issueCommand } from '../exam/commands.ts';
import { enrolledStation, invigilator, startedJournal, type Invigilator } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestJournal } from '../testing/journal-builder.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

const ID_1 = '3f0c8a52-6b1d-4e8f-9a7c-2d5e4b6a1c90';
const ID_2 = 'b7e2d4c1-0a9f-4c3b-8d6e-5f1a2b3c4d5e';

describe('a command sent again under the same request id', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let testId: string;
  let journal: TestJournal;
  const lea = () => day.candidates[0] as SeededCandidate;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
    const started = await startedJournal(server, day, inv, station, lea());
    testId = started.testId;
    journal = started.journal;
    const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
      records: started.journal.records,
    });
    expect(replicated.statusCode).toBe(200);
  });
  afterEach(() => server.close());

  const addTime = (body: object, by = inv) => by.post(`/candidates/${lea().id}/commands`, body);
  const commandsOf = async (type: string, on = server) =>
    (await on.app.pix.store.commands.listByTests([testId])).filter((c) => c.command.type === type);

  it('adds the time once, and answers the retry with the first answer', async () => {
    const first = await addTime({ type: 'addTime', minutes: 10, requestId: ID_1 });
    expect(first.statusCode).toBe(200);
    server.clock.advance(5_000);
    const retry = await addTime({ type: 'addTime', minutes: 10, requestId: ID_1 });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await commandsOf('addTime')).toHaveLength(1);
    expect((await inv.card(lea().id)).pendingCommands.map((c) => c.type)).toEqual(['addTime']);
  });

  it('issues one command when the retry arrives while the first try is still under way', async () => {
    const body = { type: 'addTime', minutes: 10, requestId: ID_1 };
    const answers = await Promise.all([addTime(body), addTime(body), addTime(body)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const ids = answers.map((a) => (a.json() as { command: { id: string } }).command.id);
    expect(new Set(ids).size).toBe(1);
    expect(await commandsOf('addTime')).toHaveLength(1);
  });

  it('issues one command when two tries run at once (the second loses on the stored request id)', async () => {
    const ctx = server.app.pix;
    const session = await ctx.store.sessions.get(day.session.id);
    if (!session) throw new Error('no session');
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const request = commandRequest(ID_1, ['command', lea().id, { type: 'addTime', minutes: 10 }]);
    const tries = [1, 2].map(() =>
      answerOnce(ctx, session, request, async (ref) => {
        await gate; // both looked the request id up and found nothing
        return issueCommand(ctx, session, lea().id, { type: 'addTime', minutes: 10 }, ref);
      }),
    );
    open();
    const [a, b] = await Promise.all(tries);
    expect(b?.command).toEqual(a?.command);
    expect(await commandsOf('addTime')).toHaveLength(1);
  });

  it('adds it twice under two request ids, or without any (as before)', async () => {
    expect((await addTime({ type: 'addTime', minutes: 10, requestId: ID_1 })).statusCode).toBe(200);
    expect((await addTime({ type: 'addTime', minutes: 10, requestId: ID_2 })).statusCode).toBe(200);
    expect((await addTime({ type: 'addTime', minutes: 10 })).statusCode).toBe(200);
    expect(await commandsOf('addTime')).toHaveLength(3);
  });

  it('refuses a malformed request id, and one already used for another request, storing nothing', async () => {
    for (const requestId of ['', 'retry-1', '3f0c8a52-6b1d-4e8f-9a7c', 42, `${ID_1}x`]) {
      const refused = await addTime({ type: 'addTime', minutes: 10, requestId });
      expect([requestId, refused.statusCode]).toEqual([requestId, 400]);
    }
    expect(await commandsOf('addTime')).toHaveLength(0);
    expect((await addTime({ type: 'addTime', minutes: 10, requestId: ID_1 })).statusCode).toBe(200);
    const other = await addTime({ type: 'addTime', minutes: 15, requestId: ID_1 });
    expect([other.statusCode, errorOf(other).code]).toEqual([409, 'REQUEST_ID_REUSED']);
    const pause = await addTime({ type: 'pause', requestId: ID_1 });
    expect([pause.statusCode, errorOf(pause).code]).toEqual([409, 'REQUEST_ID_REUSED']);
    expect((await server.app.pix.store.commands.listByTests([testId])).map((c) => c.command.type)).toEqual([
      'authorizeStart',
      'addTime',
    ]);
  });

  it('keeps the request id across a restart: the retry reaches the restarted server and issues nothing', async () => {
    const first = await addTime({ type: 'addTime', minutes: 10, requestId: ID_1 });
    expect(first.statusCode).toBe(200);
    await server.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    const again = await invigilator(server, day);
    const retry = await addTime({ type: 'addTime', minutes: 10, requestId: ID_1 }, again);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await commandsOf('addTime')).toHaveLength(1);
  });

  it('answers with the card as it is when the server stopped before keeping the first answer', async () => {
    const first = await addTime({ type: 'addTime', minutes: 10, requestId: ID_1 });
    await server.close();
    const db = new Database(server.dbFile);
    expect(db.prepare('UPDATE commands SET answer = NULL WHERE request_id = ?').run(ID_1).changes).toBe(1);
    db.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    const retry = await addTime(
      { type: 'addTime', minutes: 10, requestId: ID_1 },
      await invigilator(server, day),
    );
    expect(retry.statusCode).toBe(200);
    const [before, after] = [first.json(), retry.json()] as {
      command: unknown;
      candidate: { addedMs: number };
    }[];
    expect(after?.command).toEqual(before?.command);
    expect(after?.candidate.addedMs).toBe(before?.candidate.addedMs);
    expect(await commandsOf('addTime')).toHaveLength(1);
  });

  it('decides an alert once: the retry gets the first answer, not « already decided »', async () => {
    // The station raises an alert on the first question and replicates it.
    const sent = journal.records.length;
    const challengeId = (await server.app.pix.store.tests.package(testId))?.package.challenges[0]?.id ?? '';
    journal.append({ kind: 'alertRaised', payload: { alertId: 'alert-1', challengeId } });
    const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
      records: journal.since(sent),
    });
    expect(replicated.statusCode).toBe(200);
    const decide = (requestId: string) =>
      inv.post('/alerts/alert-1/decision', { decision: 'validated', reasonCode: 'E3', requestId });
    const first = await decide(ID_1);
    expect(first.statusCode).toBe(200);
    const retry = await decide(ID_1);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const another = await decide(ID_2);
    expect([another.statusCode, errorOf(another).code]).toEqual([409, 'ALERT_ALREADY_DECIDED']);
    expect(await commandsOf('alertDecision')).toHaveLength(1);
  });
});
