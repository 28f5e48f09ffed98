// The bundle's JWS signature check, as a port: core's own uses jose (WebCrypto, so it runs in the
// station and the renderer alike); a host with faster primitives (the server's node:crypto, whose
// Ed25519 check runs off the event loop) passes its own. Either must accept exactly the compact JWS
// signed by the station key with alg Ed25519, and tell a wrong signature from an unreadable JWS.
import { compactVerify, importJWK, errors as joseErrors } from 'jose';
import type { StationPublicJwk } from '../identity/station-id.ts';
import { RESULT_BUNDLE_ALG } from './result-bundle.ts';

export type SignatureCheck =
  | { ok: true; protectedHeader: Readonly<Record<string, unknown>>; payload: Uint8Array }
  | { ok: false; problem: 'BAD_SIGNATURE' | 'MALFORMED' };

/** Verifies a compact JWS (three segments, already checked) against the station's Ed25519 key. */
export type BundleSignatureVerifier = (jws: string, key: StationPublicJwk) => Promise<SignatureCheck>;

export const joseSignatureVerifier: BundleSignatureVerifier = async (jws, key) => {
  try {
    const imported = await importJWK({ ...key }, RESULT_BUNDLE_ALG);
    const verified = await compactVerify(jws, imported, { algorithms: [RESULT_BUNDLE_ALG] });
    return { ok: true, protectedHeader: verified.protectedHeader, payload: verified.payload };
  } catch (error) {
    return {
      ok: false,
      problem: error instanceof joseErrors.JWSSignatureVerificationFailed ? 'BAD_SIGNATURE' : 'MALFORMED',
    };
  }
};
