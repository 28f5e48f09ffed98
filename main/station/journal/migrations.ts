// The journal's schema, as an ordered list of migrations. PRAGMA user_version holds the number of the
// last one applied; each runs in its own transaction with the version bump, so a crash mid-migration
// leaves the file at the previous version and the migration simply runs again on the next launch.
// Never edit a released migration: append a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { JournalTooNewError } from './journal-errors.ts';

export interface Migration {
  /** 1, 2, 3… in order, no gaps. */
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'tests, package challenges, chained records, answers, outbox, drafts, clock checkpoints',
    sql: `
      -- One row per test taken on this station, from sign-in until purged after acknowledgment.
      CREATE TABLE tests (
        test_id         TEXT PRIMARY KEY,
        session_id      TEXT NOT NULL,
        candidate_id    TEXT NOT NULL,
        station_id      TEXT NOT NULL,
        candidate       TEXT NOT NULL,   -- canonical JSON (PackageCandidate)
        session         TEXT NOT NULL,   -- canonical JSON (PackageSession)
        created_at      INTEGER NOT NULL,
        package         TEXT,            -- canonical JSON (TestPackage)
        package_hash    TEXT,
        bundle          TEXT,            -- the signed result bundle (JWS)
        bundle_hash     TEXT,
        acknowledged_at INTEGER,
        purge_after     INTEGER,
        CHECK ((package IS NULL) = (package_hash IS NULL)),
        CHECK ((bundle IS NULL) = (bundle_hash IS NULL)),
        -- Only a stored result can be acknowledged, and only an acknowledged one expires.
        CHECK (acknowledged_at IS NULL OR bundle IS NOT NULL),
        CHECK ((acknowledged_at IS NULL) = (purge_after IS NULL))
      ) STRICT;
      CREATE INDEX tests_by_creation ON tests (created_at);

      -- The challenges of the stored package: answers and drafts reference them.
      CREATE TABLE challenges (
        test_id      TEXT NOT NULL REFERENCES tests (test_id) ON DELETE CASCADE,
        challenge_id TEXT NOT NULL,
        position     INTEGER NOT NULL,
        PRIMARY KEY (test_id, challenge_id)
      ) STRICT, WITHOUT ROWID;

      -- The hash-chained journal itself.
      CREATE TABLE records (
        test_id    TEXT NOT NULL REFERENCES tests (test_id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL CHECK (seq > 0),
        kind       TEXT NOT NULL,
        payload    TEXT NOT NULL,        -- canonical JSON
        wall_at    INTEGER NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL,
        PRIMARY KEY (test_id, seq)
      ) STRICT, WITHOUT ROWID;

      -- Records are append-only; editing one is a bug (or tampering, which the chain detects).
      CREATE TRIGGER records_are_append_only BEFORE UPDATE ON records
      BEGIN
        SELECT RAISE(ABORT, 'journal records are append-only');
      END;

      -- Nothing is added to a sealed test: the bundle would no longer be the whole journal.
      CREATE TRIGGER records_stop_at_seal BEFORE INSERT ON records
      WHEN (SELECT bundle IS NOT NULL FROM tests WHERE test_id = NEW.test_id)
      BEGIN
        SELECT RAISE(ABORT, 'TEST_SEALED');
      END;

      -- One answer (or skip) per challenge, enforced by the database in the append transaction.
      CREATE TABLE answers (
        test_id      TEXT NOT NULL,
        challenge_id TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        PRIMARY KEY (test_id, seq),
        FOREIGN KEY (test_id, seq) REFERENCES records (test_id, seq) ON DELETE CASCADE,
        FOREIGN KEY (test_id, challenge_id) REFERENCES challenges (test_id, challenge_id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX answers_one_per_challenge ON answers (test_id, challenge_id);

      -- Records not yet stored by the server (live view, recovery on another station).
      CREATE TABLE outbox (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        test_id TEXT NOT NULL,
        seq     INTEGER NOT NULL,
        UNIQUE (test_id, seq),
        FOREIGN KEY (test_id, seq) REFERENCES records (test_id, seq) ON DELETE CASCADE
      ) STRICT;

      -- What the candidate typed before validating: restored after a crash, never chained.
      CREATE TABLE drafts (
        test_id      TEXT NOT NULL,
        challenge_id TEXT NOT NULL,
        value        TEXT NOT NULL,      -- canonical JSON (AnswerValue)
        saved_at     INTEGER NOT NULL,
        PRIMARY KEY (test_id, challenge_id),
        FOREIGN KEY (test_id, challenge_id) REFERENCES challenges (test_id, challenge_id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      -- The exam clock's last checkpoint, so a relaunch charges neither more nor less time.
      CREATE TABLE clock_checkpoints (
        test_id    TEXT PRIMARY KEY REFERENCES tests (test_id) ON DELETE CASCADE,
        elapsed_ms INTEGER NOT NULL,
        wall_at    INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'tests continued on another station: kept as evidence, never resumed, sealed or sent',
    sql: `
      -- A test the candidate continued on another station (the server said so): its journal stays here
      -- for the jury until purge_after, and this station never resumes, seals or sends it.
      CREATE TABLE moved_tests (
        test_id     TEXT PRIMARY KEY REFERENCES tests (test_id) ON DELETE CASCADE,
        moved_at    INTEGER NOT NULL,
        purge_after INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Nothing is added to it any more: the test goes on elsewhere.
      CREATE TRIGGER records_stop_when_moved BEFORE INSERT ON records
      WHEN EXISTS (SELECT 1 FROM moved_tests WHERE test_id = NEW.test_id)
      BEGIN
        SELECT RAISE(ABORT, 'TEST_MOVED');
      END;
    `,
  },
  {
    version: 3,
    description: "the server's refusals of a test's result or records: a verdict, never sent again",
    sql: `
      -- The server refused this test's result bundle or records (a conflict, a chain that does not
      -- verify…): asking again would get the same answer and hold back the other tests, so the station
      -- stops sending it and keeps it here, with the server's words, for the invigilator and support.
      CREATE TABLE server_refusals (
        test_id    TEXT NOT NULL REFERENCES tests (test_id) ON DELETE CASCADE,
        subject    TEXT NOT NULL CHECK (subject IN ('result', 'records')),
        status     INTEGER,
        code       TEXT NOT NULL,
        message    TEXT NOT NULL,
        refused_at INTEGER NOT NULL,
        PRIMARY KEY (test_id, subject)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: "a refused result reported to the server, which marks it for the invigilator's room",
    sql: `
      -- The station tells the server it holds a refused result (a signed request): the server could not
      -- always tell from the upload alone, and the room would say « being sent » for ever. Set once the
      -- server answered for good (it marked the refusal, kept an accepted result, or refused the report,
      -- as an older server without the route does), with its answer in words; until then the report is
      -- sent again, also after a restart. Results refused before this version are reported too.
      ALTER TABLE server_refusals ADD COLUMN reported_at INTEGER;
      ALTER TABLE server_refusals ADD COLUMN report_outcome TEXT;
    `,
  },
  {
    version: 5,
    description: 'a start authorization the station acknowledged and has not used yet',
    sql: `
      -- The invigilator confirmed presence (the command's id) while the candidate still read the
      -- instructions, or while the package download was retried: the station acknowledged it, so the
      -- server never sends it again, and a relaunch must still start on it. Not chained: the started
      -- record names it once used (from then on this column is never read).
      ALTER TABLE tests ADD COLUMN start_authorization TEXT;
    `,
  },
  {
    version: 6,
    description: 'what the server handed over with the records of a resume from another station',
    sql: `
      -- A test resumed here from another station: with the records it replicated, the server handed
      -- over the time left the old station reported in its last heartbeat, at the last of them
      -- (at_seq). Written in the import's transaction and deleted in the one that appends this
      -- station's own testOpened: a relaunch in between still charges the candidate the minutes spent
      -- after that record, and records the rest as downtime. Not chained (the records are the server's).
      CREATE TABLE resume_handovers (
        test_id      TEXT PRIMARY KEY REFERENCES tests (test_id) ON DELETE CASCADE,
        time_left_ms INTEGER CHECK (time_left_ms IS NULL OR time_left_ms >= 0),
        at_seq       INTEGER NOT NULL CHECK (at_seq > 0),
        received_at  INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    description: 'the counts of navigations and lockdown events the journal budget left out',
    sql: `
      -- Navigations and lockdown events left out once the test's journal budget was reached
      -- (runtime/journal-budget.ts), counted per subject ('navigation' or the lockdown event) until
      -- one record says how many, just before ended: that record's append deletes its row, in the same
      -- transaction. Kept here so a relaunch says them all, not only those after it.
      CREATE TABLE omitted_records (
        test_id TEXT NOT NULL REFERENCES tests (test_id) ON DELETE CASCADE,
        subject TEXT NOT NULL,
        count   INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (test_id, subject)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    description: 'the server each test was taken on',
    sql: `
      -- The server the test was created with (its normalized address): its records, result and refusal
      -- report go there only. A server the station was pointed to since does not know the test: it
      -- would answer 404 and the result would be set aside for good. NULL: a test from before this
      -- version, bound by the station services when they next open the journal to the server the
      -- station is enrolled on (tests in flight at the upgrade carry on there).
      ALTER TABLE tests ADD COLUMN server_origin TEXT;
    `,
  },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Brings the file to the latest schema; returns the versions applied (none when already current). */
export function migrate(
  db: SqliteDatabase,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i + 1} is numbered ${m.version}`);
  });
  const readVersion = () => Number(db.pragma('user_version', { simple: true }));
  const latest = latestVersion(migrations);
  const found = readVersion();
  if (found > latest) throw new JournalTooNewError(file, found, latest);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= found) continue;
    // Re-read the version inside an IMMEDIATE transaction: another process may have migrated meanwhile.
    db.transaction(() => {
      if (readVersion() >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}
