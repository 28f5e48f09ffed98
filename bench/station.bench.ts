// Station benchmark: submitAnswer through the exam runtime, from the call to the resolved promise (the
// answer committed to the journal with synchronous=FULL, the progress updated, the status announced),
// as the candidate waits for it. One journal file serves consecutive candidates, as on a station.
// Compared with the bare journal append it wraps, in the same run. Prints p50/p99; the target is
// beside, never asserted. Run: npx node bench/station.bench.ts
import './temp-root.ts';
import { sha256Hex } from '../core/hashing/canonical-hash.ts';
import { AnswerJournal } from '../main/station/journal/answer-journal.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testWithPackage,
} from '../main/station/journal/journal-fixtures.ts';
import { ExamRuntime } from '../main/station/runtime/exam-runtime.ts';
import { FakeServer, choice, signIn, testPackage } from '../main/station/runtime/runtime-fixtures.ts';

const CANDIDATES = 40;
const WARMUP = 2;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p99: pct(sorted, 99), max: sorted.at(-1) ?? NaN };
};

/** A server that gives each candidate their own test id. */
class ConsecutiveCandidates extends FakeServer {
  next = 0;
  override async join() {
    const joined = await super.join();
    return joined.ok
      ? { ok: true as const, value: { ...joined.value, testId: `bench-${this.next++}` } }
      : joined;
  }
}

const journal = AnswerJournal.open({ file: tempJournalFile('station-bench-') });
const { synchronous, journalMode } = journal.settings();
if (synchronous !== 2 || journalMode !== 'wal')
  throw new Error(`unexpected settings: ${journalMode}, ${synchronous}`);
const runtime = new ExamRuntime({
  journal,
  server: new ConsecutiveCandidates(testPackage({ count: 48 })),
  seal: async (input) => ({ jws: `sealed.${input.test.testId}`, bundleHash: sha256Hex(input.test.testId) }),
  station: () => ({
    stationId: 'st-0123456789abcdef0123',
    name: 'Poste 07',
    centreName: null,
    enrolled: true,
  }),
});

// Candidates through the runtime and bare appends alternate, so that both see the same machine noise.
const bare = AnswerJournal.open({ file: tempJournalFile('station-bench-') });
const runtimeMs: number[] = [];
const appendMs: number[] = [];
for (let t = 0; t < CANDIDATES + WARMUP; t++) {
  await runtime.signIn(signIn);
  await runtime.acceptInstructions();
  const testId = runtime.testId ?? '';
  await runtime.handleCommand({ type: 'authorizeStart', id: `start-${t}`, testId });
  for (let i = 1; i <= 47; i++) {
    const started = performance.now();
    const result = await runtime.submitAnswer(`rec${i}`, choice('1'));
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    if (t >= WARMUP) runtimeMs.push(ms);
  }
  await runtime.handleCommand({ type: 'endTest', id: `end-${t}`, testId });
  await runtime.returnHome();

  const bareId = `bare-${t}`;
  testWithPackage(bare, bareId, 48);
  bare.append(bareId, opened, { wallAt: Date.now(), elapsedMs: 0 });
  for (let i = 1; i <= 47; i++) {
    const started = performance.now();
    bare.append(bareId, answered(`rec${i}`), { wallAt: Date.now(), elapsedMs: i * 1000 });
    if (t >= WARMUP) appendMs.push(performance.now() - started);
  }
}
journal.close();
bare.close();
removeTempJournals();

const r = summary(runtimeMs);
const a = summary(appendMs);
console.log(
  `submitAnswer → committed (runtime, synchronous=FULL): p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ` +
    `max ${r.max.toFixed(2)} ms over ${runtimeMs.length} answers of ${CANDIDATES} candidates (target p99 ≤ 2 ms)`,
);
console.log(
  `  bare journal append, same run: p50 ${a.p50.toFixed(2)} ms, p99 ${a.p99.toFixed(2)} ms; ` +
    `runtime / append: ${(r.p50 / a.p50).toFixed(2)}× at p50, ${(r.p99 / a.p99).toFixed(2)}× at p99`,
);
