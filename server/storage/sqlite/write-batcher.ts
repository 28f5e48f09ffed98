// Group commit for the writes that come by the hundred per second (result bundles, room events): every
// write queued while the current turn of the event loop runs joins one batch, committed in one
// transaction. Each write is its own savepoint: one failure does not undo the others. Each write is
// answered only once its batch is on disk, so what is acknowledged survives a power cut.
//
// On a durable connection (WAL, synchronous=FULL) the batch commits with synchronous=NORMAL, which
// writes the WAL without the fsync, and the WAL file is then fsynced on libuv's thread pool before
// anyone is answered: the same bytes reach the disk in the same order as with FULL (FULL's only
// difference in WAL mode is that fsync, run inside the commit), but the event loop does not wait for
// the disk (~0.7 ms per fsync here, the largest cost of an upload on the main thread). While one fsync
// runs, new writes queue up and commit together after it: one fsync per batch, batches that grow with
// the load.
import { closeSync, fsync, openSync } from 'node:fs';
import type { Database as SqliteDatabase } from 'better-sqlite3';

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
}

/** SQLite's synchronous=FULL. */
const FULL = 2;

export class WriteBatcher {
  readonly #db: SqliteDatabase;
  readonly #batch: (items: PendingWrite[]) => Outcome[];
  /** Null: each commit is as durable as the connection makes it (no separate sync). */
  readonly #sync: FileSync | null;
  #walFd: number | null = null;
  #queue: PendingWrite[] = [];
  #scheduled = false;
  #syncing = false;
  /** Batches committed, and those whose sync completed (synced() waits for the one it saw). */
  #committed = 0;
  #synced = 0;
  #waiters: { batch: number; resolve: () => void }[] = [];

  constructor(db: SqliteDatabase, options: WriteBatcherOptions = {}) {
    this.#db = db;
    const one = db.transaction((item: PendingWrite) => item.work());
    this.#batch = db.transaction((items: PendingWrite[]) =>
      items.map((item) => {
        try {
          return { value: one(item) };
        } catch (error) {
          return { error };
        }
      }),
    );
    const durable = options.durable ?? (isDurableWal(db) ? {} : false);
    this.#sync = durable === false ? null : (durable.sync ?? ((done) => this.#syncWal(done)));
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** Resolves once every write committed so far is on disk (for answers read back from the database). */
  synced(): Promise<void> {
    const batch = this.#committed;
    if (this.#synced >= batch) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ batch, resolve }));
  }

  /** Resolves once every queued write is committed and on disk. */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#scheduled || this.#syncing) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await this.synced();
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
      outcomes = this.#sync ? this.#commitWithoutSync(items) : this.#batch(items);
    } catch (error) {
      for (const item of items) item.reject(error);
      this.#schedule();
      return;
    }
    const batch = ++this.#committed;
    const answer = (syncError: Error | null) => {
      items.forEach((item, i) => {
        const outcome = outcomes[i];
        if (syncError) item.reject(syncError);
        else if (!outcome || 'error' in outcome) item.reject(outcome?.error ?? new Error('not written'));
        else item.resolve(outcome.value);
      });
      this.#synced = batch;
      const ready = this.#waiters.filter((w) => w.batch <= batch);
      this.#waiters = this.#waiters.filter((w) => w.batch > batch);
      for (const waiter of ready) waiter.resolve();
    };
    if (!this.#sync) {
      answer(null);
      return;
    }
    this.#syncing = true;
    this.#sync((error) => {
      this.#syncing = false;
      answer(error);
      this.#schedule();
    });
  }

  /** The batch's transaction with synchronous=NORMAL (no fsync inside), then FULL again for the rest. */
  #commitWithoutSync(items: PendingWrite[]): Outcome[] {
    this.#db.pragma('synchronous = NORMAL');
    try {
      return this.#batch(items);
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
      done(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    fsync(this.#walFd, done);
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
