// Checking a QCU or a QCM (DOMAIN.md §5). Choice ids are short ASCII tokens: no treatment beyond trimming.
import type { AnswerValue } from '../challenge/answer.ts';

/** Whether an answer is right, its circumstances aside. */
export type CorrectnessCheck = (value: AnswerValue) => boolean;

/** QCU: the chosen value equals the solution (both trimmed). */
export function qcuCheck(solution: string): CorrectnessCheck {
  const expected = solution.trim();
  return (value) => value.type === 'choice' && value.choice.trim() === expected;
}

/** Splits a comma-separated list of choice ids, trimming each. */
export function splitChoiceIds(list: string): string[] {
  return list.split(',').map((id) => id.trim());
}

/**
 * QCM: the chosen ids and the solution's ids (comma-separated), both split on commas and trimmed, are the
 * same set. Choosing the same id twice is not a set of choices: ko.
 */
export function qcmCheck(solution: string): CorrectnessCheck {
  const expected = new Set(splitChoiceIds(solution));
  return (value) => {
    if (value.type !== 'choices') return false;
    const chosen = new Set<string>();
    for (const entry of value.choices) {
      for (const id of entry.includes(',') ? splitChoiceIds(entry) : [entry.trim()]) {
        if (!expected.has(id) || chosen.has(id)) return false;
        chosen.add(id);
      }
    }
    return chosen.size === expected.size;
  };
}
