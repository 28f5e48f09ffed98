// The jury cancels a certification (DOMAIN.md §7: C6 fraud, or another ground it states): the result
// reads as a cancelled one does, nothing certified and score 0, with the reason JURY_CANCELLED first.
// The score as scored is kept apart (the jury may undo its cancellation, and a re-scoring changes what
// lies under it), so this is applied on top of it, never stored in its place.
import type { CertificationScore } from './certification-score.ts';

export function juryCancelled(score: CertificationScore): CertificationScore {
  return {
    ...score,
    status: 'cancelled',
    pixScore: 0,
    // What was asked and answered stays to be read; nothing is certified.
    competences: score.competences.map((c) => ({ ...c, outcome: 'invalidate', pix: 0, level: 0 })),
    // The cancellation is the jury's decision: nothing is left for it to decide (NOT_TRUSTED).
    reasons: [
      'JURY_CANCELLED',
      ...score.reasons.filter((r) => r !== 'JURY_CANCELLED' && r !== 'NOT_TRUSTED'),
    ],
  };
}

/** Whether a score is the jury's cancellation of one (never what scoring itself gives). */
export const isJuryCancelled = (score: Pick<CertificationScore, 'reasons'>): boolean =>
  score.reasons.includes('JURY_CANCELLED');
