import { describe, expect, it } from 'vitest';
import { alertOutcomeShown, alertUnheard, refocusOnUnfreeze } from './alert-notice.ts';

describe('a reported problem the invigilator cannot know of', () => {
  it('is one raised offline that has not reached the server', () => {
    expect(alertUnheard({ alertPending: true, alertSent: false }, false)).toBe(true);
  });

  it('is not once the server has it, nor while online, nor without a pending alert', () => {
    expect(alertUnheard({ alertPending: true, alertSent: true }, false)).toBe(false);
    expect(alertUnheard({ alertPending: true, alertSent: false }, true)).toBe(false);
    expect(alertUnheard({ alertPending: false, alertSent: false }, false)).toBe(false);
    expect(alertUnheard(null, false)).toBe(false);
  });
});

describe('the focus when the question unfreezes', () => {
  it('goes back to the question when it fell to the page with the notice', () => {
    expect(refocusOnUnfreeze(true, false, true)).toBe(true);
  });

  it('stays where the candidate put it, and is not moved while frozen or by other changes', () => {
    expect(refocusOnUnfreeze(true, false, false)).toBe(false);
    expect(refocusOnUnfreeze(false, false, true)).toBe(false);
    expect(refocusOnUnfreeze(false, true, true)).toBe(false);
    expect(refocusOnUnfreeze(true, true, true)).toBe(false);
  });
});

describe('the note on how a report was settled', () => {
  it('shows a dismissed or withdrawn report on the question it unfroze', () => {
    expect(alertOutcomeShown({ challengeId: 'c3', decision: 'dismissed' }, 'c3')).toBe('dismissed');
    expect(alertOutcomeShown({ challengeId: 'c3', decision: 'withdrawn' }, 'c3')).toBe('withdrawn');
    expect(alertOutcomeShown({ challengeId: 'c3', decision: 'dismissed' }, 'c4')).toBeNull();
    expect(alertOutcomeShown({ challengeId: 'c3', decision: 'withdrawn' }, 'c4')).toBeNull();
  });

  it('shows a validated report on the question after the one it neutralized', () => {
    expect(alertOutcomeShown({ challengeId: 'c3', decision: 'validated' }, 'c4')).toBe('validated');
    expect(alertOutcomeShown({ challengeId: 'c3', decision: 'validated' }, 'c3')).toBeNull();
    expect(alertOutcomeShown(null, 'c3')).toBeNull();
  });
});
