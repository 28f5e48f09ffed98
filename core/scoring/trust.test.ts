import { describe, it, expect } from 'vitest';
import { isTrusted, minimumNonNeutralizedForTrust } from './trust.ts';

describe('"trusted only if at least ceil(0.66 × asked) challenges are not neutralized"', () => {
  it.each([
    [15, 10],
    [48, 32],
    [3, 2],
    [1, 1],
    [50, 33],
  ])('%i asked → at least %i non-neutralized', (asked, minimum) => {
    expect(minimumNonNeutralizedForTrust(asked)).toBe(minimum);
  });

  it('equals ceil(66 × asked / 100) in exact integers for every test size', () => {
    for (let asked = 0; asked <= 48; asked++) {
      expect(minimumNonNeutralizedForTrust(asked)).toBe(Math.floor((66 * asked + 99) / 100));
    }
  });

  it.each([
    ['15 asked, 10 not neutralized: trusted', 15, 10, true],
    ['15 asked, 9 not neutralized: not trusted', 15, 9, false],
    ['48 asked, 32 not neutralized: trusted', 48, 32, true],
    ['48 asked, 31 not neutralized: not trusted', 48, 31, false],
  ])('%s', (_case, asked, nonNeutralized, trusted) => {
    expect(isTrusted(asked, nonNeutralized)).toBe(trusted);
  });
});
