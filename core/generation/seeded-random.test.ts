import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeedSchema, newSeed, seededRandom } from './seeded-random.ts';

const seeds = fc.integer({ min: 0, max: 0xffffffff });

describe('seededRandom', () => {
  it('the same seed gives the same sequence (a test can be regenerated from its seed)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        const draw = (r: typeof a) => [r.int(0, 1000), r.shuffle([1, 2, 3, 4, 5]), r.pick(['x', 'y', 'z'])];
        expect(draw(a)).toEqual(draw(b));
      }),
    );
  });

  it('keeps its sequence across versions (changing it would break the regeneration of recorded tests)', () => {
    const random = seededRandom(42);
    expect(Array.from({ length: 6 }, () => random.int(0, 999))).toEqual([342, 192, 436, 484, 117, 235]);
    expect(seededRandom(42).shuffle(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual(['d', 'e', 'b', 'f', 'c', 'a']);
  });

  it('neighbouring seeds give different sequences', () => {
    const first = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 4 }, () => random.int(0, 999)).join(',');
    };
    const sequences = new Set(Array.from({ length: 50 }, (_, seed) => first(seed)));
    expect(sequences.size).toBe(50);
  });

  it('int stays within its bounds, both included', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, span) => {
          const value = seededRandom(seed).int(min, min + span);
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + span);
        },
      ),
    );
  });

  it('int reaches every value of a small range', () => {
    const random = seededRandom(7);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(1, 8)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it.each([
    ['min above max', 3, 2],
    ['a fractional bound', 0, 1.5],
  ])('int refuses %s', (_name, min, max) => {
    expect(() => seededRandom(1).int(min, max)).toThrow(RangeError);
  });

  it('shuffle returns a permutation and leaves its input untouched', () => {
    fc.assert(
      fc.property(seeds, fc.array(fc.integer()), (seed, items) => {
        const before = items.slice();
        const shuffled = seededRandom(seed).shuffle(items);
        expect(items).toEqual(before);
        expect(shuffled.slice().sort()).toEqual(items.slice().sort());
      }),
    );
  });

  it('shuffle can put every item first (Fisher–Yates, not a rotation)', () => {
    const random = seededRandom(3);
    const firsts = new Set(Array.from({ length: 200 }, () => random.shuffle(['a', 'b', 'c', 'd'])[0]));
    expect(firsts.size).toBe(4);
  });

  it('pick returns one of the items, and refuses an empty list', () => {
    fc.assert(
      fc.property(seeds, fc.array(fc.string(), { minLength: 1 }), (seed, items) => {
        expect(items).toContain(seededRandom(seed).pick(items));
      }),
    );
    expect(() => seededRandom(1).pick([])).toThrow(RangeError);
  });
});

describe('newSeed', () => {
  it('is a 32-bit unsigned integer that SeedSchema accepts, and varies', () => {
    const drawn = Array.from({ length: 100 }, newSeed);
    for (const seed of drawn) expect(SeedSchema.safeParse(seed).success).toBe(true);
    expect(new Set(drawn).size).toBeGreaterThan(90);
  });
});

describe('SeedSchema', () => {
  it.each([
    [0, true],
    [0xffffffff, true],
    [-1, false],
    [0x1_0000_0000, false],
    [1.5, false],
    [Number.NaN, false],
  ])('%s → %s', (seed, valid) => {
    expect(SeedSchema.safeParse(seed).success).toBe(valid);
  });
});
