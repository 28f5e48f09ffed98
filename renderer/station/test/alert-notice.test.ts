import { describe, expect, it } from 'vitest';
import { alertUnheard } from './alert-notice.ts';

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
