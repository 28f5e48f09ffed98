// "Signaler un problème": the question freezes until the invigilator decides. Dismissed, the
// candidate answers the same question; validated, the question is neutralized and the next one comes.
// Offline, a report the invigilator cannot hear may be withdrawn by the candidate: the dialog, the
// offline note at the top and the notice all say so alike, and the withdrawal is confirmed on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEA } from './fixtures/e2e-candidates.ts';
import { pressOn } from './harness/candidate-actions.ts';
import { CertificationDay, STATION_MODE } from './harness/certification-day.ts';
import {
  answerAllRight,
  answerRight,
  nextChallengeOrEnd,
  signInAndStart,
  waitForSent,
} from './harness/scenario-steps.ts';

let day: CertificationDay;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'alerts' });
});

afterAll(async () => {
  await day?.close();
});

/** Reports a problem on the current question; returns what the confirmation dialog said. */
async function report(): Promise<string> {
  const page = day.page;
  await pressOn(page, page.getByTestId('report'), 'Enter', 'report button');
  await page.getByRole('dialog').waitFor();
  const said = (await page.getByRole('dialog').textContent()) ?? '';
  await day.capture('report-confirmation');
  await pressOn(page, page.getByTestId('confirm'), 'Enter', 'confirm button');
  await page.getByTestId('alert-pending').waitFor();
  return said;
}

describe('alerts', () => {
  it('freezes the question, then lets the candidate answer it when the alert is dismissed', async () => {
    const page = day.page;
    const first = await signInAndStart(day, LEA);
    expect(await report()).toContain('Le surveillant viendra voir.');
    // Frozen: the answer and the buttons are out of reach until the invigilator decides.
    expect(await page.getByTestId('validate').isDisabled()).toBe(true);
    expect(await page.locator('fieldset.answer').locator('input, select').first().isDisabled()).toBe(true);
    if (first.timer)
      expect(await page.getByTestId('challenge-timer').textContent()).toContain('Ce temps est arrêté');
    await day.capture('alert-pending');
    // A timed question keeps its own time while frozen, however long the invigilator takes (the
    // harness's exam clock moves; the Electron app's runs on real time).
    if (first.timer && STATION_MODE !== 'electron') await day.advanceClock(first.timer * 1000 + 60_000);
    const alert = await day.invigilator.decideAlert(LEA.key, 'dismissed');
    expect(alert.challengeId).toBe(first.id);
    expect(alert.questionNumber).toBe(1);
    await page.getByTestId('alert-outcome').waitFor();
    expect(await page.getByTestId('alert-outcome').textContent()).toContain(
      'vous pouvez répondre à cette question',
    );
    expect(await page.locator('[data-challenge-id]').getAttribute('data-challenge-id')).toBe(first.id);
    if (first.timer) {
      const timer = await page.getByTestId('challenge-timer').textContent();
      expect(timer).toContain('Temps pour cette question');
      expect(timer).not.toContain('Ce temps est arrêté');
    }
    await day.capture('alert-dismissed');
    await answerRight(day, first);
    const second = await nextChallengeOrEnd(day, first.id);
    if (!second) throw new Error('the test ended early');

    await report();
    await day.invigilator.decideAlert(LEA.key, 'validated', 'E4');
    const third = await nextChallengeOrEnd(day, second.id);
    if (!third) throw new Error('the test ended early');
    expect(await page.getByTestId('alert-outcome').textContent()).toContain(
      'la question précédente ne sera pas comptée',
    );
    await day.capture('alert-validated-next-question');

    // Offline, the invigilator cannot hear a report: the candidate may take it back and answer.
    await day.server.stop();
    await page.getByTestId('offline-indicator').waitFor({ timeout: 30_000 });
    // The dialog does not promise a visit the station cannot ask for: the candidate calls them.
    const offlineDialog = await report();
    expect(offlineDialog).not.toContain('Le surveillant viendra voir');
    expect(offlineDialog).toContain('ne verra votre signalement qu’au retour de la connexion');
    await page.getByTestId('alert-unheard').waitFor();
    // The note at the top gives the notice's order: raise a hand, or cancel the report and go on.
    const note = (await page.getByTestId('offline-indicator').textContent()) ?? '';
    expect(note).toContain('levez la main, ou annulez-le pour continuer');
    expect(note).not.toContain('jusqu’au retour de la connexion');
    await day.capture('alert-offline-withdraw');
    await pressOn(page, page.getByTestId('withdraw-alert'), 'Enter', 'withdraw button');
    await page.getByTestId('alert-pending').waitFor({ state: 'detached' });
    expect(await page.locator('[data-challenge-id]').getAttribute('data-challenge-id')).toBe(third.id);
    expect(await page.getByTestId('validate').isDisabled()).toBe(false);
    // Seen, not only heard: the withdrawal is confirmed above the question.
    expect(await page.getByTestId('alert-outcome').textContent()).toContain(
      'vous pouvez répondre à cette question',
    );
    expect(await page.getByTestId('alert-outcome').textContent()).toContain('Signalement annulé');
    expect(await page.getByTestId('offline-indicator').textContent()).toContain(
      'Le test continue normalement',
    );
    await day.capture('alert-withdrawn');
    await day.server.restart();

    await answerAllRight(day, third);
    await waitForSent(day, 60_000);
    await day.invigilator.waitFor(LEA.key, (c) => c.state === 'resultReceived', 'the result received');
    await day.invigilator.finalize();
    const results = await day.invigilator.results();
    const lea = results.results.find((r) => r.candidateId === day.invigilator.candidateId(LEA.key));
    // The validated alert neutralized question 2 (and only it); the withdrawn one, on question 3, nothing.
    expect(lea?.neutralizedQuestions).toEqual([2]);
    expect(lea?.reproducibilityRate).toBe(100);
  });
});
