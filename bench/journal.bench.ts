// Answer journal benchmark: the latency a candidate waits for on each answer (append of an `answered`
// record until committed, synchronous=FULL), and the cost of a relaunch (open the file, read back and
// verify a full 48-answer test). Prints percentiles; targets are shown beside, never asserted.
// Run: npx node bench/journal.bench.ts
import './temp-root.ts';
import { statSync } from 'node:fs';
import { AnswerJournal } from '../main/station/journal/answer-journal.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testWithPackage,
} from '../main/station/journal/journal-fixtures.ts';

const APPENDS = 2400;
const WARMUP = 96;
const REOPENS = 30;
const CHALLENGES = 48;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (n: number) => n.toFixed(2);
function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))} ms, p99 ${ms(percentile(sorted, 99))} ms, max ${ms(sorted.at(-1) ?? NaN)} ms`;
}

const file = tempJournalFile('journal-bench-');
const journal = AnswerJournal.open({ file });
const { synchronous, journalMode } = journal.settings();
if (synchronous !== 2 || journalMode !== 'wal')
  throw new Error(`unexpected settings: ${journalMode}, ${synchronous}`);

const appendMs: number[] = [];
const draftMs: number[] = [];
const checkpointMs: number[] = [];
let tests = 0;
let lastFullTest = '';
while (appendMs.length < APPENDS + WARMUP) {
  const testId = `bench-${tests++}`;
  testWithPackage(journal, testId, CHALLENGES);
  journal.append(testId, opened, { wallAt: Date.now(), elapsedMs: 0 });
  for (let i = 1; i <= CHALLENGES; i++) {
    const at = { wallAt: Date.now(), elapsedMs: i * 60_000 };
    let t = performance.now();
    journal.saveDraft(testId, `rec${i}`, { type: 'choice', choice: '2' }, at.wallAt);
    draftMs.push(performance.now() - t);
    t = performance.now();
    journal.append(testId, answered(`rec${i}`), at);
    appendMs.push(performance.now() - t);
    t = performance.now();
    journal.checkpointClock(testId, at);
    checkpointMs.push(performance.now() - t);
  }
  lastFullTest = testId;
}
journal.close();
const measured = appendMs.slice(WARMUP);

const reopenMs: number[] = [];
for (let i = 0; i < REOPENS; i++) {
  const t = performance.now();
  const again = AnswerJournal.open({ file });
  const records = again.records(lastFullTest);
  const check = again.verify(lastFullTest);
  reopenMs.push(performance.now() - t);
  again.close();
  if (!check.ok || records.length !== CHALLENGES + 1) throw new Error('benchmark journal did not verify');
}

const sizeKb = Math.round(statSync(file).size / 1024);
console.log(
  `journal append (synchronous=FULL): ${summary(measured)} over ${measured.length} appends (target p99 ≤ 2 ms)`,
);
console.log(`journal saveDraft: ${summary(draftMs.slice(WARMUP))}`);
console.log(`journal checkpointClock: ${summary(checkpointMs.slice(WARMUP))}`);
console.log(
  `journal open + read back + verify a ${CHALLENGES}-answer test: ${summary(reopenMs)} (file of ${tests} tests, ${sizeKb} KiB)`,
);
removeTempJournals();
