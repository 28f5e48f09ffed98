// A certification the jury cancels reads cancelled, nothing certified, the jury's reason first.
import { describe, expect, it } from 'vitest';
import { CertificationScoreSchema, type CertificationScore } from './certification-score.ts';
import { isJuryCancelled, juryCancelled } from './jury-cancellation.ts';

const validated: CertificationScore = {
  reproducibilityRate: 85,
  competences: [
    {
      code: '1.1',
      asked: 3,
      correct: 3,
      neutralized: 0,
      outcome: 'validate',
      profilePix: 24,
      pix: 24,
      level: 3,
    },
    {
      code: '2.1',
      asked: 3,
      correct: 2,
      neutralized: 1,
      outcome: 'validate',
      profilePix: 16,
      pix: 16,
      level: 2,
    },
  ],
  pixScore: 40,
  status: 'validated',
  trusted: false,
  reasons: ['NOT_TRUSTED'],
};

describe('the jury’s cancellation of a certification', () => {
  it('certifies nothing, keeps what was asked and answered, and says the jury cancelled it', () => {
    const cancelled = juryCancelled(validated);
    expect(CertificationScoreSchema.parse(cancelled)).toEqual(cancelled);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      pixScore: 0,
      reproducibilityRate: 85,
      trusted: false,
      reasons: ['JURY_CANCELLED'],
    });
    expect(cancelled.competences.map((c) => [c.code, c.asked, c.correct, c.outcome, c.pix, c.level])).toEqual(
      [
        ['1.1', 3, 3, 'invalidate', 0, 0],
        ['2.1', 3, 2, 'invalidate', 0, 0],
      ],
    );
    // The score it was applied to is left as it was (it is kept apart, for an undo).
    expect(validated.status).toBe('validated');
    expect(isJuryCancelled(cancelled)).toBe(true);
    expect(isJuryCancelled(validated)).toBe(false);
  });

  it('keeps the scoring’s own reasons after the jury’s, once', () => {
    const rejected: CertificationScore = {
      ...validated,
      status: 'rejected',
      pixScore: 0,
      trusted: true,
      reasons: ['REPRODUCIBILITY_BELOW_50'],
    };
    expect(juryCancelled(rejected).reasons).toEqual(['JURY_CANCELLED', 'REPRODUCIBILITY_BELOW_50']);
    expect(juryCancelled(juryCancelled(rejected)).reasons).toEqual([
      'JURY_CANCELLED',
      'REPRODUCIBILITY_BELOW_50',
    ]);
  });
});
