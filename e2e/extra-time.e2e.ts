// A candidate with 30 % extra time: the instructions and the clock include it, the test goes on past
// the usual 105 minutes, and the invigilator can still end it ("ended by the invigilator" screen).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGO } from './fixtures/e2e-candidates.ts';
import {
  acceptInstructions,
  fillSignIn,
  openSignIn,
  pressOn,
  signInValues,
  submitSignIn,
  waitForChallenge,
} from './harness/candidate-actions.ts';
import { CertificationDay } from './harness/certification-day.ts';
import { answerRight, nextChallengeOrEnd, waitForHomeReady, waitForSent } from './harness/scenario-steps.ts';

let day: CertificationDay;
const MIN = 60_000;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'extra-time' });
});

afterAll(async () => {
  await day?.close();
});

describe('extra time', () => {
  it('gives the candidate 105 minutes plus 30 %, shown everywhere', async () => {
    const page = day.page;
    await waitForHomeReady(day);
    await openSignIn(page);
    await fillSignIn(page, signInValues(HUGO, day.seeded.session));
    await submitSignIn(page);
    await page.getByText('Le test dure 2 h 17 min, votre temps supplémentaire compris.').waitFor();
    await day.capture('instructions-extra-time');
    await acceptInstructions(page);
    await day.invigilator.waitFor(HUGO.key, (c) => c.state === 'waiting', 'Hugo waiting');
    await day.invigilator.authorizeStart(HUGO.key);
    const first = await waitForChallenge(page);
    // Each number held to its unit by a no-break space (U+00A0).
    expect(await page.getByTestId('time-left').textContent()).toContain('2\u00a0h 17\u00a0min');
    expect(await page.getByTestId('time-left').textContent()).toContain('temps supplémentaire compris');
    await day.capture('test-extra-time');
    const card = await day.invigilator.candidate(HUGO.key);
    expect(card.allowedMs).toBe(Math.round(105 * 60 * 1.3) * 1000);

    await answerRight(day, first);
    const second = await nextChallengeOrEnd(day, first.id);
    if (!second) throw new Error('the test ended early');

    // Paused by the invigilator: the question is hidden, the clock stops, the screen says who restarts.
    await day.invigilator.pause(HUGO.key, 'Alarme incendie : restez assis');
    await page.getByTestId('paused').waitFor();
    expect(await page.getByTestId('paused').textContent()).toContain('Le temps est arrêté');
    await day.capture('paused-by-invigilator');
    const paused = await day.waitForStatus((s) => s.exam.phase === 'paused');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await day.status()).exam.timeLeftMs).toBe(paused.exam.timeLeftMs);
    await day.invigilator.unlock(HUGO.key);
    await page.getByTestId('paused').waitFor({ state: 'detached' });

    // Locked by the station itself (the computer went to sleep): the screen names the cause in one
    // short sentence and says who unlocks it; the station's detail stays in the journal for the jury.
    if (day.mode === 'chromium') {
      await day.station.lock('suspend');
      await page.getByRole('heading', { name: 'Poste verrouillé' }).waitFor();
      const locked = await page.getByTestId('paused').textContent();
      expect(locked).toContain('L’ordinateur s’est mis en veille. Le temps est arrêté');
      expect(locked).toContain('le surveillant doit déverrouiller le poste');
      expect(locked).not.toContain('suspendu');
      await day.capture('locked-by-station');
      await day.invigilator.unlock(HUGO.key);
      await page.getByTestId('paused').waitFor({ state: 'detached' });
    }

    // "Je passe" asks first; Cancel keeps the question, confirming moves on.
    await pressOn(page, page.getByTestId('skip'), 'Enter', 'skip button');
    await page.getByRole('dialog').waitFor();
    await day.capture('skip-confirmation');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.locator('[data-challenge-id]').getAttribute('data-challenge-id')).toBe(second.id);
    await pressOn(page, page.getByTestId('skip'), 'Enter', 'skip button');
    await pressOn(page, page.getByTestId('confirm'), 'Enter', 'confirm button');
    await nextChallengeOrEnd(day, second.id);
    // Past the usual 1 h 45: still in the test, with the extra time left (the harness's clock moves;
    // the Electron app's runs on real time).
    if (day.mode === 'chromium') {
      await day.advanceClock(106 * MIN);
      const status = await day.waitForStatus((s) => (s.exam.timeLeftMs ?? 0) < 31 * MIN);
      expect(status.exam.phase).toBe('inProgress');
      await expect.poll(() => page.getByTestId('time-left').textContent()).toMatch(/3[01]\u00a0min/);
      await day.capture('past-105-minutes');
    }

    await day.invigilator.endTest(HUGO.key);
    await page.getByRole('heading', { name: 'Test terminé par le surveillant' }).waitFor();
    await day.capture('ended-by-invigilator');
    await waitForSent(day);
  });
});
