// Both desks write a date and a name with the same code (shared/format.ts, shared/use-locale.ts): a
// candidate's birthdate and name read the same on the invigilator's screen and in the back office.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { useLocale as backOfficeLocale } from '../backoffice/i18n/use-t.ts';
import { fullName as backOfficeName } from '../backoffice/format.ts';
import { fullName as invigilatorName } from '../invigilator/format.ts';
import { fullName } from './format.ts';
import { createI18n } from './i18n/i18n.ts';
import { useLocale } from './use-locale.ts';

function Locale() {
  return <>{useLocale()}</>;
}

describe('the names and the dates of both desks', () => {
  it('take the screen’s language for Intl', () => {
    expect(
      renderToStaticMarkup(<I18nextProvider i18n={createI18n('fr')}>{<Locale />}</I18nextProvider>),
    ).toBe('fr-FR');
    expect(
      renderToStaticMarkup(<I18nextProvider i18n={createI18n('en')}>{<Locale />}</I18nextProvider>),
    ).toBe('en-GB');
  });

  it('are written by one function each, not by copies that could drift apart', () => {
    expect(backOfficeLocale).toBe(useLocale);
    expect(invigilatorName).toBe(fullName);
    expect(backOfficeName).toBe(fullName);
  });
});
