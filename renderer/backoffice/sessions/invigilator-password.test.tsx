// « Changer le mot de passe du surveillant »: offered in every state (the invigilator screen shows the
// results for 7 days after they are calculated) until that screen is closed for good, and its confirmation says in plain words what it
// does, in French and in English.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { fr as invigilatorFr } from '../../invigilator/i18n/fr.ts';
import { en as invigilatorEn } from '../../invigilator/i18n/en.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { InvigilatorPasswordChangeText } from './invigilator-password-change.tsx';
import { canChangeInvigilatorPassword, invigilatorScreenClosing } from './invigilator-password.ts';

function explanation(language: Language): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      <InvigilatorPasswordChangeText />
    </I18nextProvider>,
  );
}

describe('changing the invigilator password', () => {
  it('is offered in every state, processed too: a leaked password must be stoppable while the screen opens', () => {
    const now = Date.parse('2026-12-10T09:00:00.000Z');
    expect(canChangeInvigilatorPassword({ state: 'created', finalizedAt: null }, now)).toBe(true);
    expect(canChangeInvigilatorPassword({ state: 'finalized', finalizedAt: null }, now)).toBe(true);
    expect(
      canChangeInvigilatorPassword({ state: 'processed', finalizedAt: '2026-12-08T11:00:00.000Z' }, now),
    ).toBe(true);
  });

  it('is no longer offered once the invigilator screen is closed for good', () => {
    const finalizedAt = '2026-12-08T11:00:00.000Z';
    const closesAt = Date.parse('2026-12-15T11:00:00.000Z');
    expect(canChangeInvigilatorPassword({ state: 'processed', finalizedAt }, closesAt - 1)).toBe(true);
    expect(canChangeInvigilatorPassword({ state: 'processed', finalizedAt }, closesAt)).toBe(false);
  });

  it('says when the invigilator screen closes: 7 days after the results are calculated', () => {
    const finalizedAt = '2026-12-08T11:00:00.000Z';
    const at = Date.parse(finalizedAt);
    expect(invigilatorScreenClosing({ state: 'created', finalizedAt: null }, at)).toBeNull();
    expect(invigilatorScreenClosing({ state: 'processed', finalizedAt }, at)).toEqual({
      at: '2026-12-15T11:00:00.000Z',
      closed: false,
    });
    expect(invigilatorScreenClosing({ state: 'processed', finalizedAt }, at + 7 * 24 * 3600_000)).toEqual({
      at: '2026-12-15T11:00:00.000Z',
      closed: true,
    });
  });

  it('says what it does: the new password to give, screens to log in again, the blocked invigilator let in', () => {
    const html = explanation('fr');
    expect(html).toContain('Un nouveau mot de passe remplace l’actuel, qui ne fonctionnera plus.');
    expect(html.match(/<li>/g)).toHaveLength(3);
    expect(html).toContain('Donnez le nouveau mot de passe au surveillant');
    expect(html).toContain(
      'Les écrans surveillant ouverts devront se reconnecter avec le nouveau mot de passe',
    );
    expect(html).toContain('« Trop de tentatives »');
    expect(html).toContain('se connecter tout de suite');
  });

  it('quotes the invigilator’s blocked login as the invigilator screen words it', () => {
    for (const table of [invigilatorFr, invigilatorEn]) {
      const { tooManyAttempts_one, tooManyAttempts_other, tooManyAttemptsSoon } = table.login.errors;
      for (const text of [tooManyAttempts_one, tooManyAttempts_other, tooManyAttemptsSoon])
        expect(text).toMatch(table === invigilatorFr ? /^Trop de tentatives / : /^Too many attempts /);
    }
    expect(explanation('en')).toContain('&quot;Too many attempts&quot;');
  });

  it('says it in English too', () => {
    const html = explanation('en');
    expect(html).toContain('A new password replaces the current one, which will stop working.');
    expect(html).toContain('Give the new password to the invigilator');
    expect(html).toContain('Open invigilator screens will have to log in again with the new password');
    expect(html).not.toMatch(/mot de passe|surveillant/);
  });
});
