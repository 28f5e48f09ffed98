import { describe, expect, it } from 'vitest';
import { ExtraTimePercentageSchema, allowedDurationMs } from './duration.ts';

describe('exam duration', () => {
  it.each([
    [0, 105 * 60_000],
    [30, 136.5 * 60_000],
    [33, Math.round(105 * 60 * 1.33) * 1000],
    [100, 210 * 60_000],
  ])('extra time %i %% gives %i ms', (extra, ms) => {
    expect(allowedDurationMs(extra)).toBe(ms);
  });

  it.each([-1, 201, 12.5])('rejects an extra time of %d %%', (value) => {
    expect(ExtraTimePercentageSchema.safeParse(value).success).toBe(false);
  });
});
