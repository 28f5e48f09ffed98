// The answer journal: one SQLite file per station holding every test taken on it, until the server has
// acknowledged the result and the retention delay has passed. Each answer is one transaction that
// appends a hash-chained record and its outbox row; the caller moves on only after the commit, so a
// crash or a power cut never loses an answer the candidate saw accepted.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { AnswerValueSchema, type AnswerValue } from '../../../core/challenge/answer.ts';
import type { LockdownEvent } from '../../../core/contracts/station-api.ts';
import { recordHash, verifyChain, type ChainCheck } from '../../../core/journal/chain.ts';
import {
  GENESIS_HASH,
  LockdownEventSchema,
  RecordBodySchema,
  type JournalRecord,
  type RecordBody,
} from '../../../core/journal/journal-record.ts';
import { canonicalJson, sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import {
  TestPackageSchema,
  type PackageCandidate,
  type PackageSession,
  type TestPackage,
} from '../../../core/package/test-package.ts';
import { openJournalDatabase } from './journal-database.ts';
import {
  AlreadyAnsweredError,
  BundleAlreadyStoredError,
  ImportRefusedError,
  InvalidInputError,
  InvalidPackageError,
  InvalidRecordError,
  JournalCorruptedError,
  PackageAlreadyStoredError,
  PackageHashMismatchError,
  PackageNotForTestError,
  ResultNotSealedError,
  TestAlreadyExistsError,
  TestNotDiscardableError,
  TestSealedError,
  UnknownChallengeError,
  UnknownTestError,
} from './journal-errors.ts';
import {
  AuthorizationSchema,
  BundleSchema,
  ImportedRecordsSchema,
  ClockCheckpointSchema,
  HashSchema,
  MillisSchema,
  OmittedRecordsSchema,
  OmissionSubjectSchema,
  OutboxLimitSchema,
  ResumeHandoverSchema,
  RecordTimeSchema,
  TestInfoSchema,
  parseOrThrow,
} from './journal-inputs.ts';

export interface TestInfo {
  testId: string;
  sessionId: string;
  candidateId: string;
  stationId: string;
  candidate: PackageCandidate;
  session: PackageSession;
  createdAt: number;
}

export interface TestRow extends TestInfo {
  packageHash: string | null;
  bundle: string | null;
  bundleHash: string | null;
  acknowledgedAt: number | null;
  purgeAfter: number | null;
}

/** What the server's refusal is about: the sealed result bundle, or the replicated records. */
export type RefusalSubject = 'result' | 'records';

/** The server's final refusal of a test's result or records, in its own words. */
export interface ServerRefusal {
  status: number | null;
  code: string;
  message: string;
  refusedAt: number;
}

/** Tests whose result still needs sending (or its refusal reporting) to a server, by that server. */
export interface ResultsOfServer {
  /** The server's normalized address, as the test recorded it. */
  serverOrigin: string;
  testIds: string[];
}

/** A refusal IT had forgotten (clearServerRefusals): what it was about, and the server's words. */
export interface ClearedRefusal {
  testId: string;
  subject: RefusalSubject;
  refusal: ServerRefusal;
}

/** A refused result not yet reported to the server (the room shows the refusal once it is). */
export interface UnreportedRefusal {
  testId: string;
  refusal: ServerRefusal;
}

/** The server's final answer to the report of a refused result. */
export interface RefusalReport {
  reportedAt: number;
  /** What it answered, in words (marked, an accepted result stands, the report refused…). */
  outcome: string;
}

/**
 * What the server handed over with the records of a resume from another station, kept until this
 * station's own `testOpened` continues the chain (a relaunch in between still needs it).
 */
export interface ResumeHandover {
  /** The time left the old station reported in its last heartbeat, made at record `atSeq`; null: none. */
  timeLeftMs: number | null;
  /** The last record handed over: the report was made at it (its wall time is the old station's). */
  atSeq: number;
  /** When this station received them (its wall clock). */
  receivedAt: number;
}

/** What a test's journal budget left out (runtime/journal-budget.ts), until it is said before `ended`. */
export interface OmittedRecords {
  navigations: number;
  lockdowns: Map<LockdownEvent, number>;
}

/** What a record saying how many were left out is about: navigations, or one lockdown event. */
export type OmissionSubject = 'navigation' | LockdownEvent;

/** Options of an append: a record saying how many were left out clears their count in its transaction. */
export interface AppendOptions {
  saysOmitted?: OmissionSubject;
}

export interface ClockCheckpoint {
  elapsedMs: number;
  wallAt: number;
}

export interface OutboxItem {
  id: number;
  testId: string;
  seq: number;
  record: JournalRecord;
}

export interface JournalSettings {
  /** `wal` */
  journalMode: string;
  /** 2 = FULL: the WAL is synced at every commit. */
  synchronous: number;
  foreignKeys: boolean;
  busyTimeoutMs: number;
  schemaVersion: number;
}

interface TestSql {
  test_id: string;
  session_id: string;
  candidate_id: string;
  station_id: string;
  candidate: string;
  session: string;
  created_at: number;
  package_hash: string | null;
  bundle: string | null;
  bundle_hash: string | null;
  acknowledged_at: number | null;
  purge_after: number | null;
}

interface RecordSql {
  test_id: string;
  seq: number;
  kind: string;
  payload: string;
  wall_at: number;
  elapsed_ms: number;
  prev_hash: string;
  hash: string;
}

/** The server's code and message are kept up to this length (they are for people, not for parsing). */
const MAX_REFUSAL_TEXT = 2000;

/**
 * Tests (rows of `tests`) of the server bound as @server, or of any server when it is null. A test
 * bound to none yet goes with the current server (the services bind such tests when they open).
 */
const OF_SERVER = '(@server IS NULL OR server_origin IS NULL OR server_origin = @server)';

/**
 * The tests whose result still needs this station: started here (or imported) and not sealed, or
 * sealed and not accepted by the server; none continued elsewhere, none whose refusal the server
 * answered for good.
 */
const AWAITING_RESULT = `SELECT t.test_id FROM tests t
  WHERE t.acknowledged_at IS NULL AND t.test_id NOT IN (SELECT test_id FROM moved_tests)
    AND t.test_id NOT IN
      (SELECT test_id FROM server_refusals WHERE subject = 'result' AND reported_at IS NOT NULL)
    AND (t.bundle IS NOT NULL OR EXISTS (SELECT 1 FROM records r
          WHERE r.test_id = t.test_id AND r.kind IN ('started', 'resumed')))`;

const TEST_COLUMNS = `test_id, session_id, candidate_id, station_id, candidate, session, created_at,
  package_hash, bundle, bundle_hash, acknowledged_at, purge_after`;
const RECORD_COLUMNS = 'test_id, seq, kind, payload, wall_at, elapsed_ms, prev_hash, hash';

type AppendTime = { wallAt: number; elapsedMs: number };

export class AnswerJournal {
  readonly file: string;
  /** The server new tests are bound to (null: none recorded; such tests go to the current one). */
  readonly serverOrigin: string | null;
  readonly #db: SqliteDatabase;
  // Prepared once: the answer path only binds and steps.
  readonly #sql: ReturnType<typeof prepareStatements>;
  readonly #appendInTransaction: (
    testId: string,
    body: RecordBody,
    at: AppendTime,
    options: AppendOptions,
  ) => JournalRecord;

  /**
   * Opens (creating if needed) the journal file; throws JournalCorruptedError on a damaged file.
   * `serverOrigin`: the server the station now works with (sync/server-origin.ts); the tests it creates
   * belong to it.
   */
  static open(options: { file: string; serverOrigin?: string }): AnswerJournal {
    return new AnswerJournal(options.file, openJournalDatabase(options.file), options.serverOrigin ?? null);
  }

  private constructor(file: string, db: SqliteDatabase, serverOrigin: string | null) {
    this.file = file;
    this.serverOrigin = serverOrigin;
    this.#db = db;
    this.#sql = prepareStatements(db);
    const append = db.transaction(
      (testId: string, body: RecordBody, at: AppendTime, options: AppendOptions) => {
        const record = this.#appendRecord(testId, body, at);
        if (options.saysOmitted !== undefined) this.#sql.deleteOmitted.run(testId, options.saysOmitted);
        return record;
      },
    );
    // IMMEDIATE: take the write lock before reading the chain head, so no other writer can slip in.
    this.#appendInTransaction = (testId, body, at, options) => append.immediate(testId, body, at, options);
  }

  // ------------------------------------------------------------------ tests

  createTest(info: TestInfo): void {
    const t = parseOrThrow(TestInfoSchema, info, 'test', (m) => new InvalidInputError(m));
    try {
      this.#sql.insertTest.run(
        t.testId,
        t.sessionId,
        t.candidateId,
        t.stationId,
        canonicalJson(t.candidate),
        canonicalJson(t.session),
        t.createdAt,
        this.serverOrigin,
      );
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new TestAlreadyExistsError(t.testId);
      throw error;
    }
  }

  test(testId: string): TestRow | null {
    const row = this.#sql.selectTest.get(testId);
    return row ? toTestRow(row) : null;
  }

  /** The server the test belongs to (its normalized address); null when not bound yet, or unknown test. */
  testServer(testId: string): string | null {
    const origin = this.#sql.selectServerOrigin.get(testId);
    return typeof origin === 'string' ? origin : null;
  }

  /**
   * Binds to `serverOrigin` the tests that belong to no server yet (created before the journal recorded
   * it): they carry on with the server they were taken on, whatever the station is pointed to later.
   * Returns how many.
   */
  bindTestsToServer(serverOrigin: string): number {
    return this.#sql.bindServerOrigin.run(serverOrigin).changes;
  }

  /**
   * IT's decision that `from` and `to` are one server (its address changed: http to https, a new name):
   * the tests of `from` now belong to `to`, their results and records sent there. Returns how many.
   */
  moveTestsToServer(from: string, to: string): number {
    return this.#sql.moveServerOrigin.run(to, from).changes;
  }

  /** Every test the journal holds (purged ones are gone). */
  testIds(): string[] {
    return this.#sql.selectTestIds.all().map(String);
  }

  /**
   * The most recent test without a stored result bundle: the one to resume after a crash (never one
   * the candidate continued on another station).
   */
  unfinishedTest(): TestRow | null {
    const row = this.#sql.selectUnfinished.get();
    return row ? toTestRow(row) : null;
  }

  /**
   * Removes a test the candidate left before it started (sign-in cancelled). A started or sealed
   * test is never discarded: its journal is the candidate's record.
   */
  discardTest(testId: string): void {
    this.#db
      .transaction(() => {
        const row = this.#sql.selectTest.get(testId);
        if (!row) throw new UnknownTestError(testId);
        if (row.bundle !== null) throw new TestNotDiscardableError(testId, 'its result is sealed');
        if (this.#sql.selectStarted.get(testId)) throw new TestNotDiscardableError(testId, 'it has started');
        this.#sql.deleteTest.run(testId);
      })
      .immediate();
  }

  // ------------------------------------------------------------------ package

  /** Stores the downloaded package once its content hash is checked; nothing is stored otherwise. */
  storePackage(testId: string, pkg: TestPackage, expectedHash: string): void {
    const expected = parseOrThrow(HashSchema, expectedHash, 'expectedHash', (m) => new InvalidInputError(m));
    const valid = parseOrThrow(TestPackageSchema, pkg, 'package', (m) => new InvalidPackageError(m));
    const text = canonicalJson(pkg);
    const actual = sha256Hex(text);
    if (actual !== expected) throw new PackageHashMismatchError(testId, expected, actual);
    this.#db
      .transaction(() => {
        const row = this.#sql.selectTest.get(testId);
        if (!row) throw new UnknownTestError(testId);
        if (row.package_hash !== null) {
          if (row.package_hash === actual) return; // the same package again: already stored
          throw new PackageAlreadyStoredError(testId);
        }
        if (valid.candidate.id !== row.candidate_id) {
          throw new PackageNotForTestError(testId, `it is for candidate ${valid.candidate.id}`);
        }
        if (valid.session.id !== row.session_id) {
          throw new PackageNotForTestError(testId, `it is for session ${valid.session.id}`);
        }
        this.#sql.updatePackage.run(text, actual, testId);
        valid.challenges.forEach((c, position) => this.#sql.insertChallenge.run(testId, c.id, position));
      })
      .immediate();
  }

  package(testId: string): TestPackage | null {
    const row = this.#sql.selectPackage.get(testId);
    if (!row?.package || !row.package_hash) return null;
    // Stored as canonical JSON, so its plain SHA-256 is the package hash.
    if (sha256Hex(row.package) !== row.package_hash) {
      throw new JournalCorruptedError(this.file, `the stored package of test ${testId} was altered`);
    }
    return JSON.parse(row.package) as TestPackage;
  }

  // ------------------------------------------------------------------ records

  /**
   * Appends one record to the test's chain and its outbox row, in one transaction; returns after the
   * commit. An answer or skip must name a challenge of the package not yet answered or skipped (the
   * database's unique index decides, inside the same transaction). Any error: nothing is written.
   * `saysOmitted`: the record says how many of that subject the budget left out, whose count goes
   * with it (never said twice, never lost). This station's `testOpened` ends a resume's hand-over.
   */
  append(testId: string, body: RecordBody, at: AppendTime, options: AppendOptions = {}): JournalRecord {
    const valid = parseOrThrow(RecordBodySchema, body, 'record', (m) => new InvalidRecordError(m));
    const time = parseOrThrow(RecordTimeSchema, at, 'record', (m) => new InvalidRecordError(m));
    const subject =
      options.saysOmitted === undefined
        ? undefined
        : parseOrThrow(
            OmissionSubjectSchema,
            options.saysOmitted,
            'saysOmitted',
            (m) => new InvalidInputError(m),
          );
    return this.#appendInTransaction(
      testId,
      valid,
      time,
      subject === undefined ? {} : { saysOmitted: subject },
    );
  }

  #appendRecord(testId: string, body: RecordBody, at: AppendTime): JournalRecord {
    const head = this.#sql.selectHead.get(testId);
    const unhashed = {
      testId,
      seq: (head?.seq ?? 0) + 1,
      wallAt: at.wallAt,
      elapsedMs: at.elapsedMs,
      prevHash: head?.hash ?? GENESIS_HASH,
      ...body,
    };
    const record: JournalRecord = { ...unhashed, hash: recordHash(unhashed) };
    try {
      this.#sql.insertRecord.run(
        testId,
        record.seq,
        record.kind,
        canonicalJson(record.payload),
        record.wallAt,
        record.elapsedMs,
        record.prevHash,
        record.hash,
      );
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UnknownTestError(testId);
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_TRIGGER' && /TEST_SEALED/.test(String(error))) {
        throw new TestSealedError(testId);
      }
      throw error;
    }
    this.#sql.insertOutbox.run(testId, record.seq);
    if (body.kind === 'answered' || body.kind === 'skipped') {
      this.#insertAnswer(testId, body.payload.challengeId, record.seq);
    }
    // This station continues the chain of a resume: what the server handed over is no longer needed.
    if (body.kind === 'testOpened') this.#sql.deleteHandover.run(testId);
    return record;
  }

  /**
   * Continues here a test begun on another station (that station died): the records the server
   * replicated are checked (schema, the chain from the first record, the stored package) and written
   * as they are, hashes included, so this station's next record extends the same chain. Only into a
   * test whose package is stored and which has no record yet; no outbox rows (the server has them).
   * `handover`, what the server said with them, is kept in the same transaction until this station's
   * own `testOpened` (resumeHandover). Any problem: nothing is written.
   */
  importRecords(
    testId: string,
    records: readonly JournalRecord[],
    handover?: Omit<ResumeHandover, 'atSeq'>,
  ): ChainCheck {
    const valid = parseOrThrow(ImportedRecordsSchema, records, 'records', (m) => new InvalidRecordError(m));
    const handed =
      handover === undefined
        ? null
        : parseOrThrow(ResumeHandoverSchema, handover, 'handover', (m) => new InvalidInputError(m));
    const chain = verifyChain(testId, valid);
    if (!chain.ok) throw new ImportRefusedError(testId, chain.problem);
    this.#db
      .transaction(() => {
        const row = this.#sql.selectTest.get(testId);
        if (!row) throw new UnknownTestError(testId);
        if (row.package_hash === null) throw new ImportRefusedError(testId, 'its package is not stored');
        if (row.bundle !== null) throw new TestSealedError(testId);
        if (this.#sql.selectHead.get(testId)) throw new ImportRefusedError(testId, 'it already has records');
        for (const record of valid) {
          if (record.kind === 'packageStored' && record.payload.packageHash !== row.package_hash) {
            throw new ImportRefusedError(testId, `record ${record.seq} names another package`);
          }
          this.#sql.insertRecord.run(
            testId,
            record.seq,
            record.kind,
            canonicalJson(record.payload),
            record.wallAt,
            record.elapsedMs,
            record.prevHash,
            record.hash,
          );
          if (record.kind === 'answered' || record.kind === 'skipped') {
            this.#insertAnswer(testId, record.payload.challengeId, record.seq);
          }
        }
        const last = valid.at(-1);
        if (handed && last)
          this.#sql.insertHandover.run(testId, handed.timeLeftMs, last.seq, handed.receivedAt);
      })
      .immediate();
    return chain;
  }

  /** What the server handed over with the imported records, until this station's `testOpened`; else null. */
  resumeHandover(testId: string): ResumeHandover | null {
    const row = this.#sql.selectHandover.get(testId);
    return row ? { timeLeftMs: row.time_left_ms, atSeq: row.at_seq, receivedAt: row.received_at } : null;
  }

  #insertAnswer(testId: string, challengeId: string, seq: number): void {
    try {
      this.#sql.insertAnswer.run(testId, challengeId, seq);
    } catch (error) {
      const code = sqliteCode(error);
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AlreadyAnsweredError(testId, challengeId);
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UnknownChallengeError(testId, challengeId);
      throw error;
    }
  }

  /** The test's records in chain order. */
  records(testId: string): JournalRecord[] {
    const rows = this.#sql.selectRecords.all(testId);
    if (rows.length === 0) this.#requireTest(testId);
    return rows.map((row) => this.#readRecord(row));
  }

  lastRecord(testId: string): JournalRecord | null {
    const row = this.#sql.selectLastRecord.get(testId);
    return row ? this.#readRecord(row) : null;
  }

  /** Re-checks the whole chain from the stored rows: an edited, removed or reordered record is found. */
  verify(testId: string): ChainCheck {
    this.#requireTest(testId);
    const records: JournalRecord[] = [];
    for (const row of this.#sql.selectRecords.all(testId)) {
      const record = parseRecord(row);
      if (!record) return { ok: false, seq: row.seq, problem: `record ${row.seq} is unreadable` };
      records.push(record);
    }
    return verifyChain(testId, records);
  }

  #readRecord(row: RecordSql): JournalRecord {
    const record = parseRecord(row);
    if (!record) {
      throw new JournalCorruptedError(this.file, `record ${row.seq} of test ${row.test_id} is unreadable`);
    }
    return record;
  }

  // ------------------------------------------------------------------ drafts and clock

  /** What the candidate is typing, kept across a crash; not part of the chain, never replicated. */
  saveDraft(testId: string, challengeId: string, value: AnswerValue, savedAt: number): void {
    const draft = parseOrThrow(AnswerValueSchema, value, 'value', (m) => new InvalidInputError(m));
    const at = parseOrThrow(MillisSchema, savedAt, 'savedAt', (m) => new InvalidInputError(m));
    try {
      this.#sql.upsertDraft.run(testId, challengeId, canonicalJson(draft), at);
    } catch (error) {
      if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      this.#requireTest(testId);
      throw new UnknownChallengeError(testId, challengeId);
    }
  }

  draft(testId: string, challengeId: string): AnswerValue | null {
    const value = this.#sql.selectDraft.get(testId, challengeId);
    return typeof value === 'string' ? (JSON.parse(value) as AnswerValue) : null;
  }

  checkpointClock(testId: string, checkpoint: ClockCheckpoint): void {
    const cp = parseOrThrow(ClockCheckpointSchema, checkpoint, 'checkpoint', (m) => new InvalidInputError(m));
    try {
      this.#sql.upsertCheckpoint.run(testId, cp.elapsedMs, cp.wallAt);
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UnknownTestError(testId);
      throw error;
    }
  }

  clockCheckpoint(testId: string): ClockCheckpoint | null {
    const row = this.#sql.selectCheckpoint.get(testId);
    return row ? { elapsedMs: row.elapsed_ms, wallAt: row.wall_at } : null;
  }

  // ------------------------------------------------------------------ what the budget left out

  /**
   * Keeps the counts of what the test's journal budget left out, replacing those kept (the runtime
   * counts in memory and saves now and then: not one synced write per address of a page in a loop).
   */
  saveOmittedRecords(testId: string, omitted: OmittedRecords): void {
    const valid = parseOrThrow(OmittedRecordsSchema, omitted, 'omitted', (m) => new InvalidInputError(m));
    this.#db
      .transaction(() => {
        if (!this.#sql.testExists.get(testId)) throw new UnknownTestError(testId);
        this.#sql.deleteAllOmitted.run(testId);
        if (valid.navigations > 0) this.#sql.insertOmitted.run(testId, 'navigation', valid.navigations);
        for (const [event, count] of valid.lockdowns)
          if (count > 0) this.#sql.insertOmitted.run(testId, event, count);
      })
      .immediate();
  }

  /** The counts kept by saveOmittedRecords, less those a record has said since; zero when none. */
  omittedRecords(testId: string): OmittedRecords {
    const omitted: OmittedRecords = { navigations: 0, lockdowns: new Map() };
    for (const row of this.#sql.selectOmitted.all(testId)) {
      if (row.subject === 'navigation') omitted.navigations = row.count;
      else {
        const event = LockdownEventSchema.safeParse(row.subject);
        // A subject this version does not know (written by a newer one) is not said: the log has it.
        if (event.success) omitted.lockdowns.set(event.data, row.count);
      }
    }
    return omitted;
  }

  // ------------------------------------------------------------------ start authorization

  /**
   * Keeps (or, with null, forgets) the invigilator's start authorization the station acknowledged but
   * has not used yet, so that a relaunch still starts on it. Not chained: `started` names it once used.
   */
  holdStartAuthorization(testId: string, authorization: string | null): void {
    const id = parseOrThrow(
      AuthorizationSchema,
      authorization,
      'authorization',
      (m) => new InvalidInputError(m),
    );
    if (this.#sql.updateStartAuthorization.run(id, testId).changes === 0) throw new UnknownTestError(testId);
  }

  /** The start authorization held for this test; null when none (or the test is unknown). */
  heldStartAuthorization(testId: string): string | null {
    const id = this.#sql.selectStartAuthorization.get(testId);
    return typeof id === 'string' ? id : null;
  }

  // ------------------------------------------------------------------ result bundle and retention

  /** Seals the test with its signed result bundle; storing the same bundle again changes nothing. */
  storeBundle(testId: string, bundle: string, bundleHash: string): void {
    const jws = parseOrThrow(BundleSchema, bundle, 'bundle', (m) => new InvalidInputError(m));
    const hash = parseOrThrow(HashSchema, bundleHash, 'bundleHash', (m) => new InvalidInputError(m));
    this.#db
      .transaction(() => {
        const row = this.#sql.selectTest.get(testId);
        if (!row) throw new UnknownTestError(testId);
        if (row.bundle_hash !== null) {
          if (row.bundle_hash === hash && row.bundle === jws) return;
          throw new BundleAlreadyStoredError(testId);
        }
        this.#sql.updateBundle.run(jws, hash, testId);
      })
      .immediate();
  }

  /**
   * Results stored but not yet acknowledged by the server, oldest first (none continued elsewhere,
   * none the server refused); with `server`, only those of tests of that server (or bound to none).
   */
  pendingBundles(server?: string): TestRow[] {
    return this.#sql.selectPendingBundles.all({ server: server ?? null }).map(toTestRow);
  }

  /**
   * Tests whose result still needs this station's key: started here (or imported) and not sealed, or
   * sealed and not yet accepted by the server; none continued elsewhere, none whose refusal the server
   * answered for good. With any, an empty key store means a lost key (station-keys.ts).
   */
  testsAwaitingResult(): string[] {
    return this.#sql.selectAwaitingResult.all().map(String);
  }

  /**
   * The tests of testsAwaitingResult that belong to another server than `server`, by server: their
   * results can reach it only once the station is pointed back there.
   */
  resultsOfOtherServers(server: string): ResultsOfServer[] {
    const byServer = new Map<string, string[]>();
    for (const row of this.#sql.selectAwaitingElsewhere.all(server)) {
      byServer.set(row.server_origin, [...(byServer.get(row.server_origin) ?? []), row.test_id]);
    }
    return [...byServer].map(([serverOrigin, testIds]) => ({ serverOrigin, testIds }));
  }

  /**
   * The server has stored the result: the test may be purged `retentionMs` later. The first
   * acknowledgment counts; a repeated one (idempotent upload) changes nothing.
   */
  acknowledge(testId: string, acknowledgedAt: number, retentionMs: number): void {
    const at = parseOrThrow(MillisSchema, acknowledgedAt, 'acknowledgedAt', (m) => new InvalidInputError(m));
    const keep = parseOrThrow(MillisSchema, retentionMs, 'retentionMs', (m) => new InvalidInputError(m));
    this.#db
      .transaction(() => {
        const row = this.#sql.selectTest.get(testId);
        if (!row) throw new UnknownTestError(testId);
        if (row.bundle === null) throw new ResultNotSealedError(testId);
        if (row.acknowledged_at !== null) return;
        this.#sql.updateAcknowledged.run(at, at + keep, testId);
      })
      .immediate();
  }

  /**
   * The candidate continued this test on another station (the server refuses this station's records
   * for it): it is kept as evidence until `retentionMs` from now, and never resumed, sealed or sent
   * from here (its outbox is dropped: the server would refuse it). A test whose result the server
   * acknowledged is left as it is. Marking it again changes nothing.
   */
  markMovedElsewhere(testId: string, movedAt: number, retentionMs: number): void {
    const at = parseOrThrow(MillisSchema, movedAt, 'movedAt', (m) => new InvalidInputError(m));
    const keep = parseOrThrow(MillisSchema, retentionMs, 'retentionMs', (m) => new InvalidInputError(m));
    this.#db
      .transaction(() => {
        const row = this.#sql.selectTest.get(testId);
        if (!row) throw new UnknownTestError(testId);
        if (row.acknowledged_at !== null) return;
        this.#sql.insertMoved.run(testId, at, at + keep);
        this.#sql.deleteTestOutbox.run(testId);
      })
      .immediate();
  }

  /**
   * The server refused this test's result or records for good: the station stops sending them (they
   * leave pendingBundles or pendingOutbox) and keeps them. The first refusal is kept; a repeat changes
   * nothing.
   */
  recordServerRefusal(testId: string, subject: RefusalSubject, refusal: ServerRefusal): void {
    const at = parseOrThrow(MillisSchema, refusal.refusedAt, 'refusedAt', (m) => new InvalidInputError(m));
    try {
      this.#sql.insertRefusal.run(
        testId,
        subject,
        refusal.status,
        refusal.code.slice(0, MAX_REFUSAL_TEXT),
        refusal.message.slice(0, MAX_REFUSAL_TEXT),
        at,
      );
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UnknownTestError(testId);
      throw error;
    }
  }

  /**
   * IT's `--resend-refused` (self-check/resend-refused.ts): every refusal is forgotten, with its report,
   * so that what it held back (results, records) is sent again and the server verifies it anew; a
   * refusal that still holds is recorded again. Returns what was forgotten, oldest first, for the log.
   */
  clearServerRefusals(): ClearedRefusal[] {
    return this.#db
      .transaction(() => {
        const rows = this.#sql.selectAllRefusals.all();
        this.#sql.deleteAllRefusals.run();
        return rows.map((row) => ({
          testId: row.test_id,
          subject: row.subject === 'records' ? ('records' as const) : ('result' as const),
          refusal: { status: row.status, code: row.code, message: row.message, refusedAt: row.refused_at },
        }));
      })
      .immediate();
  }

  /** The server's refusal of this test's result or records; null when it refused neither. */
  serverRefusal(testId: string, subject: RefusalSubject): ServerRefusal | null {
    const row = this.#sql.selectRefusal.get(testId, subject);
    return row
      ? { status: row.status, code: row.code, message: row.message, refusedAt: row.refused_at }
      : null;
  }

  /**
   * Refused results whose report the server has not answered for good yet (refused before the reports
   * existed included), oldest refusal first; with `server`, only those of tests of that server (or
   * bound to none).
   */
  unreportedRefusals(server?: string): UnreportedRefusal[] {
    return this.#sql.selectUnreported.all({ server: server ?? null }).map((row) => ({
      testId: row.test_id,
      refusal: { status: row.status, code: row.code, message: row.message, refusedAt: row.refused_at },
    }));
  }

  /**
   * The server answered the report of this test's refused result for good: it is not sent again. The
   * first answer is kept; nothing is written for a test whose result was not refused.
   */
  recordRefusalReported(testId: string, report: RefusalReport): void {
    const at = parseOrThrow(MillisSchema, report.reportedAt, 'reportedAt', (m) => new InvalidInputError(m));
    this.#sql.updateReported.run(at, report.outcome.slice(0, MAX_REFUSAL_TEXT), testId);
  }

  /** The server's answer to the report of this test's refused result; null while it has none. */
  refusalReport(testId: string): RefusalReport | null {
    const row = this.#sql.selectReport.get(testId);
    if (!row || row.reported_at === null) return null;
    return { reportedAt: row.reported_at, outcome: row.report_outcome ?? '' };
  }

  /** When the candidate was found to continue this test on another station; null if not. */
  movedAt(testId: string): number | null {
    const at = this.#sql.selectMovedAt.get(testId);
    return typeof at === 'number' ? at : null;
  }

  /**
   * Deletes every trace of acknowledged tests, and of tests continued on another station, whose
   * retention has passed; returns how many.
   */
  purgeExpired(now: number): number {
    const at = parseOrThrow(MillisSchema, now, 'now', (m) => new InvalidInputError(m));
    // The WHERE clause is the rule: never a test whose result the server has not acknowledged (or
    // that went on elsewhere).
    const purged = this.#db.transaction(() => this.#sql.deleteExpired.run(at, at).changes).immediate();
    // Move the deletion into the main file and empty the WAL, so no copy of the purged pages remains.
    if (purged > 0) this.#db.pragma('wal_checkpoint(TRUNCATE)');
    return purged;
  }

  // ------------------------------------------------------------------ outbox

  /**
   * Records not yet confirmed stored by the server, each test's in the order they were written, taken
   * in turn from every test (its first, then its second…) so that one test's long backlog does not
   * hold back the others; none of a test whose records the server refused. With `server`, only the
   * records of tests of that server (or bound to none).
   */
  pendingOutbox(limit: number, server?: string): OutboxItem[] {
    const max = parseOrThrow(OutboxLimitSchema, limit, 'limit', (m) => new InvalidInputError(m));
    return this.#sql.selectOutbox.all({ limit: max, server: server ?? null }).map((row) => ({
      id: row.outbox_id,
      testId: row.test_id,
      seq: row.seq,
      record: this.#readRecord(row),
    }));
  }

  /** Whether this record is still in the outbox: the server has not confirmed storing it. */
  awaitsReplication(testId: string, seq: number): boolean {
    return this.#sql.selectOutboxRow.get(testId, seq) !== undefined;
  }

  /** The server has stored this test's records up to `storedThrough`: they leave the outbox. */
  acknowledgeOutbox(testId: string, storedThrough: number): void {
    const through = parseOrThrow(
      MillisSchema,
      storedThrough,
      'storedThrough',
      (m) => new InvalidInputError(m),
    );
    this.#sql.deleteOutbox.run(testId, through);
  }

  /** The connection's durability settings, read back from SQLite (for tests and the station's health view). */
  settings(): JournalSettings {
    const read = (name: string) => this.#db.pragma(name, { simple: true });
    return {
      journalMode: String(read('journal_mode')),
      synchronous: Number(read('synchronous')),
      foreignKeys: Number(read('foreign_keys')) === 1,
      busyTimeoutMs: Number(read('busy_timeout')),
      schemaVersion: Number(read('user_version')),
    };
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #requireTest(testId: string): void {
    if (!this.#sql.testExists.get(testId)) throw new UnknownTestError(testId);
  }
}

function prepareStatements(db: SqliteDatabase) {
  return {
    insertTest: db.prepare(
      `INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at,
         server_origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    selectServerOrigin: db.prepare('SELECT server_origin FROM tests WHERE test_id = ?').pluck(),
    bindServerOrigin: db.prepare('UPDATE tests SET server_origin = ? WHERE server_origin IS NULL'),
    moveServerOrigin: db.prepare('UPDATE tests SET server_origin = ? WHERE server_origin = ?'),
    testExists: db.prepare('SELECT 1 FROM tests WHERE test_id = ?'),
    selectTestIds: db.prepare('SELECT test_id FROM tests ORDER BY created_at, rowid').pluck(),
    selectTest: db.prepare<TestSql>(`SELECT ${TEST_COLUMNS} FROM tests WHERE test_id = ?`),
    selectUnfinished: db.prepare<TestSql>(
      `SELECT ${TEST_COLUMNS} FROM tests
       WHERE bundle IS NULL AND test_id NOT IN (SELECT test_id FROM moved_tests)
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    selectPendingBundles: db.prepare<TestSql>(
      `SELECT ${TEST_COLUMNS} FROM tests
       WHERE bundle IS NOT NULL AND acknowledged_at IS NULL AND test_id NOT IN (SELECT test_id FROM moved_tests)
         AND test_id NOT IN (SELECT test_id FROM server_refusals WHERE subject = 'result')
         AND ${OF_SERVER}
       ORDER BY created_at, rowid`,
    ),
    selectAwaitingResult: db.prepare(`${AWAITING_RESULT} ORDER BY t.created_at, t.rowid`).pluck(),
    selectAwaitingElsewhere: db.prepare<{ test_id: string; server_origin: string }>(
      `SELECT test_id, server_origin FROM tests
       WHERE server_origin IS NOT NULL AND server_origin <> ? AND test_id IN (${AWAITING_RESULT})
       ORDER BY created_at, rowid`,
    ),
    insertRefusal: db.prepare(
      `INSERT INTO server_refusals (test_id, subject, status, code, message, refused_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    selectRefusal: db.prepare<{ status: number | null; code: string; message: string; refused_at: number }>(
      'SELECT status, code, message, refused_at FROM server_refusals WHERE test_id = ? AND subject = ?',
    ),
    selectAllRefusals: db.prepare<{
      test_id: string;
      subject: string;
      status: number | null;
      code: string;
      message: string;
      refused_at: number;
    }>(
      `SELECT test_id, subject, status, code, message, refused_at FROM server_refusals
       ORDER BY refused_at, test_id, subject`,
    ),
    deleteAllRefusals: db.prepare('DELETE FROM server_refusals'),
    selectUnreported: db.prepare<{
      test_id: string;
      status: number | null;
      code: string;
      message: string;
      refused_at: number;
    }>(
      `SELECT test_id, status, code, message, refused_at FROM server_refusals
       WHERE subject = 'result' AND reported_at IS NULL
         AND test_id IN (SELECT test_id FROM tests WHERE ${OF_SERVER})
       ORDER BY refused_at, test_id`,
    ),
    updateReported: db.prepare(
      `UPDATE server_refusals SET reported_at = ?, report_outcome = ?
       WHERE test_id = ? AND subject = 'result' AND reported_at IS NULL`,
    ),
    selectReport: db.prepare<{ reported_at: number | null; report_outcome: string | null }>(
      "SELECT reported_at, report_outcome FROM server_refusals WHERE test_id = ? AND subject = 'result'",
    ),
    insertMoved: db.prepare(
      'INSERT INTO moved_tests (test_id, moved_at, purge_after) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    selectMovedAt: db.prepare('SELECT moved_at FROM moved_tests WHERE test_id = ?').pluck(),
    deleteTestOutbox: db.prepare('DELETE FROM outbox WHERE test_id = ?'),
    selectStarted: db.prepare("SELECT 1 FROM records WHERE test_id = ? AND kind IN ('started', 'resumed')"),
    deleteTest: db.prepare('DELETE FROM tests WHERE test_id = ?'),
    selectPackage: db.prepare<{ package: string | null; package_hash: string | null }>(
      'SELECT package, package_hash FROM tests WHERE test_id = ?',
    ),
    updatePackage: db.prepare('UPDATE tests SET package = ?, package_hash = ? WHERE test_id = ?'),
    insertChallenge: db.prepare('INSERT INTO challenges (test_id, challenge_id, position) VALUES (?, ?, ?)'),
    selectHead: db.prepare<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM records WHERE test_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    insertRecord: db.prepare(`INSERT INTO records (${RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertOutbox: db.prepare('INSERT INTO outbox (test_id, seq) VALUES (?, ?)'),
    insertAnswer: db.prepare('INSERT INTO answers (test_id, challenge_id, seq) VALUES (?, ?, ?)'),
    selectRecords: db.prepare<RecordSql>(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE test_id = ? ORDER BY seq`,
    ),
    selectLastRecord: db.prepare<RecordSql>(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE test_id = ? ORDER BY seq DESC LIMIT 1`,
    ),
    upsertDraft: db.prepare(
      `INSERT INTO drafts (test_id, challenge_id, value, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (test_id, challenge_id) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at`,
    ),
    selectDraft: db.prepare('SELECT value FROM drafts WHERE test_id = ? AND challenge_id = ?').pluck(),
    upsertCheckpoint: db.prepare(
      `INSERT INTO clock_checkpoints (test_id, elapsed_ms, wall_at) VALUES (?, ?, ?)
       ON CONFLICT (test_id) DO UPDATE SET elapsed_ms = excluded.elapsed_ms, wall_at = excluded.wall_at`,
    ),
    selectCheckpoint: db.prepare<{ elapsed_ms: number; wall_at: number }>(
      'SELECT elapsed_ms, wall_at FROM clock_checkpoints WHERE test_id = ?',
    ),
    insertHandover: db.prepare(
      'INSERT INTO resume_handovers (test_id, time_left_ms, at_seq, received_at) VALUES (?, ?, ?, ?)',
    ),
    selectHandover: db.prepare<{ time_left_ms: number | null; at_seq: number; received_at: number }>(
      'SELECT time_left_ms, at_seq, received_at FROM resume_handovers WHERE test_id = ?',
    ),
    deleteHandover: db.prepare('DELETE FROM resume_handovers WHERE test_id = ?'),
    insertOmitted: db.prepare('INSERT INTO omitted_records (test_id, subject, count) VALUES (?, ?, ?)'),
    selectOmitted: db.prepare<{ subject: string; count: number }>(
      'SELECT subject, count FROM omitted_records WHERE test_id = ? ORDER BY subject',
    ),
    deleteOmitted: db.prepare('DELETE FROM omitted_records WHERE test_id = ? AND subject = ?'),
    deleteAllOmitted: db.prepare('DELETE FROM omitted_records WHERE test_id = ?'),
    updateStartAuthorization: db.prepare('UPDATE tests SET start_authorization = ? WHERE test_id = ?'),
    selectStartAuthorization: db.prepare('SELECT start_authorization FROM tests WHERE test_id = ?').pluck(),
    updateBundle: db.prepare('UPDATE tests SET bundle = ?, bundle_hash = ? WHERE test_id = ?'),
    updateAcknowledged: db.prepare('UPDATE tests SET acknowledged_at = ?, purge_after = ? WHERE test_id = ?'),
    deleteExpired: db.prepare(
      `DELETE FROM tests
       WHERE (acknowledged_at IS NOT NULL AND purge_after IS NOT NULL AND purge_after <= ?)
          OR test_id IN (SELECT test_id FROM moved_tests WHERE purge_after <= ?)`,
    ),
    selectOutbox: db.prepare<RecordSql & { outbox_id: number }>(
      `SELECT o.id AS outbox_id, r.test_id, r.seq, r.kind, r.payload, r.wall_at, r.elapsed_ms, r.prev_hash, r.hash
       FROM (
         SELECT id, test_id, seq, ROW_NUMBER() OVER (PARTITION BY test_id ORDER BY id) AS turn
         FROM outbox
         WHERE test_id NOT IN (SELECT test_id FROM server_refusals WHERE subject = 'records')
           AND test_id IN (SELECT test_id FROM tests WHERE ${OF_SERVER})
       ) o JOIN records r ON r.test_id = o.test_id AND r.seq = o.seq
       ORDER BY o.turn, o.id LIMIT @limit`,
    ),
    deleteOutbox: db.prepare('DELETE FROM outbox WHERE test_id = ? AND seq <= ?'),
    selectOutboxRow: db.prepare('SELECT 1 FROM outbox WHERE test_id = ? AND seq = ?'),
  };
}

function toTestRow(row: TestSql): TestRow {
  return {
    testId: row.test_id,
    sessionId: row.session_id,
    candidateId: row.candidate_id,
    stationId: row.station_id,
    candidate: JSON.parse(row.candidate) as PackageCandidate,
    session: JSON.parse(row.session) as PackageSession,
    createdAt: row.created_at,
    packageHash: row.package_hash,
    bundle: row.bundle,
    bundleHash: row.bundle_hash,
    acknowledgedAt: row.acknowledged_at,
    purgeAfter: row.purge_after,
  };
}

/**
 * Rebuilds a record from its row. Rows were validated by append(); anything changed since is caught
 * by verify(), which recomputes every hash. Returns null when the payload is no longer JSON.
 */
function parseRecord(row: RecordSql): JournalRecord | null {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return null;
  }
  return {
    testId: row.test_id,
    seq: row.seq,
    wallAt: row.wall_at,
    elapsedMs: row.elapsed_ms,
    prevHash: row.prev_hash,
    hash: row.hash,
    kind: row.kind,
    payload,
  } as JournalRecord;
}

function sqliteCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
}
