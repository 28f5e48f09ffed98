// The sign-in form's checks, before anything is sent: each field gets its own specific message, and
// the station's refusals are placed on the field they are about.
import type { SignInRequest, StationErrorCode } from '../../../core/contracts/station-api.ts';

export const SIGN_IN_FIELDS = ['sessionNumber', 'accessCode', 'lastName', 'firstName', 'birthdate'] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];

export interface SignInValues {
  sessionNumber: string;
  accessCode: string;
  lastName: string;
  firstName: string;
  day: string;
  month: string;
  year: string;
}

export const EMPTY_SIGN_IN: SignInValues = {
  sessionNumber: '',
  accessCode: '',
  lastName: '',
  firstName: '',
  day: '',
  month: '',
  year: '',
};

/** Message keys under `signIn.errors`. */
export type SignInErrorKey =
  | 'sessionNumberMissing'
  | 'sessionNumberFormat'
  | 'accessCodeMissing'
  | 'accessCodeFormat'
  | 'lastNameMissing'
  | 'firstNameMissing'
  | 'birthdateMissing'
  | 'birthdateInvalid';

export type SignInCheck =
  { ok: true; request: SignInRequest } | { ok: false; errors: Partial<Record<SignInField, SignInErrorKey>> };

export function checkSignIn(values: SignInValues): SignInCheck {
  const errors: Partial<Record<SignInField, SignInErrorKey>> = {};
  const sessionNumber = values.sessionNumber.replace(/\s+/g, '');
  if (!sessionNumber) errors.sessionNumber = 'sessionNumberMissing';
  else if (!/^[0-9]{1,12}$/.test(sessionNumber) || Number(sessionNumber) === 0)
    errors.sessionNumber = 'sessionNumberFormat';
  const accessCode = values.accessCode.replace(/\s+/g, '').toUpperCase();
  if (!accessCode) errors.accessCode = 'accessCodeMissing';
  else if (!/^[A-Z]{4}[0-9]{2}$/.test(accessCode)) errors.accessCode = 'accessCodeFormat';
  const lastName = values.lastName.trim();
  const firstName = values.firstName.trim();
  if (!lastName) errors.lastName = 'lastNameMissing';
  if (!firstName) errors.firstName = 'firstNameMissing';
  const birthdate = birthdateOf(values);
  if (birthdate === 'missing') errors.birthdate = 'birthdateMissing';
  else if (birthdate === 'invalid') errors.birthdate = 'birthdateInvalid';
  if (Object.keys(errors).length > 0 || birthdate === 'missing' || birthdate === 'invalid') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    request: { sessionNumber: Number(sessionNumber), accessCode, lastName, firstName, birthdate },
  };
}

/** Day, month and year as YYYY-MM-DD, when that day exists (and is not in the future). */
export function birthdateOf(
  values: Pick<SignInValues, 'day' | 'month' | 'year'>,
): string | 'missing' | 'invalid' {
  const [day, month, year] = [values.day.trim(), values.month.trim(), values.year.trim()];
  if (!day || !month || !year) return 'missing';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid';
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  const exists = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!exists || y < 1900 || date.getTime() > Date.now()) return 'invalid';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Which field a refusal from the station is about (null: the whole form). */
export function fieldOfRefusal(code: StationErrorCode): SignInField | null {
  switch (code) {
    case 'SESSION_NOT_FOUND':
    case 'SESSION_CLOSED':
      return 'sessionNumber';
    case 'WRONG_ACCESS_CODE':
      return 'accessCode';
    default:
      return null;
  }
}

/** Refusals that have their own sentence under `signIn.errors`. */
export const EXPLAINED_REFUSALS = [
  'SESSION_NOT_FOUND',
  'SESSION_CLOSED',
  'WRONG_ACCESS_CODE',
  'NO_MATCHING_CANDIDATE',
  'SEVERAL_MATCHING_CANDIDATES',
  'NOT_CERTIFIABLE',
  'CANDIDATE_ALREADY_STARTED',
  'SERVER_UNREACHABLE',
  'STATION_NOT_READY',
  'TOO_MANY_ATTEMPTS',
  'INVALID_REQUEST',
] as const satisfies readonly StationErrorCode[];
export type ExplainedRefusal = (typeof EXPLAINED_REFUSALS)[number];

export function isExplainedRefusal(code: StationErrorCode): code is ExplainedRefusal {
  return (EXPLAINED_REFUSALS as readonly string[]).includes(code);
}

/** The message key of a refusal: its own sentence when it has one, else the general one ("other"). */
export function refusalKey(error: { code: StationErrorCode }): ExplainedRefusal | 'other' {
  return isExplainedRefusal(error.code) ? error.code : 'other';
}
