import { describe, expect, it } from 'vitest';
import { announcedUpdateCauses, cancellationBackAndForth } from './result-emails.ts';

describe('what an update announces of the changes it carries', () => {
  it('says one change as it is', () => {
    for (const cause of [
      'cancelled',
      'restored',
      'identityCorrected',
      'resultAdded',
      'resultChanged',
    ] as const)
      expect(announcedUpdateCauses([cause])).toEqual([cause]);
  });

  it('says each kind of change once, where it last changed, in the order they came', () => {
    expect(announcedUpdateCauses(['resultAdded', 'identityCorrected'])).toEqual([
      'resultAdded',
      'identityCorrected',
    ]);
    expect(announcedUpdateCauses(['identityCorrected', 'resultChanged', 'identityCorrected'])).toEqual([
      'resultChanged',
      'identityCorrected',
    ]);
    // A result that arrived, then was re-scored: for the recipient, a result that arrived.
    expect(announcedUpdateCauses(['resultAdded', 'identityCorrected', 'resultChanged'])).toEqual([
      'identityCorrected',
      'resultAdded',
    ]);
  });

  it('says neither a cancellation nor its undoing when they came in pairs, the last one when not', () => {
    expect(announcedUpdateCauses(['cancelled', 'restored'])).toEqual([]);
    expect(announcedUpdateCauses(['restored', 'identityCorrected', 'cancelled'])).toEqual([
      'identityCorrected',
    ]);
    expect(announcedUpdateCauses(['cancelled', 'restored', 'cancelled'])).toEqual(['cancelled']);
    expect(announcedUpdateCauses(['restored', 'cancelled', 'identityCorrected', 'restored'])).toEqual([
      'identityCorrected',
      'restored',
    ]);
    // Which came first says which back-and-forth it was (the back office words them apart).
    expect(cancellationBackAndForth(['cancelled', 'identityCorrected', 'restored'])).toBe('cancelledFirst');
    expect(cancellationBackAndForth(['restored', 'identityCorrected', 'cancelled'])).toBe('restoredFirst');
    expect(
      cancellationBackAndForth(['identityCorrected', 'restored', 'cancelled', 'restored', 'cancelled']),
    ).toBe('restoredFirst');
    expect(cancellationBackAndForth(['cancelled', 'restored', 'cancelled'])).toBeNull();
    expect(cancellationBackAndForth(['identityCorrected', 'resultChanged'])).toBeNull();
  });
});
