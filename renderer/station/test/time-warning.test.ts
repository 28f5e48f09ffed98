// The time warning never contradicts the bar: it shows the bar's time, rounded the same way, and says
// "less than" where a figure could be out of step.
import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { timeWarningSaid, timeWarningShown } from './time-warning.ts';

const MIN = 60_000;

describe('the time warning', () => {
  const fr = createI18n('fr');
  const en = createI18n('en');

  it('shows the time as the bar rounds it, minutes up, whatever the time left', () => {
    for (const left of [15 * MIN, 14.99 * MIN, 14 * MIN + 1, 14 * MIN, 13.5 * MIN, 61_000, 59_500, 1_000]) {
      const bar = formatTimeLeft(left, fr.t);
      expect(timeWarningShown(15, left, fr.t)).toBe(`Il reste ${bar}.`);
    }
    expect(timeWarningShown(15, 13.5 * MIN, fr.t)).toBe('Il reste 14\u00a0min.');
    expect(timeWarningShown(15, 14 * MIN + 1, fr.t)).toBe('Il reste 15\u00a0min.');
    expect(timeWarningShown(5, 4 * MIN + 10_000, fr.t)).toBe(
      'Il reste 5\u00a0min. Pensez à valider votre réponse.',
    );
    expect(timeWarningShown(5, 40_000, en.t)).toBe('40\u00a0s left. Remember to validate your answer.');
  });

  it('says "less than" before the bar has reached the warning, and to screen readers', () => {
    expect(timeWarningShown(15, 16 * MIN, fr.t)).toBe('Il reste moins de 15 minutes.');
    expect(timeWarningShown(5, null, fr.t)).toBe(
      'Il reste moins de 5 minutes. Pensez à valider votre réponse.',
    );
    expect(timeWarningSaid(15, fr.t)).toBe('Il reste moins de 15 minutes.');
    expect(timeWarningSaid(5, en.t)).toBe('Less than 5 minutes left. Remember to validate your answer.');
  });
});
