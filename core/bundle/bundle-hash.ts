// The identity of a sealed result: the SHA-256 of the compact JWS text. The station keys its upload
// with it and stops retrying only when the server acknowledges this same hash.
import { sha256Hex, type Sha256Hex } from '../hashing/canonical-hash.ts';

/** `sha256` may be a native one (the server's): bundles are tens of kilobytes. */
export function bundleHash(jws: string, sha256: Sha256Hex = sha256Hex): string {
  return sha256(jws);
}

/** The upload's idempotency key: one result per test, identified by its bundle. */
export function resultIdempotencyKey(testId: string, hash: string): string {
  return `${testId}:${hash}`;
}
