// The order a candidate sees a challenge's choices in: as written, or, for a shuffled challenge, a
// shuffle seeded by the test and challenge, so that it is the same after a relaunch.
import type { PackagedChallenge } from '../../../core/challenge/challenge.ts';
import { sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import { seededRandom } from '../../../core/generation/seeded-random.ts';

export function choiceOrder(challenge: PackagedChallenge, seedKey: string): string[] {
  const ids = (challenge.choices ?? []).map((c) => c.id);
  if (!challenge.shuffled) return ids;
  return seededRandom(Number.parseInt(sha256Hex(seedKey).slice(0, 8), 16)).shuffle(ids);
}
