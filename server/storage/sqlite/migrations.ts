// The server's schema, as an ordered list of migrations. PRAGMA user_version holds the number of the
// last one applied; each runs in one transaction with its version bump, so a crash mid-migration leaves
// the file at the previous version and the migration runs again on the next start.
// Never edit a released migration: append a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3… in order, no gaps. */
  version: number;
  description: string;
  sql: string;
}

export class DatabaseTooNewError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `${file} is at schema version ${found}, newer than this server knows (${known}): ` +
        'use a newer server, never an older one, on this database',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function migrate(db: SqliteDatabase, file: string, migrations: readonly Migration[]): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const latest = migrations.length;
  if (current > latest) throw new DatabaseTooNewError(file, current, latest);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'centres, accounts, tokens, sessions, candidates, bank, content, stations, tests, records, ' +
      'commands, alerts, events, bundles, incidents, results',
    sql: `
      CREATE TABLE centres (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        bank_version INTEGER NOT NULL DEFAULT 0,   -- bumped by each bank import (cache key)
        created_at   INTEGER NOT NULL
      ) STRICT;

      -- Back-office accounts: administrators (every centre) and referents (one centre).
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE,           -- lower case
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('administrator', 'referent')),
        centre_id     TEXT REFERENCES centres (id),
        password_hash TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        CHECK (role = 'administrator' OR centre_id IS NOT NULL)
      ) STRICT;

      -- Opaque bearer tokens, stored as SHA-256 only: a copy of the database does not log anyone in.
      CREATE TABLE auth_tokens (
        token_hash     TEXT PRIMARY KEY,
        kind           TEXT NOT NULL CHECK (kind IN ('account', 'invigilator')),
        account_id     TEXT REFERENCES accounts (id) ON DELETE CASCADE,
        session_id     TEXT,
        created_at     INTEGER NOT NULL,
        expires_at     INTEGER NOT NULL,             -- sliding
        max_expires_at INTEGER NOT NULL              -- absolute
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX auth_tokens_expiry ON auth_tokens (max_expires_at);

      CREATE TABLE sessions (
        id                   TEXT PRIMARY KEY,
        number               INTEGER NOT NULL UNIQUE,
        centre_id            TEXT NOT NULL REFERENCES centres (id),
        address              TEXT NOT NULL,
        room                 TEXT NOT NULL,
        date                 TEXT NOT NULL,
        time                 TEXT NOT NULL,
        examiner             TEXT NOT NULL,
        description          TEXT NOT NULL DEFAULT '',
        access_code          TEXT NOT NULL,
        invigilator_password TEXT NOT NULL,          -- printed in the session kit, so kept readable
        state                TEXT NOT NULL DEFAULT 'created'
                             CHECK (state IN ('created', 'finalized', 'processed')),
        finalization         TEXT,                   -- JSON, set at finalization
        finalized_at         INTEGER,
        processed_at         INTEGER,
        published_at         INTEGER,
        created_at           INTEGER NOT NULL,
        updated_at           INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_centre ON sessions (centre_id, date);

      CREATE TABLE candidates (
        id                       TEXT PRIMARY KEY,
        session_id               TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        last_name                TEXT NOT NULL,
        first_name               TEXT NOT NULL,
        match_key                TEXT NOT NULL,      -- normalized names (core/session/candidate-name.ts)
        sex                      TEXT NOT NULL CHECK (sex IN ('M', 'F')),
        birthdate                TEXT NOT NULL,
        birth_country            TEXT NOT NULL,
        birth_city               TEXT,
        birth_insee_code         TEXT,
        birth_postal_code        TEXT,
        external_id              TEXT,
        result_email             TEXT,
        extra_time_percentage    INTEGER NOT NULL,
        accessibility_adjustment INTEGER NOT NULL CHECK (accessibility_adjustment IN (0, 1)),
        profile_imported_at      INTEGER,
        created_at               INTEGER NOT NULL,
        updated_at               INTEGER NOT NULL,
        profile                  TEXT                -- JSON (core Profile), null until imported (last: long)
      ) STRICT;
      CREATE INDEX candidates_by_match ON candidates (session_id, match_key, birthdate);

      -- The challenge bank of each centre (with solutions: never sent to a station as is).
      CREATE TABLE challenges (
        centre_id   TEXT NOT NULL REFERENCES centres (id),
        id          TEXT NOT NULL,
        competence  TEXT NOT NULL,
        skill       TEXT NOT NULL,
        type        TEXT NOT NULL,
        status      TEXT NOT NULL,
        body        TEXT NOT NULL,                   -- JSON (core Challenge)
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (centre_id, id)
      ) STRICT, WITHOUT ROWID;

      -- Attachments and illustrations, stored once by the SHA-256 of their bytes.
      CREATE TABLE content (
        hash       TEXT PRIMARY KEY,
        media_type TEXT NOT NULL,
        size       INTEGER NOT NULL,
        stored_at  INTEGER NOT NULL,
        bytes      BLOB NOT NULL
      ) STRICT;

      CREATE TABLE stations (
        id            TEXT PRIMARY KEY,              -- derived from the public key (core/identity)
        centre_id     TEXT NOT NULL REFERENCES centres (id),
        name          TEXT NOT NULL,
        public_key    TEXT NOT NULL,                 -- JWK (JSON)
        machine_id    TEXT NOT NULL,                 -- recorded, never trusted
        enrolled_at   INTEGER NOT NULL,
        revoked_at    INTEGER,
        last_seen_at  INTEGER,
        version       TEXT,                          -- from the self-check (issue 8)
        self_check    TEXT,                          -- JSON of the last self-check
        self_check_at INTEGER
      ) STRICT;
      CREATE INDEX stations_by_centre ON stations (centre_id);

      -- One-time enrollment codes, stored as SHA-256 only.
      CREATE TABLE enrollment_codes (
        code_hash  TEXT PRIMARY KEY,
        centre_id  TEXT NOT NULL REFERENCES centres (id),
        created_by TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at    INTEGER,
        station_id TEXT
      ) STRICT, WITHOUT ROWID;

      -- Nonces of signed station requests, kept for the allowed clock skew (replay protection).
      CREATE TABLE station_nonces (
        station_id TEXT NOT NULL,
        nonce      TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (station_id, nonce)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX station_nonces_expiry ON station_nonces (expires_at);

      -- One certification test per candidate, from the join to the result.
      CREATE TABLE tests (
        id                TEXT PRIMARY KEY,
        session_id        TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        candidate_id      TEXT NOT NULL UNIQUE REFERENCES candidates (id) ON DELETE CASCADE,
        station_id        TEXT NOT NULL REFERENCES stations (id),
        joined_at         INTEGER NOT NULL,
        -- The package, generated at the first authorized start (its content: test_packages).
        package_id        TEXT,
        package_hash      TEXT,
        generated_at      INTEGER,
        -- The invigilator's pending authorization ('start' or 'resume') and the resume request.
        authorization     TEXT CHECK (authorization IN ('start', 'resume')),
        authorization_id  TEXT,
        resume_station_id TEXT,
        resume_requested_at INTEGER,
        -- What the replicated records say (server's reading of the journal).
        stored_through    INTEGER NOT NULL DEFAULT 0,
        last_hash         TEXT,
        started_at        INTEGER,                   -- station wall clock of the first start
        downtime_ms       INTEGER NOT NULL DEFAULT 0,
        answered          INTEGER NOT NULL DEFAULT 0,
        added_ms          INTEGER NOT NULL DEFAULT 0,
        paused_cause      TEXT,
        paused_reason     TEXT,
        ended_reason      TEXT,
        -- What the last heartbeat says.
        phase             TEXT,
        current_index     INTEGER,
        total             INTEGER,
        time_left_ms      INTEGER,
        time_left_at      INTEGER,
        alert_pending     INTEGER NOT NULL DEFAULT 0,
        heartbeat_seq     INTEGER,                   -- the station's last seq when it sent it
        last_heartbeat_at INTEGER,
        clock_offset_ms   INTEGER,
        CHECK ((package_id IS NULL) = (package_hash IS NULL))
      ) STRICT;
      CREATE INDEX tests_by_session ON tests (session_id);
      CREATE INDEX tests_by_station ON tests (station_id);

      -- The large parts of a test, apart so that reading a test row stays cheap: the package as sent,
      -- the generation (seed recorded for audit), the profile and asked challenges (solutions) scored with.
      CREATE TABLE test_packages (
        test_id          TEXT PRIMARY KEY REFERENCES tests (id) ON DELETE CASCADE,
        package          TEXT NOT NULL,              -- JSON (TestPackage)
        generated        TEXT NOT NULL,              -- JSON (core GeneratedTest)
        profile_snapshot TEXT NOT NULL,              -- JSON (Profile)
        bank_snapshot    TEXT NOT NULL               -- JSON (Challenge[], with solutions)
      ) STRICT;

      -- Replicated journal records (the same chain the station keeps).
      CREATE TABLE test_records (
        test_id     TEXT NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL CHECK (seq > 0),
        kind        TEXT NOT NULL,
        hash        TEXT NOT NULL,
        record      TEXT NOT NULL,                   -- JSON (JournalRecord)
        received_at INTEGER NOT NULL,
        PRIMARY KEY (test_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE alerts (
        id              TEXT PRIMARY KEY,
        test_id         TEXT NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
        challenge_id    TEXT NOT NULL,
        question_number INTEGER,
        content         TEXT NOT NULL,               -- JSON: what the question shows (image, attachment…)
        raised_at       INTEGER NOT NULL,            -- station wall clock
        received_at     INTEGER NOT NULL,
        decision        TEXT CHECK (decision IN ('dismissed', 'validated')),
        reason_code     TEXT,
        decided_at      INTEGER,
        command_id      TEXT
      ) STRICT;
      CREATE INDEX alerts_by_test ON alerts (test_id);

      -- Invigilator commands to stations; seq is the SSE event id.
      CREATE TABLE commands (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        id              TEXT NOT NULL UNIQUE,
        session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        test_id         TEXT NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
        station_id      TEXT NOT NULL,
        type            TEXT NOT NULL,
        command         TEXT NOT NULL,               -- JSON (StationCommand)
        issued_at       INTEGER NOT NULL,
        acknowledged_at INTEGER
      ) STRICT;
      CREATE INDEX commands_pending ON commands (station_id, acknowledged_at, seq);
      CREATE INDEX commands_by_test ON commands (test_id, seq);

      -- The invigilator's event stream, kept so that a reconnecting screen misses nothing.
      CREATE TABLE session_events (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL,
        type       TEXT NOT NULL,
        data       TEXT NOT NULL,                    -- JSON
        at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX session_events_by_session ON session_events (session_id, seq);

      -- Accepted result bundles: one per test, stored exactly once.
      -- (Small columns first: the JWS is long, and SQLite reads a row's columns in order.)
      CREATE TABLE bundles (
        test_id        TEXT PRIMARY KEY REFERENCES tests (id) ON DELETE CASCADE,
        bundle_hash    TEXT NOT NULL,
        station_id     TEXT NOT NULL,
        end_reason     TEXT NOT NULL,
        received_at    INTEGER NOT NULL,
        jws            TEXT NOT NULL                 -- the signed bundle as received (its payload: verified)
      ) STRICT;

      CREATE TABLE incident_reports (
        id              TEXT PRIMARY KEY,
        session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        candidate_id    TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        code            TEXT NOT NULL,
        question_number INTEGER,
        description     TEXT NOT NULL,
        created_at      INTEGER NOT NULL,
        created_by      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incident_reports_by_session ON incident_reports (session_id);

      -- Questions the jury neutralized (technical incident on that question).
      CREATE TABLE jury_neutralizations (
        test_id      TEXT NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
        challenge_id TEXT NOT NULL,
        decided_at   INTEGER NOT NULL,
        decided_by   TEXT NOT NULL,
        PRIMARY KEY (test_id, challenge_id)
      ) STRICT, WITHOUT ROWID;

      -- Scored certifications.
      CREATE TABLE results (
        candidate_id      TEXT PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
        session_id        TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        test_id           TEXT NOT NULL,
        status            TEXT NOT NULL,
        pix_score         INTEGER NOT NULL,
        score             TEXT NOT NULL,             -- JSON (core CertificationScore)
        completion        TEXT NOT NULL,             -- JSON (core Completion)
        source            TEXT NOT NULL CHECK (source IN ('bundle', 'records')),
        neutralized       TEXT NOT NULL,             -- JSON: challenge ids
        verification_code TEXT UNIQUE,
        scored_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX results_by_session ON results (session_id);
    `,
  },
  {
    version: 2,
    description: 'accounts can be deactivated (back office, issue 9)',
    sql: `
      -- Set when an administrator deactivates the account: it can no longer log in; history keeps its id.
      ALTER TABLE accounts ADD COLUMN deactivated_at INTEGER;
    `,
  },
  {
    version: 3,
    description: 'replicated records found by kind (a card’s lockdown events) without reading the others',
    sql: `
      -- A test has one record per answer and few of any other kind; the invigilator's card of a candidate
      -- lists its lockdown events on every change (each result received), which read every record of
      -- the test without this index. Holds (kind, test_id, seq): seq is part of the table’s key.
      CREATE INDEX test_records_by_kind ON test_records (kind, test_id);
    `,
  },
  {
    version: 4,
    description: 'stored files belong to the centres that uploaded or cite them, each with its media type',
    sql: `
      -- The bytes stay stored once for every centre, but a centre reads only those it uploaded or its
      -- bank cites, under the media type it gave them: no reading another centre's files, and no
      -- choosing the type they are served with by uploading the same bytes first.
      CREATE TABLE centre_content (
        centre_id  TEXT NOT NULL REFERENCES centres (id),
        hash       TEXT NOT NULL REFERENCES content (hash),
        media_type TEXT NOT NULL,
        at         INTEGER NOT NULL,
        PRIMARY KEY (centre_id, hash)
      ) STRICT, WITHOUT ROWID;
      -- Banks already imported keep their files, under the types their challenges give them.
      INSERT OR IGNORE INTO centre_content (centre_id, hash, media_type, at)
        SELECT c.centre_id, json_extract(a.value, '$.hash'), json_extract(a.value, '$.mediaType'), c.imported_at
        FROM challenges c, json_each(c.body, '$.attachments') a
        WHERE json_extract(a.value, '$.hash') IN (SELECT hash FROM content);
      INSERT OR IGNORE INTO centre_content (centre_id, hash, media_type, at)
        SELECT centre_id, json_extract(body, '$.illustration.hash'), json_extract(body, '$.illustration.mediaType'),
          imported_at
        FROM challenges
        WHERE json_extract(body, '$.illustration.hash') IN (SELECT hash FROM content);
      -- The shared bytes' own type was the first uploader's, whichever centre that was: no longer served.
      UPDATE content SET media_type = 'application/octet-stream';
    `,
  },
  {
    version: 5,
    description: 'a result refused for good is marked on its test, so that the invigilator’s room says so',
    sql: `
      -- A refused bundle is not stored, and its station never sends it again (it keeps it in its
      -- journal): without a mark, the room would say the result is still on its way. Only the code and
      -- the time, and only for a refusal of a bundle the test's own station signed (intake.ts). An
      -- accepted bundle for the test clears them.
      ALTER TABLE tests ADD COLUMN upload_refusal_code TEXT;
      ALTER TABLE tests ADD COLUMN upload_refused_at INTEGER;
    `,
  },
  {
    version: 6,
    description: 'each result keeps the highest level open to certification it was first scored with',
    sql: `
      -- The setting may be raised later: the certificate must still say which levels were open when the
      -- result was scored, and a re-scoring (jury, late signed result) must cap as it did then. Results
      -- scored before were capped by the setting of the day, not recorded: the default one (5), unless a
      -- level they certify shows it was higher.
      ALTER TABLE results ADD COLUMN max_reachable_level INTEGER NOT NULL DEFAULT 5;
      UPDATE results
        SET max_reachable_level = (
          SELECT MAX(json_extract(c.value, '$.level')) FROM json_each(results.score, '$.competences') c
        )
        WHERE (
          SELECT MAX(json_extract(c.value, '$.level')) FROM json_each(results.score, '$.competences') c
        ) > 5;
    `,
  },
  {
    version: 7,
    description: 'the invigilator password can be changed: logins given under the previous one stop working',
    sql: `
      -- The centre's referent changes a session's invigilator password (back office: a leak, or the
      -- school's address blocked by a candidate's wrong guesses). Each change counts up the session's
      -- version; an invigilator login keeps the version it was given under and works only while it is
      -- the session's: the change marks the session's logins expired, and they answer PASSWORD_CHANGED
      -- until purged; a login that checked the old password just before the change may be stored just
      -- after it: its version still ends it.
      -- Account logins keep 0 (unused).
      ALTER TABLE sessions ADD COLUMN invigilator_password_version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE auth_tokens ADD COLUMN password_version INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 8,
    description: 'an invigilator command is issued once per request id: a retry gets the first answer',
    sql: `
      -- The invigilator's screen may send its request id (a UUID per confirmation) with a command or an
      -- alert decision, and sends it again when it retries (the answer was lost). One command per request
      -- id and session: a retry, even after a restart, gets the answer kept with it and issues nothing.
      -- request_key is what was asked (a retry must ask the same); answer is the JSON answer given.
      -- Commands issued before, and those the server issues by itself, have none.
      ALTER TABLE commands ADD COLUMN request_id TEXT;
      ALTER TABLE commands ADD COLUMN request_key TEXT;
      ALTER TABLE commands ADD COLUMN answer TEXT;
      CREATE UNIQUE INDEX commands_by_request ON commands (session_id, request_id)
        WHERE request_id IS NOT NULL;
    `,
  },
  {
    version: 9,
    description: "a test's start is placed on the server's clock by the offset of the station that wrote it",
    sql: `
      -- started_at is the starting station's wall clock; clock_offset_ms is the offset of the station
      -- that holds the test now, another one after a resume elsewhere. The starting station's offset,
      -- as measured when its start was stored, is kept with it. Tests started before: NULL, the last
      -- measured offset stands in (as before).
      ALTER TABLE tests ADD COLUMN started_clock_offset_ms INTEGER;
    `,
  },
  {
    version: 10,
    description:
      "a record's and an alert's times are placed on the server's clock by the writing station's offset",
    sql: `
      -- Like the start (version 9): a record's wall clock (a lockdown event's) and an alert's raised_at
      -- are the writing station's; its offset, as measured when they were replicated, is kept with them.
      -- Stored before: NULL, the last measured offset stands in (as before).
      ALTER TABLE test_records ADD COLUMN clock_offset_ms INTEGER;
      ALTER TABLE alerts ADD COLUMN clock_offset_ms INTEGER;
    `,
  },
  {
    version: 11,
    description:
      "the files each test's package cites, so that its station still gets them after a bank import; " +
      'the tests asking to resume on a station, found without a scan',
    sql: `
      -- A package is a snapshot of the bank when the test was generated; a later import replaces
      -- challenges by id, and with them the files they cite. A station (the test's own, or the one it
      -- resumes on) must still download the files its package cites: the attachment route serves a file
      -- outside the current bank when a package of a test attached to the station cites it. Keyed by
      -- test first: the look-up goes from the station's tests (tests_by_station) to their files.
      CREATE TABLE package_content (
        test_id TEXT NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
        hash    TEXT NOT NULL,
        PRIMARY KEY (test_id, hash)
      ) STRICT, WITHOUT ROWID;
      -- Packages generated before: their attachments and illustrations.
      INSERT OR IGNORE INTO package_content (test_id, hash)
        SELECT p.test_id, json_extract(a.value, '$.hash')
        FROM test_packages p, json_each(p.package, '$.challenges') c, json_each(c.value, '$.attachments') a
        WHERE json_extract(a.value, '$.hash') IS NOT NULL;
      INSERT OR IGNORE INTO package_content (test_id, hash)
        SELECT p.test_id, json_extract(c.value, '$.illustration.hash')
        FROM test_packages p, json_each(p.package, '$.challenges') c
        WHERE json_extract(c.value, '$.illustration.hash') IS NOT NULL;
      -- The centre's list of stations says, for each, which tests revoking it would cut off: those on
      -- it (tests_by_station) and those asking to resume on it (few rows have one at any time).
      CREATE INDEX tests_by_resume_station ON tests (resume_station_id) WHERE resume_station_id IS NOT NULL;
    `,
  },
  {
    version: 12,
    description:
      'an enrollment code may be issued to enroll again one revoked station, and then enrolls only it',
    sql: `
      -- A revoked station is enrolled again only with a code issued for it, from its row in the back
      -- office: any other code of the centre (one handed to IT for new machines) no longer re-activates a
      -- revoked key (a stolen laptop), and a code issued for a station enrolls no other key. NULL: a code
      -- for a new station (all codes issued before).
      ALTER TABLE enrollment_codes ADD COLUMN for_station_id TEXT;
    `,
  },
  {
    version: 13,
    description: 'the browsers that logged in to a target stay known across a restart',
    sql: `
      -- A browser that logged in to a target (a session's invigilator screen, an account) holds a random
      -- device secret in a cookie (auth/known-devices.ts): its login attempts there are counted on their
      -- own, not with its address's. Kept here so that a restart (a deployment on exam day) does not
      -- block the invigilator's laptop behind the school's address again. One row per device and
      -- target; the secret is stored as SHA-256 only (a copy of the database lets no browser pass).
      -- expires_at: 30 days after the last successful login there (rows past it are deleted at each
      -- write). seen: the order of the device's last successful login at any target, the same on all its
      -- rows (larger is later): the least recently seen are forgotten first, beyond 20 devices at a
      -- target or 10 000 overall. Written on the fast connection (a login's device, like a nonce, may
      -- be lost to a power cut: the browser is then one that never logged in).
      CREATE TABLE known_devices (
        device_hash TEXT NOT NULL,
        target      TEXT NOT NULL,                   -- 'session:<number>' or 'email:<address>'
        expires_at  INTEGER NOT NULL,
        seen        INTEGER NOT NULL,
        PRIMARY KEY (device_hash, target)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX known_devices_by_target ON known_devices (target);
      CREATE INDEX known_devices_expiry ON known_devices (expires_at);
    `,
  },
  {
    version: 14,
    description:
      "the jury's decisions on a candidate after the start: identity corrections (C1) and cancellations",
    sql: `
      -- Each decision kept as it was taken, never edited: who (an administrator's account), when, why.
      -- kind 'identity': a name or birthdate corrected after the start (C1), when the referent can no
      -- longer edit the candidate; detail holds the identity before and after (JSON), the candidate row
      -- holds the current one (its certificate and the public check read it). kind 'cancel' and
      -- 'uncancel': the certification cancelled (C6 fraud, or another ground the jury states), or that
      -- undone; the latest of the two decides (detail '{}'). seq orders decisions taken the same
      -- millisecond.
      CREATE TABLE jury_decisions (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        candidate_id TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('identity', 'cancel', 'uncancel')),
        detail       TEXT NOT NULL,                  -- JSON
        reason       TEXT NOT NULL,
        decided_at   INTEGER NOT NULL,
        decided_by   TEXT NOT NULL REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX jury_decisions_by_candidate ON jury_decisions (candidate_id, seq);
    `,
  },
  {
    version: 15,
    description: 'results e-mailed at publication to the address each candidate gave for them',
    sql: `
      -- The outbox: one message per session and result address (a teacher's address may be given for a
      -- whole class), written with the publication, sent after it by the mailer, retried with a delay
      -- after a failure, so that a mail server down at publication delays the mails and loses none.
      -- state: 'pending' (to send at next_attempt_at), 'sent', 'failed' (given up: the back office says
      -- so and can send it again). candidate_ids: JSON array, in the message's order. last_error never
      -- holds a credential (the mailer's own words, the SMTP address without its password);
      -- last_error_kind says what failed, for the back office to word it (mail/smtp-failure.ts).
      CREATE TABLE result_emails (
        id              TEXT PRIMARY KEY,
        session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        recipient       TEXT NOT NULL,
        candidate_ids   TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_error      TEXT,
        last_error_kind TEXT CHECK (last_error_kind IN
                          ('unreachable', 'authentication', 'rejected', 'refused', 'temporary', 'content', 'other')),
        sent_at         INTEGER,
        created_at      INTEGER NOT NULL,
        UNIQUE (session_id, recipient)
      ) STRICT;
      CREATE INDEX result_emails_due ON result_emails (next_attempt_at) WHERE state = 'pending';
    `,
  },
  {
    version: 16,
    description: 'result e-mails updating a published result: one per change, beside the publication’s',
    sql: `
      -- A change of a candidate's result after publication (a jury's decision, a late signed result
      -- re-scored) queues an update to that candidate's result address, written in the change's
      -- transaction. A table of its own rather than the publication's row queued again: that row keeps
      -- saying when the first message went (UNIQUE (session_id, recipient) allows one per address), and
      -- each update keeps its own state, attempts and failure, as the mailer records them there too.
      -- cause: why it was queued (the back office and the message say so); cause_key: the change it
      -- belongs to (the jury decision's id, the result written), so that no change queues two.
      CREATE TABLE result_email_updates (
        id              TEXT PRIMARY KEY,
        session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        candidate_id    TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        recipient       TEXT NOT NULL,
        cause           TEXT NOT NULL CHECK (cause IN
                          ('cancelled', 'restored', 'identityCorrected', 'resultAdded', 'resultChanged')),
        cause_key       TEXT NOT NULL UNIQUE,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_error      TEXT,
        last_error_kind TEXT CHECK (last_error_kind IN
                          ('unreachable', 'authentication', 'rejected', 'refused', 'temporary', 'content', 'other')),
        sent_at         INTEGER,
        created_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX result_email_updates_due ON result_email_updates (next_attempt_at) WHERE state = 'pending';
      CREATE INDEX result_email_updates_by_session ON result_email_updates (session_id, recipient);
    `,
  },
  {
    version: 17,
    description: 'a result update not sent yet carries the later changes of its candidate: one message',
    sql: `
      -- Two changes in a row for one candidate (a late result scored, then the identity corrected) made
      -- two messages, the second explaining the first. Now a change finding an update to the same
      -- candidate and address still waiting, never sent and not being sent, is merged into it. Each
      -- change an update carries is a row here, in the order they came (seq): its cause, for the
      -- message and the back office to say, and its key, so that no change is queued twice, merged or
      -- not. The updates queued before are their own first change (result_email_updates.cause and
      -- cause_key keep the first one's).
      CREATE TABLE result_email_update_causes (
        seq       INTEGER PRIMARY KEY,
        update_id TEXT NOT NULL REFERENCES result_email_updates (id) ON DELETE CASCADE,
        cause     TEXT NOT NULL CHECK (cause IN
                    ('cancelled', 'restored', 'identityCorrected', 'resultAdded', 'resultChanged')),
        cause_key TEXT NOT NULL UNIQUE,
        queued_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX result_email_update_causes_by_update ON result_email_update_causes (update_id, seq);
      INSERT INTO result_email_update_causes (update_id, cause, cause_key, queued_at)
        SELECT id, cause, cause_key, created_at FROM result_email_updates ORDER BY created_at, id;
      -- When the mailer took the row to send it (written as it reads it, in one transaction, only if
      -- no one holds it; cleared with the attempt's outcome, or once older than any send: a send cut by
      -- a stop or a kill, freed when a server opens the file and at each mailer round). A change never
      -- merges into a message being written or sent (it would be recorded sent without it), nor leaves
      -- the publication's to carry it: it gets its own update, held back until that message goes, or
      -- folded back into it if that message goes back unsent.
      ALTER TABLE result_emails ADD COLUMN sending_since INTEGER;
      ALTER TABLE result_email_updates ADD COLUMN sending_since INTEGER;
    `,
  },
  {
    version: 18,
    description: 'the stored files are found by hash among the references: deleting uncited ones stays quick',
    sql: `
      -- Files no centre references and no package cites are deleted after each bank import and at start
      -- (server/content/content-sweep.ts). Both tables are keyed by their owner first; without these,
      -- each deleted file had the foreign key's check read every centre's references (a national server
      -- holds hundreds of thousands), and the sweep read the package list once per stored file.
      CREATE INDEX centre_content_by_hash ON centre_content (hash);
      CREATE INDEX package_content_by_hash ON package_content (hash);
    `,
  },
  {
    version: 19,
    description: 'the last heartbeat says how much added time its time left counts',
    sql: `
      -- Stored with time_left_ms, as the station sent them together: the room says time added is
      -- confirmed once the station's time left counts it (renderer/invigilator/room/time-left.ts).
      -- NULL: not said (an older station, or a time left stored before this column).
      ALTER TABLE tests ADD COLUMN time_left_added_ms INTEGER;
    `,
  },
  {
    version: 20,
    description: 'an acknowledged command keeps what the station did with it',
    sql: `
      -- What the station said it did (applied, pending: held for later, ignored); NULL when it did not
      -- say (an older station, or acknowledged before this column): then only the test's records tell
      -- whether it started (room-view.ts wentAhead). Rises to applied when records prove it.
      ALTER TABLE commands ADD COLUMN ack_outcome TEXT
        CHECK (ack_outcome IN ('applied', 'pending', 'ignored'));
    `,
  },
  {
    version: 21,
    description:
      'each test package keeps the bank its test was drawn from, so that it can be regenerated for audit',
    sql: `
      -- A bank import changes the centre's bank in place: the seed and profile alone no longer give the
      -- same test. What generation read from the bank (server/exam/generation-bank.ts: the operative
      -- challenges' ids by skill and competence) is kept once per distinct content, under its SHA-256:
      -- every test drawn from one bank state points at the same row.
      CREATE TABLE generation_banks (
        hash      TEXT PRIMARY KEY,
        content   TEXT NOT NULL,                     -- canonical JSON; its SHA-256 is the hash
        stored_at INTEGER NOT NULL
      ) STRICT;
      -- NULL: generated before this migration (the bank it was drawn from was not kept).
      ALTER TABLE test_packages ADD COLUMN generation_bank TEXT REFERENCES generation_banks (hash);
    `,
  },
];
