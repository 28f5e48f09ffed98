import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasCompleteMatching } from './matching.ts';

describe('hasCompleteMatching', () => {
  it.each([
    ['each field has its own answer', [[0], [1]], 2, true],
    ['two fields want the only same answer', [[0], [0]], 2, false],
    ['greedy order would fail: the first field must give way', [[0, 1], [0]], 2, true],
    ['a field with no answer', [[0], []], 2, false],
    ['more fields than answers', [[0], [0], [0]], 1, false],
    ['no field', [], 0, true],
  ])('%s', (_case, edges, rightCount, expected) => {
    expect(hasCompleteMatching(edges, rightCount)).toBe(expected);
  });

  it('does not depend on the order of the fields, and agrees with brute force', () => {
    const graph = fc.integer({ min: 1, max: 5 }).chain((right) =>
      fc.tuple(
        fc.constant(right),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: right - 1 }), { maxLength: right }), {
          minLength: 1,
          maxLength: 5,
        }),
      ),
    );
    fc.assert(
      fc.property(graph, ([right, edges]) => {
        const expected = bruteForce(edges, right);
        expect(hasCompleteMatching(edges, right)).toBe(expected);
        expect(hasCompleteMatching([...edges].reverse(), right)).toBe(expected);
      }),
    );
  });
});

function bruteForce(edges: number[][], right: number, taken: ReadonlySet<number> = new Set()): boolean {
  const [first, ...rest] = edges;
  if (first === undefined) return true;
  return first.some((r) => !taken.has(r) && bruteForce(rest, right, new Set([...taken, r])));
}
