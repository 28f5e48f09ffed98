// Checking the QROC family (DOMAIN.md §5): QROC (one field), QROCM-ind (each field with its own accepted
// answers) and QROCM-dep (fields that take distinct answers from a shared set, in any order).
import type { AnswerValue } from '../challenge/answer.ts';
import type { Field } from '../challenge/challenge.ts';
import {
  acceptedAnswers,
  isSameAnswer,
  type AcceptedAnswers,
  type ComparisonRules,
  type PreparedAnswer,
} from './accepted-answers.ts';
import type { CorrectnessCheck } from './choices.ts';
import { hasCompleteMatching } from './matching.ts';

/**
 * The answer's text for each field, in the challenge's order; a missing field reads as an empty string.
 * Null when the answer does not fit: not a fields answer, or a field the challenge does not have.
 */
export function readFields(value: AnswerValue, fields: readonly Field[]): string[] | null {
  if (value.type !== 'fields') return null;
  const given = value.fields;
  let known = 0;
  const texts: string[] = [];
  for (const field of fields) {
    if (!Object.hasOwn(given, field.name)) {
      texts.push('');
      continue;
    }
    const text = given[field.name];
    if (typeof text !== 'string') return null;
    texts.push(text);
    known++;
  }
  // Every name the answer gives must be one of the challenge's fields.
  return Object.keys(given).length === known ? texts : null;
}

/** QROC and QROCM-ind: every field matches one of its own accepted answers. */
export function independentFieldsCheck(
  fields: readonly Field[],
  variantsOf: (field: Field) => readonly string[],
  rules: ComparisonRules,
): CorrectnessCheck {
  const accepted = fields.map((field) => acceptedAnswers(variantsOf(field), rules));
  return (value) => {
    if (fields.length === 0) return false;
    const texts = readFields(value, fields);
    if (texts === null) return false;
    return fields.every((field, index) => {
      const answers = accepted[index];
      return answers !== undefined && answers.matchesAny(answers.prepare(texts[index] ?? '', field.kind));
    });
  };
}

/**
 * QROCM-dep: every field matches a distinct accepted answer of the shared set, whatever the fields' order.
 * Variants equal after treatment are one answer, and two fields given the same answer count once (both
 * ways, a variant would count twice).
 */
export function dependentFieldsCheck(
  fields: readonly Field[],
  variants: readonly string[],
  rules: ComparisonRules,
): CorrectnessCheck {
  const accepted: AcceptedAnswers = acceptedAnswers(variants, rules);
  return (value) => {
    if (fields.length === 0 || fields.length > accepted.count) return false;
    const texts = readFields(value, fields);
    if (texts === null) return false;
    const prepared: PreparedAnswer[] = fields.map((field, index) =>
      accepted.prepare(texts[index] ?? '', field.kind),
    );
    if (hasRepeatedAnswer(prepared)) return false;
    const edges: number[][] = [];
    for (const answer of prepared) {
      const matching: number[] = [];
      for (let index = 0; index < accepted.count; index++) {
        if (accepted.matchesAt(answer, index)) matching.push(index);
      }
      // A field that matches nothing settles it.
      if (matching.length === 0) return false;
      edges.push(matching);
    }
    return hasCompleteMatching(edges, accepted.count);
  };
}

function hasRepeatedAnswer(answers: readonly PreparedAnswer[]): boolean {
  return answers.some((a, i) => answers.some((b, j) => j > i && isSameAnswer(a, b)));
}
