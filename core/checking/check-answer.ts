// Checking a candidate's answer against a challenge's solution (DOMAIN.md §5). The server checks many
// answers: `createAnswerChecker` prepares a challenge's accepted answers once, then each check treats
// only the answer. The challenge is trusted (parsed with ChallengeSchema when the bank was loaded) and
// the value is an AnswerValue (see parseAnswerValue); a value that does not fit the challenge (choices
// for a QROC, an unknown choice id or field name) is simply wrong.
import type { AnswerCircumstances, AnswerStatus, AnswerValue } from '../challenge/answer.ts';
import type { Challenge, Deactivations, Field } from '../challenge/challenge.ts';
import type { ComparisonRules } from './accepted-answers.ts';
import { answerStatus, type CheckOptions } from './answer-status.ts';
import { qcmCheck, qcuCheck, type CorrectnessCheck } from './choices.ts';
import { dependentFieldsCheck, independentFieldsCheck } from './fields.ts';
import { treatmentsFor } from './treatments.ts';

export type { CheckOptions } from './answer-status.ts';

export type AnswerChecker = (
  value: AnswerValue | null,
  circumstances: AnswerCircumstances,
  options: CheckOptions,
) => AnswerStatus;

/** A checker for one challenge, its accepted answers pre-treated once. */
export function createAnswerChecker(challenge: Challenge): AnswerChecker {
  const isCorrect = correctnessCheck(challenge);
  return (value, circumstances, options) => {
    // A skipped answer is not checked at all.
    if (circumstances.skipped) return 'aband';
    return answerStatus(value !== null && isCorrect(value), circumstances, challenge, options);
  };
}

/** Checks one answer. To check many answers to the same challenge, use `createAnswerChecker`. */
export function checkAnswer(
  challenge: Challenge,
  value: AnswerValue | null,
  circumstances: AnswerCircumstances,
  options: CheckOptions,
): AnswerStatus {
  return createAnswerChecker(challenge)(value, circumstances, options);
}

/** Whether the answer is right, its circumstances aside. */
function correctnessCheck(challenge: Challenge): CorrectnessCheck {
  const solution = challenge.solution;
  const fields: readonly Field[] = challenge.fields ?? [];
  switch (solution.type) {
    case 'QCU':
      return qcuCheck(solution.value);
    case 'QCM':
      return qcmCheck(solution.value);
    case 'QROC': {
      const rules = rulesOf(challenge, solution.deactivations);
      // A QROC has exactly one field (ChallengeSchema).
      return independentFieldsCheck(fields.slice(0, 1), () => solution.variants, rules);
    }
    case 'QROCM-ind': {
      const rules = rulesOf(challenge, solution.deactivations);
      const variantsOf = (field: Field): readonly string[] =>
        Object.hasOwn(solution.fields, field.name) ? (solution.fields[field.name] ?? []) : [];
      return independentFieldsCheck(fields, variantsOf, rules);
    }
    case 'QROCM-dep':
      return dependentFieldsCheck(fields, solution.variants, rulesOf(challenge, solution.deactivations));
    default:
      return () => false;
  }
}

function rulesOf(challenge: Challenge, deactivations: Deactivations): ComparisonRules {
  return { treatments: treatmentsFor(deactivations), numeric: challenge.format === 'nombre' };
}
