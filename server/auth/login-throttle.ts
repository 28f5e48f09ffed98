// Failed attempts are counted per key (a station, a client address...): past its kind's limit within the
// window a key is refused with 429 until the window has passed, even with the right secret. Limits differ
// by kind: a school's screens share one address, and candidates mistype access codes.
//
// Logins (`attempt`) name a target, a session number or an email, that anyone can aim at: blocking the
// target would let anyone lock its owner out. So only the address is blocked, for this target (5 failures
// by default) and overall (30); the target's own count merely slows every attempt on it down. An address
// then gets 480 guesses a day at a target: some 10^7 address-days to find a 47^6 ≈ 10^10 invigilator
// password. IPv6 addresses count by /64, which one subscriber holds whole. Left over: behind a school's
// one public address, a candidate can still block the invigilator's logins from there for 15 minutes.
import { ApiError } from '../http/api-error.ts';

export interface LoginThrottleOptions {
  /** Failures allowed per key, by the key's kind (the part before `:`); `default` for the others. */
  limits: Readonly<Record<string, number>> & { default: number };
  windowMs: number;
  now: () => number;
  /** The wait for each attempt on a target past its limit (1 s by default). */
  slowDownMs?: number;
}

/** One login attempt admitted by `attempt`: the keys it counts against. */
export interface LoginAttempt {
  readonly target: string;
  readonly keys: readonly string[];
  readonly at: number;
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

  /**
   * Admits a login attempt on `target` (`session:1001`, `email:…`) from `address`, counted as a failure
   * at once (concurrent guesses see it) until `succeeded`: 429 when the address is blocked, for this
   * target or overall; a delay when the target itself is past its limit.
   */
  async attempt(target: string, address: string): Promise<LoginAttempt> {
    const from = addressKey(address);
    const attempt = { target, keys: [`${target}@${from}`, `ip:${from}`], at: this.#o.now() };
    this.check(attempt.keys);
    const slow = this.#recent(target, attempt.at).length >= this.#limit(target);
    this.#record([target, ...attempt.keys], attempt.at);
    if (slow) await new Promise((resolve) => setTimeout(resolve, this.#o.slowDownMs ?? 1000));
    return attempt;
  }

  /** The attempt was right: its target and address start afresh, the address's overall count forgets it. */
  succeeded({ target, keys, at }: LoginAttempt): void {
    const [perTarget = '', overall = ''] = keys;
    this.succeed([target, perTarget]);
    const rest = [...(this.#failures.get(overall) ?? [])];
    const index = rest.indexOf(at);
    if (index >= 0) rest.splice(index, 1);
    if (rest.length) this.#failures.set(overall, rest);
    else this.#failures.delete(overall);
  }

  fail(keys: readonly string[]): void {
    this.#record(keys, this.#o.now());
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #record(keys: readonly string[], now: number): void {
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
    if (this.#failures.size > 10_000) this.#prune(now);
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

/** The key of a client address: IPv4 as is, IPv6 by its /64 (a subscriber's whole prefix). */
export function addressKey(address: string): string {
  if (!address.includes(':') || address.includes('.')) return address;
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
