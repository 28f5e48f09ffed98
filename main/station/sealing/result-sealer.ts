// Sealing: the ended test's journal becomes the signed result bundle (core/bundle/result-bundle.ts), a
// compact JWS signed with the station's Ed25519 key. The station checks its own bundle with the very
// verifier the server uses before storing it, so a bundle that would be refused is never stored.
import { CompactSign } from 'jose';
import { bundleHash } from '../../../core/bundle/bundle-hash.ts';
import {
  RESULT_BUNDLE_ALG,
  RESULT_BUNDLE_TYPE,
  type ResultBundlePayload,
} from '../../../core/bundle/result-bundle.ts';
import { verifyResultBundle } from '../../../core/bundle/verify-bundle.ts';
import type { StationKeys } from '../identity/station-keys.ts';
import type { SealInput, Sealer } from '../runtime/ports.ts';

export class SealingError extends Error {
  readonly code = 'SEALING_FAILED';
  constructor(testId: string, detail: string) {
    super(`the result of test ${testId} could not be sealed: ${detail}`);
    this.name = 'SealingError';
  }
}

export interface SealerOptions {
  keys: Pick<StationKeys, 'stationId' | 'publicJwk' | 'privateKey'>;
  /** Server time minus station time, last measured by the heartbeat; null if never measured. */
  serverClockOffsetMs: () => number | null;
}

export function createResultSealer(options: SealerOptions): Sealer {
  const { keys } = options;
  return async (input: SealInput) => {
    const { test } = input;
    const head = input.records.at(-1);
    if (!head) throw new SealingError(test.testId, 'the journal is empty');
    const offset = options.serverClockOffsetMs();
    const payload: ResultBundlePayload = {
      formatVersion: 1,
      testId: test.testId,
      sessionId: test.sessionId,
      candidateId: test.candidateId,
      stationId: keys.stationId,
      packageId: test.packageId,
      packageHash: test.packageHash,
      endReason: test.endReason,
      records: input.records,
      chainHead: head.hash,
      clock: input.clock,
      serverClockOffsetMs: offset === null ? null : Math.round(offset),
      sealedAt: input.sealedAt.toISOString(),
    };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: RESULT_BUNDLE_ALG, typ: RESULT_BUNDLE_TYPE })
      .sign(keys.privateKey);
    const check = await verifyResultBundle(jws, {
      stationKey: keys.publicJwk,
      testId: test.testId,
      packageHash: test.packageHash,
    });
    if (!check.ok) throw new SealingError(test.testId, `${check.problem}: ${check.message}`);
    return { jws, bundleHash: bundleHash(jws) };
  };
}
