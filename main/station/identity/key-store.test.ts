import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../sync/sync-fixtures.ts';
import { FileKeyStore, MemoryKeyStore } from './key-store.ts';

const posix = process.platform !== 'win32';

describe('FileKeyStore', () => {
  it('reads nothing before the first write', async () => {
    expect(await new FileKeyStore(path.join(tempDataDir(), 'key')).read()).toBeNull();
  });

  it('keeps the secret in a file only its owner can read and write (0600), leaving no temporary file', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'keys', 'station-key.der');
    const store = new FileKeyStore(file);
    await store.write(new Uint8Array([1, 2, 3]));
    expect(await store.read()).toEqual(new Uint8Array([1, 2, 3]));
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['station-key.der']);
  });

  it('replaces the secret on a second write', async () => {
    const store = new FileKeyStore(path.join(tempDataDir(), 'key'));
    await store.write(new Uint8Array([1]));
    await store.write(new Uint8Array([2, 2]));
    expect(await store.read()).toEqual(new Uint8Array([2, 2]));
  });

  it.runIf(posix)('tightens a key file restored with looser permissions', async () => {
    const file = path.join(tempDataDir(), 'key');
    writeFileSync(file, new Uint8Array([9]));
    chmodSync(file, 0o644);
    expect(await new FileKeyStore(file).read()).toEqual(new Uint8Array([9]));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('MemoryKeyStore', () => {
  it('hands out copies: the caller cannot change the stored secret', async () => {
    const store = new MemoryKeyStore();
    const secret = new Uint8Array([1, 2]);
    await store.write(secret);
    secret[0] = 7;
    const read = await store.read();
    expect(read).toEqual(new Uint8Array([1, 2]));
  });
});
