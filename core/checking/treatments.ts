// The treatments T1, T2, T3 that make free-text checking forgiving (DOMAIN.md §5). T1 and T2 turn a
// string into its comparison form (T1 first, then T2); T3 compares two such forms with a tolerance.
// Each is on unless the challenge's solution deactivates it; select fields get none of them.
import { distance } from 'fastest-levenshtein';
import type { Deactivations } from '../challenge/challenge.ts';
import { isAscii } from './pretreatment.ts';

/** Which treatments are on. */
export interface Treatments {
  readonly t1: boolean;
  readonly t2: boolean;
  readonly t3: boolean;
}

export function treatmentsFor(deactivations: Deactivations): Treatments {
  return { t1: !deactivations.t1, t2: !deactivations.t2, t3: !deactivations.t3 };
}

const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE = /\s+/g;
const NOT_ALPHANUMERIC_OR_SPACE = /[^a-zA-Z0-9 ]+/g;
const REPEATED_SPACES = / {2,}/g;

/** T1: trim, lower-case, strip diacritics (NFD, remove combining marks), remove all whitespace. */
export function t1(text: string): string {
  let result = text.trim().toLowerCase();
  // ASCII has no combining marks: skip the decomposition for it.
  if (!isAscii(result)) result = result.normalize('NFD').replace(COMBINING_MARKS, '');
  return result.replace(WHITESPACE, '');
}

/** T2: keep only a–z, A–Z, 0–9 and spaces (U+0020), then collapse repeated spaces. */
export function t2(text: string): string {
  return text.replace(NOT_ALPHANUMERIC_OR_SPACE, '').replace(REPEATED_SPACES, ' ');
}

/** The comparison form of a (pre-treated) string: T1 then T2, as far as they are on. */
export function applyTreatments(text: string, treatments: Treatments): string {
  let result = text;
  if (treatments.t1) result = t1(result);
  if (treatments.t2) result = t2(result);
  return result;
}

/**
 * T3: levenshtein(answer, variant) / length(answer) ≤ 0.25, both in comparison form. An empty answer
 * matches only an empty variant (the ratio would divide by zero).
 */
export function isWithinTolerance(answer: string, variant: string): boolean {
  const length = answer.length;
  if (length === 0) return variant.length === 0;
  if (answer === variant) return true;
  // Integer arithmetic keeps the boundary (exactly 0.25) exact. The distance is at least the length
  // difference: reject on it before computing the distance.
  if (4 * Math.abs(length - variant.length) > length) return false;
  return 4 * distance(answer, variant) <= length;
}

/** Whether an answer matches one variant, both in comparison form: with T3's tolerance, or exactly. */
export function matchesTreated(answer: string, variant: string, t3: boolean): boolean {
  return t3 ? isWithinTolerance(answer, variant) : answer === variant;
}
