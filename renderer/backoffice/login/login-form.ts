// What the login form checks before asking the server: both fields filled, an email that looks like one.
import { EmailSchema } from '../../../core/contracts/centre-api.ts';

export interface LoginErrors {
  email?: 'emailRequired' | 'emailInvalid';
  password?: 'passwordRequired';
}

export function checkLogin(values: { email: string; password: string }): LoginErrors {
  const errors: LoginErrors = {};
  if (values.email.trim() === '') errors.email = 'emailRequired';
  else if (!EmailSchema.safeParse(values.email).success) errors.email = 'emailInvalid';
  if (values.password === '') errors.password = 'passwordRequired';
  return errors;
}
