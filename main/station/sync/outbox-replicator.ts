// Replication of the journal to the server: records leave the outbox, in order, per test, as soon as
// they are committed and the server is reachable; the server answers the highest seq it holds without
// a gap (storedThrough) and the station forgets outbox rows up to it. The server's copy feeds the
// invigilator's live view and lets the candidate resume on another station if this one dies. A test
// whose records the server refuses (server-verdict.ts) is recorded as refused and left out, so the
// other tests' records still go.
import type { StationHttpErrorCode } from '../../../core/contracts/station-server.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import type { OutboxItem, RefusalSubject, ServerRefusal } from '../journal/answer-journal.ts';
import type { ServerFailure, ServerResult } from '../runtime/ports.ts';
import { BackgroundLoop, Wakeup, backoffDelayMs, type Backoff, type SyncTimers } from './retry-timing.ts';
import { failureVerdict, serverRefusal } from './server-verdict.ts';
import type { StationAccess } from './station-access.ts';

export interface ReplicatorJournal {
  pendingOutbox(limit: number): OutboxItem[];
  acknowledgeOutbox(testId: string, storedThrough: number): void;
  records(testId: string): JournalRecord[];
  recordServerRefusal(testId: string, subject: RefusalSubject, refusal: ServerRefusal): void;
}

export interface OutboxReplicatorOptions {
  journal: ReplicatorJournal;
  post(testId: string, records: readonly JournalRecord[]): Promise<ServerResult<{ storedThrough: number }>>;
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
type SendOutcome = 'stored' | 'refused' | 'retry' | 'stop';

export type FlushOutcome = 'empty' | 'sent' | 'failed';

const MAX_BATCH = 500;
/** The server's answer for a test attached to another station (core/contracts/station-server.ts). */
export const NOT_YOUR_TEST: StationHttpErrorCode = 'NOT_YOUR_TEST';

export class OutboxReplicator {
  readonly #o: OutboxReplicatorOptions;
  readonly #loop = new BackgroundLoop();
  readonly #wakeup = new Wakeup();
  #lastProblem: string | null = null;

  constructor(options: OutboxReplicatorOptions) {
    this.#o = options;
  }

  /** New records were committed, or the network is back: send now. */
  kick(): void {
    this.#wakeup.wake();
  }

  /**
   * Sends one batch of the outbox (every test in it, in turn); 'empty' when there was nothing to send.
   * A station the server no longer accepts, or no network, ends the batch: the others would fail too.
   */
  async flush(): Promise<FlushOutcome> {
    const batchSize = Math.min(this.#o.batchSize ?? 200, MAX_BATCH);
    const items = this.#o.journal.pendingOutbox(batchSize);
    if (items.length === 0) return 'empty';
    const byTest = new Map<string, JournalRecord[]>();
    for (const item of items) {
      const list = byTest.get(item.testId) ?? [];
      list.push(item.record);
      byTest.set(item.testId, list);
    }
    let failed = false;
    for (const [testId, records] of byTest) {
      const outcome = await this.#send(testId, records);
      if (outcome === 'retry' || outcome === 'stop') failed = true;
      if (outcome === 'stop') break;
    }
    return failed ? 'failed' : 'sent';
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
      return 'retry';
    }
    this.#lastProblem = null;
    return 'stored';
  }

  #failed(testId: string, failure: ServerFailure): SendOutcome {
    const verdict = failureVerdict(failure);
    if (verdict === 'refused') {
      this.#refuse(testId, failure);
      return 'refused';
    }
    if (failure.message !== this.#lastProblem) this.#o.log?.(`records of ${testId}: ${failure.message}`);
    this.#lastProblem = failure.message;
    if (verdict === 'notYourTest') this.#o.onNotYourTest?.(testId);
    return verdict === 'unreachable' || verdict === 'stationRejected' ? 'stop' : 'retry';
  }

  #refuse(testId: string, failure: ServerFailure): void {
    const refusal = serverRefusal(failure, (this.#o.wallClock ?? Date.now)());
    this.#o.journal.recordServerRefusal(testId, 'records', refusal);
    this.#o.log?.(
      `records of ${testId} refused by the server, no longer sent: ${refusal.code} ${refusal.message}`,
    );
    this.#o.onRefused?.(testId, refusal);
  }

  start(): void {
    this.#loop.start(
      async (stop) => {
        let attempt = 0;
        while (!stop.aborted) {
          let outcome: FlushOutcome;
          try {
            outcome = await this.flush();
          } catch (error) {
            this.#o.log?.(`replication failed: ${error instanceof Error ? error.message : String(error)}`);
            outcome = 'failed';
          }
          if (outcome === 'sent') {
            attempt = 0;
            continue;
          }
          if (outcome === 'empty') {
            attempt = 0;
            await this.#wakeup.sleep(this.#o.timers, this.#o.idleMs ?? 5000, stop);
          } else {
            const delay = backoffDelayMs(attempt++, this.#o.backoff ?? { baseMs: 1000, capMs: 30_000 }, () =>
              this.#o.timers.random(),
            );
            await this.#wakeup.sleep(this.#o.timers, delay, stop);
          }
        }
      },
      this.#o.log,
      this.#o.timers,
    );
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }
}
