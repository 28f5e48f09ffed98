// The identity of a sealed result: the SHA-256 of the compact JWS text. The station keys its upload
// with it and stops retrying only when the server acknowledges this same hash.
import { sha256Hex } from '../hashing/canonical-hash.ts';

export function bundleHash(jws: string): string {
  return sha256Hex(jws);
}

/** The upload's idempotency key: one result per test, identified by its bundle. */
export function resultIdempotencyKey(testId: string, hash: string): string {
  return `${testId}:${hash}`;
}
