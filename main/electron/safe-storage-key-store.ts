// The station's private key, encrypted with the OS key store through Electron's safeStorage (DPAPI on
// Windows, Keychain on macOS, libsecret/kwallet on Linux). Where the OS offers no real key store (a
// Linux kiosk session without a keyring, where safeStorage would fall back to a fixed, public key),
// the key stays in the owner-only file instead: the same protection, said honestly in the log.
import { readFile, rm } from 'node:fs/promises';
import { safeStorage } from 'electron';
import { writeFileAtomic } from '../station/files/atomic-file.ts';
import { FileKeyStore, KeyStoreLockedError, type KeyStore } from '../station/identity/key-store.ts';

export class SafeStorageKeyStore implements KeyStore {
  readonly #sealedFile: string;
  readonly #plain: FileKeyStore;

  constructor(sealedFile: string, plainFile: string) {
    this.#sealedFile = sealedFile;
    this.#plain = new FileKeyStore(plainFile);
  }

  async read(): Promise<Uint8Array | null> {
    let sealed: Buffer | null = null;
    try {
      sealed = await readFile(this.#sealedFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (sealed) return new Uint8Array(Buffer.from(this.#open(sealed), 'base64'));
    // A key kept in the plain file (earlier version, or no key store then): moved under the key store.
    const plain = await this.#plain.read();
    if (plain && usableKeyStore()) {
      await this.write(plain);
      await rm(this.#plain.file, { force: true });
    }
    return plain;
  }

  /** The key, unsealed; a key store that cannot do it now is a start failure of its own (never "no key"). */
  #open(sealed: Buffer): string {
    try {
      return safeStorage.decryptString(sealed);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new KeyStoreLockedError(detail, { cause: error });
    }
  }

  async write(secret: Uint8Array): Promise<void> {
    if (!usableKeyStore()) {
      await this.#plain.write(secret);
      return;
    }
    const sealed = safeStorage.encryptString(Buffer.from(secret).toString('base64'));
    await writeFileAtomic(this.#sealedFile, sealed, { mode: 0o600 });
  }
}

/** Encryption that actually depends on a secret the OS keeps (not Chromium's "basic_text" fallback). */
export function usableKeyStore(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}
