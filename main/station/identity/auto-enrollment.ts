// A station installed with an enrollment code in its settings enrolls itself, even when it starts before
// the network (Windows auto-logon, a Linux unit started early): it tries again with the sync client's
// backoff while the server cannot be reached or answers that it may accept later (5xx, 408, 429, a
// proxy's page), and stops for good on a refusal that asking again would not change (the code unknown,
// used or expired, the key enrolled or revoked, another centre's station), said once in the log. It
// never enrolls a station that is already enrolled: an enrollment by hand meanwhile ends it.
import type { StationHttpErrorCode } from '../../../core/contracts/station-server.ts';
import type { ServerFailure, ServerResult } from '../runtime/ports.ts';
import { retryDelayMs, type Backoff, type SyncTimers } from '../sync/retry-timing.ts';
import type { Enrollment } from './enrollment.ts';

/**
 * 1 s, doubling up to 30 s, with the sync client's full jitter: thirty lab stations started together do
 * not ask in step, and once the network is up a station enrolls within half a minute (the home screen
 * tells the candidate that a minute is long enough to wait).
 */
export const ENROLLMENT_BACKOFF: Backoff = { baseMs: 1000, capMs: 30_000 };

/** The server's own refusals of an enrollment: the same code and key would be refused again. */
const REFUSAL_CODES: ReadonlySet<string> = new Set<StationHttpErrorCode>([
  'ENROLLMENT_CODE_INVALID',
  'STATION_ALREADY_ENROLLED',
  'STATION_OF_ANOTHER_CENTRE',
  'ENROLLMENT_CODE_FOR_ANOTHER_STATION',
  // The code or the station's name does not match the request's schema: no retry makes it match.
  'INVALID_REQUEST',
]);

/**
 * Refusals the station makes itself, without asking the server: results waiting for another server
 * (they leave only once the station points back there), or a server that enrolled another key.
 */
const LOCAL_REFUSAL_CODES: ReadonlySet<string> = new Set([
  'RESULTS_OF_ANOTHER_SERVER',
  'STATION_ID_MISMATCH',
]);

/** Whether an enrollment that failed is worth trying again later. */
export function enrollmentVerdict(failure: ServerFailure): 'retry' | 'refused' {
  if (failure.kind !== 'http' || failure.code === undefined) return 'retry';
  if (LOCAL_REFUSAL_CODES.has(failure.code)) return 'refused';
  const { status } = failure;
  // Only the server's codes count: a proxy's 4xx page is a setting someone can fix, so it is tried again.
  if (status === undefined || status < 400 || status >= 500 || status === 408 || status === 429)
    return 'retry';
  return REFUSAL_CODES.has(failure.code) ? 'refused' : 'retry';
}

export type AutoEnrollmentState =
  /** No code in the settings, or not started yet. */
  | { state: 'off' }
  /** Trying: `attempts` failed so far, the last one for `lastProblem`; the next in `nextDelayMs`. */
  | { state: 'trying'; attempts: number; lastProblem: string | null; nextDelayMs: number | null }
  /** The station is enrolled (by this loop, or by hand meanwhile). */
  | { state: 'enrolled' }
  /** The server (or the station) refused the code for good: someone must act. */
  | { state: 'refused'; code: string; message: string }
  /** Stopped before the station was enrolled (the station closed). */
  | { state: 'stopped' };

export interface AutoEnrollmentOptions {
  /** The settings' enrollment code; never logged. */
  code: string;
  /** True once the station is enrolled with its key on its server. */
  enrolled: () => boolean;
  /** The station services' enroll (it writes the enrollment and starts the sync loops). */
  enroll: (code: string) => Promise<ServerResult<Enrollment>>;
  timers: SyncTimers;
  backoff?: Backoff;
  log: (message: string) => void;
  /** Told when the state changes kind (trying, enrolled, refused…): the screens say it. */
  onChange?: () => void;
}

export class AutoEnrollment {
  readonly #o: AutoEnrollmentOptions;
  readonly #stop = new AbortController();
  #state: AutoEnrollmentState = { state: 'off' };
  #running: Promise<void> | null = null;

  constructor(options: AutoEnrollmentOptions) {
    this.#o = options;
  }

  #set(next: AutoEnrollmentState): void {
    const changed = next.state !== this.#state.state;
    this.#state = next;
    if (changed) this.#o.onChange?.();
  }

  get state(): AutoEnrollmentState {
    return this.#state;
  }

  /** Starts trying in the background (once); nothing to do when the station is already enrolled. */
  start(): void {
    if (this.#running || this.#stop.signal.aborted) return;
    this.#running = this.#run(this.#stop.signal).catch((error: unknown) => {
      // Never expected (each attempt's failure is caught): said, and the station stays as it is.
      this.#o.log(`automatic enrollment stopped: ${errorMessage(error)}`);
    });
  }

  /** Stops trying (the station closes) and waits for an attempt in course. */
  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#running;
    if (this.#state.state === 'off' || this.#state.state === 'trying') this.#set({ state: 'stopped' });
  }

  async #run(stop: AbortSignal): Promise<void> {
    const { log, timers } = this.#o;
    const backoff = this.#o.backoff ?? ENROLLMENT_BACKOFF;
    let attempts = 0;
    let lastProblem: string | null = null;
    while (!stop.aborted) {
      if (this.#o.enrolled()) {
        this.#set({ state: 'enrolled' });
        return;
      }
      this.#set({ state: 'trying', attempts, lastProblem, nextDelayMs: null });
      const answer = await this.#attempt();
      if (answer.ok) {
        this.#set({ state: 'enrolled' });
        log(
          `station enrolled with the code from the settings${attempts > 0 ? ` (try ${attempts + 1})` : ''}`,
        );
        return;
      }
      // Enrolled by hand while this attempt was under way: its refusal (key already enrolled) is moot.
      if (this.#o.enrolled()) {
        this.#set({ state: 'enrolled' });
        return;
      }
      if (enrollmentVerdict(answer) === 'refused') {
        const code = answer.code ?? 'REFUSED';
        this.#set({ state: 'refused', code, message: answer.message });
        log(
          `automatic enrollment refused for good (${code}: ${answer.message}): enroll the station by hand ` +
            '(--enroll CODE) or put a new code in the settings and relaunch it',
        );
        return;
      }
      attempts += 1;
      const delay = retryDelayMs(attempts - 1, answer, backoff, () => timers.random());
      // Said when it starts failing and when the problem changes, not at every try.
      if (answer.message !== lastProblem) {
        log(`automatic enrollment failed (${answer.message}): trying again by itself`);
      }
      lastProblem = answer.message;
      this.#set({ state: 'trying', attempts, lastProblem, nextDelayMs: delay });
      await timers.sleep(delay, stop);
    }
  }

  /** One attempt; a throw (the enrollment file not written…) is a failure that may pass. */
  async #attempt(): Promise<ServerResult<Enrollment>> {
    try {
      return await this.#o.enroll(this.#o.code);
    } catch (error) {
      return { ok: false, kind: 'network', message: errorMessage(error) };
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
