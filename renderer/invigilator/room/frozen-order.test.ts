import { describe, expect, it } from 'vitest';
import { heldOrder, sameOrder } from './frozen-order.ts';

describe('the room’s order under the pointer or the focus', () => {
  it('follows the sort when nothing holds it', () => {
    expect(heldOrder(['a', 'b', 'c'], ['c', 'a', 'b'], false)).toEqual(['c', 'a', 'b']);
  });

  it('keeps every card in its place while frozen, though the sort changed', () => {
    // « c » raised an alert: sorted first, but the card under the pointer stays where it is.
    expect(heldOrder(['a', 'b', 'c'], ['c', 'a', 'b'], true)).toEqual(['a', 'b', 'c']);
  });

  it('still shows a new card (at the end) and drops a removed one while frozen', () => {
    expect(heldOrder(['a', 'b', 'c'], ['d', 'c', 'a'], true)).toEqual(['a', 'c', 'd']);
    expect(heldOrder(['a', 'b'], ['e', 'b', 'd', 'a'], true)).toEqual(['a', 'b', 'e', 'd']);
    expect(heldOrder([], ['b', 'a'], true)).toEqual(['b', 'a']);
  });

  it('tells whether two orders are the same', () => {
    expect(sameOrder(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameOrder(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameOrder(['a'], ['a', 'b'])).toBe(false);
  });
});
