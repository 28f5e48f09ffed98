// Time runs out: calm warnings at 15 and 5 minutes (shown and announced, once each, with the time the
// bar shows), then the "time is up" screen; the answers already stored are sent. The station's exam
// clock is moved forward instead of waiting 105 minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEA } from './fixtures/e2e-candidates.ts';
import { CertificationDay, STATION_MODE } from './harness/certification-day.ts';
import { answerRight, nextChallengeOrEnd, signInAndStart, waitForSent } from './harness/scenario-steps.ts';

let day: CertificationDay;
const MIN = 60_000;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'time-up' });
});

afterAll(async () => {
  await day?.close();
});

/** The warning's words and the bar's time, read from one frame (a tick between two reads could differ). */
async function warningAndBar(): Promise<{ warning: string; bar: string }> {
  return day.page.evaluate(() => ({
    warning: document.querySelector('[data-testid="time-warning"] p')?.textContent ?? '',
    bar: document.querySelector('[data-testid="time-left"] [role="timer"]')?.textContent ?? '',
  }));
}

// The Electron app's exam clock runs on real time: this scenario needs the harness's movable clock.
describe.skipIf(STATION_MODE === 'electron')('time up', () => {
  it('warns calmly at 15 and 5 minutes, then ends the test and sends the result', async () => {
    const page = day.page;
    const first = await signInAndStart(day, LEA);
    // The first challenge has its own 10-minute timer: past it, the candidate is told calmly.
    expect(first.timer).toBe(600);
    expect(await page.getByTestId('challenge-timer').textContent()).toContain('Temps pour cette question');
    await day.advanceClock(11 * MIN);
    await expect
      .poll(() => page.getByTestId('challenge-timer').textContent())
      .toContain('Le temps de cette question est écoulé');
    await day.capture('challenge-timer-expired');
    await answerRight(day, first);
    await nextChallengeOrEnd(day, first.id);

    await day.advanceClock(80 * MIN);
    await page.getByTestId('time-warning').waitFor();
    // The warning says the time the bar shows (never « 15 minutes » beside « 14 min »).
    // (The harness moved the clock at once: the bar shows it once the station's new status is in.)
    await expect.poll(async () => (await warningAndBar()).bar).toMatch(/^1[34]\u00a0min$/);
    const fifteen = await warningAndBar();
    expect(fifteen.warning).toBe(`Il reste ${fifteen.bar}.`);
    await expect
      .poll(() => page.getByTestId('announcer-polite').textContent())
      .toContain('Il reste moins de 15 minutes.');
    await day.capture('warning-15-minutes');

    await day.advanceClock(10 * MIN);
    await expect.poll(() => page.getByTestId('time-warning').textContent()).toContain('Pensez à valider');
    await expect.poll(async () => (await warningAndBar()).bar).toMatch(/^[345]\u00a0min$/);
    const five = await warningAndBar();
    expect(five.warning).toBe(`Il reste ${five.bar}. Pensez à valider votre réponse.`);
    await day.capture('warning-5-minutes');

    await day.advanceClock(5 * MIN);
    await page.getByRole('heading', { name: 'Le temps est écoulé' }).waitFor();
    await day.capture('time-up');
    await waitForSent(day);
    await day.capture('time-up-sent');
    const card = await day.invigilator.waitFor(LEA.key, (c) => c.state === 'resultReceived', 'the result');
    expect(card.endReason).toBe('timeUp');
  });
});
