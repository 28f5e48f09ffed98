import { describe, expect, it } from 'vitest';
import { activityChange, testUnderWay } from './exam-activity.ts';

describe('exam activity', () => {
  it('is under way while in progress or paused only', () => {
    expect(testUnderWay('inProgress')).toBe(true);
    expect(testUnderWay('paused')).toBe(true);
    for (const phase of [
      'idle',
      'signedIn',
      'waiting',
      'resumePending',
      'ended',
      'sealed',
      'uploaded',
    ] as const) {
      expect(testUnderWay(phase), phase).toBe(false);
    }
  });

  it.each([
    [null, { phase: 'inProgress', testId: 't1' }, { started: true, ended: false }],
    [
      { phase: 'waiting', testId: 't1' },
      { phase: 'inProgress', testId: 't1' },
      { started: true, ended: false },
    ],
    [
      { phase: 'inProgress', testId: 't1' },
      { phase: 'paused', testId: 't1' },
      { started: false, ended: false },
    ],
    [
      { phase: 'paused', testId: 't1' },
      { phase: 'inProgress', testId: 't1' },
      { started: false, ended: false },
    ],
    [
      { phase: 'inProgress', testId: 't1' },
      { phase: 'ended', testId: 't1' },
      { started: false, ended: true },
    ],
    [
      { phase: 'resumePending', testId: 't1' },
      { phase: 'inProgress', testId: 't1' },
      { started: true, ended: false },
    ],
    [
      { phase: 'inProgress', testId: 't1' },
      { phase: 'inProgress', testId: 't2' },
      { started: true, ended: true },
    ],
    [
      { phase: 'idle', testId: null },
      { phase: 'signedIn', testId: 't1' },
      { started: false, ended: false },
    ],
  ] as const)('%o → %o', (before, after, expected) => {
    expect(activityChange(before, after)).toEqual(expected);
  });
});
