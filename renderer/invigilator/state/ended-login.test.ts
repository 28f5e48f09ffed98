// A login that ends mid-session: why (from the server's 401), where the invigilator comes back to,
// and what the login page says.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addInvigilatorMessages, translator } from '../i18n/use-t.ts';
import { FakeStorage, refusingStorage } from '../testing/fake-storage.ts';
import {
  endedLoginWords,
  forgetReturn,
  likelierEnd,
  loginEndOf,
  readReturn,
  rememberReturn,
  returnRoute,
} from './ended-login.ts';
import { hrefFor } from './router.ts';

describe('why the login ended', () => {
  it('reads the server’s code: expired, a new password, no longer known, or not said', () => {
    expect(loginEndOf({ status: 401, code: 'SESSION_EXPIRED' })).toBe('expired');
    expect(loginEndOf({ status: 401, code: 'PASSWORD_CHANGED' })).toBe('passwordChanged');
    expect(loginEndOf({ status: 401, code: 'INVIGILATOR_ACCESS_CLOSED' })).toBe('accessClosed');
    // Not a password change: a logout in another tab, the cookie gone… the server does not say.
    expect(loginEndOf({ status: 401, code: 'NOT_AUTHENTICATED' })).toBe('ended');
    expect(loginEndOf({ status: 401, code: 'HTTP_401' })).toBe('unknown');
    expect(loginEndOf({ status: 403, code: 'FORBIDDEN' })).toBe('unknown');
    expect(loginEndOf({ status: 403, code: 'PASSWORD_CHANGED' })).toBe('unknown');
  });

  it('keeps the most precise cause among the refusals', () => {
    expect(likelierEnd(null, 'ended')).toBe('ended');
    expect(likelierEnd('ended', 'expired')).toBe('expired');
    expect(likelierEnd('expired', 'ended')).toBe('expired');
    expect(likelierEnd('expired', 'passwordChanged')).toBe('passwordChanged');
    expect(likelierEnd('passwordChanged', 'expired')).toBe('passwordChanged');
    expect(likelierEnd('accessClosed', 'passwordChanged')).toBe('accessClosed');
    expect(likelierEnd('ended', 'unknown')).toBe('ended');
    expect(likelierEnd('unknown', 'unknown')).toBe('unknown');
  });
});

describe('the page to come back to', () => {
  it('is the page the invigilator was on, for the same session only', () => {
    const storage = new FakeStorage();
    rememberReturn(storage, { sessionId: 'ses-1', page: 'finalization' });
    const kept = readReturn(storage);
    expect(returnRoute(kept, 'ses-1')).toEqual({ page: 'finalization', sessionId: 'ses-1' });
    expect(hrefFor(returnRoute(kept, 'ses-1'))).toBe('#/sessions/ses-1/finalization');
    expect(returnRoute(kept, 'ses-2')).toEqual({ page: 'room', sessionId: 'ses-2' });
    expect(returnRoute(null, 'ses-1')).toEqual({ page: 'room', sessionId: 'ses-1' });
    forgetReturn(storage);
    expect(readReturn(storage)).toBeNull();
  });

  it('is never anything read from storage but one of the screen’s pages', () => {
    const storage = new FakeStorage();
    for (const raw of [
      '{"sessionId":"ses-1","page":"https://example.org/phish"}',
      '{"sessionId":"ses-1","page":"login"}',
      '{"sessionId":"ses-1","page":"results","href":"javascript:alert(1)"}',
      '{"sessionId":"","page":"results"}',
      '"#/sessions/ses-1/results"',
      'not json',
    ]) {
      storage.setItem('pix-invigilator:return-to', raw);
      expect(readReturn(storage), raw).toBeNull();
      expect(returnRoute(readReturn(storage), 'ses-1'), raw).toEqual({ page: 'room', sessionId: 'ses-1' });
    }
  });

  it('lives in this tab’s storage only, and a refusing storage loses it without failing', () => {
    expect(() => rememberReturn(refusingStorage, { sessionId: 'ses-1', page: 'results' })).not.toThrow();
    expect(readReturn(refusingStorage)).toBeNull();
    expect(readReturn(null)).toBeNull();
  });
});

describe('what the login page says', () => {
  const fr = translator(addInvigilatorMessages(createI18n('fr')));
  const en = translator(addInvigilatorMessages(createI18n('en')));
  const say = (t: typeof fr, ...args: Parameters<typeof endedLoginWords>) => {
    const words = endedLoginWords(...args);
    return words.next === null ? t(words.why) : `${t(words.why)} ${t(words.next)}`;
  };

  it('says why in plain words, from what the server said', () => {
    expect(say(fr, 'unknown', { draft: true, page: true })).toBe(
      'Votre connexion a pris fin (plus de 30 minutes sans contact avec le serveur, ou mot de passe du surveillant changé). Reconnectez-vous : votre saisie est conservée.',
    );
    const expired = say(fr, 'expired', { draft: false, page: true });
    expect(expired).toContain('plus de 30 minutes sans contact avec le serveur');
    expect(expired).toContain('10 heures');
    expect(expired).not.toContain('mot de passe');
    const changed = say(fr, 'passwordChanged', { draft: false, page: true });
    expect(changed).toContain('a changé le mot de passe du surveillant');
    expect(changed).toContain('Demandez-lui le nouveau mot de passe');
    expect(changed).not.toContain('30 minutes');
    expect(say(en, 'passwordChanged', { draft: true, page: true })).toMatch(
      /changed the invigilator password.*Log in again: what you entered is kept\.$/,
    );
    // A login the server does not know: neither an expiry nor a password change is suggested.
    const ended = say(fr, 'ended', { draft: false, page: false });
    expect(ended).toBe('Votre connexion a pris fin. Reconnectez-vous pour continuer la surveillance.');
    expect(say(en, 'ended', { draft: false, page: false })).not.toMatch(/changed|30 minutes/);
    expect(say(en, 'expired', { draft: false, page: false })).toContain('30 minutes without contact');
    // Closed for good (results calculated more than 7 days ago): no « reconnectez-vous ».
    const closed = say(fr, 'accessClosed', { draft: true, page: true });
    expect(closed).toContain('plus de 7 jours');
    expect(closed).toContain('demandez-les au référent Pix');
    expect(closed).not.toContain('Reconnectez-vous');
  });

  it('promises the typing is kept only when a draft is, else the page, else nothing', () => {
    expect(endedLoginWords('expired', { draft: true, page: true }).next).toBe('login.ended.draftKept');
    expect(endedLoginWords('expired', { draft: false, page: true }).next).toBe('login.ended.pageKept');
    expect(endedLoginWords('expired', { draft: false, page: false }).next).toBe('login.ended.again');
    expect(say(fr, 'expired', { draft: false, page: true })).toMatch(
      /Reconnectez-vous\u00a0: vous reviendrez à la page où vous étiez\.$/,
    );
    expect(say(fr, 'passwordChanged', { draft: false, page: false })).not.toContain('saisie');
  });
});
