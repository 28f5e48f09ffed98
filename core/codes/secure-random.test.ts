import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { characterClass, randomDistinctString, randomString } from './secure-random.ts';

/** Makes crypto.getRandomValues serve `values` in order (then zeros), to drive the sampling. */
function feedRandomValues(values: number[]): { calls: () => number } {
  const queue = [...values];
  let calls = 0;
  vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    calls++;
    if (array instanceof Uint32Array) for (let i = 0; i < array.length; i++) array[i] = queue.shift() ?? 0;
    return array;
  });
  return { calls: () => calls };
}

const alphabets = fc.uniqueArray(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*?-]^\\'), {
  minLength: 1,
  maxLength: 40,
});

describe('randomString', () => {
  afterEach(() => vi.restoreAllMocks());

  it('draws `length` characters, all from the alphabet', () => {
    fc.assert(
      fc.property(alphabets, fc.integer({ min: 0, max: 64 }), (chars, length) => {
        const out = randomString(chars.join(''), length);
        expect(out).toHaveLength(length);
        for (const c of out) expect(chars).toContain(c);
      }),
    );
  });

  it('rejects the biased tail of the 32-bit range instead of folding it (no modulo bias)', () => {
    // Alphabet of 3: 2^32 mod 3 = 1, so 0xFFFFFFFF is the one biased value and must be drawn again.
    feedRandomValues([0xffffffff, 4, 0xffffffff, 0xffffffff, 2]);
    expect(randomString('ABC', 2)).toBe('BC');
  });

  it('keeps every value below the limit (the limit is not off by one)', () => {
    feedRandomValues([0xfffffffe, 0]); // 0xFFFFFFFE is the largest unbiased value for 3: index 0xFFFFFFFE mod 3 = 2
    expect(randomString('ABC', 2)).toBe('CA');
  });

  it('refills from the secure source when a batch runs out', () => {
    const source = feedRandomValues(Array.from({ length: 20 }, () => 0xffffffff).concat([1]));
    expect(randomString('ABC', 1)).toBe('B');
    expect(source.calls()).toBeGreaterThan(1);
  });

  it.each([
    ['an empty alphabet', '', 3],
    ['an alphabet repeating a character (it would be twice as likely)', 'ABA', 3],
    ['a negative length', 'AB', -1],
    ['a fractional length', 'AB', 1.5],
  ])('refuses %s', (_name, alphabet, length) => {
    expect(() => randomString(alphabet, length)).toThrow(RangeError);
  });
});

describe('randomDistinctString', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never repeats a character', () => {
    fc.assert(
      fc.property(
        alphabets.chain((chars) => fc.tuple(fc.constant(chars), fc.integer({ min: 0, max: chars.length }))),
        ([chars, length]) => {
          const out = randomDistinctString(chars.join(''), length);
          expect(out).toHaveLength(length);
          expect(new Set(out).size).toBe(length);
          for (const c of out) expect(chars).toContain(c);
        },
      ),
    );
  });

  it('can use the whole alphabet (a permutation)', () => {
    expect([...randomDistinctString('ABCDEFGH', 8)].sort().join('')).toBe('ABCDEFGH');
  });

  it('refuses more characters than the alphabet has', () => {
    expect(() => randomDistinctString('ABC', 4)).toThrow(/3/);
  });

  it('draws each position with rejection sampling over the remaining characters', () => {
    // 3 left then 2 left: 0xFFFFFFFF is biased for 3 and drawn again; 2 divides 2^32 so nothing is rejected.
    feedRandomValues([0xffffffff, 1, 0xffffffff]);
    expect(randomDistinctString('ABC', 2)).toBe('BC');
  });
});

describe('characterClass', () => {
  it.each([['BCD'], ['!*?'], ['a-z'], [']^\\[']])('matches exactly the characters of %j', (alphabet) => {
    const pattern = new RegExp(`^${characterClass(alphabet)}$`);
    for (const c of alphabet) expect(pattern.test(c)).toBe(true);
    for (const c of 'xyAZ09-_.') if (!alphabet.includes(c)) expect(pattern.test(c)).toBe(false);
  });
});
