// The fast canonical writer must write exactly what the reference implementation (`canonicalize`,
// RFC 8785) writes, and throw where it throws, for any value: checked on generated values full of odd
// strings (lone surrogates, control characters, quotes, line separators, astral characters) and odd
// numbers (-0, NaN, infinities, exponents, the smallest subnormal).
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { describe, expect, it, vi } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { oddValue, outcome, referenceJson } from './odd-json.ts';

// The reference implementation, counted: the fast path must not call it for plain data.
vi.mock('canonicalize', async (importOriginal) => {
  const original = await importOriginal<{ default: (value: unknown) => string | undefined }>();
  return { default: vi.fn(original.default) };
});
const referenceCalls = vi.mocked(canonicalize);

describe('canonicalJson', () => {
  it('writes what canonicalize writes, and throws where it throws, for any value', () => {
    fc.assert(
      fc.property(oddValue, (value) => {
        expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => referenceJson(value)));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on JSON as parsed from text (the bundle payload’s case)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(parsed)).toBe(referenceJson(parsed));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on values JSON cannot hold plainly', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = i % 2 ? [deep] : { d: deep };
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    class Point {
      x = 1;
      y = 2;
    }
    const odd: unknown[] = [
      undefined,
      () => 1,
      Symbol('s'),
      10n,
      { n: 10n },
      new Date(0),
      { at: new Date(0) },
      { toJSON: () => ({ b: 1, a: 2 }) },
      { toJSON: 'not a function', a: 1 },
      cyclic,
      deep,
      sparse,
      { list: sparse },
      [() => 1, Symbol('s'), undefined],
      { f: () => 1, s: Symbol('s'), u: undefined },
      new Point(),
      Object.create(null) as unknown,
      JSON.parse('{"__proto__":{"a":1},"b":2}') as unknown,
      { 10: 'a', 9: 'b', x: 'c' },
      { '\ud800': 1 },
      ['\udc00'],
      NaN,
      -0,
      [-0, 1e-7, 1e21],
    ];
    for (const value of odd) {
      expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => referenceJson(value)));
    }
  });

  it('writes plain data itself, without the reference implementation', () => {
    const plain = {
      z: [1, -0, 1.5e-9, 'é\n"\\', { b: null, a: true }],
      a: { '': 'empty key', é: 'x', Z: 'upper first' },
    };
    referenceCalls.mockClear();
    const text = canonicalJson(plain);
    expect(referenceCalls).not.toHaveBeenCalled();
    expect(text).toBe(referenceJson(plain));
  });
});
