import { describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { bundleHash } from '../../../core/bundle/bundle-hash.ts';
import { verifyResultBundle } from '../../../core/bundle/verify-bundle.ts';
import { chainOf, PACKAGE_HASH } from '../../../core/journal/chain-fixtures.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys } from '../identity/station-keys.ts';
import type { SealInput } from '../runtime/ports.ts';
import { SealingError, createResultSealer } from './result-sealer.ts';

const input = (records = chainOf('test-1')): SealInput => ({
  test: {
    testId: 'test-1',
    sessionId: 's1',
    candidateId: 'c1',
    packageId: 'pkg-1',
    packageHash: PACKAGE_HASH,
    endReason: 'finished',
  },
  records,
  clock: { allowedMs: 6_300_000, elapsedMs: 5000, downtimeMs: 1200, addedMs: 0 },
  sealedAt: new Date('2026-11-22T10:45:00.000Z'),
});

describe('the result sealer', () => {
  it('signs the journal as a pix-result+jws bundle (EdDSA / Ed25519) that the server’s verifier accepts', async () => {
    const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
    const seal = createResultSealer({ keys, serverClockOffsetMs: () => -120.4 });
    const sealed = await seal(input());
    expect(decodeProtectedHeader(sealed.jws)).toEqual({ alg: 'Ed25519', typ: 'pix-result+jws' });
    expect(sealed.bundleHash).toBe(bundleHash(sealed.jws));
    const check = await verifyResultBundle(sealed.jws, {
      stationKey: keys.publicJwk,
      testId: 'test-1',
      packageHash: PACKAGE_HASH,
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.payload).toMatchObject({
      stationId: keys.stationId,
      endReason: 'finished',
      chainHead: chainOf('test-1').at(-1)?.hash,
      clock: { downtimeMs: 1200 },
      serverClockOffsetMs: -120,
      sealedAt: '2026-11-22T10:45:00.000Z',
    });
    expect(check.payload.records).toEqual(chainOf('test-1'));
  });

  it('records a server clock offset never measured as null', async () => {
    const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
    const sealed = await createResultSealer({ keys, serverClockOffsetMs: () => null })(input());
    const check = await verifyResultBundle(sealed.jws, { stationKey: keys.publicJwk });
    expect(check.ok && check.payload.serverClockOffsetMs).toBeNull();
  });

  it('refuses to seal a journal whose chain is broken (the self-check finds it)', async () => {
    const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
    const records = chainOf('test-1');
    const broken = records.map((r, i) => (i === 2 ? { ...r, elapsedMs: 7 } : r));
    await expect(createResultSealer({ keys, serverClockOffsetMs: () => 0 })(input(broken))).rejects.toThrow(
      /CHAIN_BROKEN/,
    );
  });

  it('refuses an empty journal', async () => {
    const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
    await expect(createResultSealer({ keys, serverClockOffsetMs: () => 0 })(input([]))).rejects.toThrow(
      SealingError,
    );
  });

  it('refuses when its key does not match the public key it announces', async () => {
    const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
    const { keys: other } = await loadOrCreateStationKeys(new MemoryKeyStore());
    const mixed = { ...keys, privateKey: other.privateKey };
    await expect(createResultSealer({ keys: mixed, serverClockOffsetMs: () => 0 })(input())).rejects.toThrow(
      /BAD_SIGNATURE/,
    );
  });
});
