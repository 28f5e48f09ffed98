import { describe, expect, it } from 'vitest';
import { ExamClock, challengeTimerLeftMs, type MonotonicClock } from './exam-clock.ts';

function fakeMonotonic(start = 1000): MonotonicClock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const MIN = 60_000;

describe('ExamClock', () => {
  it('does not run until started, and counts only while running', () => {
    const mono = fakeMonotonic();
    const clock = new ExamClock({ allowedMs: 105 * MIN, monotonic: mono });
    mono.advance(10 * MIN);
    expect(clock.elapsedMs()).toBe(0);
    clock.start();
    mono.advance(3 * MIN);
    expect(clock.elapsedMs()).toBe(3 * MIN);
    clock.stop();
    mono.advance(20 * MIN);
    expect(clock.elapsedMs()).toBe(3 * MIN);
    expect(clock.timeLeftMs()).toBe(102 * MIN);
  });

  it('restores from a checkpoint: a restart neither resets nor eats the time', () => {
    const mono = fakeMonotonic(5); // a new process: the monotonic origin is unrelated to the previous one
    const clock = new ExamClock({ allowedMs: 105 * MIN, elapsedMs: 40 * MIN, monotonic: mono });
    expect(clock.timeLeftMs()).toBe(65 * MIN);
    clock.start();
    mono.advance(MIN);
    expect(clock.elapsedMs()).toBe(41 * MIN);
  });

  it('applies extra time through allowedMs and added time without changing the time consumed', () => {
    const mono = fakeMonotonic();
    const clock = new ExamClock({ allowedMs: 136.5 * MIN, monotonic: mono });
    clock.start();
    mono.advance(100 * MIN);
    clock.addTime(10 * MIN);
    expect(clock.elapsedMs()).toBe(100 * MIN);
    expect(clock.allowedMs()).toBe(146.5 * MIN);
    expect(clock.timeLeftMs()).toBe(46.5 * MIN);
    expect(clock.running).toBe(true);
    expect(() => clock.addTime(0)).toThrow(RangeError);
  });

  it('stops at zero and says time is up', () => {
    const mono = fakeMonotonic();
    const clock = new ExamClock({ allowedMs: MIN, monotonic: mono });
    clock.start();
    mono.advance(2 * MIN);
    expect(clock.timeLeftMs()).toBe(0);
    expect(clock.elapsedMs()).toBe(MIN);
    expect(clock.isUp()).toBe(true);
  });

  it.each([
    [16 * MIN, 15 * MIN, [15]],
    [15 * MIN + 1, 14 * MIN, [15]],
    [15 * MIN, 14 * MIN, []],
    [16 * MIN, 4 * MIN, [15, 5]],
    [6 * MIN, 5 * MIN, [5]],
    [4 * MIN, 3 * MIN, []],
  ])('from %i ms to %i ms left crosses the warnings %j', (before, after, warnings) => {
    expect(ExamClock.warningsCrossed(before, after)).toEqual(warnings);
  });
});

describe('challenge timers', () => {
  it.each([
    [60, 1000, 1000, 60_000],
    [60, 1000, 31_000, 30_000],
    [60, 1000, 61_000, 0],
    [60, 1000, 99_000, 0],
  ])('a %i s timer shown at %i ms, at %i ms, has %i ms left', (timer, shown, now, left) => {
    expect(challengeTimerLeftMs(timer, shown, now)).toBe(left);
  });
});
