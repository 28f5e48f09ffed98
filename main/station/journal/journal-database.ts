// Opening the journal's SQLite file the one safe way: integrity checked before anything is written,
// durable settings (WAL + synchronous=FULL: a commit survives a power cut), foreign keys on, schema
// migrated. A damaged file is reported and left in place, never replaced: it is evidence.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { JournalCorruptedError } from './journal-errors.ts';
import { MIGRATIONS, migrate, type Migration } from './migrations.ts';

/** How long a statement waits for another connection's lock before failing (ms). */
export const BUSY_TIMEOUT_MS = 5000;

export function openJournalDatabase(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  platform: NodeJS.Platform = process.platform,
): SqliteDatabase {
  const resolved = path.resolve(file);
  mkdirSync(path.dirname(resolved), { recursive: true });
  const db = new Database(resolved, { timeout: BUSY_TIMEOUT_MS });
  try {
    // Checked before anything is written. (Not on a read-only connection: after a crash, reading the
    // WAL needs its index rebuilt, which a read-only connection may not do.)
    checkIntegrity(db, resolved);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // On macOS, fsync() leaves the data in the drive's cache: a commit told "saved" could still be lost
    // at power-off. F_FULLFSYNC flushes it (for commits and for checkpoints).
    if (platform === 'darwin') {
      db.pragma('fullfsync = ON');
      db.pragma('checkpoint_fullfsync = ON');
    }
    db.pragma('foreign_keys = ON');
    // Purged candidates' data is overwritten in place rather than left in free pages.
    db.pragma('secure_delete = FAST');
    migrate(db, resolved, migrations);
    return db;
  } catch (error) {
    db.close();
    throw asDamage(error, resolved);
  }
}

/** PRAGMA quick_check: page structure and record formats (skips the slower index-content comparison). */
function checkIntegrity(db: SqliteDatabase, file: string): void {
  const problems = db.prepare('PRAGMA quick_check').pluck().all().map(String);
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new JournalCorruptedError(file, `quick_check: ${problems.slice(0, 3).join('; ')}`);
  }
}

/** SQLite result codes that mean the bytes on disk are not a sound database. */
const DAMAGE_CODES = /^SQLITE_(NOTADB|CORRUPT)/;

function asDamage(error: unknown, file: string): unknown {
  if (error instanceof Error && 'code' in error && DAMAGE_CODES.test(String(error.code))) {
    return new JournalCorruptedError(file, error.message, { cause: error });
  }
  return error;
}
