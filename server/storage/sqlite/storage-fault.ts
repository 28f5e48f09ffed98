// Which SQLite errors are storage faults (repositories.ts: StorageFault): a full disk, a database locked
// too long by another program, an I/O error, a read-only or damaged file. They come from the disk or the
// database file, not from the request; the rest (a constraint, an SQL error, a bug) are not. What IT is
// told about each is said here, in SQLite's terms; the answer and the log's rhythm are the HTTP layer's
// (http/storage-faults.ts).
import Database from 'better-sqlite3';
import type { StorageFault, StorageFaultKind } from '../repositories.ts';

/** By SQLite's primary result code (the extended code starts with it: SQLITE_IOERR_FSYNC). */
const KINDS: Readonly<Record<string, StorageFaultKind>> = {
  SQLITE_FULL: 'full',
  SQLITE_BUSY: 'busy',
  SQLITE_IOERR: 'ioError',
  SQLITE_READONLY: 'readOnly',
  SQLITE_CORRUPT: 'corrupt',
  SQLITE_NOTADB: 'corrupt',
  SQLITE_CANTOPEN: 'cantOpen',
  SQLITE_NOMEM: 'noMemory',
};

/**
 * The extended codes that say the disk failed to take data SQLite wrote. They stop the server, as a
 * failed sync of the batcher does (WriteBatcherOptions.onSyncFailure), for the same reason and one more:
 * after such an error Linux may have dropped the pages it could not write while marking them clean, so
 * SQLite's cache holds rows the disk may not; and WAL recovery at the next start stops at the first frame
 * whose checksum chain breaks, so a page lost in the middle of the WAL would take every later commit
 * with it, acknowledged or not. Going on would acknowledge results that a restart may lose; stopping now
 * loses only what was never acknowledged, which the stations still hold and send again. The other errors
 * change nothing on the disk and may pass: a read error, a lock or shared-memory error, a full disk
 * (write() refused with ENOSPC keeps nothing in the kernel's cache) are answered 503 and the server goes on.
 */
const DURABILITY_LOST_CODES: ReadonlySet<string> = new Set([
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_FSYNC',
  'SQLITE_IOERR_DIR_FSYNC',
]);

/** What IT reads, by kind: what happened and where to look (`folder`: the database's folder). */
function describe(kind: StorageFaultKind, folder: string): string {
  switch (kind) {
    case 'full':
      return `the disk holding the database (${folder}) is full: free space on it`;
    case 'busy':
      return `the database (${folder}) stayed locked by another program or connection past the busy timeout (a backup, an sqlite3 shell?)`;
    case 'ioError':
      return `the disk holding the database (${folder}) failed a read or a write: check the disk and the system log`;
    case 'readOnly':
      return `the database (${folder}) cannot be written: read-only file, folder or file system (remounted read-only after errors?), or the file was moved or deleted`;
    case 'corrupt':
      return `the database file in ${folder} is damaged: stop the server and restore the last backup`;
    case 'cantOpen':
      return `a database file in ${folder} cannot be opened: permissions, a missing folder, or too many open files`;
    case 'noMemory':
      return 'the server ran out of memory while using its database';
  }
}

/**
 * The storage fault behind `error`, or null when it is not one (a constraint, a bug: a 500). Only
 * better-sqlite3's own errors count: an error that merely carries a SQLite-like code is not SQLite's.
 * `folder`: the database's folder, all IT is shown of where the database is.
 */
export function sqliteStorageFault(error: unknown, folder: string): StorageFault | null {
  if (!(error instanceof Database.SqliteError) || typeof error.code !== 'string') return null;
  const primary = /^SQLITE_[A-Z]+/.exec(error.code)?.[0];
  const kind = primary === undefined ? undefined : KINDS[primary];
  if (kind === undefined) return null;
  return {
    kind,
    code: error.code,
    durabilityLost: DURABILITY_LOST_CODES.has(error.code),
    where: folder,
    description: describe(kind, folder),
    // Under the names docs/it gives them (IT's queries use them).
    logFields: { sqliteCode: error.code, sqliteMessage: error.message, databaseFolder: folder },
  };
}
