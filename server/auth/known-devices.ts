// Browsers that already logged in to a target (a session's invigilator screen, an account): a cookie
// this server gave them after a right password ("device cookie", OWASP's answer to lockouts). Their
// login attempts at that target are counted on their own (login-throttle.ts), so that a candidate
// guessing from the school's one public address blocks the address, not the invigilator's laptop that
// logged in this morning and must log in again after a sleep. A stranger cannot have such a cookie:
// it is a random secret, known here only by its hash, given only to whoever gave the right password.
//
// They survive a restart (a deployment on exam day must not block the invigilator's laptop behind the
// school's address again): KnownDevices.open reads them from the store (KnownDeviceRepository), and each
// change is written behind to it. The checks read memory only (the rate limit asks on every login
// request); a login does not wait for its write, and a write lost (a power cut) only makes that browser
// log in as one never seen. Stored: the hash of each secret (never the secret), its targets with their
// expiry, and the order of last logins (which devices are forgotten first). The failures counted under a
// device's key or an address stay in memory (login-throttle.ts): a restart forgets those.
import type { ForgottenDevice, KnownDeviceRepository } from '../storage/repositories.ts';
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
  /** A write to the store failed (the device is known until a restart): told, never thrown. */
  onStoreError?: (error: unknown) => void;
}

export class KnownDevices {
  readonly #o: KnownDevicesOptions;
  /** By the hash of the device's secret: the targets it logged in to, and until when each is known. */
  readonly #devices = new Map<string, Map<string, number>>();
  /** Where each change is written behind; null: in memory only (a restart forgets every device). */
  #store: KnownDeviceRepository | null = null;
  /** The order number of the last login (a device's `seen` in the store). */
  #seen = 0;
  /** Writes to the store under way. */
  readonly #writing = new Set<Promise<void>>();

  /** Devices in memory only (tests); the server opens them from its store (`open`). */
  constructor(options: KnownDevicesOptions) {
    this.#o = options;
  }

  /**
   * The devices the store keeps (those still known now), least recently seen first as they were; each
   * change is then written to the store as it is made, in order, without waiting for it.
   */
  static async open(store: KnownDeviceRepository, options: KnownDevicesOptions): Promise<KnownDevices> {
    const known = new KnownDevices(options);
    for (const device of await store.load(options.now())) {
      known.#devices.set(device.deviceHash, new Map(device.targets.map((t) => [t.target, t.expiresAt])));
      known.#seen = Math.max(known.#seen, device.seen);
    }
    known.#store = store;
    return known;
  }

  /** Resolves once the writes made so far are done (a failed one was told to onStoreError). */
  async settled(): Promise<void> {
    await Promise.all([...this.#writing]);
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
    const expiresAt = now + this.#o.ttlMs;
    targets.set(target, expiresAt);
    // Moved to the end: the map's order is the order of last use, the first is forgotten first.
    this.#devices.delete(hash);
    this.#devices.set(hash, targets);
    const seen = ++this.#seen;
    const forgotten = [...this.#limitTarget(target), ...this.#prune(now)];
    // The targets found expired (#live) are not listed: the store deletes every expired one itself.
    this.#write((store) => store.remember({ deviceHash: hash, target, expiresAt, seen }, forgotten, now));
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
    this.#write((store) => store.forget(target));
  }

  /** Beyond maxPerTarget devices at `target`, the least recently seen forget it (returned). */
  #limitTarget(target: string): ForgottenDevice[] {
    const holders = [...this.#devices].filter(([, targets]) => targets.has(target));
    const excess = holders.length - (this.#o.maxPerTarget ?? 20);
    const forgotten: ForgottenDevice[] = [];
    for (const [hash, targets] of holders.slice(0, Math.max(0, excess))) {
      targets.delete(target);
      if (targets.size === 0) this.#devices.delete(hash);
      forgotten.push({ deviceHash: hash, target });
    }
    return forgotten;
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

  /** Beyond max devices, the expired ones, then the least recently seen, are forgotten (these returned). */
  #prune(now: number): ForgottenDevice[] {
    const max = this.#o.max ?? 10_000;
    if (this.#devices.size <= max) return [];
    for (const hash of [...this.#devices.keys()]) this.#live(hash, now);
    const forgotten: ForgottenDevice[] = [];
    for (const hash of this.#devices.keys()) {
      if (this.#devices.size <= max) break;
      this.#devices.delete(hash);
      forgotten.push({ deviceHash: hash, target: null });
    }
    return forgotten;
  }

  /** Made now, in the order of the changes; a failure is told, never thrown at the login. */
  #write(write: (store: KnownDeviceRepository) => Promise<void>): void {
    if (!this.#store) return;
    let written: Promise<void>;
    try {
      written = write(this.#store);
    } catch (error) {
      written = Promise.reject(error);
    }
    const done = written
      .catch((error: unknown) => this.#o.onStoreError?.(error))
      .finally(() => this.#writing.delete(done));
    this.#writing.add(done);
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
