// The reproducibility rate (DOMAIN.md §6): how much of the profile the candidate reproduced.

/** Below this rate the candidate is not certified. */
export const MIN_REPRODUCIBILITY_RATE = 50;

/**
 * round(100 × correct / non-neutralized), an integer from 0 to 100. Halves round up, as Math.round
 * does for positive numbers (99 of 200 → 49.5 → 50); it is computed in integers so no floating-point
 * error can move a rate across a threshold. With no non-neutralized challenge there is nothing the
 * candidate reproduced: the rate is 0.
 */
export function reproducibilityRate(correct: number, nonNeutralized: number): number {
  if (!Number.isInteger(nonNeutralized) || nonNeutralized < 0) {
    throw new RangeError(`nonNeutralized must be a whole number ≥ 0, got ${nonNeutralized}`);
  }
  if (!Number.isInteger(correct) || correct < 0 || correct > nonNeutralized) {
    throw new RangeError(
      `correct must be a whole number from 0 to nonNeutralized (${nonNeutralized}), got ${correct}`,
    );
  }
  if (nonNeutralized === 0) return 0;
  return Math.floor((200 * correct + nonNeutralized) / (2 * nonNeutralized));
}
