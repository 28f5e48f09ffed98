// Whether a result can be trusted (DOMAIN.md §6): enough of the test was really taken.

/** ceil(0.66 × asked): the fewest non-neutralized challenges for a trusted result. */
export function minimumNonNeutralizedForTrust(asked: number): number {
  return Math.ceil(0.66 * asked);
}

/** Trusted only if at least ceil(0.66 × asked) challenges are not neutralized. */
export function isTrusted(asked: number, nonNeutralized: number): boolean {
  return nonNeutralized >= minimumNonNeutralizedForTrust(asked);
}
