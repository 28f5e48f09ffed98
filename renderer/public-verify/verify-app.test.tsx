// A code that is not confirmed: the heading focus lands on says the outcome (not the page's title
// again), the sentence says what to do, both in the page's language, whatever went wrong.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../shared/i18n/i18n.ts';
import { addVerifyMessages } from './i18n/use-t.ts';
import { CancelledView, FailureView, type Failure } from './verify-app.tsx';

function shown(failure: Failure, language: Language = 'fr'): { heading: string; text: string } {
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={addVerifyMessages(createI18n(language))}>
      <FailureView failure={failure} />
    </I18nextProvider>,
  );
  return {
    heading: /<h2[^>]*>(.*?)<\/h2>/.exec(html)?.[1] ?? '',
    text: html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

const FAILURES: Failure[] = [
  { kind: 'notFound', code: 'P-BCDF2346' },
  { kind: 'format' },
  { kind: 'rateLimited' },
  { kind: 'network' },
  { kind: 'http', status: 502 },
  { kind: 'unreadable' },
];

describe('FailureView', () => {
  it('titles the outcome rather than repeating the page title', () => {
    const notFound = shown({ kind: 'notFound', code: 'P-BCDF2346' });
    expect(notFound.heading).toBe('Aucun certificat trouvé pour ce code');
    expect(notFound.text).toContain('Aucun certificat publié ne correspond au code P-BCDF2346');
    for (const failure of FAILURES) {
      expect(shown(failure).heading).not.toBe('Vérifier un certificat Pix');
      expect(shown(failure, 'en').heading).not.toBe('Check a Pix certificate');
    }
  });

  it('says every outcome in English without a French word', () => {
    for (const failure of FAILURES) {
      const { text } = shown(failure, 'en');
      expect(text).not.toMatch(/réponse|illisible|certificat |Vérif|Aucun/);
    }
    expect(shown({ kind: 'unreadable' }, 'en').text).toContain(
      'The check could not be done (unreadable answer)',
    );
    expect(shown({ kind: 'http', status: 502 }, 'en').text).toContain('(HTTP 502)');
  });
});

describe('CancelledView', () => {
  const cancelled = (language: Language) =>
    renderToStaticMarkup(
      <I18nextProvider i18n={addVerifyMessages(createI18n(language))}>
        <CancelledView code="P-BCDF2346" cancelledAt="2026-12-15T09:30:00.000Z" />
      </I18nextProvider>,
    );
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

  it('says the jury cancelled the certificate, when, and that it is not valid, in a titled section', () => {
    const html = cancelled('fr');
    expect(html).toMatch(/^<section[^>]*aria-labelledby="verify-cancelled"/);
    expect(/<h2[^>]*>(.*?)<\/h2>/.exec(html)?.[1]).toBe('Certificat annulé par le jury');
    expect(text(html)).toContain(
      'Le certificat au code P-BCDF2346 a été annulé par le jury de certification le 15 décembre 2026 : il n’est pas valide',
    );
    expect(html).not.toContain('verify-valid');
  });

  it('says it in English', () => {
    const html = cancelled('en');
    expect(text(html)).toContain(
      'The certificate with code P-BCDF2346 was cancelled by the certification jury on 15 December 2026: it is not valid',
    );
    expect(text(html)).not.toMatch(/annulé|certificat /);
  });
});
