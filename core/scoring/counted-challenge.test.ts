import { describe, it, expect } from 'vitest';
import type { AnswerStatus } from '../challenge/answer.ts';
import { countChallenge } from './counted-challenge.ts';
import type { Completion } from './scoring-input.ts';

const finished: Completion = { finished: true };
const candidateAbort: Completion = { finished: false, abortReason: 'candidate' };
const technicalAbort: Completion = { finished: false, abortReason: 'technical' };

function challenge(status: AnswerStatus | null, neutralized = false) {
  return { challengeId: 'rec1', competence: '1.1' as const, status, neutralized };
}

describe('how an asked challenge counts', () => {
  it.each([
    ['"only ok is correct": ok', challenge('ok'), finished, 'correct'],
    ['ko is wrong', challenge('ko'), finished, 'wrong'],
    ['"Je passe" (aband) is wrong', challenge('aband'), finished, 'wrong'],
    ['timedout is wrong, even for a right answer', challenge('timedout'), finished, 'wrong'],
    ['focusedOut is wrong', challenge('focusedOut'), finished, 'wrong'],
    [
      '"neutralized challenges count neither way": a neutralized ok',
      challenge('ok', true),
      finished,
      'neutralized',
    ],
    ['a neutralized ko', challenge('ko', true), candidateAbort, 'neutralized'],
    [
      'a validated alert left unanswered, after a candidate abort',
      challenge(null, true),
      candidateAbort,
      'neutralized',
    ],
    ['"unanswered challenges count as skipped (candidate)"', challenge(null), candidateAbort, 'wrong'],
    [
      '"unanswered challenges count as … neutralized (technical)"',
      challenge(null),
      technicalAbort,
      'neutralized',
    ],
    ['an unanswered challenge in a finished test counts as skipped', challenge(null), finished, 'wrong'],
    [
      'an answered challenge after a technical abort keeps its status',
      challenge('ko'),
      technicalAbort,
      'wrong',
    ],
  ] as const)('%s', (_rule, asked, completion, expected) => {
    expect(countChallenge(asked, completion)).toBe(expected);
  });
});
