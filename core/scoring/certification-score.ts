// The result of scoring one certification (DOMAIN.md §6): what the jury reviews and the certificate shows.
import { z } from 'zod';
import { CompetenceCodeSchema, MAX_LEVEL, PIX_PER_LEVEL } from '../framework/crcn.ts';
import { CompetenceOutcomeSchema } from './competence-outcome.ts';
import { MAX_CHALLENGES_PER_COMPETENCE } from './scoring-input.ts';

export const CERTIFICATION_STATUSES = ['validated', 'rejected', 'cancelled'] as const;
export const CertificationStatusSchema = z.enum(CERTIFICATION_STATUSES);
export type CertificationStatus = z.infer<typeof CertificationStatusSchema>;

/** Why a result is not validated, or needs the jury's eye. */
export const SCORING_REASONS = [
  /** Technical abort and too few challenges left to trust the result: cancelled. */
  'TECHNICAL_ABORT_TOO_FEW_ANSWERS',
  /** Reproducibility rate below 50: rejected, every competence uncertified. */
  'REPRODUCIBILITY_BELOW_50',
  /** Nothing certified: rejected. */
  'SCORE_ZERO',
  /** Fewer than ceil(0.66 × asked) challenges not neutralized: the jury decides. */
  'NOT_TRUSTED',
  /** The jury cancelled the certification (C6 fraud, or another ground it stated): cancelled. */
  'JURY_CANCELLED',
] as const;
export const ScoringReasonSchema = z.enum(SCORING_REASONS);
export type ScoringReason = z.infer<typeof ScoringReasonSchema>;

const pix = z
  .number()
  .int()
  .min(0)
  .max(MAX_LEVEL * PIX_PER_LEVEL);
const count = z.number().int().min(0).max(MAX_CHALLENGES_PER_COMPETENCE);

export const CompetenceScoreSchema = z
  .object({
    code: CompetenceCodeSchema,
    asked: count.min(1),
    correct: count,
    neutralized: count,
    outcome: CompetenceOutcomeSchema,
    profilePix: pix,
    /** Certified Pix. */
    pix,
    /** Certified level. */
    level: z.number().int().min(0).max(MAX_LEVEL),
  })
  .strict();
export type CompetenceScore = z.infer<typeof CompetenceScoreSchema>;

export const CertificationScoreSchema = z
  .object({
    reproducibilityRate: z.number().int().min(0).max(100),
    /** The competences the test asked, in CRCN order. */
    competences: z.array(CompetenceScoreSchema),
    /** The certified Pix score: the sum of the competences' certified Pix. */
    pixScore: z.number().int().min(0),
    status: CertificationStatusSchema,
    trusted: z.boolean(),
    reasons: z.array(ScoringReasonSchema),
  })
  .strict();
export type CertificationScore = z.infer<typeof CertificationScoreSchema>;
