import { describe, expect, it } from 'vitest';
import { at, card, T0 } from '../testing/room-fixtures.ts';
import { nextTimeReport, timeLeftNow, timeLeftWithAdded } from './time-left.ts';

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

describe('time added after the station’s last report', () => {
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
