// The accepted answers of one field (QROC, QROCM-ind) or of a shared set (QROCM-dep), prepared once per
// challenge so that checking an answer treats only the answer.
import { pretreat } from './pretreatment.ts';
import { applyTreatments, matchesTreated, type Treatments } from './treatments.ts';
import { parseAllNumbers, parseNumber } from './numeric.ts';

export type FieldKind = 'text' | 'select';

/** How a challenge compares free text: its treatments and whether it is numeric (`format: 'nombre'`). */
export interface ComparisonRules {
  readonly treatments: Treatments;
  readonly numeric: boolean;
}

/** An answer to one field in comparison form, computed once per field and check. */
export interface PreparedAnswer {
  readonly kind: FieldKind;
  /** A select: the pre-treated answer; a text field: the answer after the treatments T1 and T2. */
  readonly text: string;
  /** The answer's number when numbers are compared (numeric challenge, answer and variants all numbers). */
  readonly number: number | null;
}

/** Variants that are the same answer once treated (or the same number) form one accepted answer. */
interface AcceptedAnswer {
  /** Pre-treated variants, compared as they are with a select's answer. */
  readonly pretreated: string[];
  /** The variants' comparison forms, compared with a text field's answer. */
  readonly treated: string[];
  readonly number: number | null;
}

export interface AcceptedAnswers {
  /** How many distinct accepted answers there are. */
  readonly count: number;
  prepare(answer: string, kind: FieldKind): PreparedAnswer;
  /** Whether the answer matches the accepted answer at `index` (0 ≤ index < count). */
  matchesAt(answer: PreparedAnswer, index: number): boolean;
  matchesAny(answer: PreparedAnswer): boolean;
}

export function acceptedAnswers(variants: readonly string[], rules: ComparisonRules): AcceptedAnswers {
  const { treatments } = rules;
  const pretreated = variants.map(pretreat);
  // Numbers are compared only when every variant reads as a number (DOMAIN.md §5).
  const numbers = rules.numeric ? parseAllNumbers(pretreated) : null;

  const answers: AcceptedAnswer[] = [];
  const byKey = new Map<string | number, AcceptedAnswer>();
  pretreated.forEach((variant, index) => {
    const treated = applyTreatments(variant, treatments);
    const number = numbers?.[index] ?? null;
    // A number key and a string key never collide in a Map (different types).
    const key = number ?? treated;
    let answer = byKey.get(key);
    if (!answer) {
      answer = { pretreated: [], treated: [], number };
      byKey.set(key, answer);
      answers.push(answer);
    }
    if (!answer.pretreated.includes(variant)) answer.pretreated.push(variant);
    if (!answer.treated.includes(treated)) answer.treated.push(treated);
  });

  const matches = (answer: PreparedAnswer, accepted: AcceptedAnswer): boolean => {
    if (answer.kind === 'select') return accepted.pretreated.includes(answer.text);
    if (answer.number !== null) return answer.number === accepted.number;
    for (const variant of accepted.treated) {
      if (matchesTreated(answer.text, variant, treatments.t3)) return true;
    }
    return false;
  };

  return {
    count: answers.length,
    prepare(answer, kind) {
      const text = pretreat(answer);
      // Select fields get no treatment at all: an exact match after pre-treatment.
      if (kind === 'select') return { kind, text, number: null };
      return {
        kind,
        text: applyTreatments(text, treatments),
        number: numbers === null ? null : parseNumber(text),
      };
    },
    matchesAt(answer, index) {
      const accepted = answers[index];
      return accepted !== undefined && matches(answer, accepted);
    },
    matchesAny(answer) {
      for (const accepted of answers) {
        if (matches(answer, accepted)) return true;
      }
      return false;
    },
  };
}

/** Whether two fields were given the same answer (the same comparison form, or the same number). */
export function isSameAnswer(a: PreparedAnswer, b: PreparedAnswer): boolean {
  if (a.number !== null || b.number !== null) return a.number === b.number;
  return a.text === b.text;
}
