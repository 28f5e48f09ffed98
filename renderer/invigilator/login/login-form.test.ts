import { describe, expect, it } from 'vitest';
import { checkLogin } from './login-form.ts';

describe('the login form', () => {
  it('names each missing or malformed field', () => {
    expect(checkLogin({ sessionNumber: '', password: '' })).toEqual([
      { field: 'sessionNumber', key: 'sessionNumberMissing' },
      { field: 'password', key: 'passwordMissing' },
    ]);
    expect(checkLogin({ sessionNumber: '12a', password: 'x' })).toEqual([
      { field: 'sessionNumber', key: 'sessionNumberFormat' },
    ]);
    expect(checkLogin({ sessionNumber: ' 12345 ', password: 'b*3Kq9' })).toEqual([]);
  });
});
