import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { birthdateOf, checkSignIn, EMPTY_SIGN_IN, fieldOfRefusal, refusalKey } from './sign-in-form.ts';

const filled = {
  sessionNumber: ' 1234 ',
  accessCode: 'bcdf23',
  lastName: ' Martin ',
  firstName: 'Léa',
  day: '2',
  month: '4',
  year: '2011',
};

describe('sign-in checks', () => {
  it('builds the request the station expects from what the candidate typed', () => {
    expect(checkSignIn(filled)).toEqual({
      ok: true,
      request: {
        sessionNumber: 1234,
        accessCode: 'BCDF23',
        lastName: 'Martin',
        firstName: 'Léa',
        birthdate: '2011-04-02',
      },
    });
  });

  it('names every missing field', () => {
    const checked = checkSignIn(EMPTY_SIGN_IN);
    expect(checked).toEqual({
      ok: false,
      errors: {
        sessionNumber: 'sessionNumberMissing',
        accessCode: 'accessCodeMissing',
        lastName: 'lastNameMissing',
        firstName: 'firstNameMissing',
        birthdate: 'birthdateMissing',
      },
    });
  });

  it('explains badly formed values', () => {
    const checked = checkSignIn({
      ...filled,
      sessionNumber: '12a',
      accessCode: 'BCD123',
      day: '31',
      month: '2',
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        sessionNumber: 'sessionNumberFormat',
        accessCode: 'accessCodeFormat',
        birthdate: 'birthdateInvalid',
      },
    });
  });

  it('refuses dates that do not exist, two-digit years and future dates', () => {
    expect(birthdateOf({ day: '29', month: '2', year: '2012' })).toBe('2012-02-29');
    expect(birthdateOf({ day: '29', month: '2', year: '2011' })).toBe('invalid');
    expect(birthdateOf({ day: '1', month: '1', year: '11' })).toBe('invalid');
    expect(birthdateOf({ day: '1', month: '13', year: '2011' })).toBe('invalid');
    // The UTC year, as birthdateOf compares in UTC: the local one is a year behind late on 31 December west of UTC.
    expect(birthdateOf({ day: '1', month: '1', year: String(new Date().getUTCFullYear() + 1) })).toBe(
      'invalid',
    );
  });

  it('places the station refusals on the field they are about', () => {
    expect(fieldOfRefusal('WRONG_ACCESS_CODE')).toBe('accessCode');
    expect(fieldOfRefusal('SESSION_NOT_FOUND')).toBe('sessionNumber');
    expect(fieldOfRefusal('SESSION_CLOSED')).toBe('sessionNumber');
    expect(fieldOfRefusal('NO_MATCHING_CANDIDATE')).toBeNull();
  });
});

describe('refusalKey', () => {
  // Kept as a key, worded when shown: a refusal reads in the new language after a switch.
  it('keeps the refusals the candidate can act on, and says the others in general words', () => {
    expect(refusalKey({ code: 'WRONG_ACCESS_CODE' })).toBe('WRONG_ACCESS_CODE');
    expect(refusalKey({ code: 'NO_MATCHING_CANDIDATE' })).toBe('NO_MATCHING_CANDIDATE');
    expect(refusalKey({ code: 'INTERNAL' })).toBe('other');
  });
});

describe('a station blocked by the join limit', () => {
  it('tells the candidate to stop and call the invigilator, not to check the details', () => {
    expect(refusalKey({ code: 'TOO_MANY_ATTEMPTS' })).toBe('TOO_MANY_ATTEMPTS');
    expect(fieldOfRefusal('TOO_MANY_ATTEMPTS')).toBeNull();
    const fr = createI18n('fr').t(`signIn.errors.${refusalKey({ code: 'TOO_MANY_ATTEMPTS' })}`);
    expect(fr).toContain('Trop d’essais sur ce poste');
    expect(fr).toContain('prévenez le surveillant');
    expect(fr).not.toContain('Vérifiez-les');
    const en = createI18n('en').t(`signIn.errors.${refusalKey({ code: 'TOO_MANY_ATTEMPTS' })}`);
    expect(en).toContain('Too many tries at this station');
  });
});
