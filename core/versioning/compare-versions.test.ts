import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare-versions.ts';

describe('release versions', () => {
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
});
