import { describe, expect, it } from 'vitest';
import { maybeRunningOffline, projectedTimeLeftMs, type SilentTestFacts } from './silent-station.ts';
import { STATION_MISSING_MS } from './station-presence.ts';

const MIN = 60_000;
const NOW = 10 * 60 * MIN;
/** In progress, its station last heard 20 s ago with 40 minutes left. */
const silent: SilentTestFacts = {
  underWay: true,
  goAheadAt: null,
  paused: false,
  heard: { station: NOW - 20_000, resumeStation: null },
  timeLeftMs: 40 * MIN,
  timeLeftAt: NOW - 20_000,
  startedAt: NOW - 65 * MIN,
  allowedMs: 105 * MIN,
};

describe('a test whose station went silent', () => {
  it('may still run offline while the time last reported, counted down since, is not gone', () => {
    expect(projectedTimeLeftMs(silent, NOW)).toBe(40 * MIN - 20_000);
    expect(maybeRunningOffline(silent, NOW)).toBe(true);
    expect(maybeRunningOffline(silent, NOW + 40 * MIN - 20_001)).toBe(true);
    expect(maybeRunningOffline(silent, NOW + 40 * MIN - 20_000)).toBe(false);
  });

  it('is not: while its station (or the one where the candidate waits to resume) is heard, it simply runs', () => {
    expect(
      maybeRunningOffline({ ...silent, heard: { station: NOW - 1_000, resumeStation: null } }, NOW),
    ).toBe(false);
    expect(
      maybeRunningOffline({ ...silent, heard: { station: null, resumeStation: NOW - 1_000 } }, NOW),
    ).toBe(false);
    expect(
      maybeRunningOffline(
        { ...silent, heard: { station: NOW - STATION_MISSING_MS, resumeStation: null } },
        NOW,
      ),
    ).toBe(true);
  });

  it('is not when not under way: waiting for its start or its resume, its station goes on only with the server', () => {
    expect(maybeRunningOffline({ ...silent, underWay: false }, NOW)).toBe(false);
  });

  it('is when its station acknowledged the start or the resume, heard nothing since: its clock runs from then', () => {
    const ackedStart = {
      ...silent,
      underWay: false,
      goAheadAt: NOW - 20_000,
      heard: { station: null, resumeStation: null },
      timeLeftMs: null,
      timeLeftAt: null,
      startedAt: null,
    };
    expect(projectedTimeLeftMs(ackedStart, NOW)).toBe(105 * MIN - 20_000);
    expect(maybeRunningOffline(ackedStart, NOW)).toBe(true);
    expect(maybeRunningOffline(ackedStart, NOW + 105 * MIN - 20_000)).toBe(false);
    // A resume: the time last reported (before it), counted from the acknowledgement.
    const ackedResume = { ...silent, underWay: false, goAheadAt: NOW - 10_000 };
    expect(projectedTimeLeftMs(ackedResume, NOW)).toBe(40 * MIN - 10_000);
    // Heard since: the heartbeat tells the state, not the acknowledgement.
    const heardSince = { ...ackedResume, heard: { station: NOW - 16_000, resumeStation: null } };
    expect(maybeRunningOffline({ ...heardSince, goAheadAt: NOW - 17_000 }, NOW)).toBe(false);
  });

  it('keeps a paused test’s time standing still', () => {
    const paused = { ...silent, paused: true };
    expect(projectedTimeLeftMs(paused, NOW + 5 * 60 * MIN)).toBe(40 * MIN);
    expect(maybeRunningOffline(paused, NOW + 5 * 60 * MIN)).toBe(true);
  });

  it('goes by the theoretical end without a time report, and counts as running with nothing known', () => {
    const unreported = { ...silent, timeLeftMs: null, timeLeftAt: null };
    expect(projectedTimeLeftMs(unreported, NOW)).toBe(40 * MIN);
    expect(maybeRunningOffline(unreported, NOW + 39 * MIN)).toBe(true);
    expect(maybeRunningOffline(unreported, NOW + 40 * MIN)).toBe(false);
    const unknown = { ...unreported, startedAt: null };
    expect(projectedTimeLeftMs(unknown, NOW)).toBeNull();
    expect(maybeRunningOffline(unknown, NOW)).toBe(true);
  });
});
