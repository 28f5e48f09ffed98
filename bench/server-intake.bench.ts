// Result intake throughput (issue 4): signed 48-answer bundles uploaded by 50 concurrent clients to
// the real server in its own process, over loopback. Each round starts from the same database (a copy
// of a prepared day) and uploads every bundle once. Prints the median over rounds; target ≥ 1,500/s.
import { cpus } from 'node:os';
import type { Challenge } from '../core/challenge/challenge.ts';
import { STATION_API_PATHS } from '../core/contracts/station-server.ts';
import { startChildServer } from '../server/testing/child-server.ts';
import { TestJournal, bundlePayload, signBundle } from '../server/testing/journal-builder.ts';
import { copyDatabase, median, prepareDay, processCpuMs } from './server-fixtures.ts';

const BUNDLES = Number(process.env.BENCH_BUNDLES ?? 1500);
const CLIENTS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 1500;

console.log(`server intake: preparing ${BUNDLES} started tests on ${CLIENTS} stations…`);
const prepared = await prepareDay({ candidates: BUNDLES, stations: CLIENTS, start: true });
const bodies = await Promise.all(
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
    return {
      test: t,
      body: { bundle: await signBundle(payload, t.station.privateKey) },
      answers: t.pkg.package.challenges.length,
    };
  }),
);
const answers = median(bodies.map((b) => b.answers));
const size = median(bodies.map((b) => JSON.stringify(b.body).length));
console.log(
  `  ${bodies.length} bundles of ${answers} answers (median), ${Math.round(size / 1024)} KiB each; ${cpus().length} cores`,
);

const rates: number[] = [];
const cpuPerBundle: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const server = await startChildServer(copyDatabase(prepared.dbFile));
  const queue = [...bodies];
  let failures = 0;
  const cpuBefore = processCpuMs(server.process.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const r = await next.test.station.fetch(
          server.url,
          'POST',
          STATION_API_PATHS.result(next.test.testId),
          next.body,
        );
        if (r.status !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = processCpuMs(server.process.pid);
  await server.stop();
  const rate = bodies.length / seconds;
  rates.push(rate);
  const cpu = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / bodies.length : null;
  if (cpu !== null) cpuPerBundle.push(cpu);
  console.log(
    `  round ${round}: ${bodies.length} bundles in ${seconds.toFixed(2)} s → ${Math.round(rate)} bundles/s` +
      (cpu === null ? '' : `, server CPU ${cpu.toFixed(2)} ms per bundle`) +
      (failures ? ` (${failures} refused!)` : ''),
  );
}
console.log(
  `result intake, ${CLIENTS} concurrent clients: median ${Math.round(median(rates))} bundles/s ` +
    `(target ≥ ${TARGET}: ${(median(rates) / TARGET).toFixed(2)}× the target)` +
    (cpuPerBundle.length
      ? `; server CPU median ${median(cpuPerBundle).toFixed(2)} ms per bundle (all threads)`
      : ''),
);
