import { describe, expect, it } from 'vitest';
import { stationVersionAllowed } from './station-version.ts';

describe('station versions', () => {
  it('allows every version without a minimum, and the minimum and above with one', () => {
    expect(stationVersionAllowed('0.0.1', null)).toBe(true);
    expect(stationVersionAllowed('1.4.0', '1.4.0')).toBe(true);
    expect(stationVersionAllowed('1.4.1', '1.4.0')).toBe(true);
    expect(stationVersionAllowed('1.3.9', '1.4.0')).toBe(false);
    expect(stationVersionAllowed('1.4.0-rc.1', '1.4.0')).toBe(false);
  });
});
