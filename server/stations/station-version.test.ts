import { describe, expect, it } from 'vitest';
import { compareVersions, stationVersionAllowed } from './station-version.ts';

describe('station versions', () => {
  it('compares as semver: numbers by value, a prerelease before its release', () => {
    const ordered = [
      '0.9.9',
      '1.0.0-alpha',
      '1.0.0-alpha.2',
      '1.0.0-alpha.10',
      '1.0.0-beta',
      '1.0.0',
      '1.2.0',
      '1.10.0',
    ];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareVersions(ordered[i] ?? '', ordered[i + 1] ?? '')).toBeLessThan(0);
      expect(compareVersions(ordered[i + 1] ?? '', ordered[i] ?? '')).toBeGreaterThan(0);
    }
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });

  it('allows every version without a minimum, and the minimum and above with one', () => {
    expect(stationVersionAllowed('0.0.1', null)).toBe(true);
    expect(stationVersionAllowed('1.4.0', '1.4.0')).toBe(true);
    expect(stationVersionAllowed('1.4.1', '1.4.0')).toBe(true);
    expect(stationVersionAllowed('1.3.9', '1.4.0')).toBe(false);
    expect(stationVersionAllowed('1.4.0-rc.1', '1.4.0')).toBe(false);
  });
});
