// A station's id derives from its public key, so it cannot be claimed without the private key. The
// machine id is recorded too but never trusted: cloned lab images share it.
import { z } from 'zod';
import { base64url } from 'jose';
import { sha256Hex } from '../hashing/canonical-hash.ts';

/** An Ed25519 public key as a JWK (RFC 8037). */
export const StationPublicJwkSchema = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte Ed25519 key in base64url'),
  })
  .strip();
export type StationPublicJwk = z.infer<typeof StationPublicJwkSchema>;

export const StationIdSchema = z
  .string()
  .regex(/^st-[0-9a-f]{20}$/, 'must be a station id (st- and 20 hex digits)');
export type StationId = z.infer<typeof StationIdSchema>;

/** `st-` + the first 80 bits of SHA-256 of the raw public key. */
export function stationIdFromJwk(jwk: StationPublicJwk): StationId {
  return `st-${sha256Hex(base64url.decode(jwk.x)).slice(0, 20)}`;
}
