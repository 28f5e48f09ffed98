// « Envoi des résultats par e-mail » as the results page shows it: each message, its candidates and its
// state in words (waiting, and for what; sent and when; given up, why and what to do), « Renvoyer » for
// an administrator on a sent or failed one, and why nothing goes when the server has no mail server.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ResultEmail, ResultEmailList } from '../../../core/contracts/result-emails.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { inSession, jade1, lea, withNamesakes } from './namesake-fixtures.tsx';
import { ResultEmailsView } from './result-emails.tsx';

function email(overrides: Partial<ResultEmail>): ResultEmail {
  return {
    id: 'eml_1',
    update: null,
    recipient: 'prof.durand@college.fr',
    candidates: [
      { candidateId: 'can_2', firstName: 'Hugo', lastName: 'Bernard' },
      { candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin' },
    ],
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-12-08T10:00:00.000Z',
    lastAttemptAt: null,
    sentAt: null,
    lastFailure: null,
    createdAt: '2026-12-08T10:00:00.000Z',
    ...overrides,
  };
}

function section(list: ResultEmailList, options: { language?: Language; administrator?: boolean } = {}) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(options.language ?? 'fr'))}>
      {inSession(
        <ResultEmailsView
          list={list}
          administrator={options.administrator ?? true}
          refreshing={false}
          failure={null}
          onRefresh={() => undefined}
          onResend={() => Promise.resolve()}
        />,
      )}
    </I18nextProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const rowOf = (html: string, state: string) =>
  text(new RegExp(`<tr[^>]*data-state="${state}"[^>]*>.*?</tr>`, 's').exec(html)?.[0] ?? '');

describe('the results sent by e-mail, on the results page', () => {
  it('lists each message with its candidates and its state, under a heading that names the section', () => {
    const html = section({
      mailServerConfigured: true,
      emails: [
        email({ id: 'eml_1' }),
        email({
          id: 'eml_2',
          recipient: 'famille@example.org',
          candidates: [{ candidateId: 'can_3', firstName: 'Emma', lastName: 'Robert' }],
          state: 'sent',
          attempts: 1,
          sentAt: '2026-12-08T10:01:00.000Z',
        }),
      ],
    });
    expect(html).toMatch(/^<section[^>]*aria-labelledby="result-emails"/);
    expect(html).toContain('<h2 id="result-emails">Envoi des résultats par e-mail</h2>');
    expect(html).toContain(
      '<caption class="visually-hidden">Messages des résultats, par destinataire</caption>',
    );
    expect(rowOf(html, 'pending')).toBe(
      'prof.durand@college.fr Hugo BERNARD Léa MARTIN En attente Part dans un instant.',
    );
    expect(rowOf(html, 'sent')).toMatch(
      /^famille@example\.org Emma ROBERT Envoyé Envoyé le \d\d\/12\/2026 \d\d:01\. Renvoyer$/,
    );
    expect(html).toContain('aria-label="Renvoyer le message à famille@example.org"');
    // A pending message is not sent again: it is on its way.
    expect(html.match(/data-testid="resend-result-email"/g)).toHaveLength(1);
    expect(html).not.toContain('result-emails-no-mail-server');
  });

  it('says why a message failed, what the mail server said and what to do', () => {
    const html = section({
      mailServerConfigured: true,
      emails: [
        email({
          state: 'failed',
          attempts: 1,
          nextAttemptAt: null,
          lastFailure: { kind: 'rejected', detail: '550 5.1.1 mailbox unknown' },
        }),
        email({
          id: 'eml_2',
          recipient: 'famille@example.org',
          attempts: 2,
          nextAttemptAt: '2026-12-08T10:06:00.000Z',
          lastFailure: { kind: 'unreachable', detail: 'connect ECONNREFUSED' },
        }),
      ],
    });
    expect(rowOf(html, 'failed')).toContain(
      'Échec Abandonné : le serveur de messagerie a refusé l’adresse du destinataire. 1 essai Réponse du serveur de messagerie : « 550 5.1.1 mailbox unknown » Vérifiez l’adresse avec son destinataire',
    );
    expect(rowOf(html, 'pending')).toMatch(
      /En attente Nouvel essai le \d\d\/12\/2026 \d\d:06\. Dernier échec : le serveur de messagerie ne répond pas\. 2 essais/,
    );
  });

  it('says the messages wait for a mail server when the server has none', () => {
    const html = section({ mailServerConfigured: false, emails: [email({})] });
    expect(html).toContain('data-testid="result-emails-no-mail-server"');
    expect(text(html)).toContain('Les messages attendent : aucun serveur de messagerie n’est configuré');
    expect(text(html)).toContain('(réglage --smtp-url)');
    expect(rowOf(html, 'pending')).toContain('Attend qu’un serveur de messagerie soit configuré.');
  });

  it('offers no « Renvoyer » to a referent, and says who can', () => {
    const html = section(
      {
        mailServerConfigured: true,
        emails: [email({ state: 'sent', attempts: 1, sentAt: '2026-12-08T10:01:00.000Z' })],
      },
      { administrator: false },
    );
    expect(html).not.toContain('resend-result-email');
    expect(html).not.toContain('<th scope="col">Action</th>');
    expect(text(html)).toContain('Un administrateur peut renvoyer un message envoyé ou en échec.');
  });

  it('offers « Envoyer maintenant » on a message waiting for its next try, once a mail server is set', () => {
    const retrying = email({ attempts: 2, lastFailure: { kind: 'unreachable', detail: 'ECONNREFUSED' } });
    const sendNow = (html: string) => html.includes('data-testid="send-result-email-now"');
    expect(sendNow(section({ mailServerConfigured: true, emails: [retrying] }))).toBe(true);
    expect(section({ mailServerConfigured: true, emails: [retrying] })).toContain(
      'aria-label="Envoyer maintenant le message à prof.durand@college.fr, sans attendre le prochain essai"',
    );
    // Never tried yet (it goes in a moment), no mail server to send it, or a referent: none.
    expect(sendNow(section({ mailServerConfigured: true, emails: [email({})] }))).toBe(false);
    expect(sendNow(section({ mailServerConfigured: false, emails: [retrying] }))).toBe(false);
    expect(
      sendNow(section({ mailServerConfigured: true, emails: [retrying] }, { administrator: false })),
    ).toBe(false);
  });

  it('says when no candidate gave an address', () => {
    const html = section({ mailServerConfigured: false, emails: [] });
    expect(html).toContain('data-testid="result-emails-none"');
    expect(html).not.toContain('<table');
    expect(html).not.toContain('result-emails-no-mail-server');
  });

  it('shows each update beside the first message, with why it was sent and its own state', () => {
    const first = email({ state: 'sent', attempts: 1, sentAt: '2026-12-08T10:01:00.000Z' });
    const lea = { candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin' };
    const cancelled = email({
      id: 'emu_1',
      update: { candidateId: 'can_1', causes: ['cancelled'] },
      candidates: [lea],
      createdAt: '2026-12-09T08:00:00.000Z',
    });
    const restored = email({
      id: 'emu_2',
      update: { candidateId: 'can_1', causes: ['restored'] },
      candidates: [lea],
      state: 'failed',
      attempts: 10,
      nextAttemptAt: null,
      lastFailure: { kind: 'unreachable', detail: '' },
    });
    const list = { mailServerConfigured: true, emails: [first, cancelled, restored] };
    const html = section(list);
    const rows = [...html.matchAll(/<tr[^>]*data-testid="result-email"[^>]*>.*?<\/tr>/gs)].map((m) => m[0]);
    expect(rows).toHaveLength(3);
    // The publication's message says nothing more than before, and is still sent.
    expect(text(rows[0] ?? '')).toMatch(
      /^prof\.durand@college\.fr Hugo BERNARD Léa MARTIN Envoyé Envoyé le /,
    );
    expect(rows[0]).not.toContain('data-update');
    expect(rows[1]).toContain('data-update="cancelled"');
    expect(text(rows[1] ?? '')).toBe(
      'prof.durand@college.fr Léa MARTIN Mise à jour : certification annulée par le jury En attente Part dans un instant.',
    );
    expect(text(rows[2] ?? '')).toMatch(
      /^prof\.durand@college\.fr Léa MARTIN Mise à jour : annulation levée par le jury, résultat rétabli Échec Abandonné : /,
    );
    // An update given up is sent again like any message.
    expect(rows[2]).toContain('data-testid="resend-result-email"');
    expect(text(html)).toContain('son adresse reçoit en plus un message de mise à jour');
    // No update: no note about their rows; the introduction says updates may come.
    const alone = text(section({ mailServerConfigured: true, emails: [first] }));
    expect(alone).not.toContain('son adresse reçoit en plus');
    expect(alone).toContain('reçoit un message à la publication');
    expect(alone).toContain('un message de mise à jour');
    expect(alone).not.toContain('un seul message');

    const english = section(list, { language: 'en' });
    expect(text(english)).toContain('Léa MARTIN Update: certification cancelled by the jury Waiting');
    expect(text(english)).toContain('Update: cancellation undone by the jury, result restored Failed');
    expect(text(english)).toContain('their address also gets an update message');
    expect(english).not.toMatch(/Mise à jour/);
  });

  it('says it in English too', () => {
    const html = section(
      {
        mailServerConfigured: true,
        emails: [
          email({
            state: 'failed',
            attempts: 10,
            nextAttemptAt: null,
            lastFailure: { kind: 'authentication', detail: '' },
          }),
        ],
      },
      { language: 'en' },
    );
    expect(html).toContain('<h2 id="result-emails">Results sent by email</h2>');
    expect(rowOf(html, 'failed')).toContain(
      'Failed Given up: the mail server refused the certification server’s user name or password. 10 attempts Tell IT',
    );
    expect(html).toContain('aria-label="Send the message to prof.durand@college.fr again"');
    expect(html).not.toMatch(/Renvoyer|Échec|attente/);
  });

  it('shows an update that carries several changes on one row, each in the order it came, in French and English', () => {
    const lea = { candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin' };
    const merged = email({
      id: 'emu_1',
      update: { candidateId: 'can_1', causes: ['resultAdded', 'identityCorrected'] },
      candidates: [lea],
      state: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-12-09T08:05:00.000Z',
      lastFailure: { kind: 'temporary', detail: '' },
    });
    const undone = email({
      id: 'emu_2',
      update: { candidateId: 'can_1', causes: ['cancelled', 'restored', 'identityCorrected'] },
      candidates: [lea],
      state: 'sent',
      attempts: 1,
      sentAt: '2026-12-09T09:00:00.000Z',
    });
    const list = { mailServerConfigured: true, emails: [merged, undone] };
    const html = section(list);
    const rows = [...html.matchAll(/<tr[^>]*data-testid="result-email"[^>]*>.*?<\/tr>/gs)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('data-update="resultAdded identityCorrected"');
    expect(text(rows[0] ?? '')).toMatch(
      /^prof\.durand@college\.fr Léa MARTIN Mise à jour regroupant 2 changements : résultat arrivé après la publication ; puis identité corrigée par le jury En attente Nouvel essai le /,
    );
    // No cancellation undone in it: nothing more said.
    expect(rows[0]).not.toContain('result-email-update-unsaid');
    expect(text(rows[1] ?? '')).toContain(
      'Mise à jour regroupant 3 changements : certification annulée par le jury ; puis annulation levée par le jury, résultat rétabli ; puis identité corrigée par le jury L’annulation et sa levée se sont suivies avant l’envoi : le message n’en parle pas',
    );
    expect(text(html)).toContain(
      'Les changements arrivés avant son envoi partent ensemble, dans ce seul message.',
    );

    const english = text(section(list, { language: 'en' }));
    expect(english).toContain(
      'Léa MARTIN Update combining 2 changes: result received after publication; then identity corrected by the jury Waiting',
    );
    expect(english).toContain(
      'Update combining 3 changes: certification cancelled by the jury; then cancellation undone by the jury, result restored; then identity corrected by the jury The cancellation and its undoing both came before sending: the message does not mention them',
    );
    expect(english).toContain('Changes made before it goes are sent together, in that one message.');
    expect(english).not.toMatch(/Mise à jour|regroupant|puis/);
  });

  it('says an undoing then a new cancellation in that order, not as a cancellation and its undoing', () => {
    const lea = { candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin' };
    const again = email({
      id: 'emu_3',
      update: { candidateId: 'can_1', causes: ['restored', 'identityCorrected', 'cancelled'] },
      candidates: [lea],
      state: 'pending',
      attempts: 0,
    });
    const list = { mailServerConfigured: true, emails: [again] };
    const french = text(section(list));
    expect(french).toContain(
      'La levée de l’annulation puis une nouvelle annulation se sont suivies avant l’envoi : le message n’en parle pas',
    );
    expect(french).not.toContain('L’annulation et sa levée');
    const english = text(section(list, { language: 'en' }));
    expect(english).toContain(
      'The cancellation was undone, then the certification cancelled again, before sending: the message does not mention either',
    );
    expect(english).not.toContain('The cancellation and its undoing');
  });
});

describe('a message carrying the results of a namesake', () => {
  it('names the namesake with the birthdate, and the other candidate without', () => {
    const list: ResultEmailList = {
      mailServerConfigured: true,
      emails: [
        email({
          candidates: [jade1, lea].map(({ candidateId, firstName, lastName }) => ({
            candidateId,
            firstName,
            lastName,
          })),
        }),
      ],
    };
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={addBackOfficeMessages(createI18n('fr'))}>
        {withNamesakes(
          <ResultEmailsView
            list={list}
            administrator
            refreshing={false}
            failure={null}
            onRefresh={() => undefined}
            onResend={() => Promise.resolve()}
          />,
        )}
      </I18nextProvider>,
    );
    expect(html).toContain('<li>Jade MOREAU (08/09/2011)</li>');
    expect(html).toContain('<li>Léa MARTIN</li>');
    // The other « Jade MOREAU » is in no message: her birthdate, as the page writes it, is nowhere.
    expect(html).not.toContain('Jade MOREAU (14/02/2012)');
    expect(html).not.toContain('14/02/2012');
  });
});
