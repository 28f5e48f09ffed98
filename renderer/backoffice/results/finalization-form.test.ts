import { describe, expect, it } from 'vitest';
import { checkFinalization, errorCount } from './finalization-form.ts';

const unfinished = [{ candidateId: 'can_1' }, { candidateId: 'can_2' }];

describe('finalizing from the back office', () => {
  it('needs a reason for each unfinished test and both yes/no answers', () => {
    const empty = checkFinalization(
      {
        abortReasons: { can_1: 'technical' },
        hadIncident: null,
        candidateCouldNotJoin: false,
        globalComment: '',
      },
      unfinished,
    );
    expect(empty).toEqual({
      ok: false,
      errors: {
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
      { abortReasons: {}, hadIncident: false, candidateCouldNotJoin: false, globalComment: 'x'.repeat(501) },
      [],
    );
    expect(!long.ok && long.errors.globalComment).toBe(true);
    expect(
      checkFinalization(
        {
          abortReasons: { can_1: 'technical', can_2: 'candidate' },
          hadIncident: true,
          candidateCouldNotJoin: false,
          globalComment: '  Coupure réseau à 10 h.  ',
        },
        unfinished,
      ),
    ).toEqual({
      ok: true,
      request: {
        abortReasons: [
          { candidateId: 'can_1', reason: 'technical' },
          { candidateId: 'can_2', reason: 'candidate' },
        ],
        globalComment: 'Coupure réseau à 10 h.',
        hadIncident: true,
        candidateCouldNotJoin: false,
      },
    });
  });
});
