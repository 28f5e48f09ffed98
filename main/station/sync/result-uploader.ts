// The result uploader: every sealed bundle not yet acknowledged (read from the journal, so it carries on
// after a restart) is sent with its idempotency key until the server acknowledges that very bundle
// hash. Failures wait an exponential backoff with full jitter (1 s base, 60 s cap), never less than
// the server's Retry-After. Nothing is deleted here: the journal keeps the bundle until acknowledged,
// then purges it after the retention delay.
import type { ResultUploadResponse } from '../../../core/contracts/station-server.ts';
import type { ServerFailure, ServerResult, TestRow } from '../runtime/ports.ts';
import { NOT_YOUR_TEST } from './outbox-replicator.ts';
import {
  BackgroundLoop,
  UPLOAD_BACKOFF,
  Wakeup,
  retryDelayMs,
  type Backoff,
  type SyncTimers,
} from './retry-timing.ts';

export interface ResultUploaderOptions {
  journal: { pendingBundles(): TestRow[] };
  upload(testId: string, bundle: string, bundleHash: string): Promise<ServerResult<ResultUploadResponse>>;
  /** The server stored this result (the runtime's markUploaded: journal acknowledgment, screen). */
  markUploaded(testId: string): Promise<void>;
  timers: SyncTimers;
  backoff?: Backoff;
  /** Sleep between checks when nothing is pending (a sealed result wakes the loop at once). */
  idleMs?: number;
  /** The server refuses a result: its test continues on another station (NOT_YOUR_TEST). */
  onNotYourTest?: (testId: string) => void;
  log?: (message: string) => void;
}

export interface UploadState {
  /** Results sealed and not yet acknowledged. */
  pending: number;
  /** Failed tries in a row. */
  failures: number;
  /** The last failure, in words; null once an upload succeeds. */
  lastProblem: string | null;
  /** The delay chosen before the next try (ms), while backing off. */
  nextDelayMs: number | null;
}

export type UploadRound = { uploaded: string[]; failure: ServerFailure | null };

export class ResultUploader {
  readonly #o: ResultUploaderOptions;
  readonly #loop = new BackgroundLoop();
  readonly #wakeup = new Wakeup();
  #failures = 0;
  #lastProblem: string | null = null;
  #nextDelayMs: number | null = null;
  #inFlight: Promise<UploadRound> | null = null;

  constructor(options: ResultUploaderOptions) {
    this.#o = options;
  }

  /** A result was sealed, or the network is back: try now (unless the server asked to wait). */
  kick(): void {
    this.#wakeup.wake();
  }

  state(): UploadState {
    return {
      pending: this.#o.journal.pendingBundles().length,
      failures: this.#failures,
      lastProblem: this.#lastProblem,
      nextDelayMs: this.#nextDelayMs,
    };
  }

  /**
   * One round: sends each pending result, oldest first, and stops at the first failure. Concurrent
   * calls share the round in course, so a result is never sent twice at the same time.
   */
  uploadPending(): Promise<UploadRound> {
    this.#inFlight ??= this.#round().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #round(): Promise<UploadRound> {
    const uploaded: string[] = [];
    for (const row of this.#o.journal.pendingBundles()) {
      if (row.bundle === null || row.bundleHash === null) continue;
      const result = await this.#o.upload(row.testId, row.bundle, row.bundleHash);
      let failure: ServerFailure | null = null;
      if (!result.ok) failure = result;
      else if (result.value.bundleHash !== row.bundleHash) {
        failure = {
          ok: false,
          kind: 'http',
          code: 'ACKNOWLEDGED_ANOTHER_BUNDLE',
          message: `the server acknowledged bundle ${result.value.bundleHash}, not ${row.bundleHash}`,
        };
      }
      if (failure) {
        if (failure.code === NOT_YOUR_TEST) this.#o.onNotYourTest?.(row.testId);
        this.#failures += 1;
        if (failure.message !== this.#lastProblem) {
          this.#o.log?.(`result of ${row.testId} not uploaded yet: ${failure.message}`);
        }
        this.#lastProblem = failure.message;
        return { uploaded, failure };
      }
      await this.#o.markUploaded(row.testId);
      uploaded.push(row.testId);
      this.#failures = 0;
      this.#lastProblem = null;
    }
    return { uploaded, failure: null };
  }

  start(): void {
    this.#loop.start(
      async (stop) => {
        while (!stop.aborted) {
          let round: UploadRound;
          try {
            round = await this.uploadPending();
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.#o.log?.(`result upload failed: ${message}`);
            round = { uploaded: [], failure: { ok: false, kind: 'network', message } };
          }
          if (!round.failure) {
            this.#nextDelayMs = null;
            await this.#wakeup.sleep(this.#o.timers, this.#o.idleMs ?? 30_000, stop);
            continue;
          }
          const delay = retryDelayMs(
            this.#failures - 1,
            round.failure,
            this.#o.backoff ?? UPLOAD_BACKOFF,
            () => this.#o.timers.random(),
          );
          this.#nextDelayMs = delay;
          if (round.failure.retryAfterMs !== undefined) {
            // The server asked to wait: a wake-up does not cut this short.
            await this.#o.timers.sleep(delay, stop);
          } else {
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
