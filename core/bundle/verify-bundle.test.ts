// The result bundle's verification, as the server runs it on intake and the station on itself after
// sealing: signature by the station key, JWS type, payload schema, station, test, chain and package.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompactSign, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { stationIdFromJwk, StationPublicJwkSchema, type StationPublicJwk } from '../identity/station-id.ts';
import { chainOf, PACKAGE_HASH, sampleBodies } from '../journal/chain-fixtures.ts';
import type { JournalRecord } from '../journal/journal-record.ts';
import { bundleHash, resultIdempotencyKey } from './bundle-hash.ts';
import { RESULT_BUNDLE_ALG, RESULT_BUNDLE_TYPE, type ResultBundlePayload } from './result-bundle.ts';
import { samplePayload } from './payload-fixtures.ts';
import { verifyResultBundle } from './verify-bundle.ts';

let privateKey: CryptoKey;
let stationKey: StationPublicJwk;
let otherKey: StationPublicJwk;

beforeAll(async () => {
  const pair = await generateKeyPair('Ed25519', { extractable: true });
  privateKey = pair.privateKey;
  stationKey = StationPublicJwkSchema.parse(await exportJWK(pair.publicKey));
  const other = await generateKeyPair('Ed25519', { extractable: true });
  otherKey = StationPublicJwkSchema.parse(await exportJWK(other.publicKey));
});

function payload(overrides: Partial<ResultBundlePayload> = {}): ResultBundlePayload {
  return samplePayload({ stationId: stationIdFromJwk(stationKey), ...overrides });
}

async function sign(content: unknown, header: Record<string, string> = {}): Promise<string> {
  const bytes = new TextEncoder().encode(typeof content === 'string' ? content : JSON.stringify(content));
  return new CompactSign(bytes)
    .setProtectedHeader({ alg: RESULT_BUNDLE_ALG, typ: RESULT_BUNDLE_TYPE, ...header })
    .sign(privateKey);
}

describe('verifyResultBundle', () => {
  it('accepts a bundle signed by the station, and returns its payload', async () => {
    const jws = await sign(payload());
    const check = await verifyResultBundle(jws, { stationKey, testId: 'test-1', packageHash: PACKAGE_HASH });
    expect(check).toEqual({ ok: true, payload: payload() });
  });

  it('accepts it without test or package expectations too', async () => {
    expect((await verifyResultBundle(await sign(payload()), { stationKey })).ok).toBe(true);
  });

  it.each<[string, () => Promise<string>, string, RegExp]>([
    ['not a JWS', async () => 'hello', 'MALFORMED', /compact JWS/],
    ['a JWS of the wrong type', () => sign(payload(), { typ: 'JWT' }), 'MALFORMED', /type/],
    [
      'a JWS whose payload was swapped',
      async () => {
        const [header, , signature] = (await sign(payload())).split('.');
        const forged = Buffer.from(JSON.stringify(payload({ endReason: 'timeUp' }))).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
      'BAD_SIGNATURE',
      /does not match/,
    ],
    [
      'an unsigned JWS (alg none)',
      async () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: RESULT_BUNDLE_TYPE })).toString(
          'base64url',
        );
        const body = Buffer.from(JSON.stringify(payload())).toString('base64url');
        return `${header}.${body}.`;
      },
      'MALFORMED',
      /cannot be read/,
    ],
    ['a payload that is not JSON', () => sign('not json'), 'INVALID_PAYLOAD', /not JSON/],
    [
      'a payload missing its records',
      () => sign({ ...payload(), records: undefined }),
      'INVALID_PAYLOAD',
      /records/,
    ],
    ['a payload with an unknown field', () => sign({ ...payload(), score: 600 }), 'INVALID_PAYLOAD', /score/],
    [
      'a payload naming another station',
      () => sign(payload({ stationId: stationIdFromJwk(otherKey) })),
      'STATION_MISMATCH',
      /another station/,
    ],
    [
      'a payload for another test',
      () => sign(payload({ testId: 'test-2' })),
      'TEST_MISMATCH',
      /another test/,
    ],
    [
      'a journal with a record altered',
      () => {
        const records = chainOf('test-1');
        const altered = records.map((r, i) => (i === 3 ? ({ ...r, elapsedMs: 1 } as JournalRecord) : r));
        return sign(payload({ records: altered }));
      },
      'CHAIN_BROKEN',
      /altered/,
    ],
    [
      'a journal with a record holding text that is not valid Unicode (a lone surrogate)',
      () => {
        // Through JSON, a lone surrogate travels as \ud800 and comes back as one.
        const records = chainOf('test-1').map((r) =>
          r.kind === 'answered'
            ? { ...r, payload: { ...r.payload, value: { type: 'choice' as const, choice: '1\ud800' } } }
            : r,
        );
        return sign(payload({ records }));
      },
      'CHAIN_BROKEN',
      /cannot be hashed/,
    ],
    [
      'a journal with its last record removed',
      () => {
        const chain = chainOf('test-1');
        // Signed with the head of the whole chain, as the journal had it before the record went.
        return sign(payload({ records: chain.slice(0, -1), chainHead: chain.at(-1)?.hash ?? '' }));
      },
      'CHAIN_BROKEN',
      /chain head/,
    ],
    [
      'a bundle for another package',
      () => sign(payload({ packageHash: 'd'.repeat(64) })),
      'PACKAGE_MISMATCH',
      /another test package/,
    ],
  ])('refuses %s', async (_case, make, problem, message) => {
    const check = await verifyResultBundle(await make(), {
      stationKey,
      testId: 'test-1',
      packageHash: PACKAGE_HASH,
    });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problem).toBe(problem);
      expect(check.message).toMatch(message);
    }
  });

  it('gives the same verdicts with a native SHA-256 passed in (the server’s)', async () => {
    const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const good = await sign(payload());
    const altered = await sign(
      payload({
        records: chainOf('test-1').map((r, i) => (i === 2 ? ({ ...r, wallAt: 1 } as JournalRecord) : r)),
      }),
    );
    for (const jws of [good, altered]) {
      const expected = { stationKey, testId: 'test-1', packageHash: PACKAGE_HASH };
      expect(await verifyResultBundle(jws, expected, { sha256: native })).toEqual(
        await verifyResultBundle(jws, expected),
      );
    }
    expect((await verifyResultBundle(good, { stationKey }, { sha256: native })).ok).toBe(true);
  });

  it('refuses a bundle signed by another key than the station’s', async () => {
    const check = await verifyResultBundle(await sign(payload()), { stationKey: otherKey });
    expect(check).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
  });

  it('refuses a journal that does not record the bundle’s package', async () => {
    const records = chainOf(
      'test-1',
      sampleBodies.filter((b) => b.kind !== 'packageStored'),
    );
    const jws = await sign(payload({ records, chainHead: records.at(-1)?.hash ?? '' }));
    expect(await verifyResultBundle(jws, { stationKey })).toMatchObject({
      ok: false,
      problem: 'PACKAGE_MISMATCH',
      message: expect.stringMatching(/does not record/),
    });
  });

  it('refuses what is not a string, or too big, without throwing', async () => {
    expect(await verifyResultBundle(42 as unknown as string, { stationKey })).toMatchObject({
      problem: 'MALFORMED',
    });
    expect(await verifyResultBundle('a.b.'.padEnd(9 * 1024 * 1024, 'x'), { stationKey })).toMatchObject({
      problem: 'MALFORMED',
    });
  });
});

describe('bundle identity', () => {
  it('the bundle hash is the SHA-256 of the JWS text; the idempotency key pairs it with the test', async () => {
    const jws = await sign(payload());
    expect(bundleHash(jws)).toMatch(/^[0-9a-f]{64}$/);
    expect(bundleHash(jws)).toBe(bundleHash(`${jws}`));
    expect(bundleHash(jws)).not.toBe(bundleHash(await sign(payload({ endReason: 'timeUp' }))));
    expect(resultIdempotencyKey('test-1', bundleHash(jws))).toBe(`test-1:${bundleHash(jws)}`);
    const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(bundleHash(jws, native)).toBe(bundleHash(jws));
  });
});
