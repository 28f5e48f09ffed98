// The candidate form's checks, with the server's own schema (core/contracts/centre-api.ts): the form
// holds text, the request holds the enrolment; each problem becomes a sentence next to its field.
import { CandidateInputSchema, isFrance } from '../../../core/contracts/centre-api.ts';
import type { Candidate } from '../api/centre-client.ts';

export interface CandidateValues {
  lastName: string;
  firstName: string;
  sex: 'M' | 'F' | '';
  birthdate: string;
  birthCountry: string;
  birthCity: string;
  birthInseeCode: string;
  birthPostalCode: string;
  externalId: string;
  resultEmail: string;
  extraTimePercentage: string;
  accessibilityAdjustment: boolean;
}
export type CandidateField = Exclude<keyof CandidateValues, 'accessibilityAdjustment'>;
export type CandidateErrors = Partial<Record<CandidateField, CandidateField | 'tooLong'>>;

export const EMPTY_CANDIDATE: CandidateValues = {
  lastName: '',
  firstName: '',
  sex: '',
  birthdate: '',
  birthCountry: 'France',
  birthCity: '',
  birthInseeCode: '',
  birthPostalCode: '',
  externalId: '',
  resultEmail: '',
  extraTimePercentage: '0',
  accessibilityAdjustment: false,
};

export function candidateValues(c: Candidate): CandidateValues {
  return {
    lastName: c.lastName,
    firstName: c.firstName,
    sex: c.sex,
    birthdate: c.birthdate,
    birthCountry: c.birthCountry,
    birthCity: c.birthCity ?? '',
    birthInseeCode: c.birthInseeCode ?? '',
    birthPostalCode: c.birthPostalCode ?? '',
    externalId: c.externalId ?? '',
    resultEmail: c.resultEmail ?? '',
    extraTimePercentage: String(c.extraTimePercentage),
    accessibilityAdjustment: c.accessibilityAdjustment,
  };
}

export function bornInFrance(values: Pick<CandidateValues, 'birthCountry'>): boolean {
  return isFrance(values.birthCountry);
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body, or the field errors. */
export function checkCandidate(
  values: CandidateValues,
): { ok: true; input: Record<string, unknown> } | { ok: false; errors: CandidateErrors } {
  const extra = values.extraTimePercentage.trim();
  const france = bornInFrance(values);
  const body = {
    lastName: values.lastName,
    firstName: values.firstName,
    sex: values.sex,
    birthdate: values.birthdate,
    birthCountry: values.birthCountry,
    // Born in France: the INSEE code, or the postal code and the town; abroad: the town only.
    birthCity: orNull(values.birthCity),
    birthInseeCode: france ? orNull(values.birthInseeCode) : null,
    birthPostalCode: france ? orNull(values.birthPostalCode) : null,
    externalId: orNull(values.externalId),
    resultEmail: orNull(values.resultEmail),
    extraTimePercentage: extra === '' ? 0 : /^\d+$/.test(extra) ? Number(extra) : Number.NaN,
    accessibilityAdjustment: values.accessibilityAdjustment,
  };
  const parsed = CandidateInputSchema.safeParse(body);
  if (parsed.success) return { ok: true, input: body };
  const errors: CandidateErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CandidateField | undefined;
    if (!field || errors[field]) continue;
    const tooLong = issue.code === 'too_big' && field !== 'extraTimePercentage';
    errors[field] =
      tooLong && (field === 'lastName' || field === 'firstName' || field === 'birthCity') ? 'tooLong' : field;
  }
  // The schema checks the birthplace only once the rest is valid: say it now, with the rest.
  if (france && !errors.birthInseeCode && !body.birthInseeCode && !(body.birthPostalCode && body.birthCity)) {
    errors.birthInseeCode = 'birthInseeCode';
  }
  if (!france && !errors.birthCity && !body.birthCity) errors.birthCity = 'birthCity';
  return { ok: false, errors };
}
