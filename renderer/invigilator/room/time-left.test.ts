import { describe, expect, it } from 'vitest';
import { at, card, T0 } from '../testing/room-fixtures.ts';
import { nextTimeReport, timeLeftNow, timeLeftWithAdded, type TimeReport } from './time-left.ts';

describe('time left as of now', () => {
  it('counts down from the last measure while the test runs', () => {
    const c = card({ timeLeftMs: 600_000, timeLeftAt: at(0), lastHeartbeatAt: at(0) });
    expect(timeLeftNow(c, T0)).toBe(600_000);
    expect(timeLeftNow(c, T0 + 4000)).toBe(596_000);
  });

  it('stands still while paused or waiting for a resume (the station does not charge that time)', () => {
    expect(timeLeftNow(card({ state: 'paused', timeLeftMs: 600_000, timeLeftAt: at(0) }), T0 + 60_000)).toBe(
      600_000,
    );
    expect(
      timeLeftNow(card({ state: 'resumePending', timeLeftMs: 600_000, timeLeftAt: at(0) }), T0 + 60_000),
    ).toBe(600_000);
  });

  it('stops counting when the station falls silent, and never goes below zero', () => {
    const silent = card({ timeLeftMs: 600_000, timeLeftAt: at(0), lastHeartbeatAt: at(0) });
    expect(timeLeftNow(silent, T0 + 120_000)).toBe(585_000);
    expect(timeLeftNow(card({ timeLeftMs: 1000, timeLeftAt: at(0) }), T0 + 5000)).toBe(0);
  });

  it('is unknown before the station measured it', () => {
    expect(timeLeftNow(card({ timeLeftMs: null, timeLeftAt: null }), T0)).toBeNull();
  });
});

describe('time added after the last report of an older station, which does not say what it counted', () => {
  const paused = card({ state: 'paused', timeLeftMs: 6_300_000, timeLeftAt: at(0), addedMs: 0 });

  it('is counted in the time left, said unconfirmed until the station reports again', () => {
    const report = nextTimeReport(undefined, paused);
    const added = { ...paused, addedMs: 600_000 };
    expect(nextTimeReport(report, added)).toBe(report);
    expect(timeLeftWithAdded(added, T0 + 60_000, nextTimeReport(report, added))).toEqual({
      ms: 6_900_000,
      unconfirmedMs: 600_000,
    });
  });

  it('is confirmed by the station’s next report, which counts it', () => {
    const report = nextTimeReport(undefined, paused);
    const reported = { ...paused, addedMs: 600_000, timeLeftMs: 6_900_000, timeLeftAt: at(5000) };
    const next = nextTimeReport(report, reported);
    expect(next).toEqual({ at: at(5000), addedMs: 600_000 });
    expect(timeLeftWithAdded(reported, T0 + 60_000, next)).toEqual({ ms: 6_900_000, unconfirmedMs: 0 });
  });

  it('is nothing when no time was added, or the report is unknown', () => {
    expect(timeLeftWithAdded(paused, T0, nextTimeReport(undefined, paused))).toEqual({
      ms: 6_300_000,
      unconfirmedMs: 0,
    });
    expect(timeLeftWithAdded({ ...paused, addedMs: 600_000 }, T0, undefined)).toEqual({
      ms: 6_300_000,
      unconfirmedMs: 0,
    });
    expect(timeLeftWithAdded(card({ timeLeftMs: null, timeLeftAt: null }), T0, undefined)).toBeNull();
  });
});

describe('time added after the station’s last report, as the station said it (through the server)', () => {
  // Paused (the clock stands still): 105 min left, 10 min added by the invigilator, applied by the
  // station (its record replicated: addedMs).
  const before = card({
    state: 'paused',
    timeLeftMs: 6_300_000,
    timeLeftAt: at(0),
    addedMs: 0,
    timeLeftAddedMs: 0,
  });
  const added = { ...before, addedMs: 600_000 };
  /** The screen's guess, as the store keeps it from the cards that came in. */
  const guessed = (...cards: (typeof before)[]) =>
    cards.reduce<TimeReport | undefined>((report, c) => nextTimeReport(report, c), undefined);

  it('is unconfirmed while the report counts none of it, though that report came after the record', () => {
    // Computed before the station applied the time, received after its record: a new report, which
    // the guess took to count the 10 min.
    const late = { ...added, timeLeftAt: at(2000) };
    expect(timeLeftWithAdded(late, T0 + 3000, guessed(before, added, late))).toEqual({
      ms: 6_900_000,
      unconfirmedMs: 600_000,
    });
  });

  it('is confirmed by the first report that counts it', () => {
    const counted = { ...added, timeLeftMs: 6_900_000, timeLeftAt: at(4000), timeLeftAddedMs: 600_000 };
    expect(timeLeftWithAdded(counted, T0 + 5000, guessed(before, added, counted))).toEqual({
      ms: 6_900_000,
      unconfirmedMs: 0,
    });
  });

  it('is the same after a reload, where the screen has seen no earlier report', () => {
    expect(timeLeftWithAdded(added, T0 + 3000, guessed(added))).toEqual({
      ms: 6_900_000,
      unconfirmedMs: 600_000,
    });
    expect(timeLeftWithAdded(added, T0 + 3000, undefined)?.unconfirmedMs).toBe(600_000);
  });

  it('counts only what the records say: a report ahead of them (a record on its way) adds nothing', () => {
    const ahead = { ...before, timeLeftMs: 6_900_000, timeLeftAt: at(2000), timeLeftAddedMs: 600_000 };
    expect(timeLeftWithAdded(ahead, T0 + 3000, guessed(ahead))).toEqual({ ms: 6_900_000, unconfirmedMs: 0 });
    // Twice 10 min, the station's report counting the first.
    const twice = { ...added, addedMs: 1_200_000, timeLeftMs: 6_900_000, timeLeftAddedMs: 600_000 };
    expect(timeLeftWithAdded(twice, T0, guessed(twice))).toEqual({ ms: 7_500_000, unconfirmedMs: 600_000 });
  });
});
