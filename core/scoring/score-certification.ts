// Scoring a certification after the session is finalized (DOMAIN.md §6).
import { COMPETENCE_CODES } from '../framework/crcn.ts';
import type { CompetenceCode } from '../framework/crcn.ts';
import type {
  CertificationScore,
  CertificationStatus,
  CompetenceScore,
  ScoringReason,
} from './certification-score.ts';
import { certifiedLevel, certifiedPix } from './certified-pix.ts';
import { competenceOutcome } from './competence-outcome.ts';
import type { CompetenceTally } from './competence-outcome.ts';
import { countChallenge } from './counted-challenge.ts';
import { MIN_REPRODUCIBILITY_RATE, reproducibilityRate } from './reproducibility-rate.ts';
import { parseScoringInput } from './scoring-input.ts';
import type { ScoringInput } from './scoring-input.ts';
import { isTrusted } from './trust.ts';

/**
 * Scores one certification test. Validates its input (throws ScoringInputError naming the field).
 *
 * - A technical abort whose result would not be trusted (fewer than ceil(0.66 × asked) challenges left
 *   once the unanswered ones are neutralized) is cancelled: nothing is certified, score 0.
 * - Otherwise a reproducibility rate below 50 rejects it: every competence uncertified, score 0.
 * - Otherwise each competence follows the §6 table; a Pix score of 0 rejects it.
 * An untrusted result that is not cancelled keeps its status, with `trusted: false` and the reason
 * NOT_TRUSTED: DOMAIN.md does not say it changes the outcome, so the jury decides (the session needs
 * its review before publication). A cancelled one is `trusted: false` without that reason: the
 * cancellation is the decision, there is nothing left for the jury to decide.
 */
export function scoreCertification(input: ScoringInput): CertificationScore {
  const { profile, asked, completion, maxReachableLevel } = parseScoringInput(input);

  const tallies = new Map<CompetenceCode, CompetenceTally>();
  for (const challenge of asked) {
    const tally = tallies.get(challenge.competence) ?? { asked: 0, correct: 0, neutralized: 0 };
    const counted = countChallenge(challenge, completion);
    tally.asked += 1;
    if (counted !== 'wrong') tally[counted] += 1;
    tallies.set(challenge.competence, tally);
  }
  const correct = sum([...tallies.values()].map((t) => t.correct));
  const neutralized = sum([...tallies.values()].map((t) => t.neutralized));

  const nonNeutralized = asked.length - neutralized;
  const rate = reproducibilityRate(correct, nonNeutralized);
  const trusted = isTrusted(asked.length, nonNeutralized);
  const cancelled = !completion.finished && completion.abortReason === 'technical' && !trusted;
  const belowRate = rate < MIN_REPRODUCIBILITY_RATE;
  const nothingCertified = cancelled || belowRate;

  const profilePix = new Map(profile.competences.map((c) => [c.code, c.pix]));
  const competences: CompetenceScore[] = COMPETENCE_CODES.flatMap((code) => {
    const tally = tallies.get(code);
    if (!tally) return [];
    // The input schema guarantees every asked competence is in the profile.
    const fromProfile = profilePix.get(code) ?? 0;
    const outcome = nothingCertified ? 'invalidate' : competenceOutcome(tally, rate);
    const pix = certifiedPix(outcome, fromProfile, maxReachableLevel);
    return [
      {
        code,
        ...tally,
        outcome,
        profilePix: fromProfile,
        pix,
        level: certifiedLevel(pix, maxReachableLevel),
      },
    ];
  });
  const pixScore = sum(competences.map((c) => c.pix));

  let status: CertificationStatus = 'validated';
  const reasons: ScoringReason[] = [];
  if (cancelled) {
    status = 'cancelled';
    reasons.push('TECHNICAL_ABORT_TOO_FEW_ANSWERS');
  } else if (belowRate) {
    status = 'rejected';
    reasons.push('REPRODUCIBILITY_BELOW_50');
  } else if (pixScore === 0) {
    status = 'rejected';
    reasons.push('SCORE_ZERO');
  }
  if (!trusted && !cancelled) reasons.push('NOT_TRUSTED');

  return { reproducibilityRate: rate, competences, pixScore, status, trusted, reasons };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
