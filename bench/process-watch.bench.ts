// Forbidden-process watch cost on Linux (issue 7; SEB's users complain of high idle CPU): one round is
// a /proc listing (comm, cmdline, exe link of every process) plus matching against the shipped deny
// list, every 2 s during a test. Prints medians of wall time and of this process's CPU time (user +
// system, which includes the libuv pool's reads) per round, with the machine's process count and load
// average beside them. Nothing is asserted. Run: node bench/process-watch.bench.ts
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { compileDenyList, findForbidden, shippedDenyList } from '../core/lockdown/process-deny-list.ts';
import { listLinuxProcesses } from '../main/station/lockdown/process-listing.ts';

if (process.platform !== 'linux') {
  console.log('process-watch bench: Linux only (reads /proc)');
  process.exit(0);
}

const ROUNDS = 60;
const list = compileDenyList(shippedDenyList(), 'linux');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const walls: number[] = [];
const cpus: number[] = [];
const matchWalls: number[] = [];
let processes = 0;
for (let i = 0; i < ROUNDS + 5; i += 1) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const listed = await listLinuxProcesses();
  const listedAt = performance.now();
  let found = 0;
  for (const p of listed) if (findForbidden(p, list)) found += 1;
  const end = performance.now();
  const used = process.cpuUsage(cpu);
  if (i < 5) continue; // warm-up
  processes = listed.length;
  walls.push(end - start);
  matchWalls.push(end - listedAt);
  cpus.push((used.user + used.system) / 1000);
  if (found < 0) console.log(found);
  // Rounds a little apart, as the station's are (not back to back).
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(`process watch round on Linux, ${processes} processes, ${ROUNDS} rounds:`);
console.log(`  wall median ${fmt(median(walls))} (matching alone ${fmt(median(matchWalls))})`);
console.log(
  `  CPU median ${fmt(median(cpus))} per round → ${((median(cpus) / 2000) * 100).toFixed(2)} % of one core at one round every 2 s`,
);
console.log(
  `  load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
