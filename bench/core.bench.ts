// Core benchmarks (issue 2): test generation from a 5,000-challenge bank, and answer checking
// throughput over a realistic mix of formats. Prints medians; targets are shown beside, never asserted.
import { Bench } from 'tinybench';
import type { AnswerValue } from '../core/challenge/answer.ts';
import type { Challenge } from '../core/challenge/challenge.ts';
import { checkAnswer, createAnswerChecker } from '../core/checking/check-answer.ts';
import { indexBank } from '../core/generation/bank-index.ts';
import { generateTest } from '../core/generation/generate-test.ts';
import { seededRandom } from '../core/generation/seeded-random.ts';
import {
  SYNTHETIC_BENCH_BANK_SIZE,
  syntheticBank,
  syntheticProfile,
} from '../core/testing/synthetic-bank.ts';

const bank = syntheticBank({ size: SYNTHETIC_BENCH_BANK_SIZE, seed: 2026 });
const profile = syntheticProfile(bank, { seed: 7, competences: 16 });
const index = indexBank(bank);
const random = seededRandom(99);

/** A candidate-like answer: right half of the time (with the accents and case a student types), else a near miss. */
function answerFor(challenge: Challenge, right: boolean): AnswerValue {
  const s = challenge.solution;
  const fields = challenge.fields ?? [];
  const typed = (text: string) => (right ? ` ${text.toUpperCase()} ` : `${text}xq`);
  switch (s.type) {
    case 'QCU':
      return {
        type: 'choice',
        choice: right ? s.value : (challenge.choices?.find((c) => c.id !== s.value)?.id ?? '1'),
      };
    case 'QCM': {
      const ids = s.value.split(',').map((v) => v.trim());
      return { type: 'choices', choices: right ? ids.reverse() : ids.slice(1) };
    }
    case 'QROC':
      return { type: 'fields', fields: { [fields[0]?.name ?? 'x']: typed(s.variants[0] ?? '') } };
    case 'QROCM-ind':
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f) => [
            f.name,
            f.kind === 'select' ? (s.fields[f.name]?.[0] ?? '') : typed(s.fields[f.name]?.[0] ?? ''),
          ]),
        ),
      };
    case 'QROCM-dep':
      return {
        type: 'fields',
        fields: Object.fromEntries(
          fields.map((f, i) => [f.name, typed(s.variants[fields.length - 1 - i] ?? '')]),
        ),
      };
  }
}

const sample = Array.from({ length: 2000 }, (_, i) => {
  const challenge = bank[random.int(0, bank.length - 1)] as Challenge;
  return { challenge, checker: createAnswerChecker(challenge), value: answerFor(challenge, i % 2 === 0) };
});
const circumstances = { skipped: false, timedOut: false, focusedOut: false };
const options = { accessibilityAdjustment: false };
const formats = sample.reduce<Record<string, number>>(
  (acc, s) => ({ ...acc, [s.challenge.type]: (acc[s.challenge.type] ?? 0) + 1 }),
  {},
);

const bench = new Bench({ time: 2000, warmup: true });
bench
  .add('generateTest: 16 competences, bank of 5,000 (indexed once)', () => {
    generateTest({ profile, bank: index, seed: random.int(0, 2 ** 31) });
  })
  .add('generateTest: 16 competences, bank of 5,000 (array, indexing included)', () => {
    generateTest({ profile, bank, seed: random.int(0, 2 ** 31) });
  })
  .add(`answer checks, prepared checker (batch of ${sample.length})`, () => {
    for (const s of sample) s.checker(s.value, circumstances, options);
  })
  .add(`answer checks, checkAnswer each time (batch of ${sample.length})`, () => {
    for (const s of sample) checkAnswer(s.challenge, s.value, circumstances, options);
  });

await bench.run();

/** Latency statistics of a finished task (absent when the task errored or was aborted). */
function latency(name: string) {
  const result = bench.getTask(name)?.result;
  return result && 'latency' in result ? result.latency : undefined;
}
const median = (name: string) => latency(name)?.p50 ?? Number.NaN;
const rows = bench.tasks.map((t) => ({
  task: t.name,
  'median (ms)': median(t.name).toFixed(4),
  samples: latency(t.name)?.samplesCount ?? 0,
}));
console.table(rows);

const genMs = median(bench.tasks[0]?.name ?? '');
const checksPerSecond = (name: string) => (sample.length / median(name)) * 1000;
const prepared = checksPerSecond(bench.tasks[2]?.name ?? '');
const unprepared = checksPerSecond(bench.tasks[3]?.name ?? '');
console.log(`answer mix: ${JSON.stringify(formats)}, half right (case/space variations), half near misses`);
console.log(
  `test generation, median: ${genMs.toFixed(3)} ms (target ≤ 5 ms) → ${(5 / genMs).toFixed(1)}× under target`,
);
console.log(
  `answer checks per second, median: ${Math.round(prepared).toLocaleString('en')} prepared, ` +
    `${Math.round(unprepared).toLocaleString('en')} unprepared (target ≥ 200,000) → ${(prepared / 200_000).toFixed(1)}× the target`,
);
