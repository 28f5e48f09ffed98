// Live feed latency (issue 4): 500 simulated stations heartbeat every 2 s against the real server in
// its own process; now and then one of them raises an alert (its journal record replicated, as the
// station does); the time until the invigilator's event stream delivers that alert is measured.
// Prints the median and p95 over the alerts; target p95 ≤ 100 ms.
import './temp-root.ts';
import { createParser } from 'eventsource-parser';
import { STATION_API_PATHS } from '../core/contracts/station-server.ts';
import { startChildServer } from '../server/testing/child-server.ts';
import { TestJournal } from '../server/testing/journal-builder.ts';
import { copyDatabase, median, percentile, prepareDay } from './server-fixtures.ts';

const STATIONS = Number(process.env.BENCH_STATIONS ?? 500);
const ALERTS = Number(process.env.BENCH_ALERTS ?? 60);
const HEARTBEAT_MS = 2000;
const TARGET_P95_MS = 100;

console.log(`server live feed: preparing ${STATIONS} stations with a test in progress…`);
const prepared = await prepareDay({ candidates: STATIONS, stations: STATIONS, start: true });
const server = await startChildServer(copyDatabase(prepared.dbFile));

// Each station's journal, opened and started (replicated as the station would).
const journals = await Promise.all(
  prepared.tests.map(async (t) => {
    const journal = new TestJournal(t.testId, Date.now());
    journal.open(
      { sessionId: prepared.day.session.id, candidateId: t.candidateId, stationId: t.station.id },
      t.pkg.package,
      t.pkg.packageHash,
      t.startCommandId,
    );
    const r = await t.station.fetch(server.url, 'POST', STATION_API_PATHS.records(t.testId), {
      records: journal.records,
    });
    if (r.status !== 200) throw new Error(`records: ${r.body}`);
    return { test: t, journal, total: t.pkg.package.challenges.length };
  }),
);

// The invigilator's screen.
const login = await fetch(`${server.url}/api/invigilator/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    sessionNumber: prepared.day.session.number,
    password: prepared.invigilatorPassword,
  }),
});
const { token, session } = (await login.json()) as { token: string; session: { id: string } };
const room = (await (
  await fetch(`${server.url}/api/invigilator/sessions/${session.id}`, {
    headers: { authorization: `Bearer ${token}` },
  })
).json()) as { lastEventId: number };
const stream = await fetch(
  `${server.url}/api/invigilator/sessions/${session.id}/events?after=${room.lastEventId}`,
  {
    headers: { authorization: `Bearer ${token}` },
  },
);
const waiting = new Map<string, (at: number) => void>();
let presenceEvents = 0;
const parser = createParser({
  onEvent(event) {
    const at = performance.now();
    if (event.event === 'presence') presenceEvents += 1;
    if (event.event !== 'candidate') return;
    const data = JSON.parse(event.data) as { cause: string; candidate: { alert: { id: string } | null } };
    const id = data.candidate.alert?.id;
    if (data.cause === 'alertRaised' && id) waiting.get(id)?.(at);
  },
});
if (!stream.body) throw new Error('no event stream');
const body = stream.body;
void (async () => {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.feed(value);
  }
})();

// 500 stations heartbeating every 2 s, spread over the interval.
let running = true;
let heartbeats = 0;
let heartbeatFailures = 0;
const beating = journals.map(async ({ test, journal, total }, i) => {
  await new Promise((r) => setTimeout(r, (i / journals.length) * HEARTBEAT_MS));
  while (running) {
    const started = performance.now();
    const r = await test.station.fetch(server.url, 'POST', STATION_API_PATHS.heartbeat, {
      testId: test.testId,
      phase: 'inProgress',
      current: 3,
      answered: 3,
      total,
      timeLeftMs: 5_000_000,
      alertPending: false,
      lastSeq: journal.records.length,
      stationTime: Date.now(),
    });
    heartbeats += 1;
    if (r.status !== 200) heartbeatFailures += 1;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, HEARTBEAT_MS - (performance.now() - started))),
    );
  }
});

const beatingSince = performance.now();
await new Promise((r) => setTimeout(r, 3 * HEARTBEAT_MS)); // every station heard from, steady state
const latencies: number[] = [];
for (let n = 0; n < ALERTS; n++) {
  const { test, journal } = journals[(n * 7919) % journals.length] as (typeof journals)[number];
  const challenge = test.pkg.package.challenges[0];
  const alertId = `bench-alert-${n}`;
  const record = journal.append({
    kind: 'alertRaised',
    payload: { alertId, challengeId: challenge?.id ?? '' },
  });
  const delivered = new Promise<number>((resolve) => waiting.set(alertId, resolve));
  const sent = performance.now();
  const r = await test.station.fetch(server.url, 'POST', STATION_API_PATHS.records(test.testId), {
    records: [record],
  });
  if (r.status !== 200) throw new Error(`alert: ${r.body}`);
  latencies.push((await delivered) - sent);
  await new Promise((resolve) => setTimeout(resolve, 250 + Math.random() * 250));
}
running = false;
const seconds = (performance.now() - beatingSince) / 1000;
await Promise.all(beating);
await server.stop();

console.log(
  `  ${heartbeats} heartbeats (~${Math.round(heartbeats / seconds)}/s, ${heartbeatFailures} refused), ${presenceEvents} presence events`,
);
console.log(
  `live feed, ${STATIONS} stations heartbeating every ${HEARTBEAT_MS / 1000} s: alert → invigilator stream median ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length} alerts (target p95 ≤ ${TARGET_P95_MS} ms: ${(percentile(latencies, 95) / TARGET_P95_MS).toFixed(2)}× the budget)`,
);
