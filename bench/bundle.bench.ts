// Seal + sign benchmark: a finished 48-answer test sealed into the signed result bundle exactly as the
// station does it (build the payload, sign it as a compact JWS with the Ed25519 station key, verify it
// with the server's verifier before storing, hash it). Prints medians and p99; the target is beside,
// never asserted. Run: npx node bench/bundle.bench.ts
import './temp-root.ts';
import { CompactSign } from 'jose';
import { RESULT_BUNDLE_ALG, RESULT_BUNDLE_TYPE } from '../core/bundle/result-bundle.ts';
import { verifyResultBundle } from '../core/bundle/verify-bundle.ts';
import { verifyChain } from '../core/journal/chain.ts';
import { MemoryKeyStore } from '../main/station/identity/key-store.ts';
import { loadOrCreateStationKeys } from '../main/station/identity/station-keys.ts';
import { AnswerJournal } from '../main/station/journal/answer-journal.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testWithPackage,
} from '../main/station/journal/journal-fixtures.ts';
import type { SealInput } from '../main/station/runtime/ports.ts';
import { createResultSealer } from '../main/station/sealing/result-sealer.ts';

const RUNS = 300;
const WARMUP = 30;

const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
const journal = AnswerJournal.open({ file: tempJournalFile('bundle-bench-') });
testWithPackage(journal, 'test-1', 48);
const packageHash = journal.test('test-1')?.packageHash ?? '';
let elapsedMs = 0;
const at = () => ({ wallAt: 1_790_000_000_000 + elapsedMs, elapsedMs: (elapsedMs += 90_000) });
journal.append('test-1', opened, at());
journal.append(
  'test-1',
  {
    kind: 'packageStored',
    payload: { packageId: 'pkg-1', packageHash, challengeCount: 48, allowedMs: 6_300_000 },
  },
  at(),
);
journal.append('test-1', { kind: 'started', payload: { authorization: 'cmd-start' } }, at());
for (let i = 1; i <= 48; i++) journal.append('test-1', answered(`rec${i}`), at());
journal.append('test-1', { kind: 'ended', payload: { reason: 'finished', authorization: null } }, at());
const records = journal.records('test-1');
journal.close();
removeTempJournals();

const input: SealInput = {
  test: {
    testId: 'test-1',
    sessionId: 'session-1',
    candidateId: 'cand-1',
    packageId: 'pkg-1',
    packageHash,
    endReason: 'finished',
  },
  records,
  clock: { allowedMs: 6_300_000, elapsedMs, downtimeMs: 0, addedMs: 0 },
  sealedAt: new Date(),
};
const seal = createResultSealer({ keys, serverClockOffsetMs: () => 120 });

async function measure(work: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t = performance.now();
    await work();
    if (i >= WARMUP) samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const sealed = await seal(input);
const payloadBytes = new TextEncoder().encode(JSON.stringify({ records }));
const full = await measure(() => seal(input));
const signOnly = await measure(() =>
  new CompactSign(payloadBytes)
    .setProtectedHeader({ alg: RESULT_BUNDLE_ALG, typ: RESULT_BUNDLE_TYPE })
    .sign(keys.privateKey),
);
const verifyOnly = await measure(() => verifyResultBundle(sealed.jws, { stationKey: keys.publicJwk }));
const chainOnly = await measure(() => verifyChain('test-1', records));

const median = pct(full, 50);
console.log(
  `seal + sign a 48-answer bundle (${records.length} records, ${Math.round(sealed.jws.length / 1024)} KiB JWS): ` +
    `median ${median.toFixed(2)} ms, p99 ${pct(full, 99).toFixed(2)} ms over ${RUNS} runs (target ≤ 20 ms: ${(20 / median).toFixed(1)}× headroom)`,
);
console.log(
  `  of which, medians: JWS signing ${pct(signOnly, 50).toFixed(2)} ms, self-verification (signature + schema + chain) ` +
    `${pct(verifyOnly, 50).toFixed(2)} ms, chain alone ${pct(chainOnly, 50).toFixed(2)} ms`,
);
