import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stationIdFromJwk } from '../../../core/identity/station-id.ts';
import { MemoryKeyStore, type KeyStore } from './key-store.ts';
import {
  StationKeyError,
  StationKeyMissingError,
  loadOrCreateStationKeys,
  stationKeysFrom,
} from './station-keys.ts';

describe('the station key pair', () => {
  it('is generated on first run and stored through the key store', async () => {
    const store = new MemoryKeyStore();
    const { keys, created } = await loadOrCreateStationKeys(store);
    expect(created).toBe(true);
    expect(store.writes).toBe(1);
    expect(keys.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(keys.stationId).toBe(stationIdFromJwk(keys.publicJwk));
  });

  it('is never made anew while results in the journal still need the lost one', async () => {
    const store = new MemoryKeyStore();
    await expect(loadOrCreateStationKeys(store, { unsentTests: () => 2 })).rejects.toThrow(
      StationKeyMissingError,
    );
    expect(store.writes).toBe(0);
    expect((await loadOrCreateStationKeys(store, { unsentTests: async () => 0 })).created).toBe(true);
    // A stored key is read whatever the journal holds.
    expect((await loadOrCreateStationKeys(store, { unsentTests: () => 5 })).created).toBe(false);
  });

  it('is read back on the next run: same station id, nothing written again', async () => {
    const store = new MemoryKeyStore();
    const first = await loadOrCreateStationKeys(store);
    const second = await loadOrCreateStationKeys(store);
    expect(second.created).toBe(false);
    expect(second.keys.stationId).toBe(first.keys.stationId);
    expect(store.writes).toBe(1);
  });

  it('signs so that the public key verifies', async () => {
    const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
    const signature = keys.sign('pix-station-v1\nPOST\n/api/station/heartbeat');
    const publicKey = createPublicKey({ key: { ...keys.publicJwk }, format: 'jwk' });
    expect(
      verify(null, Buffer.from('pix-station-v1\nPOST\n/api/station/heartbeat'), publicKey, signature),
    ).toBe(true);
    expect(verify(null, Buffer.from('something else'), publicKey, signature)).toBe(false);
  });

  it.each([
    ['bytes that are not a key', new Uint8Array([1, 2, 3])],
    ['an empty secret', new Uint8Array()],
  ])('refuses %s, and never replaces it', async (_case, secret) => {
    const store = new MemoryKeyStore();
    await store.write(secret);
    await expect(loadOrCreateStationKeys(store)).rejects.toThrow(StationKeyError);
    expect(await store.read()).toEqual(secret);
  });

  it('refuses a key of another algorithm', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
    expect(() => stationKeysFrom(der)).toThrow(/not Ed25519/);
  });

  it('fails clearly when the key store keeps nothing', async () => {
    const forgetful: KeyStore = { read: async () => null, write: async () => undefined };
    await expect(loadOrCreateStationKeys(forgetful)).rejects.toThrow(/kept nothing/);
  });
});
