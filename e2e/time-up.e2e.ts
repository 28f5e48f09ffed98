// Time runs out: calm warnings at 15 and 5 minutes (shown and announced, once each), then the "time
// is up" screen; the answers already stored are sent. The station's exam clock is moved forward
// instead of waiting 105 minutes.
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
    expect(await page.getByTestId('time-warning').textContent()).toContain('Il reste 15 minutes');
    await expect
      .poll(() => page.getByTestId('announcer-polite').textContent())
      .toContain('Il reste 15 minutes');
    expect(await page.getByTestId('time-left').textContent()).toMatch(/1[34] min/);
    await day.capture('warning-15-minutes');

    await day.advanceClock(10 * MIN);
    await expect.poll(() => page.getByTestId('time-warning').textContent()).toContain('Il reste 5 minutes');
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
