// Group commit for the writes that come by the hundred per second (result bundles, room events): every
// write queued while the current turn of the event loop runs joins one batch, committed in one
// transaction. Each write is its own savepoint: one failure does not undo the others (unless SQLite
// itself rolled back the whole transaction: then the batch fails as one, see the constructor). Each
// write is answered only once its batch is on disk, so what is acknowledged survives a power cut.
//
// On a durable connection (WAL, synchronous=FULL) the batch commits with synchronous=NORMAL, which
// writes the WAL without the fsync, and the WAL file is then fsynced on libuv's thread pool before
// anyone is answered: the same bytes reach the disk in the same order as with FULL (FULL's only
// difference in WAL mode is that fsync, run inside the commit), but the event loop does not wait for
// the disk (~0.7 ms per fsync here, the largest cost of an upload on the main thread). While one fsync
// runs, new writes queue up and commit together after it: one fsync per batch, batches that grow with
// the load.
import { closeSync, fsync, openSync } from 'node:fs';
import type { Database as SqliteDatabase, Transaction } from 'better-sqlite3';

interface PendingWrite {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { value: unknown } | { error: unknown };

/** Flushes a file's written data to the disk, off the event loop; calls back with the error if any. */
export type FileSync = (done: (error: Error | null) => void) => void;

export interface WriteBatcherOptions {
  /**
   * Sync the WAL after each batch before answering (default: when the connection is a file in WAL mode
   * with synchronous=FULL). `sync` replaces the WAL file's fsync (tests: a sync that fails or waits).
   */
  durable?: { sync?: FileSync } | false;
  /**
   * Told when a sync fails, after the batch's writers were. The server stops then (server/main.ts):
   * after a failed fsync the kernel may have dropped the unwritten pages while SQLite's cache still
   * holds the rows, so only a restart, which reads the database from the disk, knows what is on it.
   */
  onSyncFailure?: (error: Error) => void;
}

/** SQLite's synchronous=FULL. */
const FULL = 2;

export class WriteBatcher {
  readonly #db: SqliteDatabase;
  /**
   * Run as BEGIN IMMEDIATE: the write lock is taken (or waited for, up to the busy timeout) once for
   * the batch. Deferred, a lock held by another process (a backup, an sqlite3 shell) would make each
   * write wait the whole timeout in turn on the event loop, then fail anyway.
   */
  readonly #batch: Transaction<(items: PendingWrite[]) => Outcome[]>;
  /** Null: each commit is as durable as the connection makes it (no separate sync). */
  readonly #sync: FileSync | null;
  readonly #onSyncFailure: ((error: Error) => void) | undefined;
  #walFd: number | null = null;
  #queue: PendingWrite[] = [];
  #scheduled = false;
  #syncing = false;
  /**
   * Batches committed, and those known on disk: #synced moves only when a sync succeeds (synced()
   * waits for the batch it saw). A failed sync leaves it behind; the next successful one covers every
   * batch committed before it started, the failed ones too: an fsync flushes all of the file's written
   * data, whichever write put it there, and every batch goes to the same WAL file. (Linux may drop the
   * pages whose write-back failed and report it once, so after an I/O error even that is not proof; such
   * a disk is failing, and the writers of the failed batch were told.)
   */
  #committed = 0;
  #synced = 0;
  #waiters: { batch: number; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(db: SqliteDatabase, options: WriteBatcherOptions = {}) {
    this.#db = db;
    const one = db.transaction((item: PendingWrite) => item.work());
    this.#batch = db.transaction((items: PendingWrite[]) =>
      items.map((item) => {
        try {
          return { value: one(item) };
        } catch (error) {
          // Some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) make SQLite roll back the whole
          // transaction, not just the statement: the batch's earlier writes are gone, and the next ones
          // would each commit on their own, unsynced and answered as failed. The batch fails as one,
          // with that error: nothing of it was stored.
          if (!db.inTransaction) throw error;
          return { error };
        }
      }),
    );
    const durable = options.durable ?? (isDurableWal(db) ? {} : false);
    this.#sync = durable === false ? null : (durable.sync ?? ((done) => this.#syncWal(done)));
    this.#onSyncFailure = options.onSyncFailure;
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /**
   * Resolves once every write committed so far is on disk (for answers read back from the database);
   * rejects when the sync meant to put it there failed. After a failed sync, with no batch coming to
   * sync again, it syncs again itself: what was committed is answered once a sync succeeds, never before.
   */
  synced(): Promise<void> {
    const batch = this.#committed;
    if (this.#synced >= batch) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#waiters.push({ batch, resolve, reject });
      // A sync under way covers it (nothing commits meanwhile), and so does the next batch's.
      if (!this.#syncing && !this.#scheduled) this.#syncCommitted(() => undefined);
    });
  }

  /**
   * Resolves once every queued write is committed and its sync done. A failed sync was reported to its
   * writers; drain neither throws for it nor starts another (synced() would, and wait for it).
   */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#scheduled || this.#syncing) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.#syncing) await this.synced().catch(() => undefined);
    }
  }

  /** Closes the WAL file this batcher syncs (before the database closes). */
  close(): void {
    if (this.#walFd !== null) closeSync(this.#walFd);
    this.#walFd = null;
  }

  #schedule(): void {
    if (this.#scheduled || this.#syncing || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    const items = this.#queue;
    this.#queue = [];
    let outcomes: Outcome[];
    try {
      if (!this.#db.open) throw new Error('the database is closed');
      outcomes = this.#sync ? this.#commitWithoutSync(items) : this.#batch.immediate(items);
    } catch (error) {
      for (const item of items) item.reject(error);
      // synced() waiters counted on this batch's sync: one still has to settle them.
      if (this.#waiters.length > 0 && !this.#syncing && this.#synced < this.#committed) {
        this.#syncCommitted(() => undefined);
      } else this.#schedule();
      return;
    }
    ++this.#committed;
    const answer = (syncError: Error | null) => {
      items.forEach((item, i) => {
        const outcome = outcomes[i];
        if (syncError) item.reject(syncError);
        else if (!outcome || 'error' in outcome) item.reject(outcome?.error ?? new Error('not written'));
        else item.resolve(outcome.value);
      });
    };
    this.#syncCommitted(answer);
  }

  /**
   * Syncs what is committed, then answers: `answer` (the batch's writers), and the synced() waiters
   * this sync covers, resolved when it succeeded, rejected when it failed (#synced stays behind: the
   * next sync, of the next batch or asked by synced(), tries again).
   */
  #syncCommitted(answer: (syncError: Error | null) => void): void {
    const batch = this.#committed;
    const settle = (syncError: Error | null) => {
      if (!syncError) this.#synced = Math.max(this.#synced, batch);
      answer(syncError);
      const covered = this.#waiters.filter((w) => w.batch <= batch);
      this.#waiters = this.#waiters.filter((w) => w.batch > batch);
      for (const waiter of covered) {
        if (syncError) waiter.reject(syncError);
        else waiter.resolve();
      }
      if (syncError && !(syncError instanceof WalNotOpenedError)) this.#onSyncFailure?.(syncError);
    };
    if (!this.#sync) {
      settle(null);
      return;
    }
    this.#syncing = true;
    this.#sync((error) => {
      this.#syncing = false;
      settle(error);
      this.#schedule();
    });
  }

  /** The batch's transaction with synchronous=NORMAL (no fsync inside), then FULL again for the rest. */
  #commitWithoutSync(items: PendingWrite[]): Outcome[] {
    this.#db.pragma('synchronous = NORMAL');
    try {
      return this.#batch.immediate(items);
    } finally {
      this.#db.pragma('synchronous = FULL');
    }
  }

  #syncWal(done: (error: Error | null) => void): void {
    try {
      // Opened after the first commit (the WAL exists by then); it is the same file until the last
      // connection closes, which happens only after close().
      this.#walFd ??= openSync(`${this.#db.name}-wal`, 'r+');
    } catch (error) {
      // Not a disk that failed to keep written data (too many open files, permissions): the batch is
      // refused and the next one tries again; the owner is not told durability was lost.
      done(new WalNotOpenedError(error));
      return;
    }
    fsync(this.#walFd, done);
  }
}

/** The WAL file could not be opened to sync it: nothing was written to the disk by the attempt. */
export class WalNotOpenedError extends Error {
  constructor(cause: unknown) {
    super(
      `the WAL file could not be opened to sync it: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'WalNotOpenedError';
  }
}

/** A file in WAL mode with synchronous=FULL: its batches are synced by the batcher. */
export function isDurableWal(db: SqliteDatabase): boolean {
  return (
    db.name !== '' &&
    db.name !== ':memory:' &&
    String(db.pragma('journal_mode', { simple: true })) === 'wal' &&
    Number(db.pragma('synchronous', { simple: true })) === FULL
  );
}
