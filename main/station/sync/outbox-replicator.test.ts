import { afterEach, describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testWithPackage,
} from '../journal/journal-fixtures.ts';
import type { ServerResult } from '../runtime/ports.ts';
import { OutboxReplicator } from './outbox-replicator.ts';
import { StationAccess } from './station-access.ts';
import { InstantTimers, ManualTimers, until } from './sync-fixtures.ts';

const journals: AnswerJournal[] = [];
const replicators: OutboxReplicator[] = [];
afterEach(async () => {
  for (const replicator of replicators.splice(0)) await replicator.stop();
  for (const journal of journals.splice(0)) journal.close();
  removeTempJournals();
});

/** Lets the loop run what it can without any sleep ending. */
async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A journal with `answers` answers to test-1 (and optionally test-2), and a server copy in memory. */
function harness(answers = 3) {
  const journal = AnswerJournal.open({ file: tempJournalFile('outbox-') });
  journals.push(journal);
  testWithPackage(journal, 'test-1', 8);
  journal.append('test-1', opened, { wallAt: 1, elapsedMs: 0 });
  for (let i = 1; i <= answers; i++)
    journal.append('test-1', answered(`rec${i}`), { wallAt: 1 + i, elapsedMs: i });
  const stored = new Map<string, JournalRecord[]>();
  const posts: { testId: string; seqs: number[] }[] = [];
  let failNext = 0;
  let forgetAll = false;
  const post = async (
    testId: string,
    records: readonly JournalRecord[],
  ): Promise<ServerResult<{ storedThrough: number }>> => {
    posts.push({ testId, seqs: records.map((r) => r.seq) });
    if (failNext > 0) {
      failNext -= 1;
      return { ok: false, kind: 'http', status: 500, message: 'server error' };
    }
    if (forgetAll) {
      stored.set(testId, []);
      forgetAll = false;
    }
    const list = stored.get(testId) ?? [];
    for (const record of records) if (record.seq === list.length + 1) list.push(record);
    stored.set(testId, list);
    return { ok: true, value: { storedThrough: list.length } };
  };
  const replicator = new OutboxReplicator({ journal, post, timers: new InstantTimers(), batchSize: 3 });
  return {
    journal,
    replicator,
    stored,
    posts,
    fail: (n: number) => (failNext = n),
    serverForgets: () => (forgetAll = true),
  };
}

describe('the outbox replicator', () => {
  it('sends the records in order, a batch at a time, and forgets what the server stored', async () => {
    const h = harness(3);
    expect(await h.replicator.flush()).toBe('sent');
    expect(await h.replicator.flush()).toBe('sent');
    expect(await h.replicator.flush()).toBe('empty');
    expect(h.posts).toEqual([
      { testId: 'test-1', seqs: [1, 2, 3] },
      { testId: 'test-1', seqs: [4] },
    ]);
    expect(h.stored.get('test-1')).toEqual(h.journal.records('test-1'));
    expect(h.journal.pendingOutbox(100)).toEqual([]);
  });

  it('keeps the records when the server fails, and sends them again', async () => {
    const h = harness(1);
    h.fail(1);
    expect(await h.replicator.flush()).toBe('failed');
    expect(h.journal.pendingOutbox(100)).toHaveLength(2);
    expect(await h.replicator.flush()).toBe('sent');
    expect(h.journal.pendingOutbox(100)).toEqual([]);
  });

  it('sends again from the journal what the server lost, though it had left the outbox', async () => {
    const h = harness(2);
    await h.replicator.flush(); // seq 1–3 stored and forgotten by the outbox
    h.serverForgets();
    h.journal.append('test-1', answered('rec5'), { wallAt: 9, elapsedMs: 9 });
    expect(await h.replicator.flush()).toBe('sent');
    expect(h.posts.at(-2)?.seqs).toEqual([4]);
    expect(h.posts.at(-1)?.seqs).toEqual([1, 2, 3, 4]);
    expect(h.stored.get('test-1')).toEqual(h.journal.records('test-1'));
    expect(h.journal.pendingOutbox(10)).toEqual([]);
  });

  it('says which test the server refuses because it went on at another station', async () => {
    const h = harness(1);
    const refused: string[] = [];
    const replicator = new OutboxReplicator({
      journal: h.journal,
      post: async () => ({
        ok: false,
        kind: 'http',
        status: 403,
        code: 'NOT_YOUR_TEST',
        message: 'this test is attached to another station',
      }),
      timers: new InstantTimers(),
      onNotYourTest: (testId) => refused.push(testId),
    });
    expect(await replicator.flush()).toBe('failed');
    expect(refused).toEqual(['test-1']);
    // Other failures are only tried again.
    h.fail(1);
    expect(await h.replicator.flush()).toBe('failed');
    expect(refused).toEqual(['test-1']);
  });

  it('keeps each test’s records apart', async () => {
    const h = harness(1);
    testWithPackage(h.journal, 'test-2', 4);
    h.journal.append('test-2', opened, { wallAt: 5, elapsedMs: 0 });
    const replicator = new OutboxReplicator({
      journal: h.journal,
      post: async (testId, records) => {
        h.posts.push({ testId, seqs: records.map((r) => r.seq) });
        return { ok: true, value: { storedThrough: records.at(-1)?.seq ?? 0 } };
      },
      timers: new InstantTimers(),
    });
    await replicator.flush();
    expect(h.posts).toEqual([
      { testId: 'test-1', seqs: [1, 2] },
      { testId: 'test-2', seqs: [1] },
    ]);
  });

  it('runs in the background: a new record is sent without being asked', async () => {
    const h = harness(0);
    h.replicator.start();
    await until(() => h.journal.pendingOutbox(10).length === 0, 2000, 'the first records');
    h.journal.append('test-1', answered('rec1'), { wallAt: 3, elapsedMs: 3 });
    h.replicator.kick();
    await until(() => h.journal.pendingOutbox(10).length === 0, 2000, 'the new record');
    await h.replicator.stop();
    expect(h.stored.get('test-1')?.map((r) => r.kind)).toEqual(['testOpened', 'answered']);
  });
});

describe('what the replicator tells once the server stored records', () => {
  it('says which test is stored through which record, and those records no longer await replication', async () => {
    const h = harness(1);
    const told: [string, number][] = [];
    const replicator = new OutboxReplicator({
      journal: h.journal,
      post: async (_testId, records) => ({ ok: true, value: { storedThrough: records.at(-1)?.seq ?? 0 } }),
      timers: new InstantTimers(),
      onStored: (testId, storedThrough) => told.push([testId, storedThrough]),
    });
    expect(h.journal.awaitsReplication('test-1', 2)).toBe(true);
    expect(await replicator.flush()).toBe('sent');
    expect(told).toEqual([['test-1', 2]]);
    expect(h.journal.awaitsReplication('test-1', 2)).toBe(false);
  });
});

/**
 * test-1 with a backlog longer than a batch (10 here, 200 in production), then test-2 with one record; the server
 * answers test-1 with `refuseTest1` and stores test-2.
 */
function backlogHarness(refuseTest1: ServerResult<{ storedThrough: number }>) {
  const journal = AnswerJournal.open({ file: tempJournalFile('backlog-') });
  journals.push(journal);
  testWithPackage(journal, 'test-1', 20);
  journal.append('test-1', opened, { wallAt: 1, elapsedMs: 0 });
  for (let i = 1; i <= 19; i++)
    journal.append('test-1', answered(`rec${i}`), { wallAt: 1 + i, elapsedMs: i });
  testWithPackage(journal, 'test-2', 4);
  journal.append('test-2', opened, { wallAt: 500, elapsedMs: 0 });
  const posts: string[] = [];
  const access = new StationAccess();
  const replicator = new OutboxReplicator({
    journal,
    post: async (testId, records) => {
      posts.push(testId);
      if (testId === 'test-1') return refuseTest1;
      return { ok: true, value: { storedThrough: records.at(-1)?.seq ?? 0 } };
    },
    timers: new InstantTimers(),
    batchSize: 10,
    access,
  });
  return { journal, replicator, posts, access };
}

describe('a test the server refuses does not hold back the others', () => {
  it('records refused for good (409 RECORD_CONFLICT): noted, no longer sent, and the other test’s go', async () => {
    const h = backlogHarness({
      ok: false,
      kind: 'http',
      status: 409,
      code: 'RECORD_CONFLICT',
      message: 'another record 3 is stored',
    });
    await h.replicator.flush();
    await h.replicator.flush();
    expect(h.journal.awaitsReplication('test-2', 1)).toBe(false);
    expect(h.journal.serverRefusal('test-1', 'records')).toMatchObject({
      status: 409,
      code: 'RECORD_CONFLICT',
    });
    expect(h.posts.filter((t) => t === 'test-1')).toHaveLength(1);
    expect(await h.replicator.flush()).toBe('empty');
    // Kept on the station as evidence.
    expect(h.journal.awaitsReplication('test-1', 1)).toBe(true);
  });

  it('a test whose records keep failing (500) does not fill every batch either', async () => {
    const h = backlogHarness({ ok: false, kind: 'http', status: 500, code: 'HTTP_500', message: 'boom' });
    expect(await h.replicator.flush()).toBe('failed');
    expect(h.journal.awaitsReplication('test-2', 1)).toBe(false);
    expect(h.journal.serverRefusal('test-1', 'records')).toBeNull();
  });

  it('an unknown or revoked station stops the batch and is reported; nothing is taken as refused', async () => {
    const h = backlogHarness({
      ok: false,
      kind: 'http',
      status: 403,
      code: 'STATION_NOT_READY',
      message: 'this station was revoked by the centre: enroll it again',
    });
    expect(await h.replicator.flush()).toBe('failed');
    expect(h.posts).toEqual(['test-1']);
    expect(h.access.rejection).toMatchObject({ status: 403, code: 'STATION_NOT_READY' });
    expect(h.journal.serverRefusal('test-1', 'records')).toBeNull();
  });
});

/**
 * test-1 with its first record, and a replicator in the background whose server gives `answers` in
 * turn, then stores; its timers sleep until released (or woken), drawing `random` for the jitter.
 */
function waitingReplicator(answers: ServerResult<{ storedThrough: number }>[], random = 0.5) {
  const journal = AnswerJournal.open({ file: tempJournalFile('waits-') });
  journals.push(journal);
  testWithPackage(journal, 'test-1', 8);
  journal.append('test-1', opened, { wallAt: 1, elapsedMs: 0 });
  const timers = new ManualTimers();
  timers.randomValue = random;
  const posts: number[][] = [];
  const replicator = new OutboxReplicator({
    journal,
    post: async (_testId, records) => {
      posts.push(records.map((r) => r.seq));
      return answers.shift() ?? { ok: true, value: { storedThrough: records.at(-1)?.seq ?? 0 } };
    },
    timers,
  });
  replicators.push(replicator);
  let wallAt = 10;
  /** A candidate's answer: a record committed, and the replicator kicked (as station-services does). */
  const answer = (challengeId: string) => {
    journal.append('test-1', answered(challengeId), { wallAt: ++wallAt, elapsedMs: wallAt });
    replicator.kick();
  };
  return { journal, timers, posts, replicator, answer };
}

describe('the replicator’s waits after a failure', () => {
  it('waits the whole Retry-After of an overloaded server, whatever the candidate answers meanwhile', async () => {
    const h = waitingReplicator([
      { ok: false, kind: 'http', status: 503, code: 'SERVER_BUSY', message: 'busy', retryAfterMs: 120_000 },
    ]);
    h.replicator.start();
    await until(() => h.timers.sleeps.length === 1, 2000, 'the wait');
    expect(h.timers.sleeps[0]?.ms).toBe(120_000);
    h.answer('rec1');
    h.answer('rec2');
    await turns();
    expect(h.timers.sleeps[0]?.ended).toBe(false);
    expect(h.posts).toEqual([[1]]);

    h.timers.sleeps[0]?.release();
    await until(() => h.journal.pendingOutbox(10).length === 0, 2000, 'the records sent after the wait');
    expect(h.posts).toEqual([[1], [1, 2, 3]]);
  });

  it('a new record ends a backoff only once its floor has passed, and the floor grows with the failures', async () => {
    const boom: ServerResult<{ storedThrough: number }> = {
      ok: false,
      kind: 'http',
      status: 500,
      code: 'HTTP_500',
      message: 'boom',
    };
    // Jitter 0.9: delays of 900 ms then 1800 ms (1 s base), floors of half the ceiling, 500 then 1000 ms.
    const h = waitingReplicator([boom, { ...boom }], 0.9);
    h.replicator.start();
    await until(() => h.timers.sleeps.length === 1, 2000, 'the first backoff');
    const floor = h.timers.sleeps[0];
    expect(floor?.ms).toBe(500);
    h.answer('rec1');
    await turns();
    expect(floor?.ended).toBe(false);
    expect(h.posts).toEqual([[1]]);

    // Past the floor, the record written meanwhile goes at once, without the rest of the delay.
    floor?.release();
    await until(() => h.posts.length === 2, 2000, 'the second try');
    await until(() => h.timers.sleeps.length === 2, 2000, 'the second backoff');
    expect(h.timers.sleeps.map((s) => s.ms)).toEqual([500, 1000]);
    h.timers.sleeps[1]?.release();
    await until(() => h.timers.sleeps.length === 3, 2000, 'the rest of the second backoff');
    expect(h.timers.sleeps[2]?.ms).toBe(800);
    h.answer('rec2');
    await until(() => h.journal.pendingOutbox(10).length === 0, 2000, 'the records sent');
    expect(h.timers.sleeps[2]?.ended).toBe(true);
    expect(h.posts).toEqual([[1], [1, 2], [1, 2, 3]]);
  });
});

describe('one test the server keeps failing', () => {
  it('does not hold back the live records of the other tests (no floor when some got through)', async () => {
    const journal = AnswerJournal.open({ file: tempJournalFile('one-failing-') });
    journals.push(journal);
    for (const id of ['test-bad', 'test-live']) {
      testWithPackage(journal, id, 8);
      journal.append(id, opened, { wallAt: 1, elapsedMs: 0 });
    }
    const timers = new ManualTimers();
    timers.randomValue = 0.9;
    const posts: string[] = [];
    const replicator = new OutboxReplicator({
      journal,
      post: async (testId, records) => {
        posts.push(`${testId}:${records.map((r) => r.seq).join(',')}`);
        return testId === 'test-bad'
          ? { ok: false, kind: 'http', status: 500, code: 'HTTP_500', message: 'boom' }
          : { ok: true, value: { storedThrough: records.at(-1)?.seq ?? 0 } };
      },
      timers,
    });
    replicators.push(replicator);
    replicator.start();
    await until(() => timers.sleeps.length === 1, 2000, 'the backoff');
    // The live candidate answers during the backoff: the record goes at once, no floor waited.
    journal.append('test-live', answered('rec1'), { wallAt: 2, elapsedMs: 2 });
    replicator.kick();
    await until(() => posts.includes('test-live:2'), 2000, 'the live record sent');
    expect(timers.sleeps[0]?.ended).toBe(true);
  });
});

describe('where records go', () => {
  it('the records of a test taken on another server are neither sent here nor refused', async () => {
    const file = tempJournalFile('servers-');
    const x = AnswerJournal.open({ file, serverOrigin: 'https://certif.example.org' });
    testWithPackage(x, 'test-x', 4);
    x.append('test-x', opened, { wallAt: 1, elapsedMs: 0 });
    x.close();
    const journal = AnswerJournal.open({ file, serverOrigin: 'https://other.example.org' });
    journals.push(journal);
    const posts: string[] = [];
    const replicator = new OutboxReplicator({
      journal,
      post: async (testId, records) => {
        posts.push(testId);
        return {
          ok: false,
          kind: 'http',
          status: 404,
          code: 'NOT_FOUND',
          message: `test ${testId} not found (${records.length})`,
        };
      },
      server: 'https://other.example.org',
      timers: new InstantTimers(),
    });
    // Nothing of this server's: empty, so the loop sleeps rather than spins.
    expect(await replicator.flush()).toBe('empty');
    expect(posts).toEqual([]);
    expect(journal.serverRefusal('test-x', 'records')).toBeNull();
    expect(journal.awaitsReplication('test-x', 1)).toBe(true);
  });
});
