// Failed attempts are counted per key (a station, a client address...): past its kind's limit within the
// window a key is refused with 429 until the window has passed, even with the right secret. Limits differ
// by kind: a school's screens share one address, and candidates mistype access codes.
//
// Logins (`attempt`) name a target, a session number or an email, that anyone can aim at: blocking the
// target would let anyone lock its owner out. So only the address is blocked, for this target (5 failures
// by default) and overall (30); the target's own count merely slows every attempt on it down. An address
// then gets 480 guesses a day at a target: some 10^7 address-days to find a 47^6 ≈ 10^10 invigilator
// password. IPv6 addresses count by /64, which one subscriber holds whole.
//
// Behind a school's one public address, a candidate (a phone on the school's wifi) can still block the
// logins of new browsers from there for 15 minutes, mid-exam, by guessing at this session or at any
// others (the overall count). A browser that logged in to the target before is not blocked by them: it
// shows its device cookie (known-devices.ts, which keeps the devices across a restart) and its attempts
// count under that alone. For a browser that never did, the way out is the referent's « Changer le mot de passe du surveillant » in the
// back office (invigilator/invigilator-auth.ts): the secret the failures guessed at is gone, so every
// failure aimed at its target is forgotten (`forgive`), whichever address made it, in the per-target
// counts and in each address's overall count alike (each failure remembers its target for that); and the
// failures the addresses made before that at other targets no longer block attempts at this one (they
// still block every other target). The invigilator then logs in at once with the new password from the
// same address, whatever filled its overall count.
//
// Why that stays safe: only a referent's (or administrator's) deliberate change forgives, never the
// guesser; what it reopens is this one target, whose password was just drawn anew, and attempts at it
// count as before (5 failures from the address block it there again, and count in its overall count
// from then on). So an address blocked for guessing many sessions gains at most 5 guesses at one fresh
// 47^6 password per change, and nothing at any other session. Left over: the candidate may start again,
// and block that address's new logins after 5 more failures; screens already logged in are not
// affected, and the referent may change it again.
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
  /** Counted under a known device's key alone, not its address's. */
  readonly device?: true;
}

/**
 * A failure counted against a key: when, the login target it aimed at (none for `fail`), and its place
 * in the order of all failures (several fall within the same millisecond).
 */
interface Failure {
  readonly at: number;
  readonly target: string | null;
  readonly seq: number;
}

export class LoginThrottle {
  readonly #o: LoginThrottleOptions;
  /**
   * In memory only, as the forgiven targets: a restart forgets every count (a short window's worth),
   * while the known devices persist (known-devices.ts).
   */
  readonly #failures = new Map<string, Failure[]>();
  /** Per target forgiven (its secret replaced): the last failure then, and when. */
  readonly #forgiven = new Map<string, { seq: number; at: number }>();
  #seq = 0;

  constructor(options: LoginThrottleOptions) {
    this.#o = options;
  }

  /** Throws 429 when any of the keys is blocked. */
  check(keys: readonly string[]): void {
    this.#check(keys, 0);
  }

  /** As `check`, counting only the failures after the `after`-th. */
  #check(keys: readonly string[], after: number): void {
    const now = this.#o.now();
    for (const key of keys) {
      const recent = this.#recent(key, now).filter((f) => f.seq > after);
      if (recent.length >= this.#limit(key)) {
        const retryAfterMs = (recent[0]?.at ?? now) + this.#o.windowMs - now;
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
   * target or overall (by its failures since the target was last forgiven); a delay when the target
   * itself is past its limit.
   */
  async attempt(target: string, address: string, device: string | null = null): Promise<LoginAttempt> {
    const at = this.#o.now();
    // A device that logged in to this target before (known-devices.ts) counts on its own: what others
    // failed from its address does not block it, and its own failures block only itself.
    const from = addressKey(address);
    const attempt: LoginAttempt =
      device === null
        ? { target, keys: [`${target}@${from}`, `ip:${from}`], at }
        : { target, keys: [device], at, device: true };
    const forgiven = this.#forgiven.get(target);
    const since = forgiven && at - forgiven.at < this.#o.windowMs ? forgiven.seq : 0;
    // Per target, forgiving removed them all anyway; overall, the older ones aimed elsewhere stay.
    this.#check(attempt.keys, since);
    const slow = this.#recent(target, at).length >= this.#limit(target);
    this.#record([target, ...attempt.keys], { at, target, seq: ++this.#seq });
    if (slow) await new Promise((resolve) => setTimeout(resolve, this.#o.slowDownMs ?? 1000));
    return attempt;
  }

  /** The attempt was right: its target and address start afresh, the address's overall count forgets it. */
  succeeded({ target, keys, at, device }: LoginAttempt): void {
    if (device) {
      // The device's failures at this target only: the key is the device's for every target it knows,
      // and a right password here must not wipe its guesses at another.
      this.succeed([target]);
      for (const key of keys) this.#forget(key, (f) => f.target === target);
      return;
    }
    const [perTarget = '', overall = ''] = keys;
    this.succeed([target, perTarget]);
    const rest = [...(this.#failures.get(overall) ?? [])];
    const index = rest.findIndex((f) => f.at === at && f.target === target);
    if (index >= 0) rest.splice(index, 1);
    if (rest.length) this.#failures.set(overall, rest);
    else this.#failures.delete(overall);
  }

  /**
   * The target's secret was replaced: every failure aimed at it is forgotten, from every address, in
   * the per-target counts and in the addresses' overall counts; the failures aimed elsewhere before now
   * still count, but no longer block an address's attempts at this target. Attempts admitted later
   * count as usual.
   */
  forgive(target: string): void {
    const now = this.#o.now();
    for (const [other, { at }] of [...this.#forgiven]) {
      if (now - at >= this.#o.windowMs) this.#forgiven.delete(other);
    }
    this.#forgiven.set(target, { seq: this.#seq, at: now });
    for (const [key, failures] of [...this.#failures]) {
      const rest = failures.filter((f) => f.target !== target);
      if (rest.length === failures.length) continue;
      if (rest.length) this.#failures.set(key, rest);
      else this.#failures.delete(key);
    }
  }

  /** Drops the key's failures that `which` selects. */
  #forget(key: string, which: (f: Failure) => boolean): void {
    const rest = (this.#failures.get(key) ?? []).filter((f) => !which(f));
    if (rest.length) this.#failures.set(key, rest);
    else this.#failures.delete(key);
  }

  fail(keys: readonly string[]): void {
    this.#record(keys, { at: this.#o.now(), target: null, seq: ++this.#seq });
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #record(keys: readonly string[], failure: Failure): void {
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, failure.at), failure]);
    if (this.#failures.size > 10_000) this.#prune(failure.at);
  }

  #limit(key: string): number {
    const kind = key.slice(0, key.indexOf(':'));
    return this.#o.limits[kind] ?? this.#o.limits.default;
  }

  #recent(key: string, now: number): Failure[] {
    return (this.#failures.get(key) ?? []).filter((f) => now - f.at < this.#o.windowMs);
  }

  #prune(now: number): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key, now).length === 0) this.#failures.delete(key);
    }
    // Past the window, every failure older than the forgiveness is out of the counts anyway.
    for (const [target, { at }] of [...this.#forgiven]) {
      if (now - at >= this.#o.windowMs) this.#forgiven.delete(target);
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
