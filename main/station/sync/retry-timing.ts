// When the station tries again: exponential backoff with full jitter (a random delay between 0 and
// min(cap, base × 2^attempt)), so that thirty stations coming back online at once do not hit the server
// in step; a server's Retry-After is a floor. Timers are a port so that tests never sleep for real.
import type { ServerFailure } from '../runtime/ports.ts';

export interface SyncTimers {
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** A number in [0, 1), for the jitter. */
  random(): number;
}

export const realSyncTimers: SyncTimers = {
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    }),
  random: () => Math.random(),
};

export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** The figures for the result upload: 1 s base, 60 s cap. */
export const UPLOAD_BACKOFF: Backoff = { baseMs: 1000, capMs: 60_000 };

/**
 * Full jitter: uniform in [0, min(cap, base × 2^attempt)) (attempt 0 is the first retry), but never
 * under a tenth of the base: a draw near 0 would otherwise try again at once, and a server that keeps
 * failing fast would be asked in a tight loop.
 */
export function backoffDelayMs(attempt: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.max(Math.floor(random() * ceiling), Math.ceil(backoff.baseMs / 10));
}

/**
 * The part of the backoff after a failure that a wake-up (a new record, a sealed result) does not cut
 * short: half the exponential ceiling, never more than the delay itself. Without it, a station whose
 * candidate keeps answering asks a failing server at the pace of the clicks and its backoff never
 * grows; past it, new work is worth a try before the rest of the delay.
 */
export function wakeupFloorMs(attempt: number, delayMs: number, backoff: Backoff): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.min(delayMs, Math.floor(ceiling / 2));
}

/** The delay before the next try after `failure`: the backoff, but never less than Retry-After. */
export function retryDelayMs(
  attempt: number,
  failure: Pick<ServerFailure, 'retryAfterMs'>,
  backoff: Backoff,
  random: () => number,
): number {
  const delay = backoffDelayMs(attempt, backoff, random);
  return failure.retryAfterMs === undefined ? delay : Math.max(delay, failure.retryAfterMs);
}

/**
 * Wakes a loop that sleeps between rounds (new work arrived: a record, a sealed result, the network is
 * back). A wake-up that comes while the loop is busy is kept for its next sleep, so none is lost.
 */
export class Wakeup {
  #controller = new AbortController();
  #pending = false;

  wake(): void {
    this.#pending = true;
    this.#controller.abort();
  }

  /** Sleeps `ms` unless woken (before or during the sleep) or stopped. Returns true when woken. */
  async sleep(timers: SyncTimers, ms: number, stop: AbortSignal): Promise<boolean> {
    if (this.#pending || stop.aborted) return this.#consume();
    this.#controller = new AbortController();
    await timers.sleep(ms, AbortSignal.any([stop, this.#controller.signal]));
    return this.#consume();
  }

  #consume(): boolean {
    const woken = this.#pending;
    this.#pending = false;
    return woken;
  }
}

/** A loop the sync client runs in the background until stopped; stop() waits for the round in course. */
export class BackgroundLoop {
  readonly #stop = new AbortController();
  #running: Promise<void> | null = null;

  get stopSignal(): AbortSignal {
    return this.#stop.signal;
  }

  get stopped(): boolean {
    return this.#stop.signal.aborted;
  }

  /**
   * Runs `body` until stopped. A body that throws is logged and run again a second later: a sync loop
   * that died silently would leave results on the station with nobody noticing.
   */
  start(
    body: (stop: AbortSignal) => Promise<void>,
    log?: (message: string) => void,
    timers?: SyncTimers,
  ): void {
    if (this.#running || this.stopped) return;
    const stop = this.#stop.signal;
    this.#running = (async () => {
      while (!stop.aborted) {
        try {
          await body(stop);
        } catch (error) {
          log?.(`background loop failed: ${error instanceof Error ? error.message : String(error)}`);
          await (timers ?? realSyncTimers).sleep(1000, stop);
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#running;
  }
}

/** One round of a sync that sends what is pending: its failure, if any (one that may pass later). */
export interface SyncRound {
  failure: ServerFailure | null;
  /** More is waiting (a full batch went through): the next round runs at once. */
  more?: boolean;
}

export interface RoundsOptions {
  /** Runs a round; a round that throws is the caller's to turn into a failed one. */
  round: () => Promise<SyncRound>;
  /** Failed rounds in a row, this one included (the backoff grows with it). */
  failures: () => number;
  /** Sleep after a round without failure: a wake-up cuts it short. */
  idleMs: number;
  backoff: Backoff;
  timers: SyncTimers;
  wakeup: Wakeup;
  /**
   * After a failure without Retry-After, a wake-up ends the backoff only once its floor has passed
   * (wakeupFloorMs); otherwise at any time. A function decides after each failed round.
   */
  wakeupFloor?: boolean | (() => boolean);
  /** The wait chosen after each round (null: idle), for the station's sync state. */
  onDelay?: (delayMs: number | null) => void;
  log?: (message: string) => void;
}

/**
 * Runs rounds on `loop` until stopped (the result uploader's, the refusal reporter's, the outbox
 * replicator's): idle after a round without failure (none when more is waiting), the backoff after a
 * failed one, and never less than the server's Retry-After, which a wake-up does not cut short (the
 * server asked to wait).
 */
export function runRounds(loop: BackgroundLoop, o: RoundsOptions): void {
  loop.start(
    async (stop) => {
      while (!stop.aborted) {
        const { failure, more } = await o.round();
        if (!failure) {
          o.onDelay?.(null);
          if (!more) await o.wakeup.sleep(o.timers, o.idleMs, stop);
          continue;
        }
        const attempt = o.failures() - 1;
        const delay = retryDelayMs(attempt, failure, o.backoff, () => o.timers.random());
        o.onDelay?.(delay);
        if (failure.retryAfterMs !== undefined) {
          await o.timers.sleep(delay, stop);
          continue;
        }
        // A wake-up during the floor is kept (Wakeup) and ends the rest of the delay at once.
        const withFloor = typeof o.wakeupFloor === 'function' ? o.wakeupFloor() : o.wakeupFloor === true;
        const floor = withFloor ? wakeupFloorMs(attempt, delay, o.backoff) : 0;
        if (floor > 0) await o.timers.sleep(floor, stop);
        if (delay > floor) await o.wakeup.sleep(o.timers, delay - floor, stop);
      }
    },
    o.log,
    o.timers,
  );
}
