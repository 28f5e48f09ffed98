// Failed logins are counted per key (the session number, the email, the client address): after
// MAX_FAILURES within the window the key is refused with 429 until the window has passed, even with the
// right password, so the 6-character invigilator password cannot be guessed online.
import { ApiError } from '../http/api-error.ts';

export interface LoginThrottleOptions {
  maxFailures: number;
  windowMs: number;
  now: () => number;
}

export class LoginThrottle {
  readonly #o: LoginThrottleOptions;
  readonly #failures = new Map<string, number[]>();

  constructor(options: LoginThrottleOptions) {
    this.#o = options;
  }

  /** Throws 429 when any of the keys is blocked. */
  check(keys: readonly string[]): void {
    const now = this.#o.now();
    for (const key of keys) {
      const recent = this.#recent(key, now);
      if (recent.length >= this.#o.maxFailures) {
        const retryAfterMs = (recent[0] ?? now) + this.#o.windowMs - now;
        const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
        throw new ApiError(
          429,
          'TOO_MANY_ATTEMPTS',
          `too many failed attempts: try again in ${Math.ceil(seconds / 60)} minute(s)`,
          { 'retry-after': String(seconds) },
        );
      }
    }
  }

  fail(keys: readonly string[]): void {
    const now = this.#o.now();
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
    if (this.#failures.size > 10_000) this.#prune(now);
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((at) => now - at < this.#o.windowMs);
  }

  #prune(now: number): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key, now).length === 0) this.#failures.delete(key);
    }
  }
}
