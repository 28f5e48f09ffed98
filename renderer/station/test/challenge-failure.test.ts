// A refusal is said in the candidate's words, except one caused by the phase changing under the click
// (a pause, a lock, the end): the screen that follows says what happened. And no message outlives a pause.
import { describe, expect, it } from 'vitest';
import { failureAfter, failureKey } from './challenge-failure.ts';

const refusal = (code: 'ILLEGAL_TRANSITION' | 'STORAGE_FAILED' | 'ALERT_PENDING' | 'INTERNAL') => ({
  code,
  message: 'for the logs',
});

describe('what the challenge says of a refusal', () => {
  it('says nothing of a click refused because the test was paused, locked or ended meanwhile', () => {
    expect(failureKey(refusal('ILLEGAL_TRANSITION'), 'paused')).toBeNull();
    expect(failureKey(refusal('ILLEGAL_TRANSITION'), 'ended')).toBeNull();
    // Still running: something else went wrong, the general message says to try again.
    expect(failureKey(refusal('ILLEGAL_TRANSITION'), 'inProgress')).toBe('other');
  });

  it('keeps its own words for a storage failure and a reported problem', () => {
    expect(failureKey(refusal('STORAGE_FAILED'), 'inProgress')).toBe('STORAGE_FAILED');
    expect(failureKey(refusal('ALERT_PENDING'), 'inProgress')).toBe('ALERT_PENDING');
    expect(failureKey(refusal('INTERNAL'), 'inProgress')).toBe('other');
  });

  it('forgets the message when the test runs again after a pause', () => {
    expect(failureAfter('other', false, true)).toBeNull();
    // Still running, or paused: the message stays until the candidate is back on the question.
    expect(failureAfter('STORAGE_FAILED', true, true)).toBe('STORAGE_FAILED');
    expect(failureAfter('other', true, false)).toBe('other');
  });
});
