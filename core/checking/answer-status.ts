// From correctness to status (DOMAIN.md §5): the circumstances of an answer can take a right answer away.
import type { AnswerCircumstances, AnswerStatus } from '../challenge/answer.ts';

export interface CheckOptions {
  /** The candidate has the accessibility adjustment: leaving a focused challenge is not held against them. */
  readonly accessibilityAdjustment: boolean;
}

/**
 * - skipped ("Je passe") → `aband`, whatever the value;
 * - after the timer ran out, a right answer → `timedout`; a wrong one stays `ko` (Pix's examiner does the
 *   same: only a right answer is turned into `timedout`; either way it is not correct);
 * - a right answer on a focused challenge the candidate left → `focusedOut`, unless the candidate has the
 *   accessibility adjustment (then `ok`); a wrong one stays `ko`.
 */
export function answerStatus(
  correct: boolean,
  circumstances: AnswerCircumstances,
  challenge: { readonly focused: boolean },
  options: CheckOptions,
): AnswerStatus {
  if (circumstances.skipped) return 'aband';
  if (!correct) return 'ko';
  if (circumstances.timedOut) return 'timedout';
  if (circumstances.focusedOut && challenge.focused && !options.accessibilityAdjustment) return 'focusedOut';
  return 'ok';
}
