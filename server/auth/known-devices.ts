// Browsers that already logged in to a target (a session's invigilator screen, an account): a cookie
// this server gave them after a right password ("device cookie", OWASP's answer to lockouts). Their
// login attempts at that target are counted on their own (login-throttle.ts), so that a candidate
// guessing from the school's one public address blocks the address, not the invigilator's laptop that
// logged in this morning and must log in again after a sleep. A stranger cannot have such a cookie:
// it is a random secret, known here only by its hash, given only to whoever gave the right password.
//
// Kept in memory, as the failures are: a restart forgets both (the browser then logs in as any other).
import { newToken, secretHash } from './secrets.ts';

export interface KnownDevicesOptions {
  /** How long a device stays known for a target after its last successful login there. */
  ttlMs: number;
  now: () => number;
  /** Devices remembered at most (the oldest are forgotten first). */
  max?: number;
  /**
   * Devices known at one target at most (the least recently seen there are forgotten first): whoever
   * has a password can make a new device at each login, but only crowds out that target's own.
   */
  maxPerTarget?: number;
}

export class KnownDevices {
  readonly #o: KnownDevicesOptions;
  /** By the hash of the device's secret: the targets it logged in to, and until when each is known. */
  readonly #devices = new Map<string, Map<string, number>>();

  constructor(options: KnownDevicesOptions) {
    this.#o = options;
  }

  /**
   * After a successful login at `target`: the device's secret, the one it came with when this server
   * gave it (and it is still known), or a new one. The caller sets it in the device's cookie.
   */
  remember(secret: string | null, target: string): string {
    const now = this.#o.now();
    const known = plausible(secret) ? this.#live(secretHash(secret), now) : undefined;
    const kept = known && secret !== null ? secret : newToken();
    const hash = secretHash(kept);
    const targets = known ?? new Map<string, number>();
    targets.set(target, now + this.#o.ttlMs);
    // Moved to the end: the map's order is the order of last use, the first is forgotten first.
    this.#devices.delete(hash);
    this.#devices.set(hash, targets);
    this.#limitTarget(target);
    this.#prune(now);
    return kept;
  }

  /**
   * The target's password changed: no device is known there any more (one that logged in with a
   * leaked password keeps no counts of its own). Its other targets stay.
   */
  forget(target: string): void {
    for (const [hash, targets] of [...this.#devices]) {
      if (targets.delete(target) && targets.size === 0) this.#devices.delete(hash);
    }
  }

  /** Beyond maxPerTarget devices at `target`, the least recently seen forget it. */
  #limitTarget(target: string): void {
    const holders = [...this.#devices].filter(([, targets]) => targets.has(target));
    const excess = holders.length - (this.#o.maxPerTarget ?? 20);
    for (const [hash, targets] of holders.slice(0, Math.max(0, excess))) {
      targets.delete(target);
      if (targets.size === 0) this.#devices.delete(hash);
    }
  }

  /** The key its failures at `target` count under, when the secret is a device known there; else null. */
  keyFor(secret: string | null, target: string): string | null {
    if (!plausible(secret)) return null;
    const hash = secretHash(secret);
    const until = this.#live(hash, this.#o.now())?.get(target);
    return until === undefined ? null : deviceKey(hash);
  }

  /** The key of a device known for any target (a request's rate limit, before its body is read). */
  keyOfAny(secret: string | null): string | null {
    if (!plausible(secret)) return null;
    const hash = secretHash(secret);
    return this.#live(hash, this.#o.now()) ? deviceKey(hash) : null;
  }

  /** The device's targets still known at `now` (expired ones dropped); undefined when none is. */
  #live(hash: string, now: number): Map<string, number> | undefined {
    const targets = this.#devices.get(hash);
    if (!targets) return undefined;
    for (const [target, until] of targets) if (until <= now) targets.delete(target);
    if (targets.size > 0) return targets;
    this.#devices.delete(hash);
    return undefined;
  }

  #prune(now: number): void {
    const max = this.#o.max ?? 10_000;
    if (this.#devices.size <= max) return;
    for (const hash of [...this.#devices.keys()]) this.#live(hash, now);
    for (const hash of this.#devices.keys()) {
      if (this.#devices.size <= max) break;
      this.#devices.delete(hash);
    }
  }
}

/** A secret this server could have given (newToken: 43 characters), before hashing what a client sent. */
function plausible(secret: string | null): secret is string {
  return secret !== null && secret.length > 0 && secret.length <= 64;
}

/** Throttle keys of devices: `device:` and a part of the secret's hash (never the secret). */
function deviceKey(hash: string): string {
  return `device:${hash.slice(0, 32)}`;
}
