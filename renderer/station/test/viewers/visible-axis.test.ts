import { describe, expect, it } from 'vitest';
import { positionOf, visibleAfter, visibleBefore, visibleCount, visibleIndexes } from './visible-axis.ts';

describe('the visible rows or columns', () => {
  // Rows 3 and 4 (indexes 2, 3) hidden out of 7.
  const shown = visibleIndexes(7, new Set([2, 3, 9]));

  it('lists the indexes not hidden, in order', () => {
    expect(shown).toEqual([0, 1, 4, 5, 6]);
    expect(visibleIndexes(0, new Set())).toEqual([]);
  });

  it('finds an index’s place, a hidden one taking the next visible one’s', () => {
    expect(positionOf(shown, 4)).toBe(2);
    expect(positionOf(shown, 2)).toBe(2);
    expect(positionOf(shown, 99)).toBe(4);
  });

  it('finds the neighbours past hidden ones, and counts what is visible in a span', () => {
    expect(visibleAfter(shown, 1)).toBe(4);
    expect(visibleAfter(shown, 6)).toBeNull();
    expect(visibleBefore(shown, 4)).toBe(1);
    expect(visibleBefore(shown, 0)).toBeNull();
    expect(visibleCount(shown, 1, 5)).toBe(3);
    expect(visibleCount(shown, 2, 3)).toBe(0);
  });
});
