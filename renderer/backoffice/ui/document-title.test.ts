// The browser tab says which page is open, in the screen's language.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { documentTitle } from './document-title.ts';

const fr = translator(addBackOfficeMessages(createI18n('fr')));
const en = translator(addBackOfficeMessages(createI18n('en')));

describe('the tab’s title', () => {
  it('is the page’s title, then the app’s name, in the screen’s language', () => {
    expect(documentTitle(fr('session.title', { number: 12345 }), fr('app.name'))).toBe(
      `${fr('session.title', { number: 12345 })} — Espace centre de certification`,
    );
    expect(documentTitle('Sessions', en('app.name'))).toBe(`Sessions — ${en('app.name')}`);
    expect(en('app.name')).not.toBe(fr('app.name'));
  });

  it('reads a heading’s text as one line', () => {
    expect(documentTitle('Sessions\n  — Collège Jean Moulin ', 'App')).toBe(
      'Sessions — Collège Jean Moulin — App',
    );
  });

  it('is the app’s name alone when the page has no other title (login, loading)', () => {
    expect(documentTitle(null, fr('app.name'))).toBe('Espace centre de certification');
    expect(documentTitle(fr('login.title'), fr('app.name'))).toBe('Espace centre de certification');
    expect(documentTitle('   ', 'App')).toBe('App');
  });
});
