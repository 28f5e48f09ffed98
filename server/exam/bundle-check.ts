// What intake needs to know about an upload, computed where it is verified (a worker thread, usually):
// the body read (intake-upload.ts), core's verdict on the bundle, and on success only the few facts the
// main thread compares and stores, plus the JWS as bytes (moved back between threads without a copy,
// and written to the database as they are), so that the event loop never parses or copies the bundle.
import {
  verifyResultBundle,
  type BundleExpectations,
  type BundleProblem,
} from '../../core/bundle/verify-bundle.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import type { JournalState } from '../storage/repositories.ts';
import { compiledPayloadParser } from './intake-payload.ts';
import { nativeSha256Hex } from './intake-sha256.ts';
import { nativeSignatureVerifier } from './intake-signature.ts';
import { readUpload } from './intake-upload.ts';
import { readRecords } from './journal-reading.ts';

export interface BundleCheckInput {
  /** The upload's body as received ({ bundle: <compact JWS> }); moved to the worker, not copied. */
  body: Uint8Array;
  expected: BundleExpectations;
  /** Records the server already has: the bundle's record at this seq must be the stored one. */
  replicatedSeq: number;
}

export type BundleCheck =
  | {
      ok: true;
      bundleHash: string;
      /** The compact JWS (ASCII), to store as received. */
      jws: Uint8Array<ArrayBuffer>;
      sessionId: string;
      candidateId: string;
      packageId: string;
      endReason: EndReason;
      /** The reason of the journal's last `ended` record (it must be endReason). */
      journalEndReason: EndReason | null;
      /** The hash of the bundle's record at replicatedSeq (null when none were replicated). */
      replicatedHash: string | null;
      /** The journal state the bundle establishes. */
      journal: JournalState;
    }
  /** The bundle was read and refused. */
  | { ok: false; problem: BundleProblem; message: string; bundleHash: string }
  /** The body is not an upload: no bundle to speak of. */
  | { ok: false; problem: 'BAD_REQUEST'; code: 'INVALID_JSON' | 'INVALID_REQUEST'; message: string };

export const EMPTY_JOURNAL: JournalState = {
  storedThrough: 0,
  lastHash: null,
  startedAt: null,
  startedClockOffsetMs: null,
  downtimeMs: 0,
  answered: 0,
  addedMs: 0,
  pausedCause: null,
  pausedReason: null,
  endedReason: null,
};

/**
 * A verified compact JWS is base64url and dots: its latin1 bytes are its UTF-8 bytes. In an ArrayBuffer
 * of its own (never Node's shared pool), so that it can be moved to another thread.
 */
function ownBytes(jws: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.allocUnsafeSlow(jws.length);
  bytes.write(jws, 'latin1');
  return new Uint8Array(bytes.buffer as ArrayBuffer);
}

export async function checkBundle(input: BundleCheckInput): Promise<BundleCheck> {
  const upload = readUpload(input.body);
  if (!upload.ok) return { ok: false, problem: 'BAD_REQUEST', code: upload.code, message: upload.message };
  const { jws, bundleHash } = upload;
  // Node's primitives: the same checks as core's portable ones (intake-*.test.ts), at a fraction of the cost.
  const verified = await verifyResultBundle(jws, input.expected, {
    sha256: nativeSha256Hex,
    verifySignature: nativeSignatureVerifier,
    parsePayload: compiledPayloadParser,
  });
  if (!verified.ok) return { ...verified, bundleHash };
  const payload = verified.payload;
  const ended = payload.records.findLast((r) => r.kind === 'ended');
  // Only the state is read: alerts come from the records replicated live, not from the bundle.
  const { journal } = readRecords(EMPTY_JOURNAL, payload.records, null, 0);
  return {
    ok: true,
    bundleHash,
    jws: ownBytes(jws),
    sessionId: payload.sessionId,
    candidateId: payload.candidateId,
    packageId: payload.packageId,
    endReason: payload.endReason,
    journalEndReason: ended?.kind === 'ended' ? ended.payload.reason : null,
    replicatedHash: input.replicatedSeq > 0 ? (payload.records[input.replicatedSeq - 1]?.hash ?? '') : null,
    journal,
  };
}
