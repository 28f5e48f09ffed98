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
