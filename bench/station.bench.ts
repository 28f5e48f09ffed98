// Station benchmark: submitAnswer through the exam runtime, from the call to the resolved promise (the
// answer committed to the journal with synchronous=FULL, the progress updated, the status announced),
// as the candidate waits for it. Compared with the bare journal append it wraps. Prints p50/p99;
// the target is beside, never asserted. Run: npx node bench/station.bench.ts
import { AnswerJournal } from '../main/station/journal/answer-journal.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testWithPackage,
} from '../main/station/journal/journal-fixtures.ts';
import {
  choice,
  runtimeHarness,
  startedTest,
  testPackage,
} from '../main/station/runtime/runtime-fixtures.ts';

const TESTS = 40;
const WARMUP_TESTS = 2;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const describe = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p99: pct(sorted, 99), max: sorted.at(-1) ?? NaN };
};

const runtimeMs: number[] = [];
let synchronous = 0;
for (let t = 0; t < TESTS + WARMUP_TESTS; t++) {
  const h = runtimeHarness({ pkg: testPackage({ count: 48 }) });
  synchronous = h.journal.settings().synchronous;
  await startedTest(h);
  for (let i = 1; i <= 47; i++) {
    const started = performance.now();
    const result = await h.runtime.submitAnswer(`rec${i}`, choice('1'));
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    if (t >= WARMUP_TESTS) runtimeMs.push(ms);
  }
  h.journal.close();
}
if (synchronous !== 2) throw new Error(`the journal is not synchronous=FULL (${synchronous})`);

const appendMs: number[] = [];
for (let t = 0; t < TESTS + WARMUP_TESTS; t++) {
  // A fresh journal file per test, as for the runtime above.
  const journal = AnswerJournal.open({ file: tempJournalFile('station-bench-') });
  testWithPackage(journal, 'test-1', 48);
  journal.append('test-1', opened, { wallAt: Date.now(), elapsedMs: 0 });
  for (let i = 1; i <= 47; i++) {
    const started = performance.now();
    journal.append('test-1', answered(`rec${i}`), { wallAt: Date.now(), elapsedMs: i * 1000 });
    if (t >= WARMUP_TESTS) appendMs.push(performance.now() - started);
  }
  journal.close();
}
removeTempJournals();

const r = describe(runtimeMs);
const a = describe(appendMs);
console.log(
  `submitAnswer → committed (runtime, synchronous=FULL): p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ` +
    `max ${r.max.toFixed(2)} ms over ${runtimeMs.length} answers (target p99 ≤ 2 ms)`,
);
console.log(
  `  bare journal append, same machine and run: p50 ${a.p50.toFixed(2)} ms, p99 ${a.p99.toFixed(2)} ms; ` +
    `runtime / append: ${(r.p50 / a.p50).toFixed(2)}× at p50, ${(r.p99 / a.p99).toFixed(2)}× at p99`,
);
