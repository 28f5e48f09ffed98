import { describe, expect, it } from 'vitest';
import { escapeHtml, resultEmailMessage, type ResultEmailFacts } from './result-email-message.ts';

const facts: ResultEmailFacts = {
  sessionNumber: 1042,
  date: '2026-12-08',
  time: '09:00',
  centre: 'Collège Jean Moulin',
  verificationPage: 'https://certif.lycee.fr/verification/',
  certificatesAttached: true,
  candidates: [
    { firstName: 'Hugo', lastName: 'Bernard', status: 'rejected', pixScore: 0, verificationCode: null },
    {
      firstName: 'Léa',
      lastName: 'Martin',
      status: 'validated',
      pixScore: 312,
      verificationCode: 'P-BCDF2346',
    },
    { firstName: 'Inès', lastName: 'Petit', status: 'cancelled', pixScore: 120, verificationCode: null },
  ],
};

describe('the result e-mail', () => {
  it('says the session and, per candidate, the status in words, the score and how to check the certificate', () => {
    const { subject, text } = resultEmailMessage(facts);
    expect(subject).toBe('Résultats de certification Pix — session N° 1042');
    expect(text).toContain('session N° 1042 sont publiés');
    expect(text).toContain('8 décembre 2026 à 09:00, Collège Jean Moulin');
    expect(text).toMatch(/Hugo Bernard\u00a0: non certifié, 0 Pix\n/);
    expect(text).toMatch(/Léa Martin\u00a0: certifié, 312 Pix\n {2}Code de vérification\u00a0: P-BCDF2346\n/);
    expect(text).toContain('https://certif.lycee.fr/verification/P-BCDF2346');
    // A cancelled certification has no score to give.
    expect(text).toMatch(/Inès Petit\u00a0: certification annulée\n/);
    expect(text).toContain('Le certificat du candidat certifié est joint à ce message (PDF).');
    expect(text.indexOf('Hugo')).toBeLessThan(text.indexOf('Léa'));
  });

  it('says when no certificate is attached, and how many when several are', () => {
    const none = resultEmailMessage({
      ...facts,
      candidates: [
        { firstName: 'Hugo', lastName: 'Bernard', status: 'rejected', pixScore: 0, verificationCode: null },
      ],
    });
    expect(none.text).toContain('aucun certificat n’est joint');
    const two = resultEmailMessage({
      ...facts,
      candidates: [
        { firstName: 'A', lastName: 'B', status: 'validated', pixScore: 200, verificationCode: 'P-BCDF2347' },
        { firstName: 'C', lastName: 'D', status: 'validated', pixScore: 220, verificationCode: 'P-BCDF2348' },
      ],
    });
    expect(two.text).toContain('Les certificats des 2 candidats certifiés sont joints');
    // Too many for one message (a year group's shared address): not attached, and said where they are.
    const many = resultEmailMessage({ ...facts, certificatesAttached: false });
    expect(many.text).toContain('trop nombreux pour un seul message, ne sont pas joints');
    expect(many.text).not.toContain('est joint à ce message');
  });

  it('escapes every value in the HTML body and loads nothing from outside', () => {
    const { html } = resultEmailMessage({
      ...facts,
      centre: 'Lycée <Rabelais> & "Co"',
      candidates: [
        {
          firstName: '<script>alert(1)</script>',
          lastName: "O'Brien",
          status: 'validated',
          pixScore: 300,
          verificationCode: 'P-BCDF2346',
        },
      ],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien');
    expect(html).toContain('Lycée &lt;Rabelais&gt; &amp; &quot;Co&quot;');
    expect(html).toContain('<a href="https://certif.lycee.fr/verification/P-BCDF2346">P-BCDF2346</a>');
    expect(html).not.toMatch(/<img|<link|src=|url\(/i);
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
