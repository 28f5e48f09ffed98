// Result intake throughput (issue 4): signed 48-answer bundles uploaded by 50 concurrent clients to
// the real server in its own process, over loopback. Each round starts from the same database (a copy
// of a prepared day), warms the server up with a few uploads that are not counted (a server runs for
// hours: its JIT and verification workers are warm), then uploads every bundle once. Prints each round
// and the medians: bundles per second against the target (≥ 1,500/s), the server's CPU time per bundle
// (all threads, and its main thread: the event loop is what limits throughput), the load generator's
// CPU per bundle (it shares the machine's cores with the server) and the load average (other work on
// the machine).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Challenge } from '../core/challenge/challenge.ts';
import { STATION_API_PATHS } from '../core/contracts/station-server.ts';
import { startChildServer } from '../server/testing/child-server.ts';
import { TestJournal, bundlePayload, signBundle } from '../server/testing/journal-builder.ts';
import { UploadConnection } from './server-intake-client.ts';
import { copyDatabase, median, prepareDay, processCpuMs } from './server-fixtures.ts';

const BUNDLES = Number(process.env.BENCH_BUNDLES ?? 1500);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const CLIENTS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 1500;

/** CPU time (user + system) of a process's main thread, in ms; null where /proc is missing. */
function mainThreadCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

console.log(`server intake: preparing ${BUNDLES + WARMUP} started tests on ${CLIENTS} stations…`);
const prepared = await prepareDay({ candidates: BUNDLES + WARMUP, stations: CLIENTS, start: true });
const uploads = await Promise.all(
  prepared.tests.map(async (t) => {
    const journal = new TestJournal(t.testId);
    journal.open(
      { sessionId: prepared.day.session.id, candidateId: t.candidateId, stationId: t.station.id },
      t.pkg.package,
      t.pkg.packageHash,
      t.startCommandId,
    );
    t.pkg.package.challenges.forEach((c, i) =>
      journal.answer(prepared.bank.get(c.id) as Challenge, i % 4 !== 0),
    );
    journal.end('finished');
    const payload = bundlePayload({
      journal,
      sessionId: prepared.day.session.id,
      candidateId: t.candidateId,
      stationId: t.station.id,
      pkg: t.pkg.package,
      packageHash: t.pkg.packageHash,
    });
    // Serialized once, as a station serializes its sealed bundle once for all its upload attempts.
    return {
      test: t,
      path: STATION_API_PATHS.result(t.testId),
      text: JSON.stringify({ bundle: await signBundle(payload, t.station.privateKey) }),
      answers: t.pkg.package.challenges.length,
    };
  }),
);
const warmup = uploads.slice(0, WARMUP);
const bodies = uploads.slice(WARMUP);
const answers = median(bodies.map((b) => b.answers));
const size = median(bodies.map((b) => b.text.length));
console.log(
  `  ${bodies.length} bundles of ${answers} answers (median), ${Math.round(size / 1024)} KiB each, ` +
    `after ${warmup.length} warm-up uploads; ${cpus().length} cores` +
    (process.env.PIX_VERIFIER_THREADS === undefined
      ? ''
      : `; PIX_VERIFIER_THREADS=${process.env.PIX_VERIFIER_THREADS}`),
);

/** Uploads every body once, each client on its own connection; counts what was not accepted. */
async function uploadAll(clients: UploadConnection[], list: typeof uploads): Promise<number> {
  const queue = [...list];
  let failures = 0;
  await Promise.all(
    clients.map(async (client) => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const r = await client.post(next.test.station, next.path, next.text);
        if (r.status !== 200) failures += 1;
      }
    }),
  );
  return failures;
}

const rates: number[] = [];
const cpuPerBundle: number[] = [];
const mainPerBundle: number[] = [];
const clientPerBundle: number[] = [];
const loads: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const server = await startChildServer(copyDatabase(prepared.dbFile));
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => UploadConnection.open(server.url)));
  let failures = await uploadAll(clients, warmup);
  const pid = server.process.pid;
  const cpuBefore = processCpuMs(pid);
  const mainBefore = mainThreadCpuMs(pid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  failures += await uploadAll(clients, bodies);
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientBefore);
  const cpuAfter = processCpuMs(pid);
  const mainAfter = mainThreadCpuMs(pid);
  for (const client of clients) client.close();
  await server.stop();
  const rate = bodies.length / seconds;
  rates.push(rate);
  const perBundle = (before: number | null, after: number | null) =>
    before !== null && after !== null ? (after - before) / bodies.length : null;
  const cpu = perBundle(cpuBefore, cpuAfter);
  const main = perBundle(mainBefore, mainAfter);
  const clientMs = (clientCpu.user + clientCpu.system) / 1000 / bodies.length;
  if (cpu !== null) cpuPerBundle.push(cpu);
  if (main !== null) mainPerBundle.push(main);
  clientPerBundle.push(clientMs);
  const load = loadavg()[0] ?? 0;
  loads.push(load);
  console.log(
    `  round ${round}: ${bodies.length} bundles in ${seconds.toFixed(2)} s → ${Math.round(rate)} bundles/s` +
      (cpu === null ? '' : `, server CPU ${cpu.toFixed(2)} ms per bundle`) +
      (main === null ? '' : ` (main thread ${main.toFixed(2)})`) +
      `, clients ${clientMs.toFixed(2)} ms, load average ${load.toFixed(2)}` +
      (failures ? ` (${failures} refused!)` : ''),
  );
}
console.log(
  `result intake, ${CLIENTS} concurrent clients: median ${Math.round(median(rates))} bundles/s ` +
    `(target ≥ ${TARGET}: ${(median(rates) / TARGET).toFixed(2)}× the target)` +
    (cpuPerBundle.length
      ? `; server CPU median ${median(cpuPerBundle).toFixed(2)} ms per bundle (all threads)`
      : '') +
    (mainPerBundle.length ? `, main thread ${median(mainPerBundle).toFixed(2)} ms` : '') +
    `; load generator ${median(clientPerBundle).toFixed(2)} ms per bundle; load average median ${median(loads).toFixed(2)}`,
);
