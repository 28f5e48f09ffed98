// Station requests are signed with the station's Ed25519 key over a canonical string, with a
// timestamp and a nonce so that a captured request cannot be replayed. One exception: the result
// upload carries only `x-station-id`, because its body is itself signed by the station key (the
// bundle's JWS, verified against the enrolled key) and sending it again is harmless by design (the
// same bundle gets the same receipt); a second Ed25519 check per upload would only cost the server.
import { sha256Hex } from '../hashing/canonical-hash.ts';

export const STATION_AUTH_HEADERS = {
  station: 'x-station-id',
  timestamp: 'x-station-timestamp',
  nonce: 'x-station-nonce',
  signature: 'x-station-signature',
} as const;

/**
 * `x-station-signature` is the Ed25519 signature of `stationSigningInput(...)` (its UTF-8 bytes) by the
 * station key, in base64url without padding; `x-station-timestamp` is the station's wall clock in ms.
 */
export const STATION_SIGNATURE_ENCODING = 'base64url';

/** A nonce: fresh for every request, retries included (8 to 128 visible ASCII characters). */
export const STATION_NONCE_PATTERN = /^[\x21-\x7e]{8,128}$/;

/** Requests older or newer than this (server clock) are refused; nonces are remembered this long. */
export const SIGNATURE_MAX_SKEW_MS = 5 * 60_000;

export interface SignedRequestParts {
  method: string;
  /** Path and query, as sent. */
  path: string;
  timestamp: number;
  nonce: string;
  body: string | Uint8Array;
  /**
   * The body's SHA-256 in lower-case hex, when the caller has a faster hash at hand than core's
   * portable one (the server hashes large result uploads natively); it must be the body's.
   */
  bodySha256?: string;
}

/** The exact bytes (as text) a station signs. */
export function stationSigningInput(parts: SignedRequestParts): string {
  return [
    'pix-station-v1',
    parts.method.toUpperCase(),
    parts.path,
    String(parts.timestamp),
    parts.nonce,
    parts.bodySha256 ?? sha256Hex(parts.body),
  ].join('\n');
}
