// The exam clock: time consumed by the candidate, measured on a monotonic clock (immune to wall-clock
// changes) and restored from the journal's checkpoint after a restart, so a crash neither resets nor
// eats the candidate's time. Time while the station was down is not charged: on restart the clock
// resumes from the last checkpoint, and the wall-clock gap is reported as downtime.

export interface MonotonicClock {
  /** Milliseconds from an arbitrary origin; never goes backwards within one process. */
  now(): number;
}

export const systemMonotonicClock: MonotonicClock = { now: () => performance.now() };

/** Warnings at 15 and 5 minutes left (DOMAIN/issue: calm warnings). */
export const TIME_WARNINGS_MINUTES = [15, 5] as const;
export type TimeWarning = (typeof TIME_WARNINGS_MINUTES)[number];

export class ExamClock {
  readonly #monotonic: MonotonicClock;
  readonly #baseAllowedMs: number;
  #addedMs: number;
  #elapsedBeforeRun: number;
  #runningSince: number | null = null;

  constructor(options: {
    allowedMs: number;
    elapsedMs?: number;
    addedMs?: number;
    monotonic?: MonotonicClock;
  }) {
    this.#monotonic = options.monotonic ?? systemMonotonicClock;
    this.#baseAllowedMs = options.allowedMs;
    this.#elapsedBeforeRun = options.elapsedMs ?? 0;
    this.#addedMs = options.addedMs ?? 0;
  }

  get running(): boolean {
    return this.#runningSince !== null;
  }

  start(): void {
    if (this.#runningSince === null) this.#runningSince = this.#monotonic.now();
  }

  stop(): void {
    if (this.#runningSince === null) return;
    this.#elapsedBeforeRun = this.elapsedMs();
    this.#runningSince = null;
  }

  /** Whole milliseconds consumed, never more than the time allowed. */
  elapsedMs(): number {
    const running = this.#runningSince === null ? 0 : this.#monotonic.now() - this.#runningSince;
    return Math.min(Math.floor(this.#elapsedBeforeRun + running), this.allowedMs());
  }

  allowedMs(): number {
    return this.#baseAllowedMs + this.#addedMs;
  }

  addedMs(): number {
    return this.#addedMs;
  }

  addTime(ms: number): void {
    if (!Number.isInteger(ms) || ms <= 0)
      throw new RangeError('added time must be a positive whole number of ms');
    // Keep the running segment anchored so adding time never changes the time already consumed.
    const wasRunning = this.running;
    this.stop();
    this.#addedMs += ms;
    if (wasRunning) this.start();
  }

  timeLeftMs(): number {
    return Math.max(0, this.allowedMs() - this.elapsedMs());
  }

  isUp(): boolean {
    return this.timeLeftMs() === 0;
  }

  /** The warnings whose threshold is crossed when time left goes from `beforeMs` to `afterMs`. */
  static warningsCrossed(beforeMs: number, afterMs: number): TimeWarning[] {
    return TIME_WARNINGS_MINUTES.filter((m) => beforeMs > m * 60_000 && afterMs <= m * 60_000);
  }
}

/** Milliseconds left on a timed challenge shown at `shownAtElapsedMs` (exam time). */
export function challengeTimerLeftMs(
  timerSeconds: number,
  shownAtElapsedMs: number,
  elapsedMs: number,
): number {
  return Math.max(0, timerSeconds * 1000 - (elapsedMs - shownAtElapsedMs));
}
