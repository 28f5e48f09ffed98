// The only source of randomness in test generation: seeded, so that a test can be regenerated exactly
// from the seed recorded with it (audit). Not for secrets: see core/codes/ for those.
import { z } from 'zod';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A generation seed: a 32-bit unsigned integer. */
export const SeedSchema = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 4294967295')
  .max(0xffffffff, 'must be between 0 and 4294967295');
export type Seed = z.infer<typeof SeedSchema>;

export interface SeededRandom {
  /** A whole number between `min` and `max`, both included. */
  int(min: number, max: number): number;
  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** xoroshiro128+'s first outputs echo the seed; skipping a few decorrelates neighbouring seeds. */
const WARM_UP_DRAWS = 16;

export function seededRandom(seed: Seed): SeededRandom {
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < WARM_UP_DRAWS; i++) rng.next();
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}): the bounds must be whole numbers with min ≤ max`);
    }
    return uniformInt(rng, min, max);
  };
  return {
    int,
    shuffle<T>(items: readonly T[]): T[] {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        const held = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = held;
      }
      return copy;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick: cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
  };
}

/** A fresh seed from the platform's secure source, so that seeds cannot be predicted. */
export function newSeed(): Seed {
  const out = new Uint32Array(1);
  crypto.getRandomValues(out);
  return out[0] ?? 0;
}
