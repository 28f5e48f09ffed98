// An incident report's form, checked before it goes to the server (which checks again): a code, and
// for an E code the number of the question it is about (DOMAIN.md §7).
import {
  INCIDENT_CODES,
  INCIDENT_QUESTION_MAX as MAX_QUESTION_NUMBER,
  isQuestionCode,
  type IncidentCode,
} from '../../../core/contracts/invigilator-api.ts';

export type { IncidentCode };
export { C_CODES, E_CODES } from '../../../core/contracts/invigilator-api.ts';
export { MAX_QUESTION_NUMBER };

export interface IncidentDraft {
  code: string;
  questionNumber: string;
  description: string;
}

export type IncidentCheck =
  | { ok: true; value: { code: IncidentCode; questionNumber: number | null; description: string } }
  | { ok: false; errors: ('codeMissing' | 'questionMissing')[] };

export function isIncidentCode(code: string): code is IncidentCode {
  return (INCIDENT_CODES as readonly string[]).includes(code);
}

/**
 * `questions`: how many questions the candidate's test has, once its package was opened (the card's
 * progress); until then, the longest test's. A question beyond it would send the jury to a question the
 * candidate never had.
 */
export function checkIncident(draft: IncidentDraft, questions: number = MAX_QUESTION_NUMBER): IncidentCheck {
  if (!isIncidentCode(draft.code)) return { ok: false, errors: ['codeMissing'] };
  const isE = isQuestionCode(draft.code);
  const raw = draft.questionNumber.trim();
  const number = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (isE && !(number >= 1 && number <= Math.min(questions, MAX_QUESTION_NUMBER)))
    return { ok: false, errors: ['questionMissing'] };
  return {
    ok: true,
    value: { code: draft.code, questionNumber: isE ? number : null, description: draft.description.trim() },
  };
}

/**
 * Where focus goes once a report is removed (its « Retirer » button goes with it): the next report
 * still listed, else the one before, else none (the section's title). `before` and `after` are the
 * lists' ids before and after the removal (another screen may have changed the list meanwhile).
 */
export function focusAfterRemoval(
  before: readonly string[],
  removed: string,
  after: readonly string[],
): string | null {
  const at = before.indexOf(removed);
  const still = (id: string) => id !== removed && after.includes(id);
  const next = before.slice(at + 1).find(still);
  if (next !== undefined) return next;
  const previous = before.slice(0, Math.max(at, 0)).reverse().find(still);
  return previous ?? null;
}
