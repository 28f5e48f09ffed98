// Failed logins are counted per key (the session number, the email, the client address, the station):
// past its kind's limit within the window the key is refused with 429 until the window has passed, even
// with the right password, so the 6-character invigilator password cannot be guessed online. Limits
// differ by kind: a school's screens share one address, and candidates mistype access codes.
import { ApiError } from '../http/api-error.ts';

export interface LoginThrottleOptions {
  /** Failures allowed per key, by the key's kind (the part before `:`); `default` for the others. */
  limits: Readonly<Record<string, number>> & { default: number };
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
      if (recent.length >= this.#limit(key)) {
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

  #limit(key: string): number {
    const kind = key.slice(0, key.indexOf(':'));
    return this.#o.limits[kind] ?? this.#o.limits.default;
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
