import { describe, expect, it } from 'vitest';
import type { ResultEmailUpdateCause } from '../../core/contracts/result-emails.ts';
import {
  escapeHtml,
  resultEmailMessage,
  type ResultEmailFacts,
  type ResultEmailUpdateFacts,
} from './result-email-message.ts';

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
    expect(subject).toBe('Résultats de certification Pix — session n° 1042');
    expect(text).toContain('session n° 1042 sont publiés');
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

describe('the update e-mail, after publication', () => {
  const one = (candidate: ResultEmailFacts['candidates'][number]) => ({
    ...facts,
    candidates: [candidate],
  });
  const cancelled = {
    firstName: 'Inès',
    lastName: 'Petit',
    status: 'cancelled' as const,
    pixScore: 120,
    verificationCode: null,
  };

  it('says it is an update, what changed for whom, then the result as it stands', () => {
    const { subject, text, html } = resultEmailMessage({
      ...one(cancelled),
      update: { causes: ['cancelled'], firstName: 'Inès', lastName: 'Petit', status: 'cancelled' },
    });
    expect(subject).toBe('Résultats mis à jour — session n° 1042');
    expect(text).toContain('session n° 1042 a changé depuis la publication des résultats');
    expect(text).not.toContain('sont publiés');
    expect(text).toMatch(
      /La certification de Inès Petit a été annulée par le jury : [^\n]+\n\nRésultat à ce jour\u00a0:\nInès Petit\u00a0: certification annulée\n/,
    );
    expect(text).toContain('les résultats de ce candidat lors de son inscription');
    expect(html).toContain('<strong>La certification de Inès Petit a été annulée par le jury');
    expect(html).toContain('<title>Résultats mis à jour — session n° 1042</title>');
  });

  it('words each cause, the identity correction with the corrected name, and escapes it in HTML', () => {
    const lea = {
      firstName: 'Léa',
      lastName: 'Martin <Durand>',
      status: 'validated' as const,
      pixScore: 312,
      verificationCode: 'P-BCDF2346',
    };
    const words = (cause: ResultEmailUpdateCause) =>
      resultEmailMessage({
        ...one(lea),
        update: { causes: [cause], firstName: lea.firstName, lastName: lea.lastName, status: lea.status },
      });
    expect(words('identityCorrected').text).toContain(
      'Le jury a corrigé l’identité de Léa Martin <Durand> (nom, prénom ou date de naissance). Le certificat joint remplace celui reçu auparavant.',
    );
    expect(words('identityCorrected').html).toContain('l’identité de Léa Martin &lt;Durand&gt;');
    expect(words('identityCorrected').html).not.toContain('<Durand>');
    expect(words('restored').text).toContain(
      'a levé l’annulation de la certification de Léa Martin <Durand> : son résultat est rétabli, avec le même code de vérification.',
    );
    expect(words('resultAdded').text).toContain('arrivé après la publication, est maintenant connu');
    expect(words('resultChanged').text).toContain(
      'Le résultat de Léa Martin <Durand> a été recalculé : les données complètes de son test, reçues après la publication, ont été prises en compte.',
    );
    expect(words('resultChanged').text).not.toContain('poste');
    for (const cause of ['restored', 'resultAdded', 'resultChanged', 'identityCorrected'] as const) {
      expect(words(cause).subject).toBe('Résultats mis à jour — session n° 1042');
      expect(words(cause).text).toMatch(/Léa Martin <Durand>\u00a0: certifié, 312 Pix\n/);
    }
  });

  const sentence = (
    update: ResultEmailUpdateFacts,
    candidate: ResultEmailFacts['candidates'][number] = cancelled,
    certificatesAttached = true,
  ) => {
    const { text } = resultEmailMessage({ ...one(candidate), certificatesAttached, update });
    return text.split('\n\n')[2] ?? '';
  };
  const rejected = { ...cancelled, status: 'rejected' as const, pixScore: 80 };
  const certified = {
    ...cancelled,
    status: 'validated' as const,
    pixScore: 312,
    verificationCode: 'P-BCDF2346',
  };
  const about = { firstName: 'Inès', lastName: 'Petit' };

  it('says neutrally that the result was updated when the queued cause no longer holds at send time', () => {
    // The same words as a cancellation and its undoing merged (below): one situation, one wording.
    const neutral = 'Le résultat de Inès Petit a été mis à jour depuis la publication des résultats.';
    // Cancelled, then restored before the message went: it must not say the certificate is void.
    const undone = resultEmailMessage({
      ...one(certified),
      update: { causes: ['cancelled'], ...about, status: 'validated' },
    });
    expect(undone.text).toContain(neutral);
    expect(undone.text).toContain('session n° 1042 a été mis à jour depuis la publication des résultats.');
    expect(undone.text).not.toContain('annulée');
    expect(undone.text).toMatch(/Inès Petit\u00a0: certifié, 312 Pix\n/);
    expect(undone.html).toContain(`<strong>${neutral}</strong>`);
    expect(sentence({ causes: ['cancelled'], ...about, status: 'rejected' }, rejected)).toBe(neutral);
    // Restored, then cancelled again.
    expect(sentence({ causes: ['restored'], ...about, status: 'cancelled' })).toBe(neutral);
    // Still holding: the cause's own sentence.
    expect(sentence({ causes: ['cancelled'], ...about, status: 'cancelled' })).toContain(
      'annulée par le jury',
    );
  });

  it('promises the same verification code only to a certified result, a replaced certificate only when attached', () => {
    expect(sentence({ causes: ['restored'], ...about, status: 'validated' }, certified)).toBe(
      'Le jury a levé l’annulation de la certification de Inès Petit : son résultat est rétabli, avec le même code de vérification.',
    );
    expect(sentence({ causes: ['restored'], ...about, status: 'rejected' }, rejected)).toBe(
      'Le jury a levé l’annulation de la certification de Inès Petit : son résultat est rétabli.',
    );
    const corrected = 'Le jury a corrigé l’identité de Inès Petit (nom, prénom ou date de naissance).';
    expect(sentence({ causes: ['identityCorrected'], ...about, status: 'validated' }, certified)).toBe(
      `${corrected} Le certificat joint remplace celui reçu auparavant.`,
    );
    expect(sentence({ causes: ['identityCorrected'], ...about, status: 'rejected' }, rejected)).toBe(
      corrected,
    );
    expect(sentence({ causes: ['identityCorrected'], ...about, status: 'cancelled' })).toBe(corrected);
    // Certified, but its certificate not attached (too many for the message): nothing replaces it.
    expect(sentence({ causes: ['identityCorrected'], ...about, status: 'validated' }, certified, false)).toBe(
      corrected,
    );
  });

  it('says each change once when several came before it went, and never a cancellation undone meanwhile', () => {
    const lea = {
      firstName: 'Léa',
      lastName: 'Martin',
      status: 'validated' as const,
      pixScore: 312,
      verificationCode: 'P-BCDF2346',
    };
    const merged = (
      causes: ResultEmailUpdateCause[],
      candidate: ResultEmailFacts['candidates'][number] = lea,
    ) =>
      resultEmailMessage({
        ...one(candidate),
        update: {
          causes,
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          status: candidate.status,
        },
      });
    const late = merged(['resultAdded', 'identityCorrected']);
    expect(late.subject).toBe('Résultats mis à jour — session n° 1042');
    expect(late.text).toContain(
      'Plusieurs changements concernent le résultat de Léa Martin\u00a0:\n' +
        '- Le résultat, arrivé après la publication, est maintenant connu.\n' +
        '- L’identité (nom, prénom ou date de naissance) a été corrigée par le jury.\n\n' +
        'Résultat à ce jour\u00a0:\nLéa Martin\u00a0: certifié, 312 Pix\n',
    );
    // Its first certificate: it replaces none.
    expect(late.text).not.toContain('remplace');
    expect(late.html).toContain(
      '<ul><li>Le résultat, arrivé après la publication, est maintenant connu.</li><li>L’identité (nom, prénom ou date de naissance) a été corrigée',
    );

    // A certificate the recipient had: the corrected one replaces it; a re-scoring twice is said once.
    const rescored = merged(['identityCorrected', 'resultChanged', 'resultChanged']);
    expect(rescored.text.match(/^- /gm)).toHaveLength(2);
    expect(rescored.text).toContain(
      '- L’identité (nom, prénom ou date de naissance) a été corrigée par le jury : le certificat joint remplace celui reçu auparavant.\n- Le résultat a été recalculé : ',
    );

    // Cancelled and restored around a correction: the correction alone, in its own sentence.
    const corrected = merged(['cancelled', 'identityCorrected', 'restored']);
    expect(corrected.text).toContain(
      '\n\nLe jury a corrigé l’identité de Léa Martin (nom, prénom ou date de naissance). Le certificat joint remplace celui reçu auparavant.\n\n',
    );
    for (const message of [corrected, merged(['cancelled', 'restored'])]) {
      expect(message.text).not.toContain('annul');
      expect(message.text).not.toContain('Plusieurs changements');
      expect(message.html).not.toContain('<ul>');
    }
    // Cancelled and restored, nothing else: the result as it now reads, said neutrally (not « revu par
    // le jury », which would alarm), in the words of a single change that no longer holds.
    const pair = merged(['cancelled', 'restored']);
    expect(pair.text).toContain(
      'Un résultat de la certification Pix de la session n° 1042 a été mis à jour depuis la publication des résultats.',
    );
    expect(corrected.text).toContain('session n° 1042 a changé depuis la publication des résultats.');
    expect(pair.text).toContain(
      '\n\nLe résultat de Léa Martin a été mis à jour depuis la publication des résultats.\n\nRésultat à ce jour',
    );
    expect(pair.text).not.toContain('revu');

    // A cancellation standing among the changes is said, without a certificate to replace.
    const void_ = merged(['identityCorrected', 'cancelled'], cancelled);
    expect(void_.text).toContain(
      'Plusieurs changements concernent le résultat de Inès Petit\u00a0:\n' +
        '- L’identité (nom, prénom ou date de naissance) a été corrigée par le jury.\n' +
        '- La certification a été annulée par le jury : elle ne donne pas de certificat, et un certificat déjà reçu pour elle n’est plus valable.\n',
    );
    // Restored then cancelled again (the recipient had read it cancelled): the correction alone.
    expect(merged(['restored', 'cancelled', 'identityCorrected'], cancelled).text).toContain(
      '\n\nLe jury a corrigé l’identité de Inès Petit (nom, prénom ou date de naissance).\n\n',
    );
    // Cancelled at publication (the family never had a valid certificate), then restored and the
    // identity corrected: the certificate attached is their first, it replaces none.
    const lifted = merged(['restored', 'identityCorrected']);
    expect(lifted.text).toContain(
      '- Le jury a levé l’annulation de la certification : le résultat est rétabli, avec le même code de vérification.\n' +
        '- L’identité (nom, prénom ou date de naissance) a été corrigée par le jury.\n',
    );
    expect(lifted.text).not.toContain('remplace');
    expect(lifted.html).not.toContain('remplace');
    // A cancellation that no longer holds when it goes (its undoing queued none) is not announced.
    const stale = merged(['identityCorrected', 'cancelled']);
    expect(stale.text).not.toContain('annul');
    expect(stale.text).toContain('Le jury a corrigé l’identité de Léa Martin');
  });
});
