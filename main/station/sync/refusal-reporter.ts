// The report of refused results. When the server refuses a result for good (result-uploader.ts), it can
// mark the refusal on the test only if it can pin it on the test's station, which the upload (no request
// signature) does not always let it do: the invigilator's room would then say « being sent » for ever.
// So the station tells it, over a signed request, and the room says the result is kept on the station.
// The reports to send are read from the journal (after a restart too; results refused before the
// reports existed included) and sent until the server answers for good: its answer (marked, or an
// accepted result stands) or its refusal of the report (an older server without the route answers
// 404 NOT_FOUND) is recorded, and the report is never sent again. Other failures (no network, 5xx, 429)
// wait the uploader's backoff; an unknown or revoked station is handled as for every request.
import {
  RESULT_REFUSAL_MESSAGE_MAX,
  ResultRefusalRequestSchema,
  type ResultRefusalRequest,
  type ResultRefusalResponse,
} from '../../../core/contracts/station-server.ts';
import type { RefusalReport, ServerRefusal, UnreportedRefusal } from '../journal/answer-journal.ts';
import type { ServerFailure, ServerResult } from '../runtime/ports.ts';
import {
  BackgroundLoop,
  UPLOAD_BACKOFF,
  Wakeup,
  runRounds,
  type Backoff,
  type SyncTimers,
} from './retry-timing.ts';
import { failureVerdict } from './server-verdict.ts';
import type { StationAccess } from './station-access.ts';

export interface RefusalReporterJournal {
  unreportedRefusals(server?: string): UnreportedRefusal[];
  recordRefusalReported(testId: string, report: RefusalReport): void;
}

export interface RefusalReporterOptions {
  journal: RefusalReporterJournal;
  report(testId: string, report: ResultRefusalRequest): Promise<ServerResult<ResultRefusalResponse>>;
  /**
   * The server the station sends to now (server-origin.ts): tests taken on another one are left
   * as they are, neither sent here (it does not know them: its 404 would set them aside for good) nor
   * refused, until the station is pointed back to their server. Unset: every test.
   */
  server?: string;
  timers: SyncTimers;
  backoff?: Backoff;
  /** Sleep between checks when nothing is to report (a new refusal wakes the loop at once). */
  idleMs?: number;
  /** Told of every answer, so that an unknown or revoked station stops every loop. */
  access?: StationAccess;
  wallClock?: () => number;
  log?: (message: string) => void;
}

/** `settled`: the tests whose report the server answered for good in this round. */
export type ReportRound = { settled: string[]; failure: ServerFailure | null };

export class RefusalReporter {
  readonly #o: RefusalReporterOptions;
  readonly #loop = new BackgroundLoop();
  readonly #wakeup = new Wakeup();
  #failures = 0;
  #lastProblem: string | null = null;
  #inFlight: Promise<ReportRound> | null = null;

  constructor(options: RefusalReporterOptions) {
    this.#o = options;
  }

  /** A result was refused, or the network is back: report now (unless the server asked to wait). */
  kick(): void {
    this.#wakeup.wake();
  }

  /**
   * One round: reports each refusal not yet answered, oldest first. Concurrent calls share the round in
   * course, so a report is never sent twice at the same time.
   */
  reportPending(): Promise<ReportRound> {
    this.#inFlight ??= this.#round().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #round(): Promise<ReportRound> {
    const round: ReportRound = { settled: [], failure: null };
    for (const { testId, refusal } of this.#o.journal.unreportedRefusals(this.#o.server)) {
      const failure = await this.#report(testId, refusal);
      if (!failure) {
        round.settled.push(testId);
        continue;
      }
      round.failure = failure;
      const verdict = failureVerdict(failure);
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

  /** Reports one refusal; null once the server answered for good (recorded in the journal). */
  async #report(testId: string, refusal: ServerRefusal): Promise<ServerFailure | null> {
    const request = ResultRefusalRequestSchema.safeParse({
      code: refusal.code,
      message: refusal.message.slice(0, RESULT_REFUSAL_MESSAGE_MAX),
    });
    if (!request.success) {
      // Not a code the server marks (nor could a later try make it one).
      this.#settle(testId, `not sent: ${refusal.code} is not a code of a refused result`);
      return null;
    }
    const result = await this.#o.report(testId, request.data);
    this.#o.access?.observe(result);
    if (result.ok) {
      this.#settle(
        testId,
        result.value.marked ? 'marked: the room shows it' : 'not marked: the server holds an accepted result',
      );
      return null;
    }
    const verdict = failureVerdict(result);
    // A refusal of the report is as final (an older server without the route, a test now elsewhere).
    if (verdict === 'refused' || verdict === 'notYourTest') {
      this.#settle(testId, `refused by the server: ${result.code ?? ''} ${result.message}`);
      return null;
    }
    if (result.message !== this.#lastProblem) {
      this.#o.log?.(`refusal of the result of ${testId} not reported yet: ${result.message}`);
    }
    this.#lastProblem = result.message;
    return result;
  }

  #settle(testId: string, outcome: string): void {
    const reportedAt = (this.#o.wallClock ?? Date.now)();
    this.#o.journal.recordRefusalReported(testId, { reportedAt, outcome });
    this.#o.log?.(`refusal of the result of ${testId} reported to the server: ${outcome}`);
  }

  /** A round that threw (the journal failed) counts as a failed round: the loop backs off. */
  async #roundSafely(): Promise<ReportRound> {
    try {
      return await this.reportPending();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#o.log?.(`refusal report failed: ${message}`);
      this.#failures += 1;
      return { settled: [], failure: { ok: false, kind: 'network', message } };
    }
  }

  start(): void {
    runRounds(this.#loop, {
      round: () => this.#roundSafely(),
      failures: () => this.#failures,
      idleMs: this.#o.idleMs ?? 60_000,
      backoff: this.#o.backoff ?? UPLOAD_BACKOFF,
      timers: this.#o.timers,
      wakeup: this.#wakeup,
      log: this.#o.log,
    });
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }
}
