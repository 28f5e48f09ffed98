// When the journal's WAL is copied back into the main file. SQLite's default does it inside the commit
// that crosses 1,000 WAL pages, so one answer in a few dozen waited for two extra fsyncs: that commit,
// not the median, set the p99 of "Valider". Here the copy runs right after an answer is committed,
// once the event loop is free (the candidate is reading the next question), and the WAL, emptied,
// is then rewritten in place (no file growth to sync). SQLite's own checkpoint stays as a backstop at
// a much larger size, for a journal that never gets an idle moment.
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** SQLite's automatic checkpoint, kept only as a backstop (pages of 4 KiB: 16 MiB of WAL). */
export const WAL_BACKSTOP_PAGES = 4096;

export class IdleCheckpoint {
  readonly #db: SqliteDatabase;
  #pending: NodeJS.Immediate | null = null;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  }

  /** Asks for a checkpoint as soon as the current work is done (several requests make one). */
  request(): void {
    if (this.#pending) return;
    this.#pending = setImmediate(() => {
      this.#pending = null;
      this.run();
    });
    // A pending checkpoint never keeps a process alive: SQLite checkpoints on close anyway.
    this.#pending.unref();
  }

  /**
   * PASSIVE: copies what no reader still needs and never waits for a lock, so a reader in another
   * connection (the self-check, a test) cannot make it block; what it leaves is copied next time.
   */
  run(): void {
    if (this.#db.open) this.#db.pragma('wal_checkpoint(PASSIVE)');
  }

  cancel(): void {
    if (this.#pending) clearImmediate(this.#pending);
    this.#pending = null;
  }
}
