// The login form's own checks, before asking the server (which checks again).
export interface LoginValues {
  sessionNumber: string;
  password: string;
}

export type LoginFieldError =
  | { field: 'sessionNumber'; key: 'sessionNumberMissing' | 'sessionNumberFormat' }
  | { field: 'password'; key: 'passwordMissing' };

export function checkLogin(values: LoginValues): LoginFieldError[] {
  const errors: LoginFieldError[] = [];
  const number = values.sessionNumber.trim();
  if (number === '') errors.push({ field: 'sessionNumber', key: 'sessionNumberMissing' });
  else if (!/^\d{1,9}$/.test(number)) errors.push({ field: 'sessionNumber', key: 'sessionNumberFormat' });
  if (values.password === '') errors.push({ field: 'password', key: 'passwordMissing' });
  return errors;
}

/** What a refused login tells the invigilator, from the server's answer. */
export type LoginRefusal =
  | { key: 'network' }
  | { key: 'INVALID_CREDENTIALS' }
  /** The session's results were calculated more than 7 days ago: the screen is closed for it. */
  | { key: 'INVIGILATOR_ACCESS_CLOSED' }
  /** Blocked here after failures from this address (a candidate guessing?): wait, or get a new password. */
  | { key: 'tooManyAttempts'; minutes: number | null }
  /** Too many requests in a minute, right or wrong. */
  | { key: 'RATE_LIMITED' }
  | { key: 'other' };

export function loginRefusal(failure: {
  status: number;
  code: string;
  retryAfterSeconds: number | null;
}): LoginRefusal {
  if (failure.status === 0) return { key: 'network' };
  if (failure.status === 429 && failure.code === 'TOO_MANY_ATTEMPTS') {
    const seconds = failure.retryAfterSeconds;
    return {
      key: 'tooManyAttempts',
      minutes: seconds === null ? null : Math.max(1, Math.ceil(seconds / 60)),
    };
  }
  if (failure.status === 429) return { key: 'RATE_LIMITED' };
  if (failure.code === 'INVALID_CREDENTIALS') return { key: 'INVALID_CREDENTIALS' };
  if (failure.code === 'INVIGILATOR_ACCESS_CLOSED') return { key: 'INVIGILATOR_ACCESS_CLOSED' };
  return { key: 'other' };
}
