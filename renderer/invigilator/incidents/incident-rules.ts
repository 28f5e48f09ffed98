// An incident report's form, checked before it goes to the server (which checks again): a code, and
// for an E code the number of the question it is about (DOMAIN.md §7).
import { INCIDENT_CODES } from '../../../core/contracts/invigilator-api.ts';

export type IncidentCode = (typeof INCIDENT_CODES)[number];
export const C_CODES = INCIDENT_CODES.filter((c) => c.startsWith('C'));
export const E_CODES = INCIDENT_CODES.filter((c) => c.startsWith('E'));
export const MAX_QUESTION_NUMBER = 48;

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

export function checkIncident(draft: IncidentDraft): IncidentCheck {
  if (!isIncidentCode(draft.code)) return { ok: false, errors: ['codeMissing'] };
  const isE = draft.code.startsWith('E');
  const raw = draft.questionNumber.trim();
  const number = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (isE && !(number >= 1 && number <= MAX_QUESTION_NUMBER))
    return { ok: false, errors: ['questionMissing'] };
  return {
    ok: true,
    value: { code: draft.code, questionNumber: isE ? number : null, description: draft.description.trim() },
  };
}
