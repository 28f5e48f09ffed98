// The SQLite backend of the storage seam (better-sqlite3: synchronous, in-process). Each method is
// one statement or one transaction; result bundles and room events are written by group commit (see
// write-batcher.ts) so that many concurrent uploads share one fsync.
import path from 'node:path';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { Challenge } from '../../../core/challenge/challenge.ts';
import { ResultBundlePayloadSchema } from '../../../core/bundle/result-bundle.ts';
import { STATION_MISSING_MS } from '../../../core/exam/station-presence.ts';
import type { JournalRecord, RecordKind } from '../../../core/journal/journal-record.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import type {
  AccountRepository,
  AlertRepository,
  BankRepository,
  BundleOutcome,
  BundleRepository,
  CandidateRepository,
  CentreRepository,
  CommandRepository,
  ContentRepository,
  EnrollOutcome,
  GeneratedPackage,
  IncidentRepository,
  JuryDecisionRepository,
  JournalState,
  KnownDeviceRepository,
  ResultEmailPlan,
  ResultEmailRepository,
  ResultEmailUpdatePlan,
  ResultRepository,
  ResumeRequest,
  RejoinOutcome,
  RevokeOutcome,
  SessionEventRepository,
  SessionRepository,
  StationRepository,
  StationTestInUse,
  StorageFault,
  Store,
  StoredBundle,
  StoredCommand,
  StoredContent,
  StoredKnownDevice,
  StoredResult,
  TestRepository,
  TokenRepository,
} from '../repositories.ts';
import {
  ConcurrentChangeError,
  DuplicateError,
  ENDED_INVIGILATOR_LOGIN_KEPT_MS,
  SHARED_CONTENT_TYPE,
  SWEEP_BATCH_BYTES,
} from '../repositories.ts';
import { openServerDatabases, type ServerDatabases } from './database.ts';
import {
  accountFromRow,
  alertFromRow,
  candidateFromRow,
  commandFromRow,
  incidentFromRow,
  json,
  num,
  numOrNull,
  resultFromRow,
  sessionFromRow,
  stationFromRow,
  str,
  testFromRow,
  type Row,
} from './rows.ts';
import { WriteBatcher } from './write-batcher.ts';
import { sqliteStorageFault } from './storage-fault.ts';
import { resultEmailQueuer, resultEmailUpdateQueuer, resultEmails } from './result-email-store.ts';
import {
  juryCancelledAtOf,
  juryCancelledAtSql,
  juryDecisions,
  withJuryCancellation,
} from './jury-decisions.ts';
import { isJuryCancelled } from '../../../core/scoring/jury-cancellation.ts';

/**
 * `now`: the server's clock, for what depends on the time (which tests are running on a live station).
 * `onDurabilityLost`: a sync of the durable writes failed (see WriteBatcherOptions.onSyncFailure).
 */
export function openSqliteStore(
  file: string,
  now: () => number = Date.now,
  options: { onDurabilityLost?: (error: Error) => void } = {},
): Store {
  const dbs = openServerDatabases(file);
  return new SqliteStore(dbs, path.dirname(path.resolve(file)), now, options.onDurabilityLost);
}

const TEST_COLUMNS = `t.id, t.session_id, t.candidate_id, t.station_id, t.joined_at, t.package_id, t.package_hash,
  t.generated_at, t.authorization, t.authorization_id, t.resume_station_id, t.resume_requested_at,
  t.stored_through, t.last_hash, t.started_at, t.started_clock_offset_ms, t.downtime_ms, t.answered, t.added_ms, t.paused_cause, t.paused_reason,
  t.ended_reason, t.phase, t.current_index, t.total, t.time_left_ms, t.time_left_at, t.time_left_added_ms, t.alert_pending,
  t.heartbeat_seq, t.last_heartbeat_at, t.clock_offset_ms, t.upload_refusal_code, t.upload_refused_at,
  (SELECT b.received_at FROM bundles b WHERE b.test_id = t.id) AS bundle_received_at`;
// A scalar subquery, not a LEFT JOIN: same row (one bundle per test at most), but the join made one
// test's lookup cost ~100 µs instead of ~10 µs once its 30 KB bundle was stored (intake reads the
// test twice per upload).
const TEST_FROM = `FROM tests t`;

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Statements with an `IN (…)` list, prepared once per list length (a room asks for 1 or ~30 tests). */
function inList(db: SqliteDatabase, sql: (list: string) => string, pluck = false) {
  const cache = new Map<number, Statement>();
  return (count: number): Statement => {
    let statement = cache.get(count);
    if (!statement) {
      statement = db.prepare(sql(placeholders(count)));
      if (pluck) statement.pluck();
      if (cache.size < 64) cache.set(count, statement);
    }
    return statement;
  };
}

class SqliteStore implements Store {
  readonly #dbs: ServerDatabases;
  /** The database's folder: what IT is shown of where it is (storage-fault.ts). */
  readonly #folder: string;
  readonly #writer: WriteBatcher;
  readonly #fastWriter: WriteBatcher;
  readonly centres: CentreRepository;
  readonly accounts: AccountRepository;
  readonly tokens: TokenRepository;
  readonly knownDevices: KnownDeviceRepository;
  readonly sessions: SessionRepository;
  readonly candidates: CandidateRepository;
  readonly bank: BankRepository;
  readonly content: ContentRepository;
  readonly stations: StationRepository;
  readonly tests: TestRepository;
  readonly alerts: AlertRepository;
  readonly commands: CommandRepository;
  readonly events: SessionEventRepository;
  readonly bundles: BundleRepository;
  readonly incidents: IncidentRepository;
  readonly results: ResultRepository;
  readonly resultEmails: ResultEmailRepository;
  readonly juryDecisions: JuryDecisionRepository;

  constructor(
    dbs: ServerDatabases,
    folder: string,
    now: () => number,
    onDurabilityLost?: (error: Error) => void,
  ) {
    this.#dbs = dbs;
    this.#folder = folder;
    const db = dbs.main;
    this.#writer = new WriteBatcher(db, onDurabilityLost ? { onSyncFailure: onDurabilityLost } : {});
    // Nonces, room events and known devices: synchronous=NORMAL, no sync of their own (see database.ts).
    this.#fastWriter = new WriteBatcher(dbs.fast, { durable: false });
    this.centres = centres(db);
    this.accounts = accounts(db);
    this.tokens = tokens(db);
    this.knownDevices = knownDevices(dbs.fast, this.#fastWriter);
    this.sessions = sessions(db, now);
    this.candidates = candidates(db);
    this.bank = bank(db);
    this.content = content(db);
    this.stations = stations(db, dbs.fast, this.#fastWriter);
    this.tests = tests(db);
    this.alerts = alerts(db);
    this.commands = commands(db);
    this.events = events(dbs.fast, this.#fastWriter);
    this.bundles = bundles(db, this.#writer);
    this.incidents = incidents(db);
    this.results = results(db);
    this.resultEmails = resultEmails(db, now);
    this.juryDecisions = juryDecisions(db);
  }

  faultOf(error: unknown): StorageFault | null {
    return sqliteStorageFault(error, this.#folder);
  }

  async close(): Promise<void> {
    await this.#writer.drain();
    await this.#fastWriter.drain();
    this.#writer.close();
    this.#dbs.close();
  }
}

// ------------------------------------------------------------------ centres, accounts, tokens

function centres(db: SqliteDatabase): CentreRepository {
  const insert = db.prepare('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?)');
  const get = db.prepare('SELECT * FROM centres WHERE id = ?');
  const list = db.prepare('SELECT * FROM centres ORDER BY name, id');
  const toCentre = (r: Row) => ({
    id: str(r.id),
    name: str(r.name),
    bankVersion: num(r.bank_version),
    createdAt: num(r.created_at),
  });
  return {
    async create(centre) {
      insert.run(centre.id, centre.name, centre.createdAt);
      return { ...centre, bankVersion: 0 };
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? toCentre(row) : null;
    },
    async list() {
      return (list.all() as Row[]).map(toCentre);
    },
  };
}

function accounts(db: SqliteDatabase): AccountRepository {
  const insert = db.prepare(
    `INSERT INTO accounts (id, email, display_name, role, centre_id, password_hash, created_at)
     VALUES (@id, @email, @displayName, @role, @centreId, @passwordHash, @createdAt)`,
  );
  const get = db.prepare('SELECT * FROM accounts WHERE id = ?');
  const byEmail = db.prepare('SELECT * FROM accounts WHERE email = ?');
  const listAll = db.prepare('SELECT * FROM accounts ORDER BY email');
  const listCentre = db.prepare('SELECT * FROM accounts WHERE centre_id = ? ORDER BY email');
  const count = db.prepare('SELECT COUNT(*) FROM accounts').pluck();
  const setPassword = db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?');
  const setDeactivatedAt = db.prepare('UPDATE accounts SET deactivated_at = ? WHERE id = ?');
  return {
    async create(account) {
      try {
        insert.run(account);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError('email');
        throw error;
      }
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? accountFromRow(row) : null;
    },
    async findByEmail(email) {
      const row = byEmail.get(email) as Row | undefined;
      return row ? accountFromRow(row) : null;
    },
    async list(centreId) {
      return ((centreId === null ? listAll.all() : listCentre.all(centreId)) as Row[]).map(accountFromRow);
    },
    async count() {
      return num(count.get());
    },
    async setPassword(id, passwordHash) {
      setPassword.run(passwordHash, id);
    },
    async setDeactivatedAt(id, at) {
      setDeactivatedAt.run(at, id);
    },
  };
}

function tokens(db: SqliteDatabase): TokenRepository {
  const insert = db.prepare(
    `INSERT INTO auth_tokens (token_hash, kind, account_id, session_id, created_at, expires_at, max_expires_at,
       password_version)
     VALUES (@tokenHash, @kind, @accountId, @sessionId, @createdAt, @expiresAt, @maxExpiresAt, @passwordVersion)`,
  );
  const find = db.prepare('SELECT * FROM auth_tokens WHERE token_hash = ?');
  const extend = db.prepare('UPDATE auth_tokens SET expires_at = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM auth_tokens WHERE token_hash = ?');
  const removeByAccount = db.prepare('DELETE FROM auth_tokens WHERE account_id = ? AND token_hash <> ?');
  // Invigilator logins stay ENDED_INVIGILATOR_LOGIN_KEPT_MS past their maximum: their screens are told
  // why they ended (repositories.ts).
  const expired = db.prepare(
    `DELETE FROM auth_tokens WHERE (kind <> 'invigilator' AND (expires_at <= @now OR max_expires_at <= @now))
       OR max_expires_at <= @now - @kept`,
  );
  return {
    async create(token) {
      insert.run({ ...token, passwordVersion: token.passwordVersion ?? 0 });
    },
    async find(tokenHash) {
      const r = find.get(tokenHash) as Row | undefined;
      if (!r) return null;
      return {
        tokenHash: str(r.token_hash),
        kind: str(r.kind) as 'account' | 'invigilator',
        accountId: r.account_id === null ? null : str(r.account_id),
        sessionId: r.session_id === null ? null : str(r.session_id),
        createdAt: num(r.created_at),
        expiresAt: num(r.expires_at),
        maxExpiresAt: num(r.max_expires_at),
        passwordVersion: num(r.password_version),
      };
    },
    async extend(tokenHash, expiresAt) {
      extend.run(expiresAt, tokenHash);
    },
    async delete(tokenHash) {
      remove.run(tokenHash);
    },
    async deleteByAccount(accountId, keep = '') {
      return removeByAccount.run(accountId, keep).changes;
    },
    async deleteExpired(now) {
      return expired.run({ now, kept: ENDED_INVIGILATOR_LOGIN_KEPT_MS }).changes;
    },
  };
}

/**
 * The browsers that logged in (auth/known-devices.ts), on the fast connection through its batcher: a
 * login does not wait for an fsync, and losing the last device written to a power cut only makes that
 * browser log in as a new one (like a nonce). The batcher commits in the order of the calls, each call
 * in one transaction, which the repository promises (KnownDevices does not wait for its writes).
 */
function knownDevices(fast: SqliteDatabase, fastWriter: WriteBatcher): KnownDeviceRepository {
  const expired = fast.prepare('DELETE FROM known_devices WHERE expires_at <= ?');
  const live = fast.prepare(
    'SELECT device_hash, target, expires_at, seen FROM known_devices WHERE expires_at > ? ORDER BY seen, device_hash',
  );
  const upsert = fast.prepare(
    `INSERT INTO known_devices (device_hash, target, expires_at, seen) VALUES (@deviceHash, @target, @expiresAt, @seen)
     ON CONFLICT (device_hash, target) DO UPDATE SET expires_at = excluded.expires_at`,
  );
  const setSeen = fast.prepare('UPDATE known_devices SET seen = ? WHERE device_hash = ?');
  const forgetOne = fast.prepare('DELETE FROM known_devices WHERE device_hash = ? AND target = ?');
  const forgetDevice = fast.prepare('DELETE FROM known_devices WHERE device_hash = ?');
  const forgetTarget = fast.prepare('DELETE FROM known_devices WHERE target = ?');
  return {
    load(now) {
      return fastWriter.run(() => {
        expired.run(now);
        const devices = new Map<string, StoredKnownDevice>();
        for (const r of live.all(now) as Row[]) {
          const deviceHash = str(r.device_hash);
          let device = devices.get(deviceHash);
          if (!device) {
            device = { deviceHash, targets: [], seen: num(r.seen) };
            devices.set(deviceHash, device);
          }
          device.targets.push({ target: str(r.target), expiresAt: num(r.expires_at) });
        }
        return [...devices.values()];
      });
    },
    remember(login, forgotten, now) {
      return fastWriter.run(() => {
        expired.run(now);
        for (const f of forgotten) {
          if (f.target === null) forgetDevice.run(f.deviceHash);
          else forgetOne.run(f.deviceHash, f.target);
        }
        upsert.run(login);
        setSeen.run(login.seen, login.deviceHash);
      });
    },
    async forget(target) {
      await fastWriter.run(() => forgetTarget.run(target));
    },
  };
}

// ------------------------------------------------------------------ sessions and candidates

/**
 * Stations' last-seen times reach the disk every 5 s (live/presence.ts): a station is taken as gone
 * once silent that much longer than the room's limit.
 */
const RUNNING_SINCE_MS = STATION_MISSING_MS + 5_000;

function sessions(db: SqliteDatabase, now: () => number): SessionRepository {
  const nextNumber = db.prepare('SELECT COALESCE(MAX(number), 1000) + 1 FROM sessions').pluck();
  const insert = db.prepare(
    `INSERT INTO sessions (id, number, centre_id, address, room, date, time, examiner, description,
       access_code, invigilator_password, state, created_at, updated_at)
     VALUES (@id, @number, @centreId, @address, @room, @date, @time, @examiner, @description,
       @accessCode, @invigilatorPassword, @state, @createdAt, @updatedAt)`,
  );
  const get = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const byNumber = db.prepare('SELECT * FROM sessions WHERE number = ?');
  const listByCentre = db.prepare(
    `SELECT s.*,
       (SELECT COUNT(*) FROM candidates c WHERE c.session_id = s.id) AS n_candidates,
       (SELECT COUNT(*) FROM tests t WHERE t.session_id = s.id) AS n_joined,
       (SELECT COUNT(*) FROM tests t WHERE t.session_id = s.id AND t.package_id IS NOT NULL) AS n_started,
       (SELECT COUNT(*) FROM bundles b JOIN tests t ON t.id = b.test_id WHERE t.session_id = s.id) AS n_results,
       (SELECT COUNT(*) FROM tests t WHERE t.session_id = s.id AND t.upload_refused_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.test_id = t.id)) AS n_refused,
       (SELECT COUNT(*) FROM tests t WHERE t.session_id = s.id AND t.ended_reason IS NULL
          AND COALESCE(t.phase, '') NOT IN ('ended', 'sealed', 'uploaded')
          AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.test_id = t.id) AND t.upload_refused_at IS NULL
          AND MAX(COALESCE(t.last_heartbeat_at, 0), COALESCE((SELECT MAX(st.last_seen_at) FROM stations st
                WHERE st.id IN (t.station_id, t.resume_station_id)), 0)) >= @since) AS n_running
     FROM sessions s WHERE s.centre_id = @centreId ORDER BY s.date DESC, s.time DESC, s.number DESC`,
  );
  const update = db.prepare(
    `UPDATE sessions SET address = @address, room = @room, date = @date, time = @time,
       examiner = @examiner, description = @description, updated_at = @at
     WHERE id = @id AND state = 'created'`,
  );
  const remove = db.prepare(
    // Not once a candidate joined at a station (their test row exists): the station and the room know
    // the session, and the deletion would take the candidate's test with it.
    `DELETE FROM sessions WHERE id = ? AND state = 'created'
       AND NOT EXISTS (SELECT 1 FROM tests WHERE session_id = ?)`,
  );
  const finalize = db.prepare(
    `UPDATE sessions SET state = 'processed', finalization = ?, finalized_at = ?, processed_at = ?,
       updated_at = ? WHERE id = ? AND state = 'created'`,
  );
  const insertResult = resultInserter(db);
  const publish = db.prepare(
    `UPDATE sessions SET published_at = ?, updated_at = ? WHERE id = ? AND state = 'processed'
       AND published_at IS NULL`,
  );
  const setInvigilatorPassword = db.prepare(
    `UPDATE sessions SET invigilator_password = ?, invigilator_password_version = invigilator_password_version + 1,
       updated_at = ? WHERE id = ?`,
  );
  const invigilatorTokens = db
    .prepare("SELECT token_hash FROM auth_tokens WHERE kind = 'invigilator' AND session_id = ?")
    .pluck();
  // Ended, not deleted: the screens still holding them are told the password changed (the version
  // alone would refuse them; the expiry is a second lock).
  const endInvigilatorTokens = db.prepare(
    "UPDATE auth_tokens SET expires_at = MIN(expires_at, ?) WHERE kind = 'invigilator' AND session_id = ?",
  );
  const changeInvigilatorPassword = db.transaction(
    (id: string, password: string, at: number): { endedTokenHashes: string[] } | null => {
      if (setInvigilatorPassword.run(password, at, id).changes !== 1) return null;
      const endedTokenHashes = (invigilatorTokens.all(id) as unknown[]).map(str);
      endInvigilatorTokens.run(at, id);
      return { endedTokenHashes };
    },
  );
  const create = db.transaction((row: Record<string, unknown>) => {
    const number = num(nextNumber.get());
    insert.run({ ...row, number });
    return number;
  });
  const queueResultEmails = resultEmailQueuer(db);
  const publishAll = db.transaction((id: string, at: number, plan: ResultEmailPlan | undefined) => {
    if (publish.run(at, at, id).changes !== 1) return false;
    if (plan) queueResultEmails(id, at, plan);
    return true;
  });
  const finalizeAll = db.transaction(
    (id: string, finalization: string, results: StoredResult[], at: number): boolean => {
      if (finalize.run(finalization, at, at, at, id).changes !== 1) return false;
      for (const result of results) insertResult(result);
      return true;
    },
  );
  return {
    async create(session) {
      const number = create(session as unknown as Record<string, unknown>);
      return {
        ...session,
        number,
        invigilatorPasswordVersion: 0,
        finalization: null,
        finalizedAt: null,
        processedAt: null,
        publishedAt: null,
      };
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? sessionFromRow(row) : null;
    },
    async getByNumber(number) {
      const row = byNumber.get(number) as Row | undefined;
      return row ? sessionFromRow(row) : null;
    },
    async listByCentre(centreId) {
      const since = now() - RUNNING_SINCE_MS;
      return (listByCentre.all({ centreId, since }) as Row[]).map((r) => ({
        ...sessionFromRow(r),
        counts: {
          candidates: num(r.n_candidates),
          joined: num(r.n_joined),
          started: num(r.n_started),
          resultsReceived: num(r.n_results),
          resultsRefused: num(r.n_refused),
          running: num(r.n_running),
        },
      }));
    },
    async update(id, details, at) {
      return update.run({ ...details, id, at }).changes === 1;
    },
    async delete(id) {
      return remove.run(id, id).changes === 1;
    },
    async finalize(id, finalization, results, at) {
      return finalizeAll(id, JSON.stringify(finalization), results, at);
    },
    async publish(id, at, resultEmails) {
      return publishAll(id, at, resultEmails);
    },
    async changeInvigilatorPassword(id, password, at) {
      return changeInvigilatorPassword(id, password, at);
    },
  };
}

function resultInserter(db: SqliteDatabase): (result: StoredResult) => void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO results (candidate_id, session_id, test_id, status, pix_score, score, completion,
       source, neutralized, verification_code, scored_at, max_reachable_level)
     VALUES (@candidateId, @sessionId, @testId, @status, @pixScore, @score, @completion, @source,
       @neutralized, @verificationCode, @scoredAt, @maxReachableLevel)`,
  );
  return (result) => {
    // Written as scored: the jury's cancellation is read on top of it (jury-decisions.ts), never stored
    // in its place (an undo must find the score under it).
    if (isJuryCancelled(result.score))
      throw new Error(`result ${result.candidateId}: the jury's cancellation is not a score to store`);
    try {
      insert.run({
        candidateId: result.candidateId,
        sessionId: result.sessionId,
        testId: result.testId,
        status: result.score.status,
        pixScore: result.score.pixScore,
        score: JSON.stringify(result.score),
        completion: JSON.stringify(result.completion),
        source: result.source,
        neutralized: JSON.stringify(result.neutralized),
        verificationCode: result.verificationCode,
        scoredAt: result.scoredAt,
        maxReachableLevel: result.maxReachableLevel,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateError('verificationCode');
      throw error;
    }
  };
}

function candidates(db: SqliteDatabase): CandidateRepository {
  const insert = db.prepare(
    `INSERT INTO candidates (id, session_id, last_name, first_name, match_key, sex, birthdate, birth_country,
       birth_city, birth_insee_code, birth_postal_code, external_id, result_email, extra_time_percentage,
       accessibility_adjustment, profile, profile_imported_at, created_at, updated_at)
     VALUES (@id, @sessionId, @lastName, @firstName, @matchKey, @sex, @birthdate, @birthCountry,
       @birthCity, @birthInseeCode, @birthPostalCode, @externalId, @resultEmail, @extraTimePercentage,
       @accessibilityAdjustment, @profile, @profileImportedAt, @createdAt, @updatedAt)`,
  );
  const get = db.prepare('SELECT * FROM candidates WHERE id = ?');
  const bySession = db.prepare(
    'SELECT * FROM candidates WHERE session_id = ? ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id',
  );
  const byMatch = db.prepare(
    'SELECT * FROM candidates WHERE session_id = ? AND match_key = ? AND birthdate = ?',
  );
  const notStarted = `NOT EXISTS (SELECT 1 FROM tests WHERE candidate_id = @id AND package_id IS NOT NULL)`;
  const update = db.prepare(
    `UPDATE candidates SET last_name = @lastName, first_name = @firstName, match_key = @matchKey, sex = @sex,
       birthdate = @birthdate, birth_country = @birthCountry, birth_city = @birthCity,
       birth_insee_code = @birthInseeCode, birth_postal_code = @birthPostalCode, external_id = @externalId,
       result_email = @resultEmail, extra_time_percentage = @extraTimePercentage,
       accessibility_adjustment = @accessibilityAdjustment, updated_at = @at
     WHERE id = @id AND ${notStarted}`,
  );
  // Not once joined: the test row (and the room's card) would go with the candidate.
  const remove = db.prepare(
    'DELETE FROM candidates WHERE id = @id AND NOT EXISTS (SELECT 1 FROM tests WHERE candidate_id = @id)',
  );
  const setProfile = db.prepare(
    'UPDATE candidates SET profile = ?, profile_imported_at = ?, updated_at = ? WHERE id = ?',
  );
  const createAll = db.transaction((rows: Record<string, unknown>[]) => {
    for (const row of rows) insert.run(row);
  });
  const setProfiles = db.transaction((entries: { candidateId: string; profile: unknown }[], at: number) => {
    for (const entry of entries) setProfile.run(JSON.stringify(entry.profile), at, at, entry.candidateId);
  });
  return {
    async create(list) {
      createAll(
        list.map((c) => ({
          ...c,
          accessibilityAdjustment: c.accessibilityAdjustment ? 1 : 0,
          profile: c.profile === null ? null : JSON.stringify(c.profile),
        })),
      );
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? candidateFromRow(row) : null;
    },
    async listBySession(sessionId) {
      return (bySession.all(sessionId) as Row[]).map(candidateFromRow);
    },
    async findByMatch(sessionId, matchKey, birthdate) {
      return (byMatch.all(sessionId, matchKey, birthdate) as Row[]).map(candidateFromRow);
    },
    async update(id, fields, matchKey, at) {
      const params = {
        ...fields,
        accessibilityAdjustment: fields.accessibilityAdjustment ? 1 : 0,
        matchKey,
        id,
        at,
      };
      return update.run(params).changes === 1;
    },
    async delete(id) {
      return remove.run({ id }).changes === 1;
    },
    async setProfiles(entries, at) {
      setProfiles(entries, at);
    },
  };
}

// ------------------------------------------------------------------ bank and content

function bank(db: SqliteDatabase): BankRepository {
  const upsert = db.prepare(
    `INSERT INTO challenges (centre_id, id, competence, skill, type, status, body, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (centre_id, id) DO UPDATE SET competence = excluded.competence, skill = excluded.skill,
       type = excluded.type, status = excluded.status, body = excluded.body, imported_at = excluded.imported_at`,
  );
  const bump = db.prepare('UPDATE centres SET bank_version = bank_version + 1 WHERE id = ?');
  const list = db.prepare('SELECT body FROM challenges WHERE centre_id = ? ORDER BY id').pluck();
  const importAll = db.transaction((centreId: string, challenges: Challenge[], at: number) => {
    for (const c of challenges) {
      upsert.run(centreId, c.id, c.competence, c.skill, c.type, c.status, JSON.stringify(c), at);
    }
    bump.run(centreId);
  });
  return {
    async importChallenges(centreId, challenges, at) {
      importAll(centreId, challenges, at);
    },
    async list(centreId) {
      return (list.all(centreId) as unknown[]).map((body) => json<Challenge>(body));
    },
  };
}

function content(db: SqliteDatabase): ContentRepository {
  // The bytes' own media_type column is legacy: the type is the referencing centre's.
  const insert = db.prepare(
    'INSERT OR IGNORE INTO content (hash, media_type, size, bytes, stored_at) VALUES (?, ?, ?, ?, ?)',
  );
  const refer = db.prepare(
    `INSERT INTO centre_content (centre_id, hash, media_type, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (centre_id, hash) DO UPDATE SET media_type = excluded.media_type, at = excluded.at`,
  );
  const get = db.prepare('SELECT * FROM content WHERE hash = ?');
  const getForCentre = db.prepare(
    `SELECT c.hash, r.media_type, c.size, c.bytes FROM centre_content r JOIN content c ON c.hash = r.hash
     WHERE r.centre_id = ? AND r.hash = ?`,
  );
  const has = db.prepare('SELECT 1 FROM centre_content WHERE centre_id = ? AND hash = ?').pluck();
  const centreFiles = db.prepare(
    `SELECT r.hash, c.size, r.at FROM centre_content r JOIN content c ON c.hash = r.hash WHERE r.centre_id = ?`,
  );
  const forgetOne = db.prepare('DELETE FROM centre_content WHERE centre_id = ? AND hash = ?');
  const forgetAll = db.transaction((centreId: string, hashes: readonly string[]) => {
    for (const hash of hashes) forgetOne.run(centreId, hash);
  });
  const referAll = db.transaction(
    (centreId: string, refs: readonly { hash: string; mediaType: string }[], at: number) => {
      for (const r of refs) refer.run(centreId, r.hash, r.mediaType, at);
    },
  );
  // The bytes and their reference in one transaction: a sweep never finds them unreferenced in between.
  const putOne = db.transaction((centreId: string, c: StoredContent, at: number) => {
    insert.run(c.hash, SHARED_CONTENT_TYPE, c.size, c.bytes, at);
    refer.run(centreId, c.hash, c.mediaType, at);
  });
  // One statement, so one transaction: a put (above) is wholly before it or after it, and the write
  // batcher's transactions on this connection run whole between the event loop's turns, never during
  // it. Each stored file is looked up in both lists by their hash indexes (migration 18), which also
  // serve the foreign key's check of each deleted file. The freed pages join the file's free list and the next writes
  // reuse them: the file stops growing but does not shrink. No PRAGMA incremental_vacuum: it only acts
  // when auto_vacuum is INCREMENTAL, and the server's databases have SQLite's default, NONE (database.ts
  // sets none); switching needs a VACUUM of the whole file, never run at start (IT may run one offline).
  const sweepUncited = db
    .prepare(
      `DELETE FROM content WHERE hash IN (
         SELECT hash FROM (
           SELECT hash, SUM(size) OVER (ORDER BY hash ROWS UNBOUNDED PRECEDING) - size AS before
           FROM content c
           WHERE NOT EXISTS (SELECT 1 FROM centre_content r WHERE r.hash = c.hash)
             AND NOT EXISTS (SELECT 1 FROM package_content p WHERE p.hash = c.hash)
         ) WHERE before < ?
       )
       RETURNING size`,
    )
    .pluck();
  const row = (r: Row, mediaType: string): StoredContent => ({
    hash: str(r.hash),
    mediaType,
    size: num(r.size),
    bytes: r.bytes as Buffer,
  });
  return {
    async put(centreId, c, at) {
      putOne(centreId, c, at);
    },
    async reference(centreId, refs, at) {
      referAll(centreId, refs, at);
    },
    async get(hash) {
      const r = get.get(hash) as Row | undefined;
      return r ? row(r, SHARED_CONTENT_TYPE) : null;
    },
    async getForCentre(centreId, hash) {
      const r = getForCentre.get(centreId, hash) as Row | undefined;
      return r ? row(r, str(r.media_type)) : null;
    },
    async missing(centreId, hashes) {
      return [...new Set(hashes)].filter((hash) => has.get(centreId, hash) === undefined);
    },
    async centreFiles(centreId) {
      return (centreFiles.all(centreId) as Row[]).map((r) => ({
        hash: str(r.hash),
        size: num(r.size),
        at: num(r.at),
      }));
    },
    async forget(centreId, hashes) {
      forgetAll(centreId, hashes);
    },
    async sweepUncited(batchBytes = SWEEP_BATCH_BYTES) {
      const sizes = sweepUncited.all(batchBytes) as unknown[];
      return { files: sizes.length, bytes: sizes.reduce<number>((sum, size) => sum + num(size), 0) };
    },
  };
}

// ------------------------------------------------------------------ stations

function stations(db: SqliteDatabase, fast: SqliteDatabase, fastWriter: WriteBatcher): StationRepository {
  const insertCode = db.prepare(
    `INSERT INTO enrollment_codes (code_hash, centre_id, created_by, created_at, expires_at, for_station_id)
     VALUES (@codeHash, @centreId, @createdBy, @createdAt, @expiresAt, @forStationId)`,
  );
  const getCode = db.prepare('SELECT * FROM enrollment_codes WHERE code_hash = ?');
  const useCode = db.prepare(
    'UPDATE enrollment_codes SET used_at = ?, station_id = ? WHERE code_hash = ? AND used_at IS NULL',
  );
  const get = db.prepare('SELECT * FROM stations WHERE id = ?');
  const insertStation = db.prepare(
    `INSERT INTO stations (id, centre_id, name, public_key, machine_id, enrolled_at)
     VALUES (@id, @centreId, @name, @publicKey, @machineId, @enrolledAt)`,
  );
  const byCentre = db.prepare('SELECT * FROM stations WHERE centre_id = ? ORDER BY name, id');
  // A revoked station enrolled again with a code issued for it: the same key, so the same row, active
  // again under the name it gives now (its unsent signed results are then accepted again). Never in
  // another centre: its tests, packages and results stay those of its own.
  const reactivate = db.prepare(
    `UPDATE stations SET revoked_at = NULL, name = @name, machine_id = @machineId, enrolled_at = @enrolledAt
     WHERE id = @id AND revoked_at IS NOT NULL AND centre_id = @centreId`,
  );
  const revoke = db.prepare('UPDATE stations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  // The tests a revocation would cut off: on the station (or asking to resume there), with no signed
  // result stored or refused, and either started (a result is awaited, even after finalization) or
  // waiting to start in a session still open. By the station's index, then the resume column (few rows
  // have one: a scan that a revocation, a rare action, can afford).
  const inUse = db.prepare(
    `SELECT t.id AS test_id, t.candidate_id, c.last_name, c.first_name, s.id AS session_id, s.number,
       s.state, t.package_id, t.ended_reason, t.phase
     FROM tests t JOIN candidates c ON c.id = t.candidate_id JOIN sessions s ON s.id = t.session_id
     WHERE t.id IN (SELECT id FROM tests WHERE station_id = @id
                    UNION SELECT id FROM tests WHERE resume_station_id = @id)
       AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.test_id = t.id) AND t.upload_refused_at IS NULL
       AND (t.package_id IS NOT NULL OR s.state = 'created')
     ORDER BY s.number, c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE`,
  );
  const selfCheck = db.prepare(
    'UPDATE stations SET version = ?, self_check = ?, self_check_at = ? WHERE id = ?',
  );
  const lastSeen = db.prepare(
    'UPDATE stations SET last_seen_at = MAX(COALESCE(last_seen_at, 0), ?) WHERE id = ?',
  );
  const nonce = fast.prepare(
    'INSERT OR IGNORE INTO station_nonces (station_id, nonce, expires_at) VALUES (?, ?, ?)',
  );
  const purge = fast.prepare('DELETE FROM station_nonces WHERE expires_at <= ?');
  const enroll = db.transaction(
    (codeHash: string, station: Record<string, unknown>, now: number): EnrollOutcome => {
      const code = getCode.get(codeHash) as Row | undefined;
      if (!code) return { ok: false, problem: 'CODE_UNKNOWN' };
      const centreId = str(code.centre_id);
      const existing = get.get(station.id) as Row | undefined;
      if (code.used_at !== null) {
        // The same station again (its first answer was lost): the same success, while it is active in
        // the code's centre. Revoked since, it is not enrolled: the used code does not say it is.
        const same =
          code.station_id === station.id &&
          existing !== undefined &&
          existing.revoked_at === null &&
          existing.centre_id === centreId;
        return same ? { ok: true, centreId, reactivated: false } : { ok: false, problem: 'CODE_USED' };
      }
      if (num(code.expires_at) <= now) return { ok: false, problem: 'CODE_EXPIRED' };
      const forStation = code.for_station_id;
      // Issued to enroll again one revoked station: no other key (a new machine included).
      if (forStation !== null && forStation !== station.id) {
        return { ok: false, problem: 'CODE_FOR_ANOTHER_STATION' };
      }
      if (existing) {
        if (existing.revoked_at === null) return { ok: false, problem: 'ALREADY_ENROLLED' };
        if (existing.centre_id !== centreId) return { ok: false, problem: 'OTHER_CENTRE' };
        if (forStation !== station.id) return { ok: false, problem: 'REVOKED_NEEDS_ITS_CODE' };
        useCode.run(now, station.id, codeHash);
        reactivate.run({ ...station, centreId });
        return { ok: true, centreId, reactivated: true };
      }
      useCode.run(now, station.id, codeHash);
      insertStation.run({ ...station, centreId });
      return { ok: true, centreId, reactivated: false };
    },
  );
  const inUseOf = (id: string): StationTestInUse[] =>
    (inUse.all({ id }) as Row[]).map((r) => ({
      testId: str(r.test_id),
      candidateId: str(r.candidate_id),
      lastName: str(r.last_name),
      firstName: str(r.first_name),
      sessionId: str(r.session_id),
      sessionNumber: num(r.number),
      running:
        str(r.state) === 'created' &&
        r.ended_reason === null &&
        !['ended', 'sealed', 'uploaded'].includes(r.phase === null ? '' : str(r.phase)),
    }));
  // What the referent was shown and what is in use now, read and acted on in one write transaction: a
  // test that joins the station meanwhile waits for the commit, then finds it revoked.
  const revokeConfirmed = db.transaction(
    (id: string, confirmed: readonly string[], at: number): RevokeOutcome => {
      const tests = inUseOf(id);
      const seen = new Set(confirmed);
      if (tests.some((t) => !seen.has(t.testId))) return { ok: false, inUse: tests };
      return { ok: true, revoked: revoke.run(at, id).changes === 1, inUse: tests };
    },
  );
  const setLastSeen = db.transaction((entries: { stationId: string; at: number }[]) => {
    for (const e of entries) lastSeen.run(e.at, e.stationId);
  });
  return {
    async createEnrollmentCode(code) {
      insertCode.run(code);
    },
    async enroll(codeHash, station, now) {
      return enroll(codeHash, { ...station, publicKey: JSON.stringify(station.publicKey) }, now);
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? stationFromRow(row) : null;
    },
    async listByCentre(centreId) {
      return (byCentre.all(centreId) as Row[]).map(stationFromRow);
    },
    async revoke(id, at) {
      return revoke.run(at, id).changes === 1;
    },
    async revokeConfirmed(id, confirmed, at) {
      return revokeConfirmed.immediate(id, confirmed, at);
    },
    async testsInUse(id) {
      return inUseOf(id);
    },
    async setSelfCheck(id, version, check, at) {
      selfCheck.run(version, JSON.stringify(check), at, id);
    },
    async setLastSeen(entries) {
      if (entries.length > 0) setLastSeen(entries);
    },
    useNonce(stationId, value, expiresAt) {
      // A room of stations signs many requests at once: their nonces share one commit.
      return fastWriter.run(() => nonce.run(stationId, value, expiresAt).changes === 1);
    },
    async purgeNonces(now) {
      return purge.run(now).changes;
    },
  };
}

// ------------------------------------------------------------------ tests, records, alerts, commands

function tests(db: SqliteDatabase): TestRepository {
  const insert = db.prepare(
    `INSERT INTO tests (id, session_id, candidate_id, station_id, joined_at)
     VALUES (@id, @sessionId, @candidateId, @stationId, @joinedAt)`,
  );
  const get = db.prepare(`SELECT ${TEST_COLUMNS} ${TEST_FROM} WHERE t.id = ?`);
  const byCandidate = db.prepare(`SELECT ${TEST_COLUMNS} ${TEST_FROM} WHERE t.candidate_id = ?`);
  const bySession = db.prepare(
    `SELECT ${TEST_COLUMNS} ${TEST_FROM} WHERE t.session_id = ? ORDER BY t.joined_at`,
  );
  const requestResume = db.prepare(
    'UPDATE tests SET resume_station_id = ?, resume_requested_at = ? WHERE id = ?',
  );
  const setPackage = db.prepare(
    `UPDATE tests SET package_id = ?, package_hash = ?, generated_at = ?, total = ?
     WHERE id = ? AND package_id IS NULL`,
  );
  const insertPackage = db.prepare(
    `INSERT INTO test_packages (test_id, package, generated, profile_snapshot, bank_snapshot, generation_bank)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // One row per bank state (content hash): the thirty tests of a session drawn from it share it.
  const hasGenerationBank = db.prepare('SELECT 1 FROM generation_banks WHERE hash = ?').pluck();
  const insertGenerationBank = db.prepare(
    'INSERT OR IGNORE INTO generation_banks (hash, content, stored_at) VALUES (?, ?, ?)',
  );
  const getGenerationRecord = db.prepare(
    `SELECT p.package, t.package_hash, p.generated, p.profile_snapshot, p.bank_snapshot,
       p.generation_bank, g.content AS generation_bank_content
     FROM test_packages p JOIN tests t ON t.id = p.test_id
       LEFT JOIN generation_banks g ON g.hash = p.generation_bank
     WHERE p.test_id = ?`,
  );
  const getPackage = db.prepare(
    'SELECT p.package, t.package_hash FROM test_packages p JOIN tests t ON t.id = p.test_id WHERE p.test_id = ?',
  );
  const getGeneration = db.prepare(
    'SELECT generated, profile_snapshot, bank_snapshot FROM test_packages WHERE test_id = ?',
  );
  const insertPackageContent = db.prepare(
    'INSERT OR IGNORE INTO package_content (test_id, hash) VALUES (?, ?)',
  );
  const storePackage = db.transaction((id: string, g: GeneratedPackage): boolean => {
    const { packageId, challenges } = g.package;
    if (setPackage.run(packageId, g.packageHash, g.generatedAt, challenges.length, id).changes !== 1)
      return false;
    const bank = g.generationBank;
    if (hasGenerationBank.get(bank.hash) === undefined)
      insertGenerationBank.run(bank.hash, bank.content, g.generatedAt);
    insertPackage.run(
      id,
      JSON.stringify(g.package),
      JSON.stringify(g.generated),
      JSON.stringify(g.profile),
      JSON.stringify(g.challenges),
      bank.hash,
    );
    // The files it cites stay downloadable whatever later bank imports do (migration 11).
    for (const c of challenges) {
      for (const a of c.attachments) insertPackageContent.run(id, a.hash);
      if (c.illustration) insertPackageContent.run(id, c.illustration.hash);
    }
    return true;
  });
  const packageCites = db
    .prepare(
      `SELECT 1 FROM tests t JOIN sessions s ON s.id = t.session_id
       JOIN package_content p ON p.test_id = t.id AND p.hash = @hash
       WHERE t.station_id = @stationId AND s.centre_id = @centreId AND s.state <> 'processed' LIMIT 1`,
    )
    .pluck();
  const neutralize = db.prepare(
    'INSERT OR IGNORE INTO jury_neutralizations (test_id, challenge_id, decided_at, decided_by) VALUES (?, ?, ?, ?)',
  );
  const unneutralize = db.prepare('DELETE FROM jury_neutralizations WHERE test_id = ? AND challenge_id = ?');
  const neutralizations = db
    .prepare('SELECT challenge_id FROM jury_neutralizations WHERE test_id = ? ORDER BY challenge_id')
    .pluck();
  const setAuthorization = db.prepare(
    'UPDATE tests SET authorization = ?, authorization_id = ? WHERE id = ?',
  );
  const moveForResume = db.prepare(
    `UPDATE tests SET station_id = COALESCE(resume_station_id, station_id), resume_station_id = NULL,
       resume_requested_at = NULL WHERE id = ?`,
  );
  const dropResumeRequest = db.prepare(
    `UPDATE tests SET resume_station_id = NULL, resume_requested_at = NULL
     WHERE id = ? AND resume_station_id = ? AND resume_requested_at = ?`,
  );
  const insertCommand = commandInserter(db);
  const insertRecord = db.prepare(
    `INSERT INTO test_records (test_id, seq, kind, hash, record, received_at, clock_offset_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateJournal = db.prepare(
    `UPDATE tests SET stored_through = @storedThrough, last_hash = @lastHash, started_at = @startedAt,
       started_clock_offset_ms = @startedClockOffsetMs, downtime_ms = @downtimeMs, answered = @answered, added_ms = @addedMs, paused_cause = @pausedCause, paused_reason = @pausedReason,
       ended_reason = @endedReason
     WHERE id = @id AND stored_through = @expected`,
  );
  const insertAlert = db.prepare(
    `INSERT OR IGNORE INTO alerts (id, test_id, challenge_id, question_number, content, raised_at, clock_offset_ms,
       received_at)
     VALUES (@id, @testId, @challengeId, @questionNumber, @content, @raisedAt, @clockOffsetMs, @receivedAt)`,
  );
  const records = db
    .prepare('SELECT record FROM test_records WHERE test_id = ? AND seq >= ? ORDER BY seq')
    .pluck();
  const replicatedRecords = db.prepare(
    'SELECT record, clock_offset_ms FROM test_records WHERE test_id = ? ORDER BY seq',
  );
  const heartbeat = db.prepare(
    `UPDATE tests SET phase = @phase, current_index = @currentIndex, total = @total,
       time_left_ms = @timeLeftMs, time_left_at = @timeLeftAt, time_left_added_ms = @timeLeftAddedMs,
       alert_pending = @alertPending, heartbeat_seq = @lastSeq, last_heartbeat_at = @lastHeartbeatAt,
       clock_offset_ms = @clockOffsetMs WHERE id = @id`,
  );
  // The kind is written into the statement, one per kind: bound as a parameter, SQLite compiled the
  // statement again at every call (twice per result received, for the room's card: measured). Kinds
  // are core's names, never a caller's text; anything else is refused before it reaches SQL.
  const ofKind = new Map<RecordKind, ReturnType<typeof inList>>();
  const recordsOfKind = (kind: RecordKind) => {
    let statements = ofKind.get(kind);
    if (!statements) {
      if (!/^[A-Za-z]+$/.test(kind)) throw new Error(`not a record kind: ${JSON.stringify(kind)}`);
      statements = inList(
        db,
        // Named: for one test, the planner would otherwise read every record of it by the primary key.
        (list) =>
          `SELECT record, clock_offset_ms FROM test_records INDEXED BY test_records_by_kind
           WHERE kind = '${kind}' AND test_id IN (${list}) ORDER BY test_id, seq`,
      );
      ofKind.set(kind, statements);
    }
    return statements;
  };
  const clearAuthorization = db.prepare(
    'UPDATE tests SET authorization = NULL, authorization_id = NULL WHERE id = ?',
  );
  const refuseUpload = db.prepare(
    `UPDATE tests SET upload_refusal_code = @code, upload_refused_at = @at
     WHERE id = @id AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.test_id = @id)`,
  );
  // Every journal column comes from the records (journal-reading.ts): back to the defaults of a test
  // never replicated. Only while nothing says the test started or ended (checked again here: records
  // may have arrived since the caller read the test), nor that its station applied a start or resume
  // (acknowledged `applied`: the candidate began there, though no record of it arrived). The heartbeat
  // columns are not the records'.
  const resetJournal = db.prepare(
    `UPDATE tests SET station_id = @stationId, resume_station_id = NULL, resume_requested_at = NULL,
       stored_through = 0, last_hash = NULL, started_at = NULL, started_clock_offset_ms = NULL,
       downtime_ms = 0, answered = 0, added_ms = 0, paused_cause = NULL, paused_reason = NULL,
       ended_reason = NULL
     WHERE id = @id AND started_at IS NULL AND ended_reason IS NULL AND upload_refusal_code IS NULL
       AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.test_id = @id)
       AND NOT EXISTS (SELECT 1 FROM commands c WHERE c.test_id = @id AND c.ack_outcome = 'applied'
         AND c.type IN ('authorizeStart', 'authorizeResume'))`,
  );
  // Acknowledged "before" the request that withdrew it: room-view.ts reads an acknowledgment made after
  // the last resume request as the station's go-ahead, which this is not.
  const retireCommand = db.prepare(
    `UPDATE commands SET acknowledged_at = MIN(issued_at, ?)
     WHERE id = ? AND test_id = ? AND acknowledged_at IS NULL`,
  );
  const deleteRecords = db.prepare('DELETE FROM test_records WHERE test_id = ?');
  const heldStart = db
    .prepare(`SELECT authorization_id FROM tests WHERE id = ? AND authorization = 'start'`)
    .pluck();
  const rejoinBeforeStart = db.transaction((id: string, stationId: string): RejoinOutcome => {
    // Read before the move: the start confirmed the candidate at the station they left.
    const start = heldStart.get(id) as string | null | undefined;
    if (resetJournal.run({ id, stationId }).changes !== 1) return { rejoined: false };
    deleteRecords.run(id);
    if (start === undefined) return { rejoined: true, withdrawnStart: null };
    // The presence confirmed over there is withdrawn: the invigilator confirms it again where the
    // candidate sits now. Its command is retired (never sent again, to either station): one that
    // station holds can no longer start the test (its package is refused to it, heartbeat.ts tells
    // it the test went elsewhere).
    clearAuthorization.run(id);
    if (start !== null) retireCommand.run(Number.MAX_SAFE_INTEGER, start, id);
    return { rejoined: true, withdrawnStart: start };
  });
  const pendingResumeElsewhere = db
    .prepare(
      `SELECT authorization_id FROM tests WHERE id = ? AND authorization = 'resume' AND station_id <> ?`,
    )
    .pluck();
  const requestResumeWithdrawing = db.transaction(
    (id: string, stationId: string, at: number): string | null => {
      const pending = pendingResumeElsewhere.get(id, stationId) as string | null | undefined;
      let retired: string | null = null;
      if (pending !== undefined) {
        clearAuthorization.run(id);
        if (pending !== null && retireCommand.run(at - 1, pending, id).changes === 1) retired = pending;
      }
      requestResume.run(stationId, at, id);
      return retired;
    },
  );

  const commandsOfTest = db.prepare('SELECT * FROM commands WHERE test_id = ? ORDER BY seq');
  const authorize = db.transaction(
    (
      id: string,
      authorization: 'start' | 'resume' | null,
      command: StoredCommand,
      dropRequest: ResumeRequest | undefined,
      recheck: Parameters<TestRepository['authorize']>[4],
    ) => {
      // Throws (nothing written) when the test changed meanwhile in a way the caller refuses.
      if (recheck) {
        const row = get.get(id) as Row | undefined;
        if (!row) throw new Error(`test ${id} vanished`);
        recheck(testFromRow(row), (commandsOfTest.all(id) as Row[]).map(commandFromRow));
      }
      if (dropRequest) dropResumeRequest.run(id, dropRequest.stationId, dropRequest.requestedAt);
      if (authorization === null) {
        // A start withdrawn before its station acknowledged it is no longer sent: delivered again after
        // the withdrawal (its acknowledgment lost, the station relaunched), it would be held again.
        const withdrawn = (get.get(id) as Row).authorization_id;
        if (withdrawn !== null) retireCommand.run(command.issuedAt - 1, str(withdrawn), id);
      }
      if (authorization === 'resume') moveForResume.run(id);
      setAuthorization.run(authorization, authorization === null ? null : command.id, id);
      // The command goes to the station the test is attached to now (after a resume move).
      const station = str((get.get(id) as Row).station_id);
      insertCommand({ ...command, stationId: station });
    },
  );
  const append = db.transaction(
    (
      id: string,
      list: JournalRecord[],
      journal: JournalState,
      alerts: Parameters<TestRepository['appendRecords']>[3],
      at: number,
      expected: number,
      clockOffsetMs: number | null,
    ): boolean => {
      if (updateJournal.run({ ...journal, id, expected }).changes !== 1) return false;
      for (const r of list) insertRecord.run(id, r.seq, r.kind, r.hash, JSON.stringify(r), at, clockOffsetMs);
      for (const a of alerts) {
        insertAlert.run({
          id: a.id,
          testId: a.testId,
          challengeId: a.challengeId,
          questionNumber: a.questionNumber,
          content: JSON.stringify(a.content),
          raisedAt: a.raisedAt,
          clockOffsetMs: a.clockOffsetMs,
          receivedAt: a.receivedAt,
        });
      }
      return true;
    },
  );
  return {
    async create(test) {
      insert.run(test);
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? testFromRow(row) : null;
    },
    async getByCandidate(candidateId) {
      const row = byCandidate.get(candidateId) as Row | undefined;
      return row ? testFromRow(row) : null;
    },
    async listBySession(sessionId) {
      return (bySession.all(sessionId) as Row[]).map(testFromRow);
    },
    async rejoinBeforeStart(id, stationId) {
      return rejoinBeforeStart(id, stationId);
    },
    async requestResumeWithdrawingElsewhere(id, stationId, at) {
      return requestResumeWithdrawing(id, stationId, at);
    },
    async setPackage(id, g) {
      return storePackage(id, g);
    },
    async packageCitesForStation(station, hash) {
      return packageCites.get({ stationId: station.id, centreId: station.centreId, hash }) !== undefined;
    },
    async package(id) {
      const row = getPackage.get(id) as Row | undefined;
      if (!row) return null;
      return { package: json<TestPackage>(row.package), packageHash: str(row.package_hash) };
    },
    async generation(id) {
      const row = getGeneration.get(id) as Row | undefined;
      if (!row) return null;
      return {
        generated: json(row.generated),
        profile: json(row.profile_snapshot),
        challenges: json(row.bank_snapshot),
      };
    },
    async generationRecord(id) {
      const row = getGenerationRecord.get(id) as Row | undefined;
      if (!row) return null;
      // Text that is not JSON (an altered row) is returned as text: the audit reports it unreadable.
      const stored = (value: unknown): unknown => {
        try {
          return JSON.parse(String(value));
        } catch {
          return String(value);
        }
      };
      const hash = row.generation_bank;
      const content = row.generation_bank_content;
      return {
        package: stored(row.package),
        packageHash: str(row.package_hash),
        generated: stored(row.generated),
        profile: stored(row.profile_snapshot),
        asked: stored(row.bank_snapshot),
        // A bank row gone (foreign keys off) reads as altered (no text), not as generated before.
        generationBank:
          hash === null ? null : { hash: str(hash), content: typeof content === 'string' ? content : '' },
      };
    },
    async setJuryNeutralization(id, challengeId, neutralized, at, by) {
      if (neutralized) neutralize.run(id, challengeId, at, by);
      else unneutralize.run(id, challengeId);
    },
    async juryNeutralizations(id) {
      return (neutralizations.all(id) as unknown[]).map(String);
    },
    async authorize(id, authorization, command, dropRequest, recheck) {
      authorize(id, authorization, command, dropRequest, recheck);
    },
    async appendRecords(id, list, journal, newAlerts, at, clockOffsetMs = null) {
      const expected = list.length > 0 ? (list[0]?.seq ?? 1) - 1 : journal.storedThrough;
      if (!append(id, list, journal, newAlerts, at, expected, clockOffsetMs)) {
        throw new ConcurrentChangeError(`test ${id} records changed meanwhile`);
      }
    },
    async records(id, fromSeq = 1) {
      return (records.all(id, fromSeq) as unknown[]).map((r) => json<JournalRecord>(r));
    },
    async replicatedRecords(id) {
      return (replicatedRecords.all(id) as Row[]).map((r) => ({
        record: json<JournalRecord>(r.record),
        clockOffsetMs: numOrNull(r.clock_offset_ms),
      }));
    },
    async recordsOfKind(testIds, kind) {
      if (testIds.length === 0) return [];
      const rows = recordsOfKind(kind)(testIds.length).all(...testIds) as Row[];
      return rows.map((r) => ({
        record: json<JournalRecord>(r.record),
        clockOffsetMs: numOrNull(r.clock_offset_ms),
      }));
    },
    async setHeartbeat(id, h) {
      heartbeat.run({ ...h, alertPending: h.alertPending ? 1 : 0, id });
    },
    async clearAuthorization(id) {
      clearAuthorization.run(id);
    },
    async recordUploadRefusal(id, refusal) {
      return refuseUpload.run({ id, code: refusal.code, at: refusal.at }).changes === 1;
    },
  };
}

/** Inserts a command; DuplicateError('requestId') when its session already has one under its request id. */
function commandInserter(db: SqliteDatabase): (command: StoredCommand) => number {
  const insert = db.prepare(
    `INSERT INTO commands (id, session_id, test_id, station_id, type, command, issued_at, request_id, request_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (c) => {
    try {
      return Number(
        insert.run(
          c.id,
          c.sessionId,
          c.testId,
          c.stationId,
          c.command.type,
          JSON.stringify(c.command),
          c.issuedAt,
          c.request?.id ?? null,
          c.request?.key ?? null,
        ).lastInsertRowid,
      );
    } catch (error) {
      if (c.request && isUniqueViolation(error) && String(error).includes('request_id')) {
        throw new DuplicateError('requestId');
      }
      throw error;
    }
  };
}

function alerts(db: SqliteDatabase): AlertRepository {
  const byTests = inList(db, (list) => `SELECT * FROM alerts WHERE test_id IN (${list}) ORDER BY raised_at`);
  const get = db.prepare('SELECT * FROM alerts WHERE id = ?');
  const decide = db.prepare(
    `UPDATE alerts SET decision = ?, reason_code = ?, decided_at = ?, command_id = ?
     WHERE id = ? AND decision IS NULL`,
  );
  const insertCommand = commandInserter(db);
  const decideAll = db.transaction(
    (
      id: string,
      d: { decision: string; reasonCode: string | null; decidedAt: number },
      command: StoredCommand,
    ) => {
      if (decide.run(d.decision, d.reasonCode, d.decidedAt, command.id, id).changes !== 1) return false;
      insertCommand(command);
      return true;
    },
  );
  return {
    async listByTests(testIds) {
      if (testIds.length === 0) return [];
      const rows = byTests(testIds.length).all(...testIds) as Row[];
      return rows.map(alertFromRow);
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? alertFromRow(row) : null;
    },
    async decide(id, decision, command) {
      return decideAll(id, decision, command);
    },
  };
}

function commands(db: SqliteDatabase): CommandRepository {
  const byTests = inList(db, (list) => `SELECT * FROM commands WHERE test_id IN (${list}) ORDER BY seq`);
  const insert = commandInserter(db);
  const get = db.prepare('SELECT * FROM commands WHERE id = ?');
  const pending = db.prepare(
    `SELECT c.* FROM commands c JOIN tests t ON t.id = c.test_id
     WHERE t.station_id = ? AND c.acknowledged_at IS NULL AND c.seq > ? ORDER BY c.seq`,
  );
  const ack = db.prepare(
    // A held start risen to `applied` takes the time it rose: the room counts the test under way from
    // it (room-view.ts testClock), and heartbeats heard while the candidate read the instructions came
    // after the held acknowledgement. Otherwise the first time is kept.
    `UPDATE commands SET
       acknowledged_at = CASE
         WHEN acknowledged_at IS NULL THEN @at
         WHEN @outcome = 'applied' AND ack_outcome IS NOT 'applied' THEN MAX(acknowledged_at, @at)
         ELSE acknowledged_at END,
       ack_outcome = CASE WHEN acknowledged_at IS NULL OR @outcome = 'applied' THEN @outcome ELSE ack_outcome END
     WHERE id = @id`,
  );
  const byRequest = db.prepare('SELECT * FROM commands WHERE session_id = ? AND request_id = ?');
  const setAnswer = db.prepare('UPDATE commands SET answer = ? WHERE id = ? AND answer IS NULL');
  return {
    async issue(command) {
      return insert(command);
    },
    async byRequest(sessionId, requestId) {
      const row = byRequest.get(sessionId, requestId) as Row | undefined;
      if (!row) return null;
      return {
        command: commandFromRow(row),
        key: str(row.request_key),
        answer: row.answer === null ? null : json(row.answer),
      };
    },
    async setAnswer(id, answer) {
      setAnswer.run(JSON.stringify(answer), id);
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? commandFromRow(row) : null;
    },
    async pendingForStation(stationId, afterSeq) {
      return (pending.all(stationId, afterSeq) as Row[]).map(commandFromRow);
    },
    async acknowledge(id, at, outcome) {
      ack.run({ id, at, outcome });
    },
    async listByTests(testIds) {
      if (testIds.length === 0) return [];
      const rows = byTests(testIds.length).all(...testIds) as Row[];
      return rows.map(commandFromRow);
    },
  };
}

/**
 * The room's events go through the fast connection (no fsync per commit): they survive a crash of the
 * process, and the last ones may be lost to a power cut, which the event stream handles (see maxSeq and
 * skipAfterPowerCut).
 */
function events(db: SqliteDatabase, writer: WriteBatcher): SessionEventRepository {
  const insert = db.prepare('INSERT INTO session_events (session_id, type, data, at) VALUES (?, ?, ?, ?)');
  const after = db.prepare(
    'SELECT * FROM session_events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const last = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM session_events WHERE session_id = ?').pluck();
  const max = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM session_events').pluck();
  // sqlite_sequence has no unique key: update the row, or add it when the table never had an event.
  const bump = db.prepare("UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'session_events'");
  const first = db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('session_events', ?)");
  const skip = db.transaction((count: number) => {
    if (bump.run(count).changes === 0) first.run(count);
  });
  return {
    async append(sessionId, type, data, at) {
      const text = JSON.stringify(data);
      // Many events come at once (a room of stations): they share one commit.
      const seq = await writer.run(() => Number(insert.run(sessionId, type, text, at).lastInsertRowid));
      return { seq, sessionId, type, data, at };
    },
    async after(sessionId, afterSeq, limit) {
      return (after.all(sessionId, afterSeq, limit) as Row[]).map((r) => ({
        seq: num(r.seq),
        sessionId: str(r.session_id),
        type: str(r.type),
        data: json(r.data),
        at: num(r.at),
      }));
    },
    async lastSeq(sessionId) {
      return num(last.get(sessionId));
    },
    async maxSeq() {
      return num(max.get());
    },
    async skipIds(count) {
      skip(count);
    },
  };
}

/** The payload was verified when the bundle was accepted; it is read back from the JWS itself. */
function bundleFromRow(r: Row): StoredBundle {
  const jws = str(r.jws);
  return {
    testId: str(r.test_id),
    bundleHash: str(r.bundle_hash),
    jws,
    payload: ResultBundlePayloadSchema.parse(
      JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')),
    ),
    stationId: str(r.station_id),
    receivedAt: num(r.received_at),
  };
}

function bundles(db: SqliteDatabase, writer: WriteBatcher): BundleRepository {
  const get = db.prepare('SELECT * FROM bundles WHERE test_id = ?');
  const bySession = db.prepare(
    'SELECT b.* FROM bundles b JOIN tests t ON t.id = b.test_id WHERE t.session_id = ? ORDER BY b.received_at',
  );
  const count = db.prepare('SELECT COUNT(*) FROM bundles').pluck();
  // The JWS may come as bytes (intake never makes it a string): stored as the TEXT it is either way.
  const insert = db.prepare(
    `INSERT INTO bundles (test_id, bundle_hash, station_id, end_reason, received_at, jws)
     VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT))`,
  );
  const ack = db.prepare('SELECT bundle_hash, received_at FROM bundles WHERE test_id = ?');
  const journal = db.prepare(
    `UPDATE tests SET started_at = COALESCE(started_at, @startedAt),
       started_clock_offset_ms = CASE WHEN started_at IS NULL THEN @startedClockOffsetMs ELSE started_clock_offset_ms END,
       downtime_ms = @downtimeMs,
       answered = @answered, added_ms = @addedMs, paused_cause = @pausedCause, paused_reason = @pausedReason,
       ended_reason = @endedReason, upload_refusal_code = NULL, upload_refused_at = NULL WHERE id = @id`,
  );
  return {
    store(bundle, state) {
      return writer.run((): BundleOutcome => {
        const row = ack.get(bundle.testId) as Row | undefined;
        if (row) {
          const existing = { bundleHash: str(row.bundle_hash), receivedAt: num(row.received_at) };
          return existing.bundleHash === bundle.bundleHash
            ? { ok: true, bundle: existing, firstTime: false }
            : { ok: false, problem: 'BUNDLE_CONFLICT', existing };
        }
        insert.run(
          bundle.testId,
          bundle.bundleHash,
          bundle.stationId,
          bundle.endReason,
          bundle.receivedAt,
          bundle.jws,
        );
        journal.run({ ...state, id: bundle.testId });
        return {
          ok: true,
          bundle: { bundleHash: bundle.bundleHash, receivedAt: bundle.receivedAt },
          firstTime: true,
        };
      });
    },
    async get(testId) {
      const row = get.get(testId) as Row | undefined;
      return row ? bundleFromRow(row) : null;
    },
    async acknowledgment(testId) {
      const row = ack.get(testId) as Row | undefined;
      // An answer read back is given only once the bundle is on disk (its batch may still be syncing).
      if (row) await writer.synced();
      return row ? { bundleHash: str(row.bundle_hash), receivedAt: num(row.received_at) } : null;
    },
    async listBySession(sessionId) {
      return (bySession.all(sessionId) as Row[]).map(bundleFromRow);
    },
    async count() {
      return num(count.get());
    },
  };
}

// ------------------------------------------------------------------ incidents and results

function incidents(db: SqliteDatabase): IncidentRepository {
  const insert = db.prepare(
    `INSERT INTO incident_reports (id, session_id, candidate_id, code, question_number, description,
       created_at, created_by)
     VALUES (@id, @sessionId, @candidateId, @code, @questionNumber, @description, @createdAt, @createdBy)`,
  );
  const bySession = db.prepare('SELECT * FROM incident_reports WHERE session_id = ? ORDER BY created_at, id');
  const countOfCandidate = db
    .prepare('SELECT COUNT(*) FROM incident_reports WHERE session_id = ? AND candidate_id = ?')
    .pluck();
  const get = db.prepare('SELECT * FROM incident_reports WHERE id = ?');
  const remove = db.prepare('DELETE FROM incident_reports WHERE id = ?');
  return {
    async create(incident) {
      insert.run(incident);
    },
    async listBySession(sessionId) {
      return (bySession.all(sessionId) as Row[]).map(incidentFromRow);
    },
    async countByCandidate(sessionId, candidateId) {
      return num(countOfCandidate.get(sessionId, candidateId));
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? incidentFromRow(row) : null;
    },
    async delete(id) {
      remove.run(id);
    },
  };
}

function results(db: SqliteDatabase): ResultRepository {
  // With the jury's cancellation while it stands (jury-decisions.ts): every reader sees it.
  const read = `SELECT r.*, ${juryCancelledAtSql('r')} AS jury_cancelled_at FROM results r`;
  const bySession = db.prepare(`${read} WHERE r.session_id = ?`);
  const get = db.prepare(`${read} WHERE r.candidate_id = ?`);
  const byCode = db.prepare(`${read} WHERE r.verification_code = ?`);
  const scoredIds = db.prepare('SELECT candidate_id FROM results WHERE session_id = ?').pluck();
  const scoredOne = db
    .prepare('SELECT candidate_id FROM results WHERE session_id = ? AND candidate_id = ?')
    .pluck();
  const asRead = (row: Row) => withJuryCancellation(resultFromRow(row), juryCancelledAtOf(row));
  const insert = resultInserter(db);
  const published = db.prepare('SELECT published_at FROM sessions WHERE id = ?').pluck();
  const scored = db.prepare('SELECT * FROM results WHERE candidate_id = ?');
  const queueUpdate = resultEmailUpdateQueuer(db);
  const replace = db.transaction(
    (result: StoredResult, evenIfPublished: boolean, plan: ResultEmailUpdatePlan | undefined) => {
      if (!evenIfPublished && (published.get(result.sessionId) ?? null) !== null) return false;
      const before = scored.get(result.candidateId) as Row | undefined;
      insert(result);
      // Once published, its update e-mail with it (result-email-store.ts; none before publication).
      const previous = before ? resultFromRow(before) : null;
      const key = `result:${result.candidateId}:${result.source}:${result.scoredAt}`;
      if (plan)
        queueUpdate(
          result.candidateId,
          { kind: 'result', previous, next: result },
          key,
          result.scoredAt,
          plan,
        );
      return true;
    },
  );
  return {
    async listBySession(sessionId) {
      return (bySession.all(sessionId) as Row[]).map(asRead);
    },
    async get(candidateId) {
      const row = get.get(candidateId) as Row | undefined;
      return row ? asRead(row) : null;
    },
    async scoredCandidates(sessionId, candidateId) {
      const ids =
        candidateId === undefined ? scoredIds.all(sessionId) : scoredOne.all(sessionId, candidateId);
      return new Set(ids as string[]);
    },
    async findByVerificationCode(code) {
      const row = byCode.get(code) as Row | undefined;
      return row ? asRead(row) : null;
    },
    async replace(result, options) {
      return replace(result, options?.evenIfPublished === true, options?.resultEmailUpdate);
    },
  };
}
