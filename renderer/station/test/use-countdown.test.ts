import { describe, expect, it } from 'vitest';
import { timeLeft } from './use-countdown.ts';

describe('the countdown shown between statuses', () => {
  it('counts down from the base as the screen ticks', () => {
    expect(timeLeft(60_000, 1_000, true, { base: 1_000, now: 4_000 })).toBe(57_000);
    expect(timeLeft(2_000, 1_000, true, { base: 1_000, now: 9_000 })).toBe(0);
  });

  it('starts a new base from no time spent, before the screen ticks again', () => {
    // The last tick belongs to the previous status (here one that fired just after the new status came,
    // before the screen drew it): it says nothing about the time spent since the new base.
    expect(timeLeft(50_000, 8_000, true, { base: 1_000, now: 8_500 })).toBe(50_000);
  });

  it('never counts a tick older than its base', () => {
    expect(timeLeft(50_000, 8_000, true, { base: 8_000, now: 7_000 })).toBe(50_000);
  });

  it('shows the base as it is when the test is not running, and nothing without one', () => {
    expect(timeLeft(42_000, 1_000, false, { base: 1_000, now: 30_000 })).toBe(42_000);
    expect(timeLeft(null, 1_000, true, { base: 1_000, now: 2_000 })).toBeNull();
  });
});
