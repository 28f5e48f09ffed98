// The storage seam: every read and write the server makes, as small repositories. The SQLite backend
// (storage/sqlite/) implements them; a PostgreSQL backend would implement the same interfaces. Methods
// are async (a network database needs it) and each one is atomic: a use case that must change several
// rows at once is one method, so a backend can give it one transaction.
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { CommandAckOutcome, StationCommand } from '../../core/contracts/station-server.ts';
import type { ResultBundlePayload } from '../../core/bundle/result-bundle.ts';
import type { GeneratedTest } from '../../core/generation/generated-test.ts';
import type { StationPublicJwk } from '../../core/identity/station-id.ts';
import type { JournalRecord, RecordKind } from '../../core/journal/journal-record.ts';
import type { Profile } from '../../core/profile/profile.ts';
import type { CertificationScore } from '../../core/scoring/certification-score.ts';
import type { Completion } from '../../core/scoring/scoring-input.ts';
import type {
  ResultEmailFailureKind,
  ResultEmailState,
  ResultEmailUpdateCause,
} from '../../core/contracts/result-emails.ts';
import type { SessionState } from '../../core/session/session.ts';
import type { TestPackage } from '../../core/package/test-package.ts';

// ------------------------------------------------------------------ rows

export interface StoredCentre {
  id: string;
  name: string;
  bankVersion: number;
  createdAt: number;
}

export type AccountRole = 'administrator' | 'referent';

export interface StoredAccount {
  id: string;
  email: string;
  displayName: string;
  role: AccountRole;
  centreId: string | null;
  passwordHash: string;
  createdAt: number;
  /** When an administrator deactivated it (it can no longer log in); null or absent: active. */
  deactivatedAt?: number | null;
}

export interface StoredToken {
  tokenHash: string;
  kind: 'account' | 'invigilator';
  accountId: string | null;
  sessionId: string | null;
  createdAt: number;
  expiresAt: number;
  maxExpiresAt: number;
  /**
   * An invigilator login: the session's invigilator password version it was given under (it works only
   * while that is the session's). Account logins leave it out (stored as 0).
   */
  passwordVersion?: number;
}

export interface SessionDetails {
  address: string;
  room: string;
  date: string;
  time: string;
  examiner: string;
  description: string;
}

export interface Finalization {
  globalComment: string;
  hadIncident: boolean;
  candidateCouldNotJoin: boolean;
  abortReasons: { candidateId: string; reason: 'candidate' | 'technical' }[];
  /**
   * The tests the invigilator confirmed over though their silent station left time (they may have run
   * on offline): for the jury, should their results arrive later. Absent before it existed.
   */
  confirmedOver?: string[];
  finalizedBy: string;
}

export interface StoredSession extends SessionDetails {
  id: string;
  number: number;
  centreId: string;
  accessCode: string;
  invigilatorPassword: string;
  /** Counts the changes of the invigilator password: logins given under an earlier one no longer work. */
  invigilatorPasswordVersion: number;
  state: SessionState;
  finalization: Finalization | null;
  finalizedAt: number | null;
  processedAt: number | null;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface CandidateFields {
  lastName: string;
  firstName: string;
  sex: 'M' | 'F';
  birthdate: string;
  birthCountry: string;
  birthCity: string | null;
  birthInseeCode: string | null;
  birthPostalCode: string | null;
  externalId: string | null;
  resultEmail: string | null;
  extraTimePercentage: number;
  accessibilityAdjustment: boolean;
}

export interface StoredCandidate extends CandidateFields {
  id: string;
  sessionId: string;
  matchKey: string;
  profile: Profile | null;
  profileImportedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** An attachment or illustration: its bytes, with the media type a centre gives them. */
export interface StoredContent {
  hash: string;
  mediaType: string;
  size: number;
  bytes: Buffer;
}

/**
 * The type of bytes read without a centre (stations' downloads): the bytes are stored once for every
 * centre, and any centre may have uploaded them first, so no centre's type goes with them.
 */
export const SHARED_CONTENT_TYPE = 'application/octet-stream';

export interface SelfCheck {
  ok: boolean;
  /** As the station sent them (SelfCheckRequest): status, code and params only from newer stations. */
  checks: {
    name: string;
    ok: boolean;
    detail: string;
    status?: 'ok' | 'warning' | 'failure' | 'skipped';
    code?: string;
    params?: Record<string, string | number>;
  }[];
  checkedAt: string;
}

export interface StoredStation {
  id: string;
  centreId: string;
  name: string;
  publicKey: StationPublicJwk;
  machineId: string;
  enrolledAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
  version: string | null;
  selfCheck: SelfCheck | null;
  selfCheckAt: number | null;
}

/** What the last heartbeat of the test's station said. */
export interface HeartbeatState {
  phase: string | null;
  currentIndex: number | null;
  total: number | null;
  timeLeftMs: number | null;
  timeLeftAt: number | null;
  /** The time added that timeLeftMs counts, as the station said; null when it did not (an older one). */
  timeLeftAddedMs: number | null;
  alertPending: boolean;
  /** The station's highest journal seq when it sent the heartbeat (older than the records → stale phase). */
  lastSeq: number | null;
  lastHeartbeatAt: number | null;
  clockOffsetMs: number | null;
}

/** The server's reading of the replicated journal. */
export interface JournalState {
  storedThrough: number;
  lastHash: string | null;
  /** The first `started` record's wall time, on the clock of the station that wrote it. */
  startedAt: number | null;
  /**
   * That station's clock offset (server − station) when its `started` record was stored: the start on
   * the server's clock is startedAt + this, whichever station holds the test later (a resume elsewhere
   * brings another clock). Null when unknown (no heartbeat of it stored yet, tests from before
   * migration 9): the test's last measured offset stands in.
   */
  startedClockOffsetMs: number | null;
  downtimeMs: number;
  answered: number;
  addedMs: number;
  pausedCause: string | null;
  pausedReason: string | null;
  endedReason: string | null;
}

/**
 * The server refused the test's result for good (a bundle its own station signed, intake.ts): the
 * station keeps it and does not send it again. The bundle itself is not stored.
 */
export interface UploadRefusal {
  /** The refusal's error code (CHAIN_BROKEN, PACKAGE_MISMATCH, BUNDLE_MISMATCH…). */
  code: string;
  at: number;
}

export interface StoredTest {
  id: string;
  sessionId: string;
  candidateId: string;
  stationId: string;
  joinedAt: number;
  packageId: string | null;
  packageHash: string | null;
  generatedAt: number | null;
  authorization: 'start' | 'resume' | null;
  authorizationId: string | null;
  resumeStationId: string | null;
  resumeRequestedAt: number | null;
  journal: JournalState;
  heartbeat: HeartbeatState;
  bundleReceivedAt: number | null;
  /** The last final refusal of a result, while no bundle of the test is stored. */
  uploadRefusal: UploadRefusal | null;
}

/** A station's request to resume a test: which one, and when it asked (its join). */
export interface ResumeRequest {
  stationId: string;
  requestedAt: number;
}

export interface GeneratedPackage {
  package: TestPackage;
  packageHash: string;
  generated: GeneratedTest;
  profile: Profile;
  /** The asked challenges as the bank held them, solutions included: scoring checks against these. */
  challenges: Challenge[];
  /** What generation read from the bank (exam/generation-bank.ts), for audit: stored once per hash. */
  generationBank: StoredGenerationBank;
  generatedAt: number;
}

/** A bank as test generation read it, stored once under the SHA-256 of its text (its content hash). */
export interface StoredGenerationBank {
  hash: string;
  /** Canonical JSON (exam/generation-bank.ts reads it). */
  content: string;
}

/**
 * What a test's audit reads (exam/test-audit.ts), as stored: the JSON values parsed but not trusted, the
 * audit checks them. `generationBank` null: generated before the server kept it (migration 21).
 */
export interface GenerationRecord {
  package: unknown;
  packageHash: string;
  generated: unknown;
  profile: unknown;
  /** The asked challenges as scored (solutions included). */
  asked: unknown;
  generationBank: StoredGenerationBank | null;
}

export interface QuestionContentFlags {
  image: boolean;
  attachment: boolean;
  embed: boolean;
  focused: boolean;
}

/** A replicated record with the offset (server − station) of the station that wrote it, when known. */
export interface ReplicatedRecord {
  record: JournalRecord;
  clockOffsetMs: number | null;
}

export interface StoredAlert {
  id: string;
  testId: string;
  challengeId: string;
  questionNumber: number | null;
  content: QuestionContentFlags;
  /** The raising station's wall clock. */
  raisedAt: number;
  /** That station's offset (server − station) when the alert was replicated; null when unknown. */
  clockOffsetMs: number | null;
  receivedAt: number;
  decision: 'dismissed' | 'validated' | null;
  reasonCode: string | null;
  decidedAt: number | null;
  commandId: string | null;
}

export interface StoredCommand {
  seq: number;
  id: string;
  sessionId: string;
  testId: string;
  stationId: string;
  command: StationCommand;
  issuedAt: number;
  acknowledgedAt: number | null;
  /**
   * What the station said it did with it (null: not said, or not acknowledged); rises to `applied` when
   * a later acknowledgement or the test's records prove it, never falls back.
   */
  acknowledgedOutcome: CommandAckOutcome | null;
  /**
   * The invigilator's request id (a retry sends it again) and what was asked under it, if the screen
   * gave one: unique per session, so that a retry never issues a second command.
   */
  request?: CommandRequest | null;
}

export interface CommandRequest {
  id: string;
  /** What was asked (the route, its target and body): the same id for another request is refused. */
  key: string;
}

/** A command issued under a request id, and the answer given to it (null until given). */
export interface RequestedCommand {
  command: StoredCommand;
  key: string;
  answer: unknown;
}

export interface SessionEvent {
  seq: number;
  sessionId: string;
  type: string;
  data: unknown;
  at: number;
}

export interface StoredBundle {
  testId: string;
  bundleHash: string;
  jws: string;
  payload: ResultBundlePayload;
  stationId: string;
  receivedAt: number;
}

export interface StoredIncident {
  id: string;
  sessionId: string;
  candidateId: string;
  code: string;
  questionNumber: number | null;
  description: string;
  createdAt: number;
  createdBy: string;
}

export interface StoredResult {
  candidateId: string;
  sessionId: string;
  testId: string;
  score: CertificationScore;
  completion: Completion;
  source: 'bundle' | 'records';
  neutralized: string[];
  verificationCode: string | null;
  scoredAt: number;
  /**
   * The highest level open to certification the result was first scored with (the setting of the day):
   * its certificate says so, and every re-scoring keeps it whatever the setting has become.
   */
  maxReachableLevel: number;
  /**
   * When the jury cancelled the certification, while that stands (its latest cancel, not undone since);
   * null or absent otherwise. Read only: a result as read then carries `score` with the cancellation
   * applied (core/scoring/jury-cancellation.ts: status cancelled, JURY_CANCELLED) and its verification
   * code kept (an undo restores the same); a result is written as scored, the cancellation kept apart
   * in the jury's decisions, so a re-scoring keeps it and an undo restores the score under it.
   */
  juryCancelledAt?: number | null;
}

/** The identity a certificate carries, which the jury may correct after the start (C1). */
export interface CandidateIdentityFields {
  lastName: string;
  firstName: string;
  birthdate: string;
}

/** One of the jury's decisions on a candidate, kept as taken (migration 14). */
export interface StoredJuryDecision {
  id: string;
  candidateId: string;
  kind: 'identity' | 'cancel' | 'uncancel';
  /** kind `identity`: the identity before and after; null for the others. */
  identity: { before: CandidateIdentityFields; after: CandidateIdentityFields } | null;
  reason: string;
  decidedAt: number;
  /** The administrator's account. */
  decidedBy: string;
}

// ------------------------------------------------------------------ repositories

export interface CentreRepository {
  create(centre: Omit<StoredCentre, 'bankVersion'>): Promise<StoredCentre>;
  get(id: string): Promise<StoredCentre | null>;
  list(): Promise<StoredCentre[]>;
}

export interface AccountRepository {
  /** Throws DuplicateError when the email is taken. */
  create(account: StoredAccount): Promise<void>;
  get(id: string): Promise<StoredAccount | null>;
  findByEmail(email: string): Promise<StoredAccount | null>;
  list(centreId: string | null): Promise<StoredAccount[]>;
  count(): Promise<number>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** Deactivates (a time) or reactivates (null) an account. */
  setDeactivatedAt(id: string, at: number | null): Promise<void>;
}

export interface TokenRepository {
  create(token: StoredToken): Promise<void>;
  find(tokenHash: string): Promise<StoredToken | null>;
  extend(tokenHash: string, expiresAt: number): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of an account (deactivated), or all but the token hashed `keep` (password change). */
  deleteByAccount(accountId: string, keep?: string): Promise<number>;
  /**
   * The housekeeping purge: account logins once expired; invigilator logins only once their maximum
   * lifetime plus ENDED_INVIGILATOR_LOGIN_KEPT_MS has passed. Until then an ended invigilator login
   * (30 min without contact, the invigilator password changed) keeps its row, which authenticates
   * nothing, so that the screen still holding it is told why it ended (invigilator/invigilator-auth.ts).
   */
  deleteExpired(now: number): Promise<number>;
}

/**
 * How long an invigilator login's row outlives its maximum lifetime (10 h): its cookie lasts that long
 * too, so past it the browser sends nothing; the margin covers a browser clock behind the server's.
 */
export const ENDED_INVIGILATOR_LOGIN_KEPT_MS = 60 * 60_000;

/**
 * A browser that logged in (auth/known-devices.ts), by the SHA-256 of its device secret (never the
 * secret): the targets it is known at, and its place in the order of last logins.
 */
export interface StoredKnownDevice {
  deviceHash: string;
  /** Each target still known, with when it stops being (its last successful login there + the TTL). */
  targets: { target: string; expiresAt: number }[];
  /** The order of its last successful login at any target (larger is later). */
  seen: number;
}

/** One of the device's targets forgotten, or all of them (target null: the device itself). */
export interface ForgottenDevice {
  deviceHash: string;
  target: string | null;
}

/**
 * The known devices, kept so that a restart does not forget them. auth/known-devices.ts holds them in
 * memory too and decides which are known and which are forgotten; this only keeps what it decided.
 * KnownDevices does not wait for its writes (a login does not wait for the disk, and a lost write
 * only makes a browser log in as a new one): each write must be applied in the order it was called.
 * A write need not be durable before it resolves (the SQLite backend does not sync it).
 */
export interface KnownDeviceRepository {
  /** Deletes the targets expired at `now`, and returns every device still known, least recently seen first. */
  load(now: number): Promise<StoredKnownDevice[]>;
  /**
   * A successful login of the device at `target`, at once: known there until `expiresAt`, `seen` set on
   * all its targets; the `forgotten` ones deleted, and every target expired at `now` (so the rows stay
   * bounded by what is known).
   */
  remember(
    login: { deviceHash: string; target: string; expiresAt: number; seen: number },
    forgotten: readonly ForgottenDevice[],
    now: number,
  ): Promise<void>;
  /** No device is known at `target` any more (its password changed); their other targets stay. */
  forget(target: string): Promise<void>;
}

export interface SessionCounts {
  candidates: number;
  joined: number;
  started: number;
  resultsReceived: number;
  /** Results refused for good, with no bundle stored. */
  resultsRefused: number;
  /** Tests not over on a station heard from lately (candidates waiting to start included). */
  running: number;
}

export interface SessionRepository {
  /** Numbers the session (the next free number) and stores it. */
  create(
    session: Omit<
      StoredSession,
      'number' | 'invigilatorPasswordVersion' | 'finalization' | 'finalizedAt' | 'processedAt' | 'publishedAt'
    >,
  ): Promise<StoredSession>;
  get(id: string): Promise<StoredSession | null>;
  getByNumber(number: number): Promise<StoredSession | null>;
  listByCentre(centreId: string): Promise<(StoredSession & { counts: SessionCounts })[]>;
  /** Only while the session is `created`; false otherwise. */
  update(id: string, details: SessionDetails, at: number): Promise<boolean>;
  /** Only while no test has a package; false otherwise. */
  delete(id: string): Promise<boolean>;
  /** created → finalized → processed in one step, with every result; false if not `created`. */
  finalize(id: string, finalization: Finalization, results: StoredResult[], at: number): Promise<boolean>;
  /**
   * Only when processed and not yet published. `resultEmails` names the result e-mails to queue from
   * the session's candidates and results as the publication finds them: they are written with it, in
   * its transaction (a crash cannot publish without queuing them, nor queue them for a refused one).
   */
  publish(id: string, at: number, resultEmails?: ResultEmailPlan): Promise<boolean>;
  /**
   * Replaces the invigilator password and counts its version up, and ends the session's invigilator
   * logins (expired now; their rows stay until the purge, so that their screens are told why: their
   * version no longer being the session's keeps them from authenticating anything), at once, whatever
   * the session's state. Returns the hashes of the logins it ended (their event streams are to be
   * closed), or null when nothing changed (the session is gone).
   */
  changeInvigilatorPassword(
    id: string,
    password: string,
    at: number,
  ): Promise<{ endedTokenHashes: string[] } | null>;
}

export interface CandidateRepository {
  /** All or nothing. */
  create(candidates: StoredCandidate[]): Promise<void>;
  get(id: string): Promise<StoredCandidate | null>;
  listBySession(sessionId: string): Promise<StoredCandidate[]>;
  findByMatch(sessionId: string, matchKey: string, birthdate: string): Promise<StoredCandidate[]>;
  /** Only while the candidate has no test package; false otherwise. */
  update(id: string, fields: CandidateFields, matchKey: string, at: number): Promise<boolean>;
  /** Only while the candidate has not joined (no test row); false otherwise. */
  delete(id: string): Promise<boolean>;
  setProfiles(entries: { candidateId: string; profile: Profile }[], at: number): Promise<void>;
}

export interface BankRepository {
  /** Upserts by id and bumps the centre's bank version, all at once. */
  importChallenges(centreId: string, challenges: Challenge[], at: number): Promise<void>;
  list(centreId: string): Promise<Challenge[]>;
}

export interface ContentRepository {
  /**
   * Stores the bytes once (idempotent: the same bytes under the same hash) and records the centre's
   * reference with its media type, which replaces that centre's previous one only.
   */
  put(centreId: string, content: StoredContent, at: number): Promise<void>;
  /** Records the centre's references to bytes already stored (a bank citing them), at once. */
  reference(
    centreId: string,
    refs: readonly { hash: string; mediaType: string }[],
    at: number,
  ): Promise<void>;
  /** The bytes, whoever stored them, with SHARED_CONTENT_TYPE (for stations: their bank says which). */
  get(hash: string): Promise<StoredContent | null>;
  /** The bytes under the centre's media type; null when the centre has no reference to them. */
  getForCentre(centreId: string, hash: string): Promise<StoredContent | null>;
  /** The hashes among `hashes` the centre has no reference to (stored or not: existence is not told). */
  missing(centreId: string, hashes: string[]): Promise<string[]>;
  /** The files the centre references, with their size and when it last referenced each (its quota). */
  centreFiles(centreId: string): Promise<{ hash: string; size: number; at: number }[]>;
  /**
   * Drops the centre's references to these files (the bytes stay while a package cites them or another
   * centre references them; sweepUncited deletes the others).
   */
  forget(centreId: string, hashes: readonly string[]): Promise<void>;
  /**
   * Deletes at once stored bytes that no centre references and no test package cites (of any session,
   * processed or not: the jury's record and a resuming station may need them), and says how many files
   * and bytes that freed: files in hash order while those before them take less than `batchBytes`
   * (always one at least; default SWEEP_BATCH_BYTES), so that a caller frees a large backlog a batch
   * per turn (content-sweep.ts). A put is wholly before or after it: bytes just put, with their
   * reference, are never swept.
   */
  sweepUncited(batchBytes?: number): Promise<SweptContent>;
}

/**
 * What one sweep deletes at most, beyond its first file: deleting a file reads every page of it (its
 * overflow chain), on the event loop, and a first start after an upgrade may find gigabytes to free.
 */
export const SWEEP_BATCH_BYTES = 32 * 1024 * 1024;

/** What a sweep of uncited content freed (counts only: never which files, another centre's included). */
export interface SweptContent {
  files: number;
  bytes: number;
}

export type EnrollOutcome =
  /** `reactivated`: the key was enrolled before and revoked; the station is active again. */
  | { ok: true; centreId: string; reactivated: boolean }
  | {
      ok: false;
      problem:
        | 'CODE_UNKNOWN'
        | 'CODE_USED'
        | 'CODE_EXPIRED'
        | 'ALREADY_ENROLLED'
        /** The key's station was revoked: only a code issued for it enrolls it again. */
        | 'REVOKED_NEEDS_ITS_CODE'
        /** The key's station (revoked) belongs to another centre than the code's: it never moves. */
        | 'OTHER_CENTRE'
        /** The code was issued to enroll again another (revoked) station. */
        | 'CODE_FOR_ANOTHER_STATION';
    };

/** A revocation done, or refused for tests in use that the request did not confirm (then not revoked). */
export type RevokeOutcome =
  { ok: true; revoked: boolean; inUse: StationTestInUse[] } | { ok: false; inUse: StationTestInUse[] };

/** A test that revoking its station would cut off (its signed result would be refused). */
export interface StationTestInUse {
  testId: string;
  candidateId: string;
  lastName: string;
  firstName: string;
  sessionId: string;
  sessionNumber: number;
  /** In course in a session still open (waiting to start included); otherwise its result is awaited. */
  running: boolean;
}

export interface StationRepository {
  createEnrollmentCode(code: {
    codeHash: string;
    centreId: string;
    createdBy: string | null;
    createdAt: number;
    expiresAt: number;
    /** A code to enroll again this revoked station (of the same centre), and no other key. */
    forStationId: string | null;
  }): Promise<void>;
  /**
   * Uses the code and registers the station in the code's centre, at once. A key already enrolled is
   * refused (ALREADY_ENROLLED) unless its station was revoked: it is then active again, under the name
   * and machine id given now, if the code was issued for it (REVOKED_NEEDS_ITS_CODE otherwise) and is of
   * its centre (OTHER_CENTRE otherwise: a station never changes centre). A code issued for a station
   * enrolls no other key (CODE_FOR_ANOTHER_STATION). A used code enrolls again only the station it
   * enrolled, while that one is active (its first answer was lost).
   */
  enroll(codeHash: string, station: Omit<StoredStation, 'centreId'>, now: number): Promise<EnrollOutcome>;
  get(id: string): Promise<StoredStation | null>;
  listByCentre(centreId: string): Promise<StoredStation[]>;
  revoke(id: string, at: number): Promise<boolean>;
  /**
   * Revokes the station unless it has tests in use (testsInUse) that are not all among `confirmed` (the
   * ones the referent was shown): the check and the revocation in one transaction, so that a test
   * started in between is never cut off unseen. `revoked` false: it was revoked already.
   */
  revokeConfirmed(id: string, confirmed: readonly string[], at: number): Promise<RevokeOutcome>;
  /**
   * The station's tests (attached to it, or asking to resume on it) with no signed result stored or
   * refused: started ones (their result is awaited, whatever the session's state), and those waiting
   * to start in a session still open. By session number, then name.
   */
  testsInUse(id: string): Promise<StationTestInUse[]>;
  setSelfCheck(id: string, version: string, selfCheck: SelfCheck, at: number): Promise<void>;
  setLastSeen(entries: { stationId: string; at: number }[]): Promise<void>;
  /** Remembers a nonce; false if it was already used (a replay). */
  useNonce(stationId: string, nonce: string, expiresAt: number): Promise<boolean>;
  purgeNonces(now: number): Promise<number>;
}

export type RecordsOutcome =
  | { ok: true; storedThrough: number; stored: JournalRecord[] }
  | { ok: false; problem: 'RECORD_CONFLICT' | 'CHAIN_BROKEN'; message: string };

/** `withdrawnStart`: the start authorization withdrawn by the move (its command id; null if unnamed). */
export type RejoinOutcome = { rejoined: false } | { rejoined: true; withdrawnStart: string | null };

export interface TestRepository {
  create(test: {
    id: string;
    sessionId: string;
    candidateId: string;
    stationId: string;
    joinedAt: number;
  }): Promise<void>;
  get(id: string): Promise<StoredTest | null>;
  getByCandidate(candidateId: string): Promise<StoredTest | null>;
  listBySession(sessionId: string): Promise<StoredTest[]>;
  /**
   * Before the start, the candidate signed in again (on another station, or on the same one after
   * cancelling): the station begins a new journal, whose first record differs from the one stored. At
   * once: the test is attached to the station, its replicated records are deleted and
   * the journal state they made is reset, so that the new chain is stored from record 1; and a start
   * authorized meanwhile is withdrawn (the invigilator confirms the candidate's presence again, where
   * they sit now), its command retired like a withdrawn one. Not rejoined, and nothing written, when the
   * test started or ended meanwhile (its records arrived since it was read), or when its station
   * acknowledged a start or resume `applied` (the candidate began there: a resume, not a new start).
   */
  rejoinBeforeStart(id: string, stationId: string): Promise<RejoinOutcome>;
  /**
   * After the start, the candidate asks to resume on this station (resume_station_id and its time); and, at once, a resume authorization still pending for another station (the one
   * the test is attached to) is withdrawn: the candidate sits elsewhere now. Its command is retired
   * (marked acknowledged as of its issue, before this request: never delivered again, to that station
   * or to the next one, and never read as a go-ahead). Returns the retired command's id, or null.
   */
  requestResumeWithdrawingElsewhere(id: string, stationId: string, at: number): Promise<string | null>;
  /** Only once: false if the test already has a package. */
  setPackage(id: string, generated: GeneratedPackage): Promise<boolean>;
  package(id: string): Promise<{ package: TestPackage; packageHash: string } | null>;
  /**
   * Whether the package of a test attached to the station now, in a session of the station's centre not
   * processed, cites the file (an attachment or illustration): a package is a snapshot, and a later bank
   * import may have replaced the challenge that cited it.
   */
  packageCitesForStation(station: { id: string; centreId: string }, hash: string): Promise<boolean>;
  generation(
    id: string,
  ): Promise<{ generated: GeneratedTest; profile: Profile; challenges: Challenge[] } | null>;
  /** The test's package and what it was generated from, for its audit; null without a package. */
  generationRecord(id: string): Promise<GenerationRecord | null>;
  /** The jury's neutralizations: set or cleared, returns the test's whole list. */
  setJuryNeutralization(
    id: string,
    challengeId: string,
    neutralized: boolean,
    at: number,
    by: string,
  ): Promise<void>;
  juryNeutralizations(id: string): Promise<string[]>;
  /**
   * Records the invigilator's authorization with its command, at once. A resume moves the test to
   * the station that asked for it, if any; unless `dropRequest` is that request (its station no longer
   * asks): it is cleared and the test resumes where it is. A request made since is moved to as usual.
   * `recheck`, if given, is called first in the same transaction with the test and its commands as they
   * are now (what the caller read may have changed while it awaited): throwing refuses the
   * authorization, and nothing is written.
   */
  authorize(
    id: string,
    authorization: 'start' | 'resume' | null,
    command: StoredCommand,
    dropRequest?: ResumeRequest,
    recheck?: (current: StoredTest, commands: readonly StoredCommand[]) => void,
  ): Promise<void>;
  /** Appends records that continue the stored chain (hash-checked by the caller) with the state they imply. */
  appendRecords(
    id: string,
    records: JournalRecord[],
    journal: JournalState,
    newAlerts: StoredAlert[],
    at: number,
    /** The writing station's offset (server − station), kept with the records; null when unknown. */
    clockOffsetMs?: number | null,
  ): Promise<void>;
  records(id: string, fromSeq?: number): Promise<JournalRecord[]>;
  /** Every replicated record of the test with its writer's clock offset, in order (the jury's record). */
  replicatedRecords(id: string): Promise<ReplicatedRecord[]>;
  /** Records of some kinds for several tests (the room's lockdown events), in order. */
  recordsOfKind(testIds: string[], kind: RecordKind): Promise<ReplicatedRecord[]>;
  setHeartbeat(id: string, heartbeat: HeartbeatState): Promise<void>;
  clearAuthorization(id: string): Promise<void>;
  /**
   * Marks the test's result as refused for good (replacing an earlier mark); false, and nothing
   * written, once a bundle of the test is stored: the accepted result stands.
   */
  recordUploadRefusal(id: string, refusal: UploadRefusal): Promise<boolean>;
}

export interface AlertRepository {
  listByTests(testIds: string[]): Promise<StoredAlert[]>;
  get(id: string): Promise<StoredAlert | null>;
  /** Records the decision and its command at once; false if already decided. */
  decide(
    id: string,
    decision: { decision: 'dismissed' | 'validated'; reasonCode: string | null; decidedAt: number },
    command: StoredCommand,
  ): Promise<boolean>;
}

export interface CommandRepository {
  /** Throws DuplicateError('requestId') when the session already has a command under its request id. */
  issue(command: StoredCommand): Promise<number>;
  /** The command issued under this request id in the session, if any. */
  byRequest(sessionId: string, requestId: string): Promise<RequestedCommand | null>;
  /** Keeps the answer given to a command's request (the first one only). */
  setAnswer(id: string, answer: unknown): Promise<void>;
  get(id: string): Promise<StoredCommand | null>;
  /** Unacknowledged commands for the tests now attached to this station, after `afterSeq`. */
  pendingForStation(stationId: string, afterSeq: number): Promise<StoredCommand[]>;
  /**
   * A command already acknowledged keeps its first acknowledgement's time and outcome, except that an
   * `applied` outcome replaces any other (a held start applied since, records that prove it).
   */
  acknowledge(id: string, at: number, outcome: CommandAckOutcome | null): Promise<void>;
  listByTests(testIds: string[]): Promise<StoredCommand[]>;
}

export interface SessionEventRepository {
  append(sessionId: string, type: string, data: unknown, at: number): Promise<SessionEvent>;
  after(sessionId: string, afterSeq: number, limit: number): Promise<SessionEvent[]>;
  lastSeq(sessionId: string): Promise<number>;
  /** The highest event id of every session. */
  maxSeq(): Promise<number>;
  /**
   * Moves the next event ids `count` further: at start-up, so that ids of events a power cut may have
   * erased are never given again (a screen that saw them would take the new events for old ones).
   */
  skipIds(count: number): Promise<void>;
}

/** A bundle being accepted: its payload was verified where it was checked (a worker thread). */
export interface NewBundle {
  testId: string;
  bundleHash: string;
  /** The compact JWS, as text or as its (ASCII) bytes: intake hands over the bytes it verified. */
  jws: string | Buffer;
  endReason: string;
  stationId: string;
  receivedAt: number;
}

export interface BundleAcknowledgment {
  bundleHash: string;
  receivedAt: number;
}

export type BundleOutcome =
  | { ok: true; bundle: BundleAcknowledgment; firstTime: boolean }
  | { ok: false; problem: 'BUNDLE_CONFLICT'; existing: BundleAcknowledgment };

export interface BundleRepository {
  /**
   * Stores once, with the journal state the bundle establishes, and clears the test's refusal mark:
   * the same hash again returns the stored one; another hash is a conflict. Resolves only once the
   * bundle is durably stored.
   */
  store(bundle: NewBundle, journal: JournalState): Promise<BundleOutcome>;
  get(testId: string): Promise<StoredBundle | null>;
  /** Just the hash and time: what an upload is answered with. */
  acknowledgment(testId: string): Promise<BundleAcknowledgment | null>;
  listBySession(sessionId: string): Promise<StoredBundle[]>;
  count(): Promise<number>;
}

export interface IncidentRepository {
  create(incident: StoredIncident): Promise<void>;
  listBySession(sessionId: string): Promise<StoredIncident[]>;
  /** How many reports one candidate has (their card, on every change during the test). */
  countByCandidate(sessionId: string, candidateId: string): Promise<number>;
  get(id: string): Promise<StoredIncident | null>;
  delete(id: string): Promise<void>;
}

export interface ResultRepository {
  listBySession(sessionId: string): Promise<StoredResult[]>;
  /** The candidates of the session with a stored result (one of them only, if given): ids, nothing parsed. */
  scoredCandidates(sessionId: string, candidateId?: string): Promise<Set<string>>;
  get(candidateId: string): Promise<StoredResult | null>;
  findByVerificationCode(code: string): Promise<StoredResult | null>;
  /**
   * Replaces one candidate's result (a late bundle re-scored). Unless `evenIfPublished`, nothing is
   * written, and false returned, once the session's results are published: the check and the write are
   * one transaction, so a publication landing during the re-scoring wins.
   */
  replace(
    result: StoredResult,
    options?: {
      evenIfPublished?: boolean;
      /** Once published: the update e-mail the change calls for, queued in the same transaction. */
      resultEmailUpdate?: ResultEmailUpdatePlan;
    },
  ): Promise<boolean>;
}

/** A result e-mail queued at publication (mail/result-email-recipients.ts). */
export interface NewResultEmail {
  id: string;
  recipient: string;
  /** In the message's order. */
  candidateIds: string[];
}

export type ResultEmailPlan = (
  candidates: readonly StoredCandidate[],
  results: readonly StoredResult[],
) => NewResultEmail[];

/**
 * A change of a candidate's result once the session is published, as the update's plan reads it: a
 * jury's decision (its cause), or a result written (the one it replaces, null when it had none).
 */
export type ResultChange =
  | { kind: 'jury'; cause: Extract<ResultEmailUpdateCause, 'cancelled' | 'restored' | 'identityCorrected'> }
  | { kind: 'result'; previous: StoredResult | null; next: StoredResult };

/**
 * An update after publication about one candidate (mail/result-email-updates.ts), as stored: why, in
 * the order the changes came (more than one when later changes came while it waited, never sent).
 */
export interface ResultEmailUpdate {
  candidateId: string;
  causes: ResultEmailUpdateCause[];
}

/** The update a change calls for: a new message, or merged into the one still waiting. */
export interface NewResultEmailUpdate {
  id: string;
  recipient: string;
  candidateId: string;
  cause: ResultEmailUpdateCause;
}

/**
 * Called by storage inside the transaction of a change to a published session's candidate who has a
 * result: the update message to queue with it, or null (no address, nothing a recipient would see).
 */
export type ResultEmailUpdatePlan = (
  candidate: StoredCandidate,
  change: ResultChange,
) => NewResultEmailUpdate | null;

/** Why an attempt failed, as the outbox keeps it (never a credential). */
export interface ResultEmailFailure {
  kind: ResultEmailFailureKind;
  detail: string;
}

export interface StoredResultEmail extends NewResultEmail {
  sessionId: string;
  /** Null: the publication's message; otherwise an update (its one candidate in candidateIds). */
  update: ResultEmailUpdate | null;
  state: ResultEmailState;
  attempts: number;
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  lastFailure: ResultEmailFailure | null;
  sentAt: number | null;
  createdAt: number;
}

/**
 * How long a row the mailer took stays its: longer than any send (result-mailer.ts gives up on one after
 * SEND_LIMIT_MS, and a stopping server cuts its own within seconds), so that an older
 * claim can only be a stopped or killed mailer's, and a live one is never freed under it (sent twice).
 */
export const SENDING_CLAIM_MS = 10 * 60_000;

/**
 * The outbox of result e-mails (mail/result-mailer.ts sends it): the publication's and the updates,
 * read and written alike by their id. Each outcome is recorded only if the
 * row is still the pending one the mailer read (`attempts` as read): a « Renvoyer » in between wins.
 */
export interface ResultEmailRepository {
  /** The session's, by recipient. */
  listBySession(sessionId: string): Promise<StoredResultEmail[]>;
  get(id: string): Promise<StoredResultEmail | null>;
  /**
   * Pending rows due at `now`, the longest waiting first: none taken, and no update while an older
   * message to the same address about the same candidate has not gone (it must not arrive first).
   */
  due(now: number, limit: number): Promise<StoredResultEmail[]>;
  /**
   * The mailer takes a due row to send it: as it is now (a change may have merged into it since `due`),
   * or null when it is no longer the pending one read, or is taken already (by another server on the
   * same file, or a stopping one). From then on no change merges into it (it gets its own update),
   * until its attempt's outcome is recorded: a retry then folds those updates back into it (a give-up
   * only when its address was refused: recordFailed).
   */
  takeForSending(id: string, previousAttempts: number, at: number): Promise<StoredResultEmail | null>;
  /**
   * Frees the rows taken at least SENDING_CLAIM_MS before `at` (no send lasts that long: a mailer
   * stopped or killed before their outcome), folding into each the updates queued meanwhile; done when
   * the store opens and at each mailer round. How many were freed.
   */
  releaseSending(at: number): Promise<number>;
  /**
   * When the next pending row is due, as `due` reads them (a taken one: when its claim runs out); null
   * when none is pending.
   */
  nextAttemptAt(): Promise<number | null>;
  pendingCount(): Promise<number>;
  recordSent(id: string, previousAttempts: number, at: number): Promise<boolean>;
  /** A failed attempt, tried again at `nextAttemptAt`. */
  recordRetry(
    id: string,
    previousAttempts: number,
    failure: ResultEmailFailure,
    at: number,
    nextAttemptAt: number,
  ): Promise<boolean>;
  /**
   * A failed attempt, given up. The updates queued while it was taken fold into it only when its
   * address was refused (`rejected`); otherwise they stay queued and go on their own.
   */
  recordFailed(
    id: string,
    previousAttempts: number,
    failure: ResultEmailFailure,
    at: number,
  ): Promise<boolean>;
  /** A sent or failed row back in the queue, due at `at`, its attempts counted from 0; false otherwise. */
  resend(id: string, at: number): Promise<boolean>;
  /** A pending row due at `at` (sooner than its retry), its attempts kept; false when not pending. */
  sendNow(id: string, at: number): Promise<boolean>;
}

/**
 * What an identity correction did: `notStarted`, the candidate's test has not started (the referent
 * edits the candidate); `stale`, their identity is no longer the one it corrects (corrected meanwhile);
 * `duplicate`, another candidate of the session has that identity (joining would match both).
 */
export type IdentityCorrectionOutcome = 'corrected' | 'notStarted' | 'stale' | 'duplicate';
/** `unchanged`: the certification already stands so (cancelled, or not); `noResult`: nothing to cancel. */
export type CancellationOutcome = 'decided' | 'unchanged' | 'noResult';

export interface JuryDecisionRepository {
  /** Oldest first. */
  listByCandidate(candidateId: string): Promise<StoredJuryDecision[]>;
  /** Every candidate's of the session, oldest first. */
  listBySession(sessionId: string): Promise<StoredJuryDecision[]>;
  /**
   * Corrects a candidate's identity (names, birthdate and `matchKey`) and records the decision (kind
   * `identity`, its `before` the identity it corrects), at once; nothing is written unless `corrected`.
   * Once published, the update e-mail `resultEmailUpdate` plans is queued in the same transaction.
   */
  correctIdentity(
    decision: StoredJuryDecision,
    matchKey: string,
    resultEmailUpdate?: ResultEmailUpdatePlan,
  ): Promise<IdentityCorrectionOutcome>;
  /**
   * Records a cancel or an uncancel, only when the candidate has a result and it changes whether the
   * certification stands cancelled: checked and written at once (two jurors at the same time: one wins),
   * with the update e-mail `resultEmailUpdate` plans once published.
   */
  decideCancellation(
    decision: StoredJuryDecision,
    resultEmailUpdate?: ResultEmailUpdatePlan,
  ): Promise<CancellationOutcome>;
}

// ------------------------------------------------------------------ storage faults

/**
 * What failed in the storage itself: `full` (no room left on its disk), `busy` (locked by another
 * program past the wait), or why it cannot be used (`ioError`, `readOnly`, `corrupt`, `cantOpen`,
 * `noMemory`: one answer, told apart to IT).
 */
export type StorageFaultKind = 'full' | 'busy' | 'ioError' | 'readOnly' | 'corrupt' | 'cantOpen' | 'noMemory';

/**
 * A failure of the storage's disk, files, locks or memory, not of the request (a constraint) nor a bug:
 * nothing of the failed call was stored. Each backend recognises its own (Store.faultOf); the HTTP layer
 * answers and logs them alike (http/storage-faults.ts).
 */
export interface StorageFault {
  kind: StorageFaultKind;
  /** The backend's own code, quoted to IT (SQLite's extended code: SQLITE_IOERR_FSYNC). */
  code: string;
  /** The storage may not hold what it said it wrote: the server must stop (a restart reads what it holds). */
  durabilityLost: boolean;
  /** Where the database is, as IT is shown it (SQLite: its folder; never a password or a whole URL). */
  where: string;
  /** For IT: what happened and what to do, in the backend's terms. */
  description: string;
  /** What the log says of it, under the names the IT guide gives (SQLite: sqliteCode, databaseFolder…). */
  logFields: Readonly<Record<string, string>>;
}

export interface Store {
  centres: CentreRepository;
  accounts: AccountRepository;
  tokens: TokenRepository;
  knownDevices: KnownDeviceRepository;
  sessions: SessionRepository;
  candidates: CandidateRepository;
  bank: BankRepository;
  content: ContentRepository;
  stations: StationRepository;
  tests: TestRepository;
  alerts: AlertRepository;
  commands: CommandRepository;
  events: SessionEventRepository;
  bundles: BundleRepository;
  incidents: IncidentRepository;
  results: ResultRepository;
  juryDecisions: JuryDecisionRepository;
  resultEmails: ResultEmailRepository;
  /** The storage fault behind an error this store threw, or null when it is not one (a 500). */
  faultOf(error: unknown): StorageFault | null;
  close(): Promise<void>;
}

/** A unique value (an email, a verification code) is already taken. */
export class DuplicateError extends Error {
  readonly field: string;
  constructor(field: string) {
    super(`${field} is already used`);
    this.name = 'DuplicateError';
    this.field = field;
  }
}

/**
 * Another request changed the same rows first: the caller reads again and retries. Any backend throws
 * it, so callers outside storage/ recognise it here.
 */
export class ConcurrentChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrentChangeError';
  }
}
