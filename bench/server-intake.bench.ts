// Result intake throughput (issue 4): signed 48-answer bundles uploaded by 50 concurrent clients to
// the real server in its own process, over loopback. Each round starts from the same database (a copy
// of a prepared day), warms the server up with a few uploads that are not counted (a server runs for
// hours: its JIT and verification workers are warm), then uploads every bundle once. Prints each round
// and the medians: bundles per second against the target (≥ 1,500/s), the server's CPU time per bundle
// (all threads, and its main thread: the event loop is what limits throughput), the load generator's
// CPU per bundle (it shares the machine's cores with the server) and the load average (other work on
// the machine).
import './temp-root.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Challenge } from '../core/challenge/challenge.ts';
import { STATION_API_PATHS } from '../core/contracts/station-server.ts';
import { SERVER_NODE_FLAGS } from '../server/node-flags.ts';
import { startChildServer } from '../server/testing/child-server.ts';
import { TestJournal, bundlePayload, signBundle } from '../server/testing/journal-builder.ts';
import { UploadConnection } from './server-intake-client.ts';
import { copyDatabase, median, prepareDay, processCpuMs } from './server-fixtures.ts';

const BUNDLES = Number(process.env.BENCH_BUNDLES ?? 1500);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const CLIENTS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 1500;
/**
 * A/B on the same prepared day: BENCH_BASELINE=<another copy of the repository> (e.g. `git archive` of
 * the commit to compare with, node_modules linked) runs its server in one round of each pair (A B, then
 * B A, and so on); each variant's medians are printed. BENCH_BASELINE_SIGNED=1: the baseline's uploads
 * carry a request signature (a server from before the bundle was taken as the upload's signature).
 */
const BASELINE = process.env.BENCH_BASELINE;
/**
 * Node or V8 flags for the server process (space-separated) instead of those it is deployed with
 * (server/node-flags.ts): BENCH_SERVER_FLAGS for this tree's rounds, BENCH_BASELINE_FLAGS for the A
 * rounds, which it turns on with or without BENCH_BASELINE (flags compared on the same code, round by
 * round; "" for none).
 */
const flagList = (value: string | undefined) =>
  value === undefined ? SERVER_NODE_FLAGS : value.split(' ').filter((flag) => flag !== '');
const FLAGS = flagList(process.env.BENCH_SERVER_FLAGS);
const BASELINE_FLAGS = process.env.BENCH_BASELINE_FLAGS;
const AB = BASELINE !== undefined || BASELINE_FLAGS !== undefined;

/** CPU time (user + system) of a process's main thread, in ms; null where /proc is missing. */
function mainThreadCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** CPU time (ms: user, system) of a process's threads, summed by thread name (main, verifier, libuv, V8). */
function threadCpuMs(pid: number | undefined): Map<string, [number, number]> {
  const byName = new Map<string, [number, number]>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const [user, system] = byName.get(name) ?? [0, 0];
      byName.set(name, [user + Number(fields[11]) * 10, system + Number(fields[12]) * 10]);
    }
  } catch {
    // A thread that ended between the listing and the read: counted as nothing.
  }
  return byName;
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
async function uploadAll(clients: UploadConnection[], requests: Buffer[]): Promise<number> {
  const queue = [...requests];
  let failures = 0;
  await Promise.all(
    clients.map(async (client) => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const r = await client.post(next);
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
const variant: string[] = [];
for (let round = 1; round <= ROUNDS * (AB ? 2 : 1); round++) {
  // Pairs of rounds run A B, B A, A B…: neither variant always has the first round of a pair.
  const pair = Math.floor((round - 1) / 2);
  const baseline = AB && (round % 2 === 1) === (pair % 2 === 0);
  variant.push(baseline ? 'A' : 'B');
  const server = await startChildServer(
    copyDatabase(prepared.dbFile),
    0,
    baseline ? BASELINE : undefined,
    baseline ? flagList(BASELINE_FLAGS) : FLAGS,
  );
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => UploadConnection.open(server.url)));
  // A baseline from before commit "result upload authenticated by its bundle" wants signed requests.
  const signed = baseline && process.env.BENCH_BASELINE_SIGNED === '1';
  const host = clients[0]?.host ?? '';
  const requestsOf = (list: typeof uploads) =>
    list.map((u) => UploadConnection.request(host, u.test.station, u.path, u.text, signed));
  let failures = await uploadAll(clients, requestsOf(warmup));
  const requests = requestsOf(bodies);
  const pid = server.process.pid;
  const cpuBefore = processCpuMs(pid);
  const mainBefore = mainThreadCpuMs(pid);
  const threadsBefore = threadCpuMs(pid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  failures += await uploadAll(clients, requests);
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientBefore);
  const cpuAfter = processCpuMs(pid);
  const mainAfter = mainThreadCpuMs(pid);
  const threadsAfter = threadCpuMs(pid);
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
    `  round ${round}${AB ? (baseline ? ' A (baseline)' : ' B') : ''}: ${bodies.length} bundles in ${seconds.toFixed(2)} s → ${Math.round(rate)} bundles/s` +
      (cpu === null ? '' : `, server CPU ${cpu.toFixed(2)} ms per bundle`) +
      (main === null ? '' : ` (main thread ${main.toFixed(2)})`) +
      `, clients ${clientMs.toFixed(2)} ms, load average ${load.toFixed(2)}` +
      (failures ? ` (${failures} refused!)` : ''),
  );
  // Where the server's CPU went, per bundle, by thread (threads that ended or started in between aside).
  const threads = [...threadsAfter]
    .map(([name, [user, system]]) => {
      const [userBefore, systemBefore] = threadsBefore.get(name) ?? [0, 0];
      return [name, (user - userBefore) / bodies.length, (system - systemBefore) / bodies.length] as const;
    })
    .filter(([, user, system]) => user + system >= 0.005)
    .sort((a, b) => b[1] + b[2] - (a[1] + a[2]));
  console.log(
    `    by thread (user + system ms per bundle): ${threads
      .map(([name, user, system]) => `${name} ${user.toFixed(2)} + ${system.toFixed(2)}`)
      .join(', ')}`,
  );
}
function summary(label: string, keep: (i: number) => boolean): void {
  const pick = (values: number[]) => values.filter((_, i) => keep(i));
  const rate = median(pick(rates));
  const cpu = pick(cpuPerBundle);
  const main = pick(mainPerBundle);
  console.log(
    `${label}result intake, ${CLIENTS} concurrent clients: median ${Math.round(rate)} bundles/s ` +
      `(target ≥ ${TARGET}: ${(rate / TARGET).toFixed(2)}× the target)` +
      (cpu.length ? `; server CPU median ${median(cpu).toFixed(2)} ms per bundle (all threads)` : '') +
      (main.length ? `, main thread ${median(main).toFixed(2)} ms` : '') +
      `; load generator ${median(pick(clientPerBundle)).toFixed(2)} ms per bundle; load average median ${median(pick(loads)).toFixed(2)}`,
  );
}
if (AB) {
  const described = (tree: string, flags: readonly string[]) =>
    flags.length ? `${tree} ${flags.join(' ')}` : tree;
  summary(`A (${described(BASELINE ?? 'this tree', flagList(BASELINE_FLAGS))}): `, (i) => variant[i] === 'A');
  summary(`B (${described('this tree', FLAGS)}): `, (i) => variant[i] === 'B');
  // Each pair of rounds shares the minute's load on this machine.
  const pairs = Math.floor(rates.length / 2);
  const wins = Array.from({ length: pairs }, (_, p) => {
    const [first, second] = [2 * p, 2 * p + 1];
    const [a, b] = variant[first] === 'A' ? [first, second] : [second, first];
    return (rates[b] ?? 0) > (rates[a] ?? 0);
  });
  console.log(`B faster than A in ${wins.filter(Boolean).length} of ${pairs} pairs of rounds`);
} else summary('', () => true);
