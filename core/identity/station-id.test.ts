import { describe, expect, it } from 'vitest';
import { StationIdSchema, StationPublicJwkSchema, stationIdFromJwk } from './station-id.ts';

// RFC 8037 A.2's Ed25519 public key.
const jwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;

describe('station id', () => {
  it('is st- and 20 hex digits derived from the public key, the same every time', () => {
    const id = stationIdFromJwk(jwk);
    expect(StationIdSchema.safeParse(id).success).toBe(true);
    expect(stationIdFromJwk({ ...jwk })).toBe(id);
  });

  it('differs for another key', () => {
    const other = { ...jwk, x: 'AAAAAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    expect(stationIdFromJwk(other)).not.toBe(stationIdFromJwk(jwk));
  });

  it.each([
    ['another curve', { ...jwk, crv: 'X25519' }, 'crv'],
    ['another key type', { ...jwk, kty: 'EC' }, 'kty'],
    ['a key of the wrong length', { ...jwk, x: 'abc' }, 'x'],
  ])('refuses %s', (_case, input, field) => {
    const parsed = StationPublicJwkSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it('keeps only the public part of a JWK (a private "d" never travels)', () => {
    expect(StationPublicJwkSchema.parse({ ...jwk, d: 'secret' })).toEqual(jwk);
  });
});
