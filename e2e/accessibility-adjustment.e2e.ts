// A candidate with the accessibility adjustment: leaving a focused question (a screen reader or a
// pop-up takes the focus) is told calmly, and the answer counts as usual (DOMAIN.md §5: focusedOut
// does not apply to them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INES } from './fixtures/e2e-candidates.ts';
import { CertificationDay } from './harness/certification-day.ts';
import { answerAllRight, signInAndStart, waitForSent } from './harness/scenario-steps.ts';

let day: CertificationDay;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'accessibility-adjustment' });
});

afterAll(async () => {
  await day?.close();
});

describe('the accessibility adjustment', () => {
  it('tells the candidate calmly that leaving a focused question does not count against them', async () => {
    const page = day.page;
    const first = await signInAndStart(day, INES);
    let sawFocused = false;
    await answerAllRight(day, first, async (challenge) => {
      if (!challenge.focused) return;
      sawFocused = true;
      expect(await page.getByTestId('focus-notice').textContent()).toContain('Avec votre aménagement');
      // The window loses the focus (another window came up): the station is told.
      await page.evaluate(() => window.dispatchEvent(new Event('blur')));
      await expect
        .poll(() => page.getByTestId('focus-notice').textContent())
        .toContain('Avec votre aménagement, votre réponse sera comptée normalement');
      await day.capture('focus-lost-with-adjustment');
    });
    expect(sawFocused).toBe(true);
    await waitForSent(day);
    await day.invigilator.waitFor(INES.key, (c) => c.state === 'resultReceived', 'the result');
    await day.invigilator.finalize();
    const results = await day.invigilator.results();
    const ines = results.results.find((r) => r.candidateId === day.invigilator.candidateId(INES.key));
    // Every answer right, the focused one included: the focus loss did not make it "focusedOut".
    expect(ines?.reproducibilityRate).toBe(100);
    expect(ines?.competences.find((c) => c.code === '2.1')?.correct).toBe(2);
  });
});
