import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WalNotOpenedError, WriteBatcher, isDurableWal, type FileSync } from './write-batcher.ts';

const dirs: string[] = [];
const dbs: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A WAL database file with synchronous=FULL, as the server opens its main connection. */
function durableDb(): SqliteDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'write-batcher-'));
  dirs.push(dir);
  const db = new Database(path.join(dir, 'server.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  dbs.push(db);
  return db;
}

/** A sync the test completes by hand, counting the calls. */
function heldSync() {
  const pending: ((error: Error | null) => void)[] = [];
  const sync: FileSync = (done) => pending.push(done);
  return { sync, pending };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('group commit (WriteBatcher)', () => {
  it('commits a batch, answers no one until its WAL sync completes, then answers each write', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const answered: number[] = [];
    const writes = ['a', 'b', 'c'].map((v) =>
      writer.run(() => Number(insert.run(v).lastInsertRowid)).then((id) => answered.push(id)),
    );
    await tick();
    await tick();
    // Committed (readable), one sync asked for the three, nobody answered yet.
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(3);
    expect(pending).toHaveLength(1);
    expect(answered).toEqual([]);
    // The connection is back to FULL for the writes that do not go through the batcher.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    pending[0]?.(null);
    await Promise.all(writes);
    expect(answered).toEqual([1, 2, 3]);
  });

  it('queues what comes during a sync and commits it as the next batch, with its own sync', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const first = writer.run(() => insert.run('a'));
    await tick();
    await tick();
    const later = [writer.run(() => insert.run('b')), writer.run(() => insert.run('c'))];
    await tick();
    await tick();
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(1);
    pending[0]?.(null);
    await first;
    await tick();
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(3);
    expect(pending).toHaveLength(2);
    pending[1]?.(null);
    await Promise.all(later);
  });

  it('rejects the writes of a batch whose sync failed, and goes on with the next batch', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const failed = writer.run(() => insert.run('a'));
    await tick();
    pending[0]?.(new Error('EIO: the disk failed'));
    await expect(failed).rejects.toThrow('EIO');
    const next = writer.run(() => insert.run('b'));
    await tick();
    pending[1]?.(null);
    await expect(next).resolves.toBeDefined();
  });

  it('keeps one write’s failure to itself: the others of its batch are committed', async () => {
    const db = durableDb();
    const writer = new WriteBatcher(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      writer.run(() => insert.run('a')),
      writer.run(() => insert.run('a')),
      writer.run(() => insert.run('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual(['a', 'b']);
    writer.close();
  });

  it('fails the whole batch, storing none of it, when SQLite rolled back the transaction (disk full)', async () => {
    const db = durableDb();
    const writer = new WriteBatcher(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    // A full disk, as SQLite sees it: no page beyond those the file has. A short row still fits in them;
    // a long one needs new pages, and SQLITE_FULL then rolls back the whole transaction, not the statement.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const results = await Promise.allSettled([
      writer.run(() => insert.run('a')),
      writer.run(() => insert.run('x'.repeat(20_000))),
      writer.run(() => insert.run('c')),
    ]);
    // Every writer is told, with SQLite's own error (not "no transaction is active"), and none of the
    // three is stored: the first was rolled back with the batch, the third never ran on its own.
    expect(
      results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'stored')),
    ).toEqual(['SQLITE_FULL', 'SQLITE_FULL', 'SQLITE_FULL']);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(0);
    // Room again: the next batch is stored.
    db.pragma('max_page_count = 100000');
    await writer.run(() => insert.run('c'));
    expect(db.prepare('SELECT v FROM t').pluck().all()).toEqual(['c']);
    writer.close();
  });

  it('takes the write lock once per batch: a lock held elsewhere fails the batch before any write runs', async () => {
    const db = durableDb();
    // Another process's writer (a backup, an sqlite3 shell) holding the lock past the busy timeout.
    const other = new Database(db.name);
    dbs.push(other);
    other.exec('BEGIN IMMEDIATE');
    db.pragma('busy_timeout = 10');
    const writer = new WriteBatcher(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    let ran = 0;
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((v) =>
        writer.run(() => {
          ran++;
          return insert.run(v);
        }),
      ),
    );
    // Deferred, each write would have waited for the lock in turn (the whole timeout each), then failed.
    expect(ran).toBe(0);
    expect(
      results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'stored')),
    ).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY', 'SQLITE_BUSY']);
    other.exec('ROLLBACK');
    await writer.run(() => insert.run('d'));
    expect(db.prepare('SELECT v FROM t').pluck().all()).toEqual(['d']);
    writer.close();
  });

  it('synced() waits for the sync of what is already committed', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    await expect(writer.synced()).resolves.toBeUndefined();
    void writer.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('a'));
    await tick();
    let synced = false;
    void writer.synced().then(() => (synced = true));
    await tick();
    expect(synced).toBe(false);
    pending[0]?.(null);
    await tick();
    expect(synced).toBe(true);
  });

  it('answers synced() only once a sync succeeded: never after a failed one, until one succeeds', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const failed = writer.run(() => insert.run('a'));
    await tick();
    // Waiting for the batch when its sync fails: told it failed, not that it is on disk.
    const during = writer.synced();
    pending[0]?.(new Error('EIO: the disk failed'));
    await expect(failed).rejects.toThrow('EIO');
    await expect(during).rejects.toThrow('EIO');
    // Asked afterwards, with no write coming: it syncs again itself, and waits for that sync.
    let synced = false;
    const after = writer.synced().then(() => (synced = true));
    await tick();
    expect(pending).toHaveLength(2);
    expect(synced).toBe(false);
    pending[1]?.(new Error('EIO: still failing'));
    await expect(after).rejects.toThrow('still failing');
    const retried = writer.synced().then(() => (synced = true));
    await tick();
    expect(synced).toBe(false);
    // That sync of the same WAL file flushes the failed batch's frames too.
    pending[2]?.(null);
    await retried;
    expect(synced).toBe(true);
    await expect(writer.synced()).resolves.toBeUndefined();
    expect(pending).toHaveLength(3);
  });

  it('tells its owner when a sync fails (the server stops then), after the batch’s writers', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const told: string[] = [];
    const writer = new WriteBatcher(db, {
      durable: { sync },
      onSyncFailure: (error) => told.push(error.message),
    });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const ok = writer.run(() => insert.run('a'));
    await tick();
    pending[0]?.(null);
    await ok;
    expect(told).toEqual([]);
    const failed = writer.run(() => insert.run('b')).catch((error: Error) => `writer: ${error.message}`);
    await tick();
    pending[1]?.(new Error('EIO: the disk failed'));
    expect(await failed).toBe('writer: EIO: the disk failed');
    expect(told).toEqual(['EIO: the disk failed']);
  });

  it('does not tell its owner when the WAL file could not even be opened (no disk failure)', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const told: string[] = [];
    const writer = new WriteBatcher(db, { durable: { sync }, onSyncFailure: (e) => told.push(e.message) });
    const failed = writer.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('a'));
    await tick();
    pending[0]?.(new WalNotOpenedError(new Error('EMFILE: too many open files')));
    await expect(failed).rejects.toThrow('EMFILE');
    expect(told).toEqual([]);
  });

  it('settles synced() waiters when the batch they counted on could not even commit', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const failed = writer.run(() => insert.run('a')).catch(() => 'failed');
    await tick();
    pending[0]?.(new Error('EIO'));
    expect(await failed).toBe('failed');
    // A write queued, then a waiter (which leaves the sync to that write's batch), then the batch fails
    // before committing: the waiter is not left waiting for ever.
    const lost = writer.run(() => 1).catch(() => 'not committed');
    const waiter = writer.synced().then(
      () => 'synced',
      () => 'refused',
    );
    db.close();
    expect(await lost).toBe('not committed');
    await tick();
    pending[1]?.(null);
    expect(await waiter).toBe('synced');
  });

  /** As the bundles repository answers a station's retry (sqlite-store.ts acknowledgment). */
  function acknowledgment(db: SqliteDatabase, writer: WriteBatcher) {
    const answer = { given: false };
    const promise = (async () => {
      // The row is there (committed); the receipt waits until it is on disk.
      const row = db.prepare('SELECT v FROM t WHERE v = ?').pluck().get('bundle');
      if (row) await writer.synced();
      answer.given = true;
      return row;
    })();
    return { answer, promise };
  }

  it('gives no receipt for a bundle whose batch failed to sync until a sync succeeds', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const stored = writer.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('bundle'));
    await tick();
    pending[0]?.(new Error('EIO: the disk failed'));
    await expect(stored).rejects.toThrow('EIO');
    // The station sends it again: the bundle is stored, but not known on disk.
    const retry = acknowledgment(db, writer);
    await tick();
    await tick();
    expect(retry.answer.given).toBe(false);
    expect(pending).toHaveLength(2);
    pending[1]?.(null);
    await expect(retry.promise).resolves.toBe('bundle');
  });

  it('has a receipt asked for after a failed sync wait for the next batch’s sync, under way', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const stored = writer.run(() => insert.run('bundle'));
    await tick();
    pending[0]?.(new Error('EIO: the disk failed'));
    await expect(stored).rejects.toThrow('EIO');
    const other = writer.run(() => insert.run('other'));
    await tick();
    expect(pending).toHaveLength(2);
    const retry = acknowledgment(db, writer);
    await tick();
    await tick();
    expect(retry.answer.given).toBe(false);
    // No sync of its own: the one under way covers it.
    expect(pending).toHaveLength(2);
    pending[1]?.(null);
    await expect(other).resolves.toBeDefined();
    await expect(retry.promise).resolves.toBe('bundle');
  });

  it('drains after a failed sync without waiting for a sync that nothing asks for', async () => {
    const db = durableDb();
    const { sync, pending } = heldSync();
    const writer = new WriteBatcher(db, { durable: { sync } });
    const failed = writer.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('a'));
    await tick();
    const drained = writer.drain();
    pending[0]?.(new Error('EIO: the disk failed'));
    await expect(failed).rejects.toThrow('EIO');
    await expect(drained).resolves.toBeUndefined();
  });

  it('syncs batches itself only on a WAL file with synchronous=FULL', () => {
    const db = durableDb();
    expect(isDurableWal(db)).toBe(true);
    const normal = new Database(db.name);
    dbs.push(normal);
    normal.pragma('synchronous = NORMAL');
    expect(isDurableWal(normal)).toBe(false);
    const memory = new Database(':memory:');
    dbs.push(memory);
    memory.pragma('synchronous = FULL');
    expect(isDurableWal(memory)).toBe(false);
  });

  it('syncs the real WAL file by default on a durable connection, and not on a NORMAL one', async () => {
    const db = durableDb();
    const writer = new WriteBatcher(db);
    const id = await writer.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('a').lastInsertRowid);
    expect(id).toBe(1);
    await writer.drain();
    writer.close();
    // A connection that is not FULL keeps its own durability: nothing to sync, answered at once.
    const fast = new Database(db.name);
    dbs.push(fast);
    fast.pragma('synchronous = NORMAL');
    const fastWriter = new WriteBatcher(fast);
    await fastWriter.run(() => fast.prepare('INSERT INTO t (v) VALUES (?)').run('b'));
    expect(fast.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(2);
  });
});
