// Verification of a signed result bundle, shared by the server (intake) and the station (self-check
// after sealing): signature by the expected station key, then the payload's schema, the journal
// chain, and that the payload agrees with what the verifier expects.
import type { z } from 'zod';
import { describeIssues } from '../validation/describe-issues.ts';
import { type StationPublicJwk, stationIdFromJwk } from '../identity/station-id.ts';
import type { Sha256Hex } from '../hashing/canonical-hash.ts';
import { verifyChain } from '../journal/chain.ts';
import { joseSignatureVerifier, type BundleSignatureVerifier } from './bundle-signature.ts';
import { RESULT_BUNDLE_TYPE, ResultBundlePayloadSchema, type ResultBundlePayload } from './result-bundle.ts';

export type BundleProblem =
  | 'MALFORMED'
  | 'BAD_SIGNATURE'
  | 'INVALID_PAYLOAD'
  | 'STATION_MISMATCH'
  | 'CHAIN_BROKEN'
  | 'PACKAGE_MISMATCH'
  | 'TEST_MISMATCH';

export type BundleVerification =
  { ok: true; payload: ResultBundlePayload } | { ok: false; problem: BundleProblem; message: string };

export interface BundleExpectations {
  /** The enrolled key of the station that claims to have sealed the bundle. */
  stationKey: StationPublicJwk;
  /** When known: the test and package the server issued. */
  testId?: string;
  packageHash?: string;
}

/**
 * Reads the payload's JSON as ResultBundlePayloadSchema does (same verdict, same data, zod's issues
 * when it refuses): a host that checks bundles by the thousand passes a compiled one.
 */
export type BundlePayloadParser = (json: unknown) => z.ZodSafeParseResult<ResultBundlePayload>;

export interface BundleVerificationOptions {
  /** The SHA-256 to hash the journal's records with (default: core's portable one). */
  sha256?: Sha256Hex;
  /** The JWS signature check (default: jose's, bundle-signature.ts). */
  verifySignature?: BundleSignatureVerifier;
  /** The payload's schema check (default: ResultBundlePayloadSchema.safeParse). */
  parsePayload?: BundlePayloadParser;
}

/** The longest JWS accepted, in characters (the station budgets its journal under it). */
export const MAX_BUNDLE_LENGTH = 8 * 1024 * 1024;

export async function verifyResultBundle(
  jws: string,
  expected: BundleExpectations,
  options: BundleVerificationOptions = {},
): Promise<BundleVerification> {
  if (typeof jws !== 'string' || jws.length > MAX_BUNDLE_LENGTH || jws.split('.').length !== 3) {
    return { ok: false, problem: 'MALFORMED', message: 'not a compact JWS' };
  }
  const signature = await (options.verifySignature ?? joseSignatureVerifier)(jws, expected.stationKey);
  if (!signature.ok) {
    return signature.problem === 'BAD_SIGNATURE'
      ? { ok: false, problem: 'BAD_SIGNATURE', message: 'the signature does not match the station key' }
      : { ok: false, problem: 'MALFORMED', message: 'the JWS cannot be read' };
  }
  if (signature.protectedHeader.typ !== RESULT_BUNDLE_TYPE) {
    return {
      ok: false,
      problem: 'MALFORMED',
      message: `unexpected JWS type ${String(signature.protectedHeader.typ)}`,
    };
  }
  const payloadBytes = signature.payload;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch {
    return { ok: false, problem: 'INVALID_PAYLOAD', message: 'the payload is not JSON' };
  }
  const parsed = (options.parsePayload ?? ((j) => ResultBundlePayloadSchema.safeParse(j)))(json);
  if (!parsed.success)
    return { ok: false, problem: 'INVALID_PAYLOAD', message: describeIssues(parsed.error) };
  const payload = parsed.data;
  if (payload.stationId !== stationIdFromJwk(expected.stationKey)) {
    return { ok: false, problem: 'STATION_MISMATCH', message: 'the bundle names another station' };
  }
  if (expected.testId !== undefined && payload.testId !== expected.testId) {
    return { ok: false, problem: 'TEST_MISMATCH', message: 'the bundle is for another test' };
  }
  const chain = verifyChain(payload.testId, payload.records, options);
  if (!chain.ok) return { ok: false, problem: 'CHAIN_BROKEN', message: chain.problem };
  if (chain.head !== payload.chainHead) {
    return { ok: false, problem: 'CHAIN_BROKEN', message: 'the chain head does not match the last record' };
  }
  if (expected.packageHash !== undefined && payload.packageHash !== expected.packageHash) {
    return {
      ok: false,
      problem: 'PACKAGE_MISMATCH',
      message: 'the bundle was sealed for another test package',
    };
  }
  const stored = payload.records.find((r) => r.kind === 'packageStored');
  if (!stored || stored.kind !== 'packageStored' || stored.payload.packageHash !== payload.packageHash) {
    return {
      ok: false,
      problem: 'PACKAGE_MISMATCH',
      message: 'the journal does not record the bundle’s package',
    };
  }
  return { ok: true, payload };
}
