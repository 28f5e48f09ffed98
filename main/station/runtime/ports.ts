// What the exam runtime needs from the outside world, as small interfaces: the journal, the server,
// the sealer, time. Production wires the real ones; tests pass fakes or the real journal on temp files.
import type { SignInRequest, StationErrorCode } from '../../../core/contracts/station-api.ts';
import type { JoinResponse } from '../../../core/contracts/station-server.ts';

/** What a resume elsewhere downloads besides the package (contracts: TestRecordsResponseSchema). */
export interface ReplicatedTest {
  records: JournalRecord[];
  lastTimeLeftMs: number | null;
}
import type { AnswerValue } from '../../../core/challenge/answer.ts';
import type { EndReason } from '../../../core/contracts/station-api.ts';
import type { ChainCheck } from '../../../core/journal/chain.ts';
import type { JournalRecord, RecordBody } from '../../../core/journal/journal-record.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import type {
  AppendOptions,
  ClockCheckpoint,
  OmittedRecords,
  RefusalSubject,
  ResumeHandover,
  ServerRefusal,
  TestInfo,
  TestRow,
} from '../journal/answer-journal.ts';

export type { AppendOptions, ClockCheckpoint, OmittedRecords, ResumeHandover, TestInfo, TestRow };

/** The part of the answer journal the runtime uses. */
export interface ExamJournal {
  createTest(info: TestInfo): void;
  discardTest(testId: string): void;
  storePackage(testId: string, pkg: TestPackage, expectedHash: string): void;
  package(testId: string): TestPackage | null;
  /** `saysOmitted`: the record says how many the budget left out, whose count goes in its transaction. */
  append(
    testId: string,
    body: RecordBody,
    at: { wallAt: number; elapsedMs: number },
    options?: AppendOptions,
  ): JournalRecord;
  /** Whether this record is still in the outbox: the server has not confirmed storing it. */
  awaitsReplication(testId: string, seq: number): boolean;
  records(testId: string): JournalRecord[];
  lastRecord(testId: string): JournalRecord | null;
  /**
   * Continues a test begun on another station: its replicated records, checked and kept as they are,
   * with what the server handed over beside them (kept until this station's own `testOpened`).
   */
  importRecords(
    testId: string,
    records: readonly JournalRecord[],
    handover?: Omit<ResumeHandover, 'atSeq'>,
  ): ChainCheck;
  resumeHandover(testId: string): ResumeHandover | null;
  /** What the journal budget left out, kept across a relaunch until said before `ended`. */
  saveOmittedRecords(testId: string, omitted: OmittedRecords): void;
  omittedRecords(testId: string): OmittedRecords;
  verify(testId: string): ChainCheck;
  saveDraft(testId: string, challengeId: string, value: AnswerValue, savedAt: number): void;
  draft(testId: string, challengeId: string): AnswerValue | null;
  /** The invigilator's start authorization acknowledged but not used yet, kept across a relaunch. */
  holdStartAuthorization(testId: string, authorization: string | null): void;
  heldStartAuthorization(testId: string): string | null;
  checkpointClock(testId: string, checkpoint: ClockCheckpoint): void;
  clockCheckpoint(testId: string): ClockCheckpoint | null;
  unfinishedTest(): TestRow | null;
  test(testId: string): TestRow | null;
  storeBundle(testId: string, bundle: string, bundleHash: string): void;
  acknowledge(testId: string, acknowledgedAt: number, retentionMs: number): void;
  /** The candidate continued this test on another station: kept as evidence, never resumed or sent. */
  markMovedElsewhere(testId: string, movedAt: number, retentionMs: number): void;
  movedAt(testId: string): number | null;
  /** The server's final refusal of this test's result or records; null when it refused neither. */
  serverRefusal(testId: string, subject: RefusalSubject): ServerRefusal | null;
}

export type ServerFailure = {
  ok: false;
  kind: 'network' | 'timeout' | 'http';
  status?: number;
  code?: string;
  message: string;
  /** The server's Retry-After, in ms from now, when it sent one. */
  retryAfterMs?: number;
};
export type ServerResult<T> = { ok: true; value: T } | ServerFailure;

/** The server calls the exam runtime makes itself (the sync client does the rest). */
export interface ExamServer {
  join(request: SignInRequest): Promise<ServerResult<JoinResponse>>;
  fetchPackage(testId: string): Promise<ServerResult<{ package: TestPackage; packageHash: string }>>;
  /** The records the server replicated for a test, and the last time left reported (to resume here). */
  fetchRecords(testId: string): Promise<ServerResult<ReplicatedTest>>;
}

/**
 * What became of an invigilator command: `applied` (now, or before: its journal holds it); `pending`
 * (accepted, finishes by itself, such as a start waiting for the package download); `ignored` (another
 * test, or nothing to do in this phase); `deferred` (not applicable yet, but it will be: a pause, time
 * added, the end or an alert's decision for a test resumed from another station whose records have not
 * reached this station yet). The sync client acknowledges every command except a deferred one, which
 * the server sends again until it is applied.
 */
export type CommandOutcome = 'applied' | 'pending' | 'ignored' | 'deferred';

/** A challenge-browser navigation, allowed or blocked by the URL policy. */
export interface Navigation {
  url: string;
  allowed: boolean;
  /** The policy rule that decided, if any. */
  rule: string | null;
}

export interface SealInput {
  test: {
    testId: string;
    sessionId: string;
    candidateId: string;
    packageId: string;
    packageHash: string;
    endReason: EndReason;
  };
  records: JournalRecord[];
  clock: { allowedMs: number; elapsedMs: number; downtimeMs: number; addedMs: number };
  sealedAt: Date;
}

export type Sealer = (input: SealInput) => Promise<{ jws: string; bundleHash: string }>;

export interface StationIdentityInfo {
  stationId: string;
  name: string;
  centreName: string | null;
  enrolled: boolean;
  /** Not enrolled yet, and enrolling by itself with the settings' code (identity/auto-enrollment.ts). */
  enrolling?: boolean;
  /** The server answered that it does not know this station or revoked it (sync/station-access.ts). */
  refusedByServer?: boolean;
}

/** Maps a server join failure to what the candidate screen shows. */
export function joinErrorCode(failure: ServerFailure): StationErrorCode {
  if (failure.kind !== 'http') return 'SERVER_UNREACHABLE';
  const known: readonly StationErrorCode[] = [
    'WRONG_ACCESS_CODE',
    'SESSION_NOT_FOUND',
    'SESSION_CLOSED',
    'NO_MATCHING_CANDIDATE',
    'SEVERAL_MATCHING_CANDIDATES',
    'NOT_CERTIFIABLE',
    'CANDIDATE_ALREADY_STARTED',
    'STATION_NOT_READY',
  ];
  // The join limit blocked this station: not a form error, the candidate must stop and call the invigilator.
  if (failure.status === 429) return 'TOO_MANY_ATTEMPTS';
  return (
    known.find((code) => code === failure.code) ??
    (failure.status && failure.status >= 500 ? 'SERVER_UNREACHABLE' : 'INVALID_REQUEST')
  );
}
