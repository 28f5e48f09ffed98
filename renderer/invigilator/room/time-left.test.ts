import { describe, expect, it } from 'vitest';
import { at, card, T0 } from '../testing/room-fixtures.ts';
import { timeLeftNow } from './time-left.ts';

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
