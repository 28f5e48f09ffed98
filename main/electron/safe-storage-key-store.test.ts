// The key store in Electron, against a stand-in for safeStorage: a key the OS key store cannot unseal
// now is a start failure of its own, never an empty store (which would make a new key).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const safeStorage = vi.hoisted(() => ({
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text: string) => Buffer.from(`sealed:${text}`),
  decryptString: (sealed: Buffer): string => sealed.toString().slice('sealed:'.length),
}));
vi.mock('electron', () => ({ safeStorage }));

const { SafeStorageKeyStore } = await import('./safe-storage-key-store.ts');
const { describeStartFailure } = await import('./start-failure.ts');
const { loadOrCreateStationKeys } = await import('../station/identity/station-keys.ts');

describe('the station key sealed by the OS key store', () => {
  it('reads back what it sealed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keys-'));
    const store = new SafeStorageKeyStore(
      path.join(dir, 'station-key.sealed'),
      path.join(dir, 'station-key.der'),
    );
    await store.write(new Uint8Array([1, 2, 3]));
    expect(await store.read()).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses to start, as a key-store failure, when the key store cannot unseal it (no keyring, DPAPI)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keys-'));
    const sealedFile = path.join(dir, 'station-key.sealed');
    writeFileSync(sealedFile, 'sealed by a keyring that is not there');
    const decrypt = vi.spyOn(safeStorage, 'decryptString').mockImplementation(() => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    });
    const store = new SafeStorageKeyStore(sealedFile, path.join(dir, 'station-key.der'));
    const error: unknown = await loadOrCreateStationKeys(store).catch((e: unknown) => e);
    decrypt.mockRestore();
    expect(error).toMatchObject({ name: 'KeyStoreLockedError', code: 'STATION_KEY_LOCKED' });
    expect(describeStartFailure(error, '/data/journal.sqlite').kind).toBe('keyStoreLocked');
    // Nothing was replaced: the sealed key is still there for when the keyring is back.
    expect(readFileSync(sealedFile, 'utf8')).toBe('sealed by a keyring that is not there');
    expect(existsSync(path.join(dir, 'station-key.der'))).toBe(false);
  });
});
