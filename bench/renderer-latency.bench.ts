// Figure: time from "Valider" to the next challenge rendered (target p95 ≤ 50 ms), in Chromium with
// the real station services (their own process, real journal on disk with synchronous=FULL) and the
// real certification server, through the browser harness of the end-to-end tests.
//
// Measured inside the page: from the click on "Valider" to the first animation frame after the next
// challenge is in the DOM (the station stored the answer, the screens fetched and drew the next one).
// Several candidates sit the tests' ten-challenge bank; the transition to the end screen is left out.
// Prints the median, p95 and the spread, and where the time goes: the time the call spends in the
// station's process (it logs it: PIX_STATION_TIMING), the transport (the page reaches the station's
// process over its local WebSocket, one hop as Electron's IPC: e2e/harness/station-socket.ts), the
// screens' work until the DOM holds the next challenge, then the wait for the frame; and the CPU time
// of the page's main thread per transition (Chromium's own count, less sensitive to the machine's
// load than the durations). No assertion.
import './temp-root.ts';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { Challenge } from '../core/challenge/challenge.ts';
import { E2E_BANK, RIGHT_ANSWERS, fullProfile } from '../e2e/fixtures/e2e-bank.ts';
import type { E2ECandidate } from '../e2e/fixtures/e2e-candidates.ts';
import { CertificationDay } from '../e2e/harness/certification-day.ts';
import { e2eContent } from '../e2e/harness/seed-session.ts';

// The station process logs the time each StationApi call spends in it (read back at the end).
process.env.PIX_STATION_TIMING = '1';

const loadAtStart = loadavg()[0] ?? NaN;
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 6);
/**
 * Time between a question drawn and its answer filled in (a candidate reads it first: no one answers
 * under a second, the test allows about two minutes per question). Without it the first "Valider" of
 * each test came 360 ms after the first question, while the challenge browser was still opening its
 * page, which no candidate meets. BENCH_READING_MS=0: back-to-back answers, as before.
 */
const READING_MS = Number(process.env.BENCH_READING_MS ?? 1000);
const TARGET_P95_MS = 50;

const candidates: E2ECandidate[] = Array.from({ length: CANDIDATES }, (_, i) => ({
  key: `bench-${i + 1}`,
  firstName: `Camille${String.fromCharCode(65 + i)}`,
  lastName: 'Banc',
  sex: 'F',
  birthdate: `2011-05-${String(i + 1).padStart(2, '0')}`,
  extraTimePercentage: 0,
  accessibilityAdjustment: false,
  profile: fullProfile(),
}));

// The server's database goes to memory (/dev/shm) when there is one: in a room the server is another
// machine, and its writes must not queue behind (or ahead of) the station journal's on the same disk.
// The station's journal stays on disk, synchronous=FULL, as on a real station.
const serverDir = existsSync('/dev/shm') ? '/dev/shm' : undefined;
const day = await CertificationDay.open({
  scenario: 'bench-latency',
  content: e2eContent(candidates),
  ...(serverDir ? { serverDir } : {}),
});
const page = day.page;
const samples: number[] = [];
/**
 * Per transition: the page's wait for submitAnswer (which brings the next challenge), for
 * getCurrentChallenge when the screens still ask for it (null when they do not), the drawing after
 * (until the DOM changed, then until the frame), and the page main thread's CPU time.
 */
const parts: {
  submit: number;
  fetch: number | null;
  draw: number;
  toDom: number;
  toFrame: number;
  toPaint: number;
  cpu: number;
}[] = [];
/** Per transition: the challenge left and the one drawn (the tail may belong to a few of them). */
const transitions: { from: string; to: string }[] = [];
/** Per transition: the time submitAnswer spent in the station process (from its log). */
const inStation: number[] = [];
function stationTime(logs: readonly string[]): number {
  const line = logs.find((l) => l.startsWith('timing submitAnswer '));
  return line ? Number(line.slice('timing submitAnswer '.length)) : NaN;
}
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
/** The page main thread's CPU time so far, in ms. */
async function pageCpuMs(): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

// Times the two StationApi calls of a transition from inside the page (wrapping window.station).
await page.addInitScript(() => {
  const marks: Record<string, number> = {};
  (window as unknown as { __marks: Record<string, number> }).__marks = marks;
  const wrap = () => {
    const station = (window as unknown as { station?: Record<string, (r: unknown) => Promise<unknown>> })
      .station;
    if (!station) return;
    for (const method of ['submitAnswer', 'getCurrentChallenge']) {
      const call = station[method];
      if (!call) continue;
      station[method] = async (request: unknown) => {
        marks[`${method}Start`] = performance.now();
        const result = await call(request);
        marks[`${method}End`] = performance.now();
        return result;
      };
    }
  };
  document.addEventListener('DOMContentLoaded', wrap);
});
await page.reload();

async function currentChallenge(): Promise<Challenge> {
  const id = await page.locator('[data-challenge-id]').getAttribute('data-challenge-id');
  const challenge = E2E_BANK.find((c) => c.id === id);
  if (!challenge) throw new Error(`unknown challenge ${id}`);
  return challenge;
}

/** Fills the right answer (quickly: this part is not measured). */
async function fill(p: Page, challenge: Challenge): Promise<void> {
  const answer = RIGHT_ANSWERS[challenge.id];
  if (!answer) throw new Error(`no answer for ${challenge.id}`);
  if (answer.type === 'choice') await p.locator(`input[data-choice-id="${answer.choice}"]`).check();
  else if (answer.type === 'choices') {
    for (const id of answer.choices) await p.locator(`input[data-choice-id="${id}"]`).check();
  } else {
    for (const field of challenge.fields ?? []) {
      const control = p.locator(`[data-field="${field.name}"]`);
      const value = answer.fields[field.name] ?? '';
      if (field.kind === 'select') await control.selectOption(value);
      else await control.fill(value);
    }
  }
}

/**
 * Clicks "Valider" and times it until the next challenge is drawn (and when the DOM held it); null
 * for the last one.
 */
function validateAndTime(
  p: Page,
): Promise<{ total: number; dom: number; painted: number; to: string } | null> {
  return p.evaluate(
    () =>
      new Promise<{ total: number; dom: number; painted: number; to: string } | null>((resolve) => {
        const before = document.querySelector('[data-challenge-id]')?.getAttribute('data-challenge-id');
        // Each transition's own calls only.
        const marks = (window as unknown as { __marks: Record<string, number> }).__marks;
        for (const key of Object.keys(marks)) delete marks[key];
        const button = document.querySelector<HTMLButtonElement>('[data-testid="validate"]');
        if (!button) throw new Error('no Valider button');
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const now = document.querySelector('[data-challenge-id]')?.getAttribute('data-challenge-id');
          const ended = document.querySelector('[data-testid="upload-state"]') !== null;
          if (!ended && (!now || now === before)) return;
          observer.disconnect();
          const dom = performance.now() - start;
          requestAnimationFrame(() => {
            const total = performance.now() - start;
            // The frame's own style, layout and paint come after its animation frame callbacks: a
            // task posted from here runs once they are done (the figure itself stops at the callback).
            const channel = new MessageChannel();
            channel.port1.onmessage = () =>
              resolve(ended ? null : { total, dom, painted: performance.now() - start, to: now ?? '' });
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        button.click();
      }),
  );
}

for (const candidate of candidates) {
  await page.getByTestId('ready').waitFor({ timeout: 20_000 });
  const signed = await day.station.dispatch('signIn', {
    sessionNumber: day.seeded.session.number,
    accessCode: day.seeded.session.accessCode,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
  });
  if (!signed.ok) throw new Error(`sign-in refused: ${signed.error.message}`);
  await day.station.dispatch('acceptInstructions', {});
  await day.invigilator.waitFor(candidate.key, (c) => c.state === 'waiting', 'the candidate waiting');
  await day.invigilator.authorizeStart(candidate.key);
  await page.locator('[data-challenge-id]').waitFor({ timeout: 20_000 });
  for (;;) {
    const leaving = await currentChallenge();
    if (READING_MS > 0) await new Promise((resolve) => setTimeout(resolve, READING_MS));
    await fill(page, leaving);
    const cpuBefore = await pageCpuMs();
    const logsBefore = day.station.logs.length;
    const timed = await validateAndTime(page);
    if (timed === null) break;
    const cpu = (await pageCpuMs()) - cpuBefore;
    inStation.push(stationTime(day.station.logs.slice(logsBefore)));
    const ms = timed.total;
    samples.push(ms);
    transitions.push({ from: leaving.id, to: timed.to });
    const m = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
    const at = (key: string) => m[key] ?? NaN;
    const fetched = m.getCurrentChallengeEnd !== undefined;
    const arrived = fetched ? at('getCurrentChallengeEnd') : at('submitAnswerEnd');
    parts.push({
      submit: at('submitAnswerEnd') - at('submitAnswerStart'),
      fetch: fetched ? at('getCurrentChallengeEnd') - at('getCurrentChallengeStart') : null,
      draw: ms - (arrived - at('submitAnswerStart')),
      toDom: timed.dom - (arrived - at('submitAnswerStart')),
      toFrame: ms - timed.dom,
      toPaint: timed.painted - ms,
      cpu,
    });
  }
  await page.locator('[data-testid="upload-state"][data-phase="uploaded"]').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Terminer et revenir à l’accueil' }).click();
}
await day.close();

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const sorted = [...samples].sort((a, b) => a - b);
const at = (q: number) => quantile(samples, q);
const f = (ms: number) => `${ms.toFixed(1)} ms`;
console.log('"Valider" → next challenge rendered (Chromium, real station services and server)');
console.log(`  server database: ${serverDir ? 'in memory (/dev/shm)' : 'on disk'}; station journal: on disk`);
console.log(
  `  load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? NaN).toFixed(2)} at the end`,
);
console.log(
  `  samples: ${samples.length} (${CANDIDATES} candidates × 9 transitions), ${READING_MS} ms of reading before each answer`,
);
console.log(`  median:  ${f(at(0.5))}`);
console.log(`  p95:     ${f(at(0.95))}   (target ≤ ${TARGET_P95_MS} ms)`);
console.log(`  min/max: ${f(sorted[0] ?? NaN)} / ${f(sorted[sorted.length - 1] ?? NaN)}`);
const spread = (values: number[]) => {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return 'not measured';
  return `median ${f(quantile(finite, 0.5))}, p95 ${f(quantile(finite, 0.95))}`;
};
const part = (key: 'submit' | 'fetch' | 'draw' | 'toDom' | 'toFrame' | 'toPaint' | 'cpu') => {
  const values = parts.map((p) => p[key]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return 'not asked (the answer brings the next challenge)';
  return spread(values);
};
console.log('  where the time goes (seen from the page):');
console.log(`    submitAnswer until stored:            ${part('submit')}`);
console.log(`      of which in the station process:    ${spread(inStation)}`);
console.log(`    getCurrentChallenge (next challenge): ${part('fetch')}`);
console.log(`    drawing it, after it arrived:         ${part('draw')}`);
console.log(`      until the DOM holds it:             ${part('toDom')}`);
console.log(`      then until the next frame:          ${part('toFrame')}`);
console.log(`      (not counted) that frame's own work: ${part('toPaint')}`);
console.log(
  `  until painted, for comparison:          ${spread(parts.map((p, i) => (samples[i] ?? NaN) + p.toPaint))}`,
);
console.log(`  page main thread CPU per transition:    ${part('cpu')}`);
console.log('  by challenge drawn (median / p95 / max, samples), from the challenge left:');
const byTarget = new Map<string, { ms: number[]; from: Set<string> }>();
samples.forEach((ms, i) => {
  const t = transitions[i];
  if (!t) return;
  const entry = byTarget.get(t.to) ?? { ms: [], from: new Set<string>() };
  entry.ms.push(ms);
  entry.from.add(t.from);
  byTarget.set(t.to, entry);
});
for (const [to, { ms, from }] of [...byTarget].sort(
  (a, b) => quantile(b[1].ms, 0.5) - quantile(a[1].ms, 0.5),
)) {
  const max = Math.max(...ms);
  console.log(
    `    → ${to.padEnd(14)} ${f(quantile(ms, 0.5))} / ${f(quantile(ms, 0.95))} / ${f(max)} (${ms.length}), from ${[...from].join(', ')}`,
  );
}
console.log('  the slowest transitions (total = submitAnswer [in station] + to DOM + to frame; page CPU):');
for (const i of samples
  .map((_, i) => i)
  .sort((a, b) => (samples[b] ?? 0) - (samples[a] ?? 0))
  .slice(0, Math.max(3, Math.ceil(samples.length * 0.1)))) {
  const p = parts[i];
  const t = transitions[i];
  if (!p || !t) continue;
  console.log(
    `    ${t.from} → ${t.to}: ${f(samples[i] ?? NaN)} = ${f(p.submit)} [${f(inStation[i] ?? NaN)}] + ${f(p.toDom)} + ${f(p.toFrame)}; CPU ${f(p.cpu)}`,
  );
}
