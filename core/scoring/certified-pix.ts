// A competence's certified Pix and level (DOMAIN.md §6), from its outcome and the profile's Pix.
import { PIX_PER_LEVEL, levelFromPix } from '../framework/crcn.ts';
import type { CompetenceOutcome } from './competence-outcome.ts';

/**
 * validate → the profile's Pix; downgrade → that minus 8, never below 0; invalidate → 0. Then capped
 * at maxReachableLevel × 8, as DOMAIN.md writes it: the cap applies after the downgrade, so a profile
 * above the cap may lose nothing to a downgrade (48 Pix downgraded → 40, capped at 40 when the cap is 5).
 */
export function certifiedPix(
  outcome: CompetenceOutcome,
  profilePix: number,
  maxReachableLevel: number,
): number {
  const earned =
    outcome === 'validate'
      ? profilePix
      : outcome === 'downgrade'
        ? Math.max(0, profilePix - PIX_PER_LEVEL)
        : 0;
  return Math.min(earned, maxReachableLevel * PIX_PER_LEVEL);
}

/** floor(pix / 8), never above maxReachableLevel. */
export function certifiedLevel(pix: number, maxReachableLevel: number): number {
  return Math.min(levelFromPix(pix), maxReachableLevel);
}
