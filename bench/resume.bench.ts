// Resume after SIGKILL: a station process killed mid-test with 47 of 48 answers stored is relaunched;
// measured from process start (spawn) to the runtime restored on the right challenge. Also the
// in-process part alone (open journal + verify chain + replay). Prints medians; targets beside.
import './temp-root.ts';
import { spawn } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import path from 'node:path';
import { AnswerJournal } from '../main/station/journal/answer-journal.ts';
import {
  relaunchedRuntime,
  choice,
  runtimeHarness,
  startedTest,
  testPackage,
} from '../main/station/runtime/runtime-fixtures.ts';

const h = runtimeHarness({ pkg: testPackage({ count: 48 }) });
await startedTest(h);
for (let i = 1; i <= 47; i++) await h.runtime.submitAnswer(`rec${i}`, choice('1'));
await h.runtime.tick();
h.journal.close();
const recordCount = AnswerJournal.open({ file: h.file }).records('test-1').length;

const child = path.join(import.meta.dirname, 'resume-child.ts');
// The station ships bundled (scripts/build.ts), so the same probe is also measured as one bundled file,
// placed under node_modules/.cache so that it still finds better-sqlite3.
const bundled = path.join(
  import.meta.dirname,
  '..',
  'node_modules',
  '.cache',
  'pix-bench',
  'resume-child.mjs',
);
await esbuild({
  entryPoints: [child],
  outfile: bundled,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  external: ['better-sqlite3'],
  logLevel: 'warning',
});

function relaunch(script = child): Promise<{ ms: number; line: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, [script, h.file], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.stdout.once('data', (chunk: Buffer) =>
      resolve({ ms: performance.now() - started, line: chunk.toString().trim() }),
    );
    proc.on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const spawnTimes: number[] = [];
let lastLine = '';
for (let i = 0; i < 15; i++) {
  const { ms, line } = await relaunch();
  spawnTimes.push(ms);
  lastLine = line;
}
const bundledTimes: number[] = [];
for (let i = 0; i < 15; i++) bundledTimes.push((await relaunch(bundled)).ms);
const inProcess: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const journal = AnswerJournal.open({ file: h.file });
  const runtime = relaunchedRuntime(journal);
  await runtime.restore();
  inProcess.push(performance.now() - t0);
  journal.close();
}
console.log(`journal: 47 answers of 48, ${recordCount} records; relaunch reports ${lastLine}`);
console.log(
  `resume after SIGKILL, process start → restored on the right challenge: median ${median(spawnTimes).toFixed(1)} ms over ${spawnTimes.length} launches (target ≤ 300 ms; sources loaded as TypeScript, unbundled)`,
);
console.log(
  `  the same probe bundled as the station ships (esbuild, one file): median ${median(bundledTimes).toFixed(1)} ms over ${bundledTimes.length} launches (${(median(spawnTimes) / median(bundledTimes)).toFixed(1)}× faster than unbundled)`,
);
console.log(
  `  of which open journal + verify chain + replay, in process: median ${median(inProcess).toFixed(2)} ms`,
);
