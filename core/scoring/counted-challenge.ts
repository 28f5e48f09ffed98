// How one asked challenge counts in scoring (DOMAIN.md §5, §6).
import type { AskedChallenge, Completion } from './scoring-input.ts';

export type ChallengeCount = 'correct' | 'wrong' | 'neutralized';

/**
 * Neutralized challenges count neither way, whatever their status. Only `ok` is correct. A challenge
 * never answered counts as skipped (wrong) when the candidate aborted, as neutralized when the abort
 * was technical; in a test marked finished it also counts as skipped, because nothing excuses it.
 */
export function countChallenge(challenge: AskedChallenge, completion: Completion): ChallengeCount {
  if (challenge.neutralized) return 'neutralized';
  if (challenge.status === null) {
    return !completion.finished && completion.abortReason === 'technical' ? 'neutralized' : 'wrong';
  }
  return challenge.status === 'ok' ? 'correct' : 'wrong';
}
