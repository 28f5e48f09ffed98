import { describe, expect, it } from 'vitest';
import { alertViewMove } from './alert-view.ts';

describe('the alert view of a candidate’s file', () => {
  it('stays on the alert it shows while it is pending', () => {
    expect(alertViewMove('A1', 'A1', null)).toBeNull();
    // Opened without an alert known yet: it takes the card's.
    expect(alertViewMove(null, 'A1', null)).toBeNull();
  });

  it('says the alert was already handled when it left the card, or another one replaced it', () => {
    expect(alertViewMove('A1', null, null)).toBe('alertHandled');
    // A1 decided elsewhere and A2 raised, in one update: never A2 with the code chosen for A1.
    expect(alertViewMove('A1', 'A2', null)).toBe('alertHandled');
    expect(alertViewMove(null, null, null)).toBe('details');
  });

  it('waits for the answer to the decision this screen is taking', () => {
    expect(alertViewMove('A1', null, 'A1')).toBeNull();
    expect(alertViewMove('A1', 'A2', 'A1')).toBeNull();
    // The answer came (refused): then it says so.
    expect(alertViewMove('A1', 'A2', null)).toBe('alertHandled');
  });
});
