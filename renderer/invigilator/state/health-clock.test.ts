import { describe, expect, it } from 'vitest';
import { healthHeld, healthNow, REOPEN_SETTLE_MS } from './health-clock.ts';

const LOST = 1_000_000;

describe('the time stations are judged by', () => {
  it('is now while the stream was never lost', () => {
    const state = { stream: 'open' as const, lostAtServerMs: null, reopenedAtServerMs: null };
    expect(healthNow(state, LOST + 5)).toBe(LOST + 5);
  });

  it('is the loss time while cut off, and until heartbeats are current again after reopening', () => {
    const lost = { stream: 'lost' as const, lostAtServerMs: LOST, reopenedAtServerMs: null };
    expect(healthNow(lost, LOST + 60_000)).toBe(LOST);
    const back = { stream: 'open' as const, lostAtServerMs: LOST, reopenedAtServerMs: LOST + 60_000 };
    expect(healthNow(back, LOST + 60_000)).toBe(LOST);
    expect(healthNow(back, LOST + 60_000 + REOPEN_SETTLE_MS - 1)).toBe(LOST);
    expect(healthHeld(back, LOST + 60_000 + REOPEN_SETTLE_MS)).toBe(false);
    expect(healthNow(back, LOST + 60_000 + REOPEN_SETTLE_MS)).toBe(LOST + 60_000 + REOPEN_SETTLE_MS);
  });

  it('is the loss time while the stream connects again (not open yet)', () => {
    const connecting = { stream: 'connecting' as const, lostAtServerMs: LOST, reopenedAtServerMs: null };
    expect(healthNow(connecting, LOST + 9_000)).toBe(LOST);
  });
});
