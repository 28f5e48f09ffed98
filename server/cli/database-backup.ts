// `npm run server -- backup --to FILE`: a consistent copy of the server's database while the server
// runs. The database is in WAL mode: the latest writes may still be in its -wal file, so copying the
// .sqlite file alone (cp) can give a copy that lacks them or is torn mid-write. SQLite's online backup
// API (better-sqlite3's db.backup) copies every page as one read transaction sees them: the server
// keeps writing meanwhile (WAL readers never block the writer). The copy is then made a single
// self-contained file (journal_mode DELETE: no -wal beside it) and checked.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** How long the backup waits for a write lock held by the server (ms). */
const BUSY_TIMEOUT_MS = 5000;

/** A refusal with a message for the operator (exit code 2: nothing was done). */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusal';
  }
}

export interface BackupOutcome {
  target: string;
  bytes: number;
  /** PRAGMA user_version of the copy: the number of migrations applied. */
  schemaVersion: number;
}

export async function backupDatabase(source: string, target: string): Promise<BackupOutcome> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!existsSync(from)) {
    throw new BackupRefusal(
      `no database at ${from}: name it with --db, or its folder with --data-dir (PIX_DATA_DIR)`,
    );
  }
  if (to === from) throw new BackupRefusal('--to must name another file than the database itself');
  if (existsSync(to)) {
    throw new BackupRefusal(
      `${to} already exists: a backup never overwrites a file; choose a new name (with the date, for instance)`,
    );
  }
  if (!existsSync(path.dirname(to))) {
    throw new BackupRefusal(`the folder ${path.dirname(to)} does not exist: create it first`);
  }
  const db = new Database(from, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    // All pages in one step: one read transaction, so the copy never restarts because the server wrote.
    await db.backup(to, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(to, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const copy = new Database(to, { fileMustExist: true });
  let checked: { target: string; bytes: number; schemaVersion: number };
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy ${to} failed its integrity check: ${String(check)}`);
    const schemaVersion = Number(copy.pragma('user_version', { simple: true }));
    const bytes =
      Number(copy.pragma('page_count', { simple: true })) *
      Number(copy.pragma('page_size', { simple: true }));
    checked = { target: to, bytes, schemaVersion };
  } catch (error) {
    // A copy that failed its check is not left where someone could restore it (or retry into it).
    copy.close();
    rmSync(to, { force: true });
    throw error;
  }
  copy.close();
  return checked;
}

/**
 * The schema version (migrations applied) of an existing database, read before the server opens it,
 * so that the start log can say how many migrations this start applied: 0 when there is no file yet,
 * null when it cannot be read (opening it for real then says why).
 */
export function readSchemaVersion(file: string): number | null {
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return Number(db.pragma('user_version', { simple: true }));
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
