// The coded incident report a referent records on the back office's finalization page, checked before
// it is sent as the server checks it (IncidentInputSchema): a candidate, a C or E code from core's list,
// the question's number (1 to 48) for an E code only, and a description of at most 1000 characters.
import {
  INCIDENT_CODES,
  INCIDENT_DESCRIPTION_MAX as DESCRIPTION_MAX,
  INCIDENT_QUESTION_MAX as QUESTION_MAX,
  isQuestionCode,
  type IncidentCode,
} from '../../../core/contracts/invigilator-api.ts';
import type { IncidentInput } from '../api/centre-client.ts';

export { C_CODES, E_CODES } from '../../../core/contracts/invigilator-api.ts';
export { DESCRIPTION_MAX, QUESTION_MAX };

export interface IncidentDraft {
  candidateId: string;
  code: IncidentCode | '';
  questionNumber: string;
  description: string;
}

export const emptyIncidentDraft: IncidentDraft = {
  candidateId: '',
  code: '',
  questionNumber: '',
  description: '',
};

export interface IncidentErrors {
  candidate: boolean;
  code: boolean;
  question: boolean;
  description: boolean;
}

export type IncidentCheck = { ok: true; input: IncidentInput } | { ok: false; errors: IncidentErrors };

/** A known code, or '' (none chosen) for anything else a select could send. */
export function asIncidentCode(value: string): IncidentCode | '' {
  return (INCIDENT_CODES as readonly string[]).includes(value) ? (value as IncidentCode) : '';
}

/** The draft needs a question number (an E code is chosen). */
export const asksQuestion = (draft: IncidentDraft): boolean =>
  draft.code !== '' && isQuestionCode(draft.code);

export function checkIncident(draft: IncidentDraft): IncidentCheck {
  const typed = draft.questionNumber.trim();
  const number = /^\d{1,2}$/.test(typed) ? Number(typed) : Number.NaN;
  const description = draft.description.trim();
  const errors: IncidentErrors = {
    candidate: draft.candidateId === '',
    code: draft.code === '',
    question: asksQuestion(draft) && !(number >= 1 && number <= QUESTION_MAX),
    description: description.length > DESCRIPTION_MAX,
  };
  if (errors.candidate || errors.code || errors.question || errors.description || draft.code === '')
    return { ok: false, errors };
  return {
    ok: true,
    input: {
      candidateId: draft.candidateId,
      code: draft.code,
      questionNumber: isQuestionCode(draft.code) ? number : null,
      description,
    },
  };
}

export const incidentErrorCount = (errors: IncidentErrors): number =>
  Object.values(errors).filter(Boolean).length;
