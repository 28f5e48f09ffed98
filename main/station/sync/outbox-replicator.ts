// Replication of the journal to the server: records leave the outbox, in order, per test, as soon as
// they are committed and the server is reachable; the server answers the highest seq it holds without
// a gap (storedThrough) and the station forgets outbox rows up to it. The server's copy feeds the
// invigilator's live view and lets the candidate resume on another station if this one dies. A test
// whose records the server refuses (server-verdict.ts) is recorded as refused and left out, so the
// other tests' records still go; those of a test taken on another server wait for it (`server`).
import type { StationHttpErrorCode } from '../../../core/contracts/station-server.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import type { OutboxItem, RefusalSubject, ServerRefusal } from '../journal/answer-journal.ts';
import type { ServerFailure, ServerResult } from '../runtime/ports.ts';
import {
  BackgroundLoop,
  Wakeup,
  runRounds,
  type Backoff,
  type SyncRound,
  type SyncTimers,
} from './retry-timing.ts';
import { failureVerdict, serverRefusal } from './server-verdict.ts';
import type { StationAccess } from './station-access.ts';

export interface ReplicatorJournal {
  pendingOutbox(limit: number, server?: string): OutboxItem[];
  acknowledgeOutbox(testId: string, storedThrough: number): void;
  records(testId: string): JournalRecord[];
  recordServerRefusal(testId: string, subject: RefusalSubject, refusal: ServerRefusal): void;
}

export interface OutboxReplicatorOptions {
  journal: ReplicatorJournal;
  post(testId: string, records: readonly JournalRecord[]): Promise<ServerResult<{ storedThrough: number }>>;
  /**
   * The server the station sends to now (server-origin.ts): tests taken on another one are left
   * as they are, neither sent here (it does not know them: its 404 would set them aside for good) nor
   * refused, until the station is pointed back to their server. Unset: every test.
   */
  server?: string;
  timers: SyncTimers;
  /** Records per request (the contract allows up to 500). */
  batchSize?: number;
  /** How long to sleep when the outbox is empty (a new record wakes the loop at once). */
  idleMs?: number;
  backoff?: Backoff;
  /** The server confirmed storing a test's records up to `storedThrough` (they left the outbox). */
  onStored?: (testId: string, storedThrough: number) => void;
  /** The server refuses a test's records: it continues on another station (NOT_YOUR_TEST). */
  onNotYourTest?: (testId: string) => void;
  /** The server refused this test's records for good (recorded in the journal; they are left out). */
  onRefused?: (testId: string, refusal: ServerRefusal) => void;
  /** Told of every answer, so that an unknown or revoked station stops every loop. */
  access?: StationAccess;
  wallClock?: () => number;
  log?: (message: string) => void;
}

/** How one test's batch went: stored, refused for good (set aside), or to try again later. */
type SendOutcome =
  | { kind: 'stored' }
  | { kind: 'refused' }
  | { kind: 'retry'; failure: ServerFailure }
  | { kind: 'stop'; failure: ServerFailure };

export type FlushOutcome = 'empty' | 'sent' | 'failed';

const MAX_BATCH = 500;
const REPLICATION_BACKOFF: Backoff = { baseMs: 1000, capMs: 30_000 };
/** The server's answer for a test attached to another station (core/contracts/station-server.ts). */
export const NOT_YOUR_TEST: StationHttpErrorCode = 'NOT_YOUR_TEST';

export class OutboxReplicator {
  readonly #o: OutboxReplicatorOptions;
  readonly #loop = new BackgroundLoop();
  readonly #wakeup = new Wakeup();
  #lastProblem: string | null = null;
  /** Failed rounds in a row (the backoff grows with them). */
  #failures = 0;
  /** The last round stored records of some test: its failure was one test's, not the server's. */
  #storedSome = false;

  constructor(options: OutboxReplicatorOptions) {
    this.#o = options;
  }

  /**
   * New records were committed, or the network is back: send now, unless the server asked to wait
   * (Retry-After) or a backoff's floor has not passed yet (then as soon as it has).
   */
  kick(): void {
    this.#wakeup.wake();
  }

  /**
   * Sends one batch of the outbox (every test in it, in turn); 'empty' when there was nothing to send.
   * A station the server no longer accepts, or no network, ends the batch: the others would fail too.
   */
  async flush(): Promise<FlushOutcome> {
    return (await this.#flush()).outcome;
  }

  /** The batch's outcome, and the failure to wait after (the longest Retry-After of the batch's). */
  async #flush(): Promise<{ outcome: FlushOutcome; failure: ServerFailure | null; storedSome: boolean }> {
    const batchSize = Math.min(this.#o.batchSize ?? 200, MAX_BATCH);
    const items = this.#o.journal.pendingOutbox(batchSize, this.#o.server);
    if (items.length === 0) return { outcome: 'empty', failure: null, storedSome: false };
    const byTest = new Map<string, JournalRecord[]>();
    for (const item of items) {
      const list = byTest.get(item.testId) ?? [];
      list.push(item.record);
      byTest.set(item.testId, list);
    }
    let failure: ServerFailure | null = null;
    let storedSome = false;
    for (const [testId, records] of byTest) {
      const outcome = await this.#send(testId, records);
      storedSome ||= outcome.kind === 'stored';
      if (outcome.kind === 'stored' || outcome.kind === 'refused') continue;
      if ((outcome.failure.retryAfterMs ?? -1) >= (failure?.retryAfterMs ?? -1)) failure = outcome.failure;
      if (outcome.kind === 'stop') break;
    }
    return { outcome: failure ? 'failed' : 'sent', failure, storedSome };
  }

  async #send(testId: string, records: JournalRecord[]): Promise<SendOutcome> {
    const first = records[0]?.seq ?? 1;
    let result = await this.#o.post(testId, records);
    // The server lacks records before this batch (they left the outbox, and the server lost them):
    // they are still in the journal, so send them again from there.
    if (result.ok && result.value.storedThrough < first - 1) {
      const missing = this.#o.journal
        .records(testId)
        .filter((r) => r.seq > (result.ok ? result.value.storedThrough : 0))
        .slice(0, MAX_BATCH);
      if (missing.length > 0) result = await this.#o.post(testId, missing);
    }
    this.#o.access?.observe(result);
    if (!result.ok) return this.#failed(testId, result);
    const { storedThrough } = result.value;
    this.#o.journal.acknowledgeOutbox(testId, storedThrough);
    this.#o.onStored?.(testId, storedThrough);
    const last = records.at(-1)?.seq ?? 0;
    if (storedThrough < last) {
      // Accepted but not stored (a gap, a conflict): try later rather than in a tight loop.
      const problem = `the server holds records of ${testId} only up to ${storedThrough}, not ${last}`;
      if (problem !== this.#lastProblem) this.#o.log?.(problem);
      this.#lastProblem = problem;
      return { kind: 'retry', failure: { ok: false, kind: 'http', code: 'NOT_STORED', message: problem } };
    }
    this.#lastProblem = null;
    return { kind: 'stored' };
  }

  #failed(testId: string, failure: ServerFailure): SendOutcome {
    const verdict = failureVerdict(failure);
    if (verdict === 'refused') {
      this.#refuse(testId, failure);
      return { kind: 'refused' };
    }
    if (failure.message !== this.#lastProblem) this.#o.log?.(`records of ${testId}: ${failure.message}`);
    this.#lastProblem = failure.message;
    if (verdict === 'notYourTest') this.#o.onNotYourTest?.(testId);
    return verdict === 'unreachable' || verdict === 'stationRejected'
      ? { kind: 'stop', failure }
      : { kind: 'retry', failure };
  }

  #refuse(testId: string, failure: ServerFailure): void {
    const refusal = serverRefusal(failure, (this.#o.wallClock ?? Date.now)());
    this.#o.journal.recordServerRefusal(testId, 'records', refusal);
    this.#o.log?.(
      `records of ${testId} refused by the server, no longer sent: ${refusal.code} ${refusal.message}`,
    );
    this.#o.onRefused?.(testId, refusal);
  }

  /**
   * A round of the loop: a batch that went through is followed by the next at once. A round that
   * threw (the journal failed) is a failed one: the loop backs off.
   */
  async #round(): Promise<SyncRound> {
    let round: { outcome: FlushOutcome; failure: ServerFailure | null; storedSome: boolean };
    try {
      round = await this.#flush();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#o.log?.(`replication failed: ${message}`);
      round = { outcome: 'failed', failure: { ok: false, kind: 'network', message }, storedSome: false };
    }
    this.#storedSome = round.storedSome;
    this.#failures = round.failure ? this.#failures + 1 : 0;
    return { failure: round.failure, more: round.outcome === 'sent' };
  }

  /**
   * Runs until stopped: the server's Retry-After is waited in full, and a new record (kick) ends a
   * backoff only past its floor, so that a room of stations does not ask a failing or overloaded
   * server again at the pace of the candidates' answers.
   */
  start(): void {
    runRounds(this.#loop, {
      round: () => this.#round(),
      failures: () => this.#failures,
      idleMs: this.#o.idleMs ?? 5000,
      backoff: this.#o.backoff ?? REPLICATION_BACKOFF,
      timers: this.#o.timers,
      wakeup: this.#wakeup,
      // One test the server keeps failing must not slow the live records of the others: the floor
      // holds only when nothing got through (the server, not one test, is in trouble).
      wakeupFloor: () => !this.#storedSome,
      log: this.#o.log,
    });
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }
}
