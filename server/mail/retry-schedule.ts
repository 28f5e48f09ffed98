// When a result e-mail that failed is tried again: soon after a short outage, then further apart, so that
// a mail server down for a day still gets its mails once it is back, without the server knocking every
// minute; given up after MAX_ATTEMPTS (about 31 hours), when the back office says so and an
// administrator may send it again.
const MINUTE = 60_000;

/** The wait after the n-th failed attempt (the last one repeats). */
export const RETRY_DELAYS_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  60 * MINUTE,
  120 * MINUTE,
  240 * MINUTE,
  480 * MINUTE,
];

export const MAX_ATTEMPTS = 10;

/** After `attempts` failed attempts: when to try again, or null to give up. */
export function nextAttemptAt(attempts: number, failedAt: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? MINUTE;
  return failedAt + delay;
}
