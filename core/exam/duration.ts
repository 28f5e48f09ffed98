// Exam duration: 1 h 45 plus the candidate's extra time percentage (accommodation).
import { z } from 'zod';

export const BASE_EXAM_MINUTES = 105;
/** Extra time is a percentage of the base duration; 0 to 200 % covers every accommodation seen in practice. */
export const ExtraTimePercentageSchema = z
  .number()
  .int('must be a whole percentage')
  .min(0, 'must be at least 0 %')
  .max(200, 'must be at most 200 %');

/** Milliseconds allowed for a candidate: 105 minutes × (1 + extra time %), rounded to the second. */
export function allowedDurationMs(extraTimePercentage: number): number {
  const seconds = Math.round(BASE_EXAM_MINUTES * 60 * (1 + extraTimePercentage / 100));
  return seconds * 1000;
}
