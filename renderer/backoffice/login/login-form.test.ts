import { describe, expect, it } from 'vitest';
import { checkLogin } from './login-form.ts';

describe('the login form', () => {
  it('asks for both fields, and for an email that looks like one', () => {
    expect(checkLogin({ email: '', password: '' })).toEqual({
      email: 'emailRequired',
      password: 'passwordRequired',
    });
    expect(checkLogin({ email: 'claire.durand', password: 'x' })).toEqual({ email: 'emailInvalid' });
    expect(checkLogin({ email: ' Claire.Durand@College.fr ', password: 'x' })).toEqual({});
  });
});
