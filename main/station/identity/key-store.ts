// Where the station's private key lives. A port: the Electron shell keeps it encrypted with the
// operating system's key store (safeStorage); plain Node keeps it in a file only its owner can read.
import { chmod, readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../files/atomic-file.ts';

/**
 * The key store holds the station key but cannot open it now: the OS key store that sealed it is out of
 * reach (no keyring unlocked in the kiosk session on Linux, DPAPI after a Windows password reset).
 */
export class KeyStoreLockedError extends Error {
  readonly code = 'STATION_KEY_LOCKED';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      `the station key is sealed by the system's key store, which cannot open it now (${detail}); ` +
        'it was left as it is: open the session the station was installed for (its keyring unlocked), ' +
        'or restore the key from a backup',
      options,
    );
    this.name = 'KeyStoreLockedError';
  }
}

export interface KeyStore {
  /** The stored secret, or null when none was ever written. */
  read(): Promise<Uint8Array | null>;
  /** Stores the secret durably, replacing any previous one. */
  write(secret: Uint8Array): Promise<void>;
}

/** A key file readable and writable by its owner only (mode 0600). */
export class FileKeyStore implements KeyStore {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  async read(): Promise<Uint8Array | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // A copy restored with looser permissions is tightened again (POSIX only: Windows has ACLs).
    if (process.platform !== 'win32' && ((await stat(this.file)).mode & 0o077) !== 0) {
      await chmod(this.file, 0o600);
    }
    return new Uint8Array(bytes);
  }

  async write(secret: Uint8Array): Promise<void> {
    await writeFileAtomic(this.file, secret, { mode: 0o600 });
  }
}

/** A key store in memory, for tests and throw-away demo stations. */
export class MemoryKeyStore implements KeyStore {
  #secret: Uint8Array | null = null;
  writes = 0;

  async read(): Promise<Uint8Array | null> {
    return this.#secret ? new Uint8Array(this.#secret) : null;
  }

  async write(secret: Uint8Array): Promise<void> {
    this.#secret = new Uint8Array(secret);
    this.writes += 1;
  }
}
