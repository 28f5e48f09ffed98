import { describe, expect, it } from 'vitest';
import {
  checkFinalization,
  emptyFinalizationDraft,
  errorCount,
  hasAnswers,
  roomChanged,
  testsNeedingReason,
} from './finalization-form.ts';

const unfinished = [{ candidateId: 'can_1' }, { candidateId: 'can_2' }];
/** A reason for each unfinished test, as the form holds them and as the request sends them. */
const bothReasons = { can_1: 'technical', can_2: 'candidate' } as const;
const bothReasonsSent = [
  { candidateId: 'can_1', reason: 'technical' },
  { candidateId: 'can_2', reason: 'candidate' },
];

describe('finalizing from the back office', () => {
  it('needs a reason for each unfinished test and both yes/no answers', () => {
    const empty = checkFinalization(
      {
        abortReasons: { can_1: 'technical' },
        confirmedOver: {},
        hadIncident: null,
        candidateCouldNotJoin: false,
        globalComment: '',
      },
      unfinished,
    );
    expect(empty).toEqual({
      ok: false,
      errors: {
        confirmOver: [],
        abortReasons: ['can_2'],
        hadIncident: true,
        candidateCouldNotJoin: false,
        globalComment: false,
      },
    });
    expect(!empty.ok && errorCount(empty.errors)).toBe(2);
  });

  it('refuses a comment over 500 characters, and sends a complete request trimmed', () => {
    const long = checkFinalization(
      {
        abortReasons: {},
        confirmedOver: {},
        hadIncident: false,
        candidateCouldNotJoin: false,
        globalComment: 'x'.repeat(501),
      },
      [],
    );
    expect(!long.ok && long.errors.globalComment).toBe(true);
    expect(
      checkFinalization(
        {
          abortReasons: bothReasons,
          confirmedOver: {},
          hadIncident: true,
          candidateCouldNotJoin: false,
          globalComment: '  Coupure réseau à 10 h.  ',
        },
        unfinished,
      ),
    ).toEqual({
      ok: true,
      request: {
        abortReasons: bothReasonsSent,
        globalComment: 'Coupure réseau à 10 h.',
        hadIncident: true,
        candidateCouldNotJoin: false,
      },
    });
  });

  describe('a test whose station went silent while its candidate may still have time', () => {
    // The server lists it among the unfinished tests too (UnfinishedTestsSchema).
    const maybeRunning = [{ candidateId: 'can_2' }];
    const answered = {
      abortReasons: { can_1: 'technical' as const },
      confirmedOver: {},
      hadIncident: false,
      candidateCouldNotJoin: false,
      globalComment: '',
    };

    it('holds finalization until it is confirmed over, and asks no reason for it before', () => {
      expect(testsNeedingReason(unfinished, maybeRunning, {})).toEqual([{ candidateId: 'can_1' }]);
      const held = checkFinalization(answered, unfinished, maybeRunning);
      expect(held).toEqual({
        ok: false,
        errors: {
          confirmOver: ['can_2'],
          abortReasons: [],
          hadIncident: false,
          candidateCouldNotJoin: false,
          globalComment: false,
        },
      });
      expect(!held.ok && errorCount(held.errors)).toBe(1);
      // Unticked again: still held.
      const unticked = checkFinalization(
        { ...answered, confirmedOver: { can_2: false } },
        unfinished,
        maybeRunning,
      );
      expect(!unticked.ok && unticked.errors.confirmOver).toEqual(['can_2']);
    });

    it('once confirmed over, asks its reason like any unfinished test and sends the confirmation', () => {
      const confirmed = { ...answered, confirmedOver: { can_2: true } };
      expect(testsNeedingReason(unfinished, maybeRunning, confirmed.confirmedOver)).toEqual(unfinished);
      const noReason = checkFinalization(confirmed, unfinished, maybeRunning);
      expect(!noReason.ok && noReason.errors).toMatchObject({ confirmOver: [], abortReasons: ['can_2'] });
      expect(
        checkFinalization({ ...confirmed, abortReasons: bothReasons }, unfinished, maybeRunning),
      ).toEqual({
        ok: true,
        request: {
          abortReasons: bothReasonsSent,
          globalComment: '',
          hadIncident: false,
          candidateCouldNotJoin: false,
          confirmedOver: ['can_2'],
        },
      });
    });

    it('reads the list again when the server refuses because the room changed, not for other refusals', () => {
      expect(roomChanged('TESTS_MAYBE_RUNNING')).toBe(true);
      expect(roomChanged('TESTS_STILL_RUNNING')).toBe(true);
      expect(roomChanged('ALERTS_PENDING')).toBe(true);
      expect(roomChanged('ABORT_REASON_REQUIRED')).toBe(false);
      expect(roomChanged('SESSION_ALREADY_FINALIZED')).toBe(false);
    });
  });

  it('tells a draft with answers (kept while the room blocks finalization) from an empty one', () => {
    const empty = emptyFinalizationDraft();
    expect(hasAnswers(empty)).toBe(false);
    expect(hasAnswers({ ...empty, globalComment: '   ' })).toBe(false);
    expect(
      hasAnswers({ ...empty, abortReasons: { can_1: undefined }, confirmedOver: { can_1: false } }),
    ).toBe(false);
    expect(hasAnswers({ ...empty, abortReasons: { can_1: 'technical' } })).toBe(true);
    expect(hasAnswers({ ...empty, confirmedOver: { can_1: true } })).toBe(true);
    expect(hasAnswers({ ...empty, hadIncident: false })).toBe(true);
    expect(hasAnswers({ ...empty, candidateCouldNotJoin: true })).toBe(true);
    expect(hasAnswers({ ...empty, globalComment: 'Alarme' })).toBe(true);
    // A fresh one each time: the screen's draft is never shared.
    expect(emptyFinalizationDraft()).not.toBe(empty);
  });
});
