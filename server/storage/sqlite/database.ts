// Opening the server's SQLite file: WAL so that readers never wait for the writer, synchronous=FULL on
// the main connection so that an acknowledged result survives a power cut, foreign keys on, schema
// migrated. A second connection with synchronous=NORMAL takes the high-rate, low-value writes (request
// nonces): they survive a crash of the process, and losing the last ones to a power cut is harmless.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { MIGRATIONS, migrate, type Migration } from './migrations.ts';

/** How long a statement waits for the other connection's write lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5000;

export interface ServerDatabases {
  /** Durable writes: everything that matters. */
  main: SqliteDatabase;
  /** Fast writes: nonces. */
  fast: SqliteDatabase;
  close(): void;
}

export function openServerDatabases(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): ServerDatabases {
  const resolved = path.resolve(file);
  mkdirSync(path.dirname(resolved), { recursive: true });
  const main = new Database(resolved, { timeout: BUSY_TIMEOUT_MS });
  try {
    main.pragma('journal_mode = WAL');
    main.pragma('synchronous = FULL');
    main.pragma('foreign_keys = ON');
    migrate(main, resolved, migrations);
  } catch (error) {
    main.close();
    throw error;
  }
  const fast = new Database(resolved, { timeout: BUSY_TIMEOUT_MS });
  fast.pragma('synchronous = NORMAL');
  fast.pragma('foreign_keys = ON');
  return {
    main,
    fast,
    close() {
      fast.close();
      main.close();
    },
  };
}
