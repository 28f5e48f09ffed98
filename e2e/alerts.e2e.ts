// "Signaler un problème": the question freezes until the invigilator decides. Dismissed, the
// candidate answers the same question; validated, the question is neutralized and the next one comes.
// Offline, a report the invigilator cannot hear may be withdrawn by the candidate: the dialog, the
// offline note at the top and the notice all say so alike, and the withdrawal is confirmed on screen.
import type { Page } from 'playwright-core';
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

/**
 * The station header's items (name, station, offline note, language switch): none over another, none
 * past the window's edge, the switch's word on one line; `oneRow`: the switch on the note's row.
 */
async function expectHeaderLaidOut(page: Page, oneRow: boolean): Promise<void> {
  const layout = await page.evaluate(() => {
    const items = Array.from(document.querySelectorAll('.app-header > *')).map((element) => {
      const r = element.getBoundingClientRect();
      return { name: element.className, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    const word = document.createRange();
    word.selectNodeContents(document.querySelector('.language-switch') as Element);
    return { items, width: document.documentElement.clientWidth, switchLines: word.getClientRects().length };
  });
  expect(layout.items.map((i) => i.name)).toEqual([
    'app-name',
    'app-station',
    'connection-offline',
    'button button-quiet language-switch',
  ]);
  for (const item of layout.items) {
    expect(item.left, item.name).toBeGreaterThanOrEqual(0);
    expect(item.right, item.name).toBeLessThanOrEqual(layout.width);
  }
  for (const [i, a] of layout.items.entries()) {
    for (const b of layout.items.slice(i + 1)) {
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `${a.name} over ${b.name}`).toBe(false);
    }
  }
  expect(layout.switchLines).toBe(1);
  if (oneRow) {
    const [, , note, language] = layout.items;
    expect(language && note && language.top < note.bottom && note.top < language.bottom).toBe(true);
  }
}

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
    // Beside this long note the language switch stays on the header's first line, its word whole.
    await expectHeaderLaidOut(page, true);
    if (STATION_MODE === 'chromium') {
      // At 200 % zoom (1366 × 850 seen as 683 × 425): the header's items may wrap, none over another.
      await page.setViewportSize({ width: 683, height: 425 });
      await expectHeaderLaidOut(page, false);
      await day.capture('alert-offline-withdraw-zoom');
      await page.setViewportSize({ width: 1366, height: 850 });
    }
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
