import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { retryAfterSeconds } from '../api/invigilator-client.ts';
import { addInvigilatorMessages, translator } from '../i18n/use-t.ts';
import { checkLogin, loginRefusal } from './login-form.ts';

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

describe('a refused login', () => {
  const refused = (status: number, code: string, retryAfter: number | null = null) =>
    loginRefusal({ status, code, retryAfterSeconds: retryAfter });

  it('tells a block after failed attempts, with how long it lasts, from a mere rate limit', () => {
    expect(refused(429, 'TOO_MANY_ATTEMPTS', 840)).toEqual({ key: 'tooManyAttempts', minutes: 14 });
    expect(refused(429, 'TOO_MANY_ATTEMPTS', 61)).toEqual({ key: 'tooManyAttempts', minutes: 2 });
    expect(refused(429, 'TOO_MANY_ATTEMPTS', 5)).toEqual({ key: 'tooManyAttempts', minutes: 1 });
    expect(refused(429, 'TOO_MANY_ATTEMPTS')).toEqual({ key: 'tooManyAttempts', minutes: null });
    expect(refused(429, 'RATE_LIMITED', 60)).toEqual({ key: 'RATE_LIMITED' });
    expect(refused(401, 'INVALID_CREDENTIALS')).toEqual({ key: 'INVALID_CREDENTIALS' });
    expect(refused(403, 'INVIGILATOR_ACCESS_CLOSED')).toEqual({ key: 'INVIGILATOR_ACCESS_CLOSED' });
    expect(refused(0, 'NETWORK')).toEqual({ key: 'network' });
    expect(refused(500, 'INTERNAL')).toEqual({ key: 'other' });
  });

  it('reads the Retry-After header in seconds', () => {
    expect(retryAfterSeconds('900')).toBe(900);
    expect(retryAfterSeconds(' 60 ')).toBe(60);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:00 GMT')).toBeNull();
  });

  it('says what to do when blocked: wait so many minutes, or have the referent change the password', () => {
    const fr = translator(addInvigilatorMessages(createI18n('fr')));
    const en = translator(addInvigilatorMessages(createI18n('en')));
    const blocked15 = fr('login.errors.tooManyAttempts', { count: 15 });
    expect(blocked15).toMatch(/^Trop de tentatives /);
    expect(blocked15).toContain('bloquée encore 15 minutes');
    expect(blocked15).toContain('changer le mot de passe du surveillant');
    expect(blocked15).toContain('Espace centre de certification');
    expect(fr('login.errors.tooManyAttempts', { count: 1 })).toContain('encore 1 minute.');
    expect(fr('login.errors.tooManyAttemptsSoon')).toContain('changer le mot de passe du surveillant');
    const blockedEn = en('login.errors.tooManyAttempts', { count: 15 });
    expect(blockedEn).toContain('blocked for 15 more minutes');
    expect(blockedEn).toContain('change the invigilator password');
    expect(en('login.errors.tooManyAttempts', { count: 1 })).toContain('1 more minute.');
  });
});
