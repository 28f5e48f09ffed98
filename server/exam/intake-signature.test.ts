// The server's native JWS check must never accept what core's jose check refuses, must accept the
// bundles stations seal, and must read the same header and payload.
import { generateKeyPairSync, sign as edSign } from 'node:crypto';
import fc from 'fast-check';
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import { joseSignatureVerifier, type SignatureCheck } from '../../core/bundle/bundle-signature.ts';
import { RESULT_BUNDLE_TYPE } from '../../core/bundle/result-bundle.ts';
import type { StationPublicJwk } from '../../core/identity/station-id.ts';
import { nativeSignatureVerifier } from './intake-signature.ts';

function station() {
  const keys = generateKeyPairSync('ed25519');
  const jwk = keys.publicKey.export({ format: 'jwk' });
  return {
    privateKey: keys.privateKey,
    jwk: { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x) } as StationPublicJwk,
  };
}
const mine = station();
const other = station();

async function sign(payload: string, header: Record<string, unknown> = {}, key = mine.privateKey) {
  return new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: 'Ed25519', typ: RESULT_BUNDLE_TYPE, ...header })
    .sign(key);
}
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** A JWS signed by hand, for headers jose will not write. */
function rawSign(header: Record<string, unknown>, payload: string): string {
  const input = `${b64(JSON.stringify(header))}.${b64(payload)}`;
  return `${input}.${edSign(null, Buffer.from(input), mine.privateKey).toString('base64url')}`;
}

/** Both verdicts, payloads as text. */
async function both(jws: string, key = mine.jwk) {
  const show = (c: SignatureCheck) =>
    c.ok ? { ok: true, header: c.protectedHeader, payload: Buffer.from(c.payload).toString('utf8') } : c;
  return {
    native: show(await nativeSignatureVerifier(jws, key)),
    jose: show(await joseSignatureVerifier(jws, key)),
  };
}

describe('the server’s native bundle signature check', () => {
  it('accepts what the station signs, with the same header and payload as jose', async () => {
    const { native, jose } = await both(await sign('{"a":"é 😀","b":[1,2]}'));
    expect(native).toEqual(jose);
    expect(native).toMatchObject({ ok: true, payload: '{"a":"é 😀","b":[1,2]}' });
  });

  it.each<[string, () => Promise<string>, StationPublicJwk, string]>([
    ['another station’s key', () => sign('{}', {}, other.privateKey), mine.jwk, 'BAD_SIGNATURE'],
    [
      'a swapped payload',
      async () => (await sign('{}')).replace(/\.[^.]*\./, `.${b64('{"x":1}')}.`),
      mine.jwk,
      'BAD_SIGNATURE',
    ],
    ['a truncated signature', async () => (await sign('{}')).slice(0, -2), mine.jwk, 'BAD_SIGNATURE'],
    ['alg none', async () => `${b64('{"alg":"none"}')}.${b64('{}')}.`, mine.jwk, 'MALFORMED'],
    ['alg EdDSA', () => sign('{}', { alg: 'EdDSA' }), mine.jwk, 'MALFORMED'],
    [
      'a header that is not JSON',
      async () => `${b64('{alg')}.${b64('{}')}.${'A'.repeat(86)}`,
      mine.jwk,
      'MALFORMED',
    ],
    [
      'a header that is an array',
      async () => `${b64('["Ed25519"]')}.${b64('{}')}.${'A'.repeat(86)}`,
      mine.jwk,
      'MALFORMED',
    ],
    [
      'a critical header extension',
      async () => rawSign({ alg: 'Ed25519', typ: RESULT_BUNDLE_TYPE, crit: ['exp'], exp: 1 }, '{}'),
      mine.jwk,
      'MALFORMED',
    ],
    ['a key that is not a key', () => sign('{}'), { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) }, 'any'],
  ])('refuses %s', async (_case, make, key, problem) => {
    const jws = await make();
    const { native, jose } = await both(jws, key);
    expect(native.ok).toBe(false);
    expect(jose.ok).toBe(false);
    if (problem !== 'any') expect(native).toEqual({ ok: false, problem });
  });

  it('is stricter than jose where the JWS is not exactly as signed: padding, whitespace, stray bits', async () => {
    const jws = await sign('{"a":1}');
    const [h = '', p = '', s = ''] = jws.split('.');
    const loose = [
      `${h}.${p}.${s}`.replace(/.$/, (c) => String.fromCharCode(c.charCodeAt(0) + 1)),
      `${h}.${p}==.${s}`,
      `${h}.${p} .${s}`,
    ];
    for (const variant of loose)
      expect(await nativeSignatureVerifier(variant, mine.jwk)).toMatchObject({ ok: false });
    // RFC 7797's unencoded payload: jose reads the segment's text as the payload; refused here.
    const unencoded = rawSign({ alg: 'Ed25519', typ: RESULT_BUNDLE_TYPE, crit: ['b64'], b64: false }, '{}');
    expect(await joseSignatureVerifier(unencoded, mine.jwk)).toMatchObject({ ok: true });
    expect(await nativeSignatureVerifier(unencoded, mine.jwk)).toEqual({ ok: false, problem: 'MALFORMED' });
    // b64:false outside crit is ignored by jose; refused here (stations never write it).
    expect(await nativeSignatureVerifier(await sign('{}', { b64: false }), mine.jwk)).toEqual({
      ok: false,
      problem: 'MALFORMED',
    });
  });

  it('never accepts an altered JWS that jose refuses, and reads what jose reads when both accept', async () => {
    const jws = await sign('{"records":[1,2,3],"text":"réponse"}');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: jws.length - 1 }),
        fc.nat({ max: 3 }),
        fc.constantFrom('A', 'B', '_', '-', '.', '=', ' ', 'é', ''),
        async (at, length, insert) => {
          const altered = jws.slice(0, at) + insert + jws.slice(at + length);
          const { native, jose } = await both(altered);
          if (native.ok) expect(jose).toEqual(native);
          if (!jose.ok) expect(native.ok).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });
});
