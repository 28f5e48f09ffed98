// The result uploader: every sealed bundle not yet acknowledged (read from the journal, so it carries on
// after a restart) is sent with its idempotency key until the server acknowledges that very bundle
// hash. A result the server refuses (server-verdict.ts) is recorded in the journal as refused and not
// sent again, and the others go on. Other failures wait an exponential backoff with full jitter (1 s
// base, 60 s cap), never less than the server's Retry-After. Nothing is deleted here: the journal
// keeps the bundle until acknowledged, then purges it after the retention delay.
import type { ResultUploadResponse } from '../../../core/contracts/station-server.ts';
import type { RefusalSubject, ServerRefusal } from '../journal/answer-journal.ts';
import type { ServerFailure, ServerResult, TestRow } from '../runtime/ports.ts';
import {
  BackgroundLoop,
  UPLOAD_BACKOFF,
  Wakeup,
  runRounds,
  type Backoff,
  type SyncTimers,
} from './retry-timing.ts';
import { failureVerdict, serverRefusal } from './server-verdict.ts';
import type { StationAccess } from './station-access.ts';

export interface UploaderJournal {
  pendingBundles(server?: string): TestRow[];
  recordServerRefusal(testId: string, subject: RefusalSubject, refusal: ServerRefusal): void;
}

export interface ResultUploaderOptions {
  journal: UploaderJournal;
  upload(testId: string, bundle: string, bundleHash: string): Promise<ServerResult<ResultUploadResponse>>;
  /** The server stored this result (the runtime's markUploaded: journal acknowledgment, screen). */
  markUploaded(testId: string): Promise<void>;
  /**
   * The server the station sends to now (server-origin.ts): tests taken on another one are left
   * as they are, neither sent here (it does not know them: its 404 would set them aside for good) nor
   * refused, until the station is pointed back to their server. Unset: every test.
   */
  server?: string;
  timers: SyncTimers;
  backoff?: Backoff;
  /** Sleep between checks when nothing is pending (a sealed result wakes the loop at once). */
  idleMs?: number;
  /** The server refuses a result: its test continues on another station (NOT_YOUR_TEST). */
  onNotYourTest?: (testId: string) => void;
  /** The server refused this result for good (already recorded in the journal). */
  onRefused?: (testId: string, refusal: ServerRefusal) => void;
  /** Told of every answer, so that an unknown or revoked station stops every loop. */
  access?: StationAccess;
  wallClock?: () => number;
  log?: (message: string) => void;
}

export interface UploadState {
  /** Results sealed and not yet acknowledged (nor refused), of tests of the server sent to. */
  pending: number;
  /** Failed rounds in a row. */
  failures: number;
  /** The last failure, in words; null once a round succeeds. */
  lastProblem: string | null;
  /** The delay chosen before the next try (ms), while backing off. */
  nextDelayMs: number | null;
}

export type UploadRound = { uploaded: string[]; refused: string[]; failure: ServerFailure | null };

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
      pending: this.#o.journal.pendingBundles(this.#o.server).length,
      failures: this.#failures,
      lastProblem: this.#lastProblem,
      nextDelayMs: this.#nextDelayMs,
    };
  }

  /**
   * One round: sends each pending result, oldest first. A refused one is set aside for good; a failure
   * that may pass leaves it for the next round, and the others are still tried unless the server is
   * out of reach or refuses the station. Concurrent calls share the round in course, so a result is
   * never sent twice at the same time.
   */
  uploadPending(): Promise<UploadRound> {
    this.#inFlight ??= this.#round().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #round(): Promise<UploadRound> {
    const round: UploadRound = { uploaded: [], refused: [], failure: null };
    for (const row of this.#o.journal.pendingBundles(this.#o.server)) {
      if (row.bundle === null || row.bundleHash === null) continue;
      const failure = await this.#send(row.testId, row.bundle, row.bundleHash);
      if (!failure) {
        round.uploaded.push(row.testId);
        continue;
      }
      const verdict = failureVerdict(failure);
      if (verdict === 'refused') {
        this.#refuse(row.testId, failure);
        round.refused.push(row.testId);
        continue;
      }
      if (verdict === 'notYourTest') this.#o.onNotYourTest?.(row.testId);
      this.#noteProblem(row.testId, failure);
      round.failure = failure;
      // The next ones would fare no better: no network, or the server no longer accepts this station.
      if (verdict === 'unreachable' || verdict === 'stationRejected') break;
    }
    if (round.failure) this.#failures += 1;
    else {
      this.#failures = 0;
      this.#lastProblem = null;
    }
    return round;
  }

  /** Sends one result; null once the server acknowledged this very bundle. */
  async #send(testId: string, bundle: string, bundleHash: string): Promise<ServerFailure | null> {
    const result = await this.#o.upload(testId, bundle, bundleHash);
    this.#o.access?.observe(result);
    if (!result.ok) return result;
    if (result.value.bundleHash !== bundleHash) {
      return {
        ok: false,
        kind: 'http',
        code: 'ACKNOWLEDGED_ANOTHER_BUNDLE',
        message: `the server acknowledged bundle ${result.value.bundleHash}, not ${bundleHash}`,
      };
    }
    await this.#o.markUploaded(testId);
    return null;
  }

  #refuse(testId: string, failure: ServerFailure): void {
    const refusal = serverRefusal(failure, (this.#o.wallClock ?? Date.now)());
    this.#o.journal.recordServerRefusal(testId, 'result', refusal);
    this.#o.log?.(`result of ${testId} refused by the server, kept here: ${refusal.code} ${refusal.message}`);
    this.#o.onRefused?.(testId, refusal);
  }

  #noteProblem(testId: string, failure: ServerFailure): void {
    if (failure.message !== this.#lastProblem) {
      this.#o.log?.(`result of ${testId} not uploaded yet: ${failure.message}`);
    }
    this.#lastProblem = failure.message;
  }

  /** A round that threw (the journal failed) counts as a failed round: the loop backs off. */
  async #roundSafely(): Promise<UploadRound> {
    try {
      return await this.uploadPending();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#o.log?.(`result upload failed: ${message}`);
      this.#failures += 1;
      return { uploaded: [], refused: [], failure: { ok: false, kind: 'network', message } };
    }
  }

  start(): void {
    runRounds(this.#loop, {
      round: () => this.#roundSafely(),
      failures: () => this.#failures,
      idleMs: this.#o.idleMs ?? 30_000,
      backoff: this.#o.backoff ?? UPLOAD_BACKOFF,
      timers: this.#o.timers,
      wakeup: this.#wakeup,
      onDelay: (delayMs) => (this.#nextDelayMs = delayMs),
      log: this.#o.log,
    });
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }
}
