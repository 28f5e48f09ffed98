import { describe, expect, it } from 'vitest';
import { challengeTimerBase, challengeTimerRuns } from './challenge-timer.ts';

const exam = (current: number, challengeTimerLeftMs: number | null) => ({
  progress: { current, answered: current, total: 3 },
  challengeTimerLeftMs,
});

describe('where the question’s countdown runs from', () => {
  it('re-bases on the station’s figure in a newer status (after a pause, a lock, a dismissed alert)', () => {
    // Drawn with 60 s at t = 1 s; 20 s later a 5-minute pause; the status after it says 40 s.
    expect(challengeTimerBase({ index: 1, timerLeftMs: 60_000 }, 1_000, exam(1, 40_000), 321_000)).toEqual({
      baseMs: 40_000,
      baseAt: 321_000,
    });
  });

  it('keeps the challenge’s own figure when the status is older or about another question', () => {
    const own = { baseMs: 60_000, baseAt: 5_000 };
    expect(challengeTimerBase({ index: 1, timerLeftMs: 60_000 }, 5_000, exam(1, 52_000), 4_000)).toEqual(own);
    expect(challengeTimerBase({ index: 1, timerLeftMs: 60_000 }, 5_000, exam(2, 30_000), 9_000)).toEqual(own);
    expect(challengeTimerBase({ index: 1, timerLeftMs: 60_000 }, 5_000, exam(1, null), 9_000)).toEqual(own);
    expect(challengeTimerBase({ index: 1, timerLeftMs: 60_000 }, 5_000, null, 9_000)).toEqual(own);
  });

  it('has nothing to count for a question without a timer', () => {
    expect(
      challengeTimerBase({ index: 0, timerLeftMs: null }, 5_000, exam(0, null), 9_000).baseMs,
    ).toBeNull();
  });
});

describe('when the question’s countdown runs', () => {
  it('runs during the test, not during a pause nor while a reported problem freezes the question', () => {
    expect(challengeTimerRuns({ phase: 'inProgress', alertPending: false })).toBe(true);
    expect(challengeTimerRuns({ phase: 'inProgress', alertPending: true })).toBe(false);
    expect(challengeTimerRuns({ phase: 'paused', alertPending: false })).toBe(false);
    expect(challengeTimerRuns(null)).toBe(false);
  });
});
