// Figure: an alert raised on a station → visible on the invigilator's screen, with 30 stations live
// (target p95 ≤ 1 s end to end in Chromium).
//
// The real certification server (its own process) serves the built invigilator screen to Chromium;
// 31 candidates of the demo session are enrolled and 30 stations are live: one real station (the
// station services in their own process, the candidate screens in Chromium, as in the end-to-end
// tests) and 29 simulated stations speaking the station protocol (heartbeats every 2 s, replicated
// answers). Two paths are timed, from the moment the alert is raised until the candidate's card shows
// it on the invigilator's screen (first animation frame after the change, wall clock on the same
// machine):
// - real station: StationApi.raiseAlert (journal write, outbox replication to the server), then the
//   server's event stream to the screen;
// - simulated station: the signed records request, then the event stream to the screen.
// Each alert is then dismissed, on the invigilator's screen for the real station (timed too: from the
// click until the station has applied the decision), through the API for the simulated ones.
// Prints medians and p95; no assertion.
import './temp-root.ts';
import type { Page } from 'playwright-core';
import { CertificationDay } from '../e2e/harness/certification-day.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { ensureInvigilatorBuilt, WEB_ROOT } from '../e2e/invigilator/invigilator-build.ts';
import { InvigilatorPage } from '../e2e/invigilator/invigilator-page.ts';
import { demoRoomContent, SimulatedRoom, type SimulatedStation } from '../e2e/invigilator/simulated-room.ts';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 30);
const TARGET_P95_MS = 1000;

ensureInvigilatorBuilt();
const browser = await launchChromium();
const content = demoRoomContent(31);
const day = await CertificationDay.open({
  scenario: 'bench-invigilator',
  browser,
  webRoot: WEB_ROOT,
  content,
});
const room = await SimulatedRoom.attach(day.server, day.seeded, content);

// The real station: the first demo candidate, signed in and started.
const realKey = content.candidates[0]?.key ?? '';
const real = room.person(realKey);
await day.page.getByTestId('ready').waitFor({ timeout: 20_000 });
const signed = await day.station.dispatch('signIn', {
  sessionNumber: day.seeded.session.number,
  accessCode: day.seeded.session.accessCode,
  firstName: real.firstName,
  lastName: real.lastName,
  birthdate: real.birthdate,
});
if (!signed.ok) throw new Error(`sign-in refused: ${signed.error.message}`);
await day.station.dispatch('acceptInstructions', {});
await day.invigilator.waitFor(realKey, (c) => c.state === 'waiting', 'the candidate waiting');
await day.invigilator.authorizeStart(realKey);
await day.page.locator('[data-challenge-id]').waitFor({ timeout: 20_000 });

// 29 simulated stations under way (the demo's candidate who is not certifiable cannot join).
const simulated: SimulatedStation[] = [];
let number = 2;
for (const candidate of content.candidates.slice(1)) {
  const station = await room.station(candidate.key, `Poste ${String(number++).padStart(2, '0')}`);
  try {
    await station.startTest({ answered: 5 + (number % 20), startedMinutesAgo: 10 + number });
    simulated.push(station);
  } catch (error) {
    if (!String(error).includes('NOT_CERTIFIABLE')) throw error;
  }
}
room.startHeartbeats();

const inv = await InvigilatorPage.open(browser, day.server.url, 'bench-invigilator');
await inv.login(day.seeded.session);
const live = (await room.room()).filter((c) => c.lastHeartbeatAt !== null).length;

/** Arms an observer in the page that notes when the card first shows an alert (after a frame). */
function armObserver(page: Page, candidateId: string): Promise<void> {
  return page.evaluate((id) => {
    const w = window as unknown as { __alertSeenAt: number | null };
    w.__alertSeenAt = null;
    const has = () =>
      document
        .querySelector(`[data-testid="candidate-card"][data-candidate-id="${id}"]`)
        ?.getAttribute('data-attention')
        ?.split(' ')
        .includes('alert') ?? false;
    const observer = new MutationObserver(() => {
      if (!has()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        w.__alertSeenAt = performance.timeOrigin + performance.now();
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, candidateId);
}

async function seenAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __alertSeenAt: number | null }).__alertSeenAt,
    null,
    { timeout: 20_000, polling: 50 },
  );
  return Number(await handle.jsonValue());
}

async function cleared(candidateId: string): Promise<void> {
  await inv.page
    .locator(
      `[data-testid="candidate-card"][data-candidate-id="${candidateId}"]:not([data-attention~="alert"])`,
    )
    .waitFor({ timeout: 20_000 });
}

const realSamples: number[] = [];
const decisionSamples: number[] = [];
const simulatedSamples: number[] = [];
const realId = room.candidateId(realKey);
for (let i = 0; i < ALERTS; i += 1) {
  // The real station: the candidate reports a problem on the question on screen.
  const challengeId = await day.page.locator('[data-challenge-id]').getAttribute('data-challenge-id');
  await armObserver(inv.page, realId);
  const t0 = Date.now();
  const raised = await day.station.dispatch('raiseAlert', { challengeId });
  if (!raised.ok) throw new Error(`raiseAlert refused: ${raised.error.message}`);
  realSamples.push((await seenAt(inv.page)) - t0);
  // The decision, taken on the invigilator's screen, until the station applied it.
  await inv.card(realId).getByTestId('quick-alert').click();
  const dismiss = inv.page.getByTestId('alert-dismiss');
  await dismiss.waitFor();
  const applied = new Promise<number>((resolve) => {
    const stop = day.station.onEvent((event) => {
      if (event.type !== 'alertDecided') return;
      stop();
      resolve(Date.now());
    });
  });
  const d0 = Date.now();
  await dismiss.click();
  decisionSamples.push((await applied) - d0);
  await cleared(realId);

  // A simulated station, in turn.
  const station = simulated[i % simulated.length];
  if (!station) continue;
  await armObserver(inv.page, station.candidateId);
  const s0 = Date.now();
  const alertId = await station.raiseAlert(station.current, `bench-${i}`);
  simulatedSamples.push((await seenAt(inv.page)) - s0);
  await room.decideAlert(alertId, 'dismissed');
  station.alertPending = false;
  await cleared(station.candidateId);
}

await inv.close();
await room.close();
await day.close();
await browser.close();

const report = (label: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`${label}`);
  console.log(`  samples: ${samples.length}`);
  console.log(`  median:  ${f(at(0.5))}`);
  console.log(`  p95:     ${f(at(0.95))}   (target ≤ ${TARGET_P95_MS} ms)`);
  console.log(`  min/max: ${f(sorted[0] ?? NaN)} / ${f(sorted[sorted.length - 1] ?? NaN)}`);
};
console.log(
  `Alert raised on a station → shown on the invigilator's screen (Chromium, ${live} stations live)`,
);
report(
  'real station (StationApi.raiseAlert → journal → outbox → server → event stream → screen)',
  realSamples,
);
report('simulated station (signed records request → server → event stream → screen)', simulatedSamples);
report(
  "decision on the invigilator's screen → applied on the real station (click → server → command stream → journal)",
  decisionSamples,
);
