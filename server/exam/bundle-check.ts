// What intake needs to know about a bundle, computed where it is verified (a worker thread, usually):
// core's verdict, and on success only the few facts the main thread compares and stores, so that the
// whole payload does not have to travel back between threads.
import {
  verifyResultBundle,
  type BundleExpectations,
  type BundleProblem,
} from '../../core/bundle/verify-bundle.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import type { JournalState } from '../storage/repositories.ts';
import { nativeSha256Hex } from './intake-sha256.ts';
import { nativeSignatureVerifier } from './intake-signature.ts';
import { readRecords } from './journal-reading.ts';

export interface BundleCheckInput {
  jws: string;
  expected: BundleExpectations;
  /** Records the server already has: the bundle's record at this seq must be the stored one. */
  replicatedSeq: number;
}

export type BundleCheck =
  | {
      ok: true;
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
  | { ok: false; problem: BundleProblem; message: string };

const EMPTY_JOURNAL: JournalState = {
  storedThrough: 0,
  lastHash: null,
  startedAt: null,
  downtimeMs: 0,
  answered: 0,
  addedMs: 0,
  pausedCause: null,
  pausedReason: null,
  endedReason: null,
};

export async function checkBundle(input: BundleCheckInput): Promise<BundleCheck> {
  // Node's primitives: the same checks as core's portable ones (intake-*.test.ts), at a fraction of the cost.
  const verified = await verifyResultBundle(input.jws, input.expected, {
    sha256: nativeSha256Hex,
    verifySignature: nativeSignatureVerifier,
  });
  if (!verified.ok) return verified;
  const payload = verified.payload;
  const ended = payload.records.findLast((r) => r.kind === 'ended');
  // Only the state is read: alerts come from the records replicated live, not from the bundle.
  const { journal } = readRecords(EMPTY_JOURNAL, payload.records, null, 0);
  return {
    ok: true,
    sessionId: payload.sessionId,
    candidateId: payload.candidateId,
    packageId: payload.packageId,
    endReason: payload.endReason,
    journalEndReason: ended?.kind === 'ended' ? ended.payload.reason : null,
    replicatedHash: input.replicatedSeq > 0 ? (payload.records[input.replicatedSeq - 1]?.hash ?? '') : null,
    journal,
  };
}
