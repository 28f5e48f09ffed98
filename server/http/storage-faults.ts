// SQLite's failures that come from the disk or the database file, not from the request: a full disk, a
// database locked too long by another program, an I/O error, a read-only or damaged file. The request
// is answered 503 with a code of its own and Retry-After (stations keep what they send and try again,
// the screens say what happened), never an anonymous 500. Nothing was stored: SQLite rolled back the
// statement, or the whole transaction (write-batcher.ts fails its whole batch then); only a route that
// made several store calls keeps those that succeeded before the fault, as on any error. IT gets one
// log line per kind of fault a minute at most, with the count of requests refused meanwhile, so that a
// full disk under thirty stations' heartbeats does not flood the log.
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from './api-error.ts';

export type StorageFaultKind = 'full' | 'busy' | 'ioError' | 'readOnly' | 'corrupt' | 'cantOpen' | 'noMemory';

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
const WRITE_LOST_CODES: ReadonlySet<string> = new Set([
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_FSYNC',
  'SQLITE_IOERR_DIR_FSYNC',
]);

export interface StorageFault {
  kind: StorageFaultKind;
  /** SQLite's extended code (better-sqlite3's SqliteError.code). */
  sqliteCode: string;
  /** The disk may not hold what SQLite wrote: the server stops. */
  writeLost: boolean;
}

/** The storage fault behind `error`, or null when it is not one (a constraint, a bug: a 500). */
export function storageFaultOf(error: unknown): StorageFault | null {
  if (!(error instanceof Database.SqliteError) || typeof error.code !== 'string') return null;
  const primary = /^SQLITE_[A-Z]+/.exec(error.code)?.[0];
  const kind = primary === undefined ? undefined : KINDS[primary];
  if (kind === undefined) return null;
  return { kind, sqliteCode: error.code, writeLost: WRITE_LOST_CODES.has(error.code) };
}

/** Seconds the client is asked to wait: a lock passes in seconds, a full or failing disk needs someone. */
export const STORAGE_RETRY_AFTER_S: Readonly<Record<'full' | 'busy' | 'unavailable', number>> = {
  full: 60,
  busy: 5,
  unavailable: 30,
};

/** The answer: English for logs and developers; the screens word it from the code. */
export function storageFaultAnswer(kind: StorageFaultKind): ApiError {
  if (kind === 'full') {
    return new ApiError(
      503,
      'STORAGE_FULL',
      "the server's disk is full: nothing was stored. Try again later; the server's IT staff must free space on its disk",
      { 'retry-after': String(STORAGE_RETRY_AFTER_S.full) },
    );
  }
  if (kind === 'busy') {
    return new ApiError(
      503,
      'STORAGE_BUSY',
      "the server's database is busy: nothing was stored. Try again in a few seconds",
      { 'retry-after': String(STORAGE_RETRY_AFTER_S.busy) },
    );
  }
  return new ApiError(
    503,
    'STORAGE_UNAVAILABLE',
    "the server cannot use its database right now: nothing was stored. Try again later; tell the server's IT staff if it lasts",
    { 'retry-after': String(STORAGE_RETRY_AFTER_S.unavailable) },
  );
}

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

/** Where the lines go (the server's log). */
export interface StorageFaultLog {
  error(fields: object, message: string): void;
  fatal(fields: object, message: string): void;
}

export interface StorageFaultsOptions {
  log: StorageFaultLog;
  /** The SQLite file: only its folder is logged. */
  databaseFile: string;
  now: () => number;
  /** At most one line per kind of fault in this time (default a minute). */
  logIntervalMs?: number;
  /** The disk may not hold what was written (WRITE_LOST_CODES): the server stops (server/main.ts). */
  onDurabilityLost?: (error: Error) => void;
}

/** The request a fault was met in, as logged: never its body, headers or query. */
export interface FaultedRequest {
  method: string;
  /** The route's pattern (/api/station/tests/:testId/result), not the address asked. */
  route: string;
}

export class StorageFaults {
  readonly #log: StorageFaultLog;
  readonly #folder: string;
  readonly #now: () => number;
  readonly #intervalMs: number;
  readonly #onDurabilityLost: ((error: Error) => void) | undefined;
  /** Per kind: when its last line was written, and the faults met since, not yet in a line. */
  readonly #lines = new Map<StorageFaultKind, { at: number; refused: number }>();
  #durabilityLost = false;

  constructor(options: StorageFaultsOptions) {
    this.#log = options.log;
    this.#folder = path.dirname(path.resolve(options.databaseFile));
    this.#now = options.now;
    this.#intervalMs = options.logIntervalMs ?? 60_000;
    this.#onDurabilityLost = options.onDurabilityLost;
  }

  /** The 503 for `error` when it is a storage fault (logged, and the server stopped if need be), else null. */
  answer(error: unknown, request: FaultedRequest): ApiError | null {
    const fault = storageFaultOf(error);
    if (!fault) return null;
    const answer = storageFaultAnswer(fault.kind);
    this.#note(fault, error, `${request.method} ${request.route}`, answer.code);
    return answer;
  }

  /**
   * A background task's failure (the presence flush every 5 s, the purge): true when it is a storage
   * fault, logged like the requests' (a failing disk would otherwise add a line every 5 s); false when
   * it is not, for the caller to log.
   */
  noteTask(error: unknown, task: string): boolean {
    const fault = storageFaultOf(error);
    if (!fault) return false;
    this.#note(fault, error, task, storageFaultAnswer(fault.kind).code);
    return true;
  }

  #note(fault: StorageFault, error: unknown, during: string, code: string): void {
    const { kind, sqliteCode } = fault;
    const fields = {
      storageFault: kind,
      sqliteCode,
      sqliteMessage: error instanceof Error ? error.message : String(error),
      databaseFolder: this.#folder,
      answered: `503 ${code}`,
      during,
    };
    if (fault.writeLost && !this.#durabilityLost) {
      this.#durabilityLost = true;
      this.#lines.set(kind, { at: this.#now(), refused: 0 });
      this.#log.fatal(
        fields,
        `storage fault: the disk holding the database (${this.#folder}) failed to keep data the server wrote (${sqliteCode}): ` +
          'the server stops so that a restart reads what the disk really holds; the stations send again what was not acknowledged',
      );
      this.#onDurabilityLost?.(error as Error);
      return;
    }
    const now = this.#now();
    const last = this.#lines.get(kind);
    if (last && now - last.at < this.#intervalMs) {
      last.refused += 1;
      return;
    }
    const refusedMeanwhile = last?.refused ?? 0;
    this.#lines.set(kind, { at: now, refused: 0 });
    this.#log.error(
      { ...fields, refusedMeanwhile },
      `storage fault: ${describe(kind, this.#folder)} (${sqliteCode}); requests that need the database are answered 503 ${code}, nothing stored` +
        (refusedMeanwhile > 0 ? `; ${refusedMeanwhile} more since the last such line` : ''),
    );
  }
}
