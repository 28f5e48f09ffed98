// The local invigilator code: what closes the station (or ends the kiosk) on the spot when no command
// can come from the invigilator screen. Stored only as PBKDF2-SHA256, because IT must be able to make
// the hash with tools every OS has (PowerShell, Python, OpenSSL; docs/lockdown/), and checked at a pace
// that makes guessing pointless: after a few wrong codes the station waits before accepting another.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { InvigilatorCodeHashSchema } from '../../../core/lockdown/station-settings.ts';

const derive = promisify(pbkdf2);
export const DEFAULT_ITERATIONS = 600_000;
const KEY_BYTES = 32;

/** Hashes a code as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. */
export async function hashInvigilatorCode(
  code: string,
  options: { iterations?: number; salt?: Uint8Array } = {},
): Promise<string> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const salt = Buffer.from(options.salt ?? randomBytes(16));
  const hash = await derive(code.normalize('NFC'), salt, iterations, KEY_BYTES, 'sha256');
  return `pbkdf2-sha256$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyInvigilatorCode(code: string, stored: string): Promise<boolean> {
  if (!InvigilatorCodeHashSchema.safeParse(stored).success) return false;
  const [, iterations, salt, expected] = stored.split('$');
  const want = Buffer.from(expected ?? '', 'base64');
  const got = await derive(
    code.normalize('NFC'),
    Buffer.from(salt ?? '', 'base64'),
    Number(iterations),
    want.length,
    'sha256',
  );
  return want.length === KEY_BYTES && timingSafeEqual(got, want);
}

export type CodeAttempt = 'accepted' | 'wrong' | 'wait' | 'noCodeSet';

/** Counts wrong codes: after `maxAttempts` in a row, the next one is refused for `lockoutMs`. */
export class InvigilatorCodeGuard {
  readonly #hash: () => string | null;
  readonly #now: () => number;
  readonly #maxAttempts: number;
  readonly #lockoutMs: number;
  #wrong = 0;
  #lockedUntil = 0;

  constructor(options: {
    hash: () => string | null;
    now?: () => number;
    maxAttempts?: number;
    lockoutMs?: number;
  }) {
    this.#hash = options.hash;
    this.#now = options.now ?? Date.now;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#lockoutMs = options.lockoutMs ?? 60_000;
  }

  /** Milliseconds before another code is accepted for checking (0: now). */
  waitMs(): number {
    return Math.max(0, this.#lockedUntil - this.#now());
  }

  async attempt(code: string): Promise<CodeAttempt> {
    const hash = this.#hash();
    if (hash === null) return 'noCodeSet';
    if (this.waitMs() > 0) return 'wait';
    if (await verifyInvigilatorCode(code, hash)) {
      this.#wrong = 0;
      return 'accepted';
    }
    this.#wrong += 1;
    if (this.#wrong >= this.#maxAttempts) {
      this.#wrong = 0;
      this.#lockedUntil = this.#now() + this.#lockoutMs;
    }
    return 'wrong';
  }
}

/**
 * May the station close now? With a code set, only with that code. Without one, only between
 * candidates (no test under way), so a candidate cannot close it mid-test.
 */
export function quitNeedsCode(options: {
  codeSet: boolean;
  testUnderWay: boolean;
}): 'code' | 'free' | 'refused' {
  if (options.codeSet) return 'code';
  return options.testUnderWay ? 'refused' : 'free';
}
