import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readNow, subscribeNow } from './use-now.ts';

const T0 = Date.parse('2026-06-15T09:00:00Z');

describe('the screen clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('ticks every second for its readers', () => {
    const heard = vi.fn();
    const stop = subscribeNow(heard);
    vi.advanceTimersByTime(3_000);
    expect(heard).toHaveBeenCalledTimes(3);
    expect(readNow()).toBe(T0 + 3_000);
    stop();
  });

  it('reads afresh when a page opens after a while with no reader, not the time the last one left', () => {
    // The room ticks, then the attendance sheet (no clock) stays open for ten minutes.
    const stop = subscribeNow(() => undefined);
    vi.advanceTimersByTime(1_000);
    stop();
    vi.setSystemTime(T0 + 10 * 60_000);
    // The finalization page opens: its first reading is now, not ten minutes ago.
    const again = subscribeNow(() => undefined);
    expect(readNow()).toBe(T0 + 10 * 60_000);
    again();
  });

  it('stops ticking when its last reader leaves', () => {
    const heard = vi.fn();
    subscribeNow(heard)();
    vi.advanceTimersByTime(5_000);
    expect(heard).not.toHaveBeenCalled();
  });
});
