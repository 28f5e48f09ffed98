// The record's page as the referent reads and prints it: its title with the session's number, its
// headings in order, the candidates' table named by its caption with column and row headers, the
// answers, the comment and the counts, the signature block, the print button (left out of print), in
// French first and in English.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { FinalizationRecord } from '../../../core/contracts/finalization-record.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { FinalizationRecordView } from './finalization-record-screen.tsx';
import { sampleFinalizationRecord } from './record-fixtures.ts';

const render = (language: Language, record: FinalizationRecord = sampleFinalizationRecord()) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      <FinalizationRecordView record={record} />
    </I18nextProvider>,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => text(m[1] ?? ''));
const headings = (html: string) =>
  [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/gs)].map((m) => `h${m[1]} ${text(m[2] ?? '')}`);
/** The text of each `tag` element with that test id, up to its closing tag (none of them nest). */
const byTestId = (html: string, tag: 'dd' | 'dl' | 'tr', id: string) =>
  all(html, new RegExp(`<${tag}[^>]*data-testid="${id}"[^>]*>(.*?)</${tag}>`, 'gs'));

describe('the finalization record’s page', () => {
  it('is titled with the session’s number, its headings in order, in French first', () => {
    expect(headings(render('fr'))).toEqual([
      'h1 Procès-verbal de la session n° 12',
      'h2 La session',
      'h2 La finalisation',
      'h2 Les candidats',
      'h2 En résumé',
      'h2 Signatures',
      'h3 Signature du ou des surveillants',
      'h3 Signature du référent Pix',
    ]);
    expect(headings(render('en'))[0]).toBe('h1 Record of session no. 12');
  });

  it('states the session and the finalization: when, by whom, the two answers and the comment', () => {
    const html = render('fr');
    const session = text(byTestId(html, 'dl', 'pv-session').join(' '));
    expect(session).toContain('Collège Jean Moulin');
    expect(session).toContain('12 rue des Écoles, 69003 Lyon');
    expect(session).toContain('Salle B12');
    expect(session).toContain('mardi 8 décembre 2026 à 09:00');
    expect(session).toContain('Mme Sophie Leroy');
    expect(byTestId(html, 'dd', 'pv-finalized-at')[0]).toMatch(/^08\/12\/2026 \d\d:55$/);
    expect(byTestId(html, 'dd', 'pv-finalized-by')).toEqual(['le surveillant, depuis l’écran surveillant']);
    // When this copy was made: a result or a jury decision since finalization shows in it.
    expect(byTestId(html, 'dd', 'pv-generated-at')[0]).toMatch(/^08\/12\/2026 \d\d:05$/);
    expect(byTestId(html, 'dd', 'pv-had-incident')).toEqual(['Oui']);
    expect(byTestId(html, 'dd', 'pv-could-not-join')).toEqual(['Non']);
    expect(byTestId(html, 'dd', 'pv-comment')).toEqual(['Alarme incendie à 10 h 12, reprise à 10 h 20.']);
    const none = render('fr', {
      ...sampleFinalizationRecord(),
      finalization: { ...sampleFinalizationRecord().finalization, globalComment: '', finalizedAt: null },
    });
    expect(byTestId(none, 'dd', 'pv-comment')).toEqual(['Aucun commentaire.']);
    expect(byTestId(none, 'dd', 'pv-finalized-at')).toEqual(['date non enregistrée']);
  });

  it('lists the candidates in a named table, each row headed by the name, with what happened', () => {
    const html = render('fr');
    expect(all(html, /<caption[^>]*>(.*?)<\/caption>/gs)).toEqual([
      'Candidats de la session n° 12, par ordre alphabétique',
    ]);
    expect(all(html, /<th scope="col"[^>]*>(.*?)<\/th>/gs)).toEqual([
      'Candidat (date de naissance)',
      'Temps majoré',
      'Présence',
      'Fin du test',
      'Raison de l’arrêt',
      'Questions neutralisées',
      'Signalements',
    ]);
    expect(all(html, /<th scope="row"[^>]*>(.*?)<\/th>/gs)).toEqual([
      'BERNARD Hugo né(e) le 23/11/2010',
      'DUBOIS Inès né(e) le 14/07/2011',
      'MARTIN Léa né(e) le 02/04/2011',
      'PETIT Tom né(e) le 09/01/2011',
    ]);
    const rows = byTestId(html, 'tr', 'pv-candidate');
    expect(rows[0]).toBe(
      'BERNARD Hugo né(e) le 23/11/2010 +30\u00a0% Présent Terminé par le surveillant Problème technique 0 C7 — Problème technique non bloquant : Le poste a redémarré.',
    );
    // Nothing to say: a dash on paper, « sans objet » for screen readers.
    expect(rows[1]).toBe(
      'DUBOIS Inès né(e) le 14/07/2011 aucun Absent Pas de test — sans objet — sans objet C4 — Problème de signature (feuille d’émargement)',
    );
    expect(rows[2]).toContain(
      'Terminé — sans objet 1 E4 — Le site à consulter est indisponible, question 5 : Site indisponible.',
    );
    expect(rows[3]).toContain('Terminé (temps écoulé)');
    expect(rows[3]).toContain(' aucun');
  });

  it('counts the candidates, and leaves blank lines and boxes to sign', () => {
    const html = render('fr');
    expect(byTestId(html, 'dl', 'pv-counts')).toEqual([
      'Candidats inscrits 4 Présents 3 Absents 1 Tests terminés 2 Tests arrêtés avant la fin 1',
    ]);
    expect(html.match(/class="pv-sign-box"/g)).toHaveLength(2);
    expect(html.match(/class="pv-line"/g)).toHaveLength(4);
  });

  it('offers to print, outside what is printed', () => {
    const html = render('fr');
    expect(html).toMatch(
      /<div class="no-print">.*data-testid="print-finalization-record"[^>]*>Imprimer<\/button>/s,
    );
    expect(html).toMatch(/class="breadcrumb no-print"/);
  });

  it('reads in English too', () => {
    const html = render('en');
    expect(text(html)).toContain('Signature of the Pix referent');
    expect(byTestId(html, 'tr', 'pv-candidate')[0]).toContain(
      'Present Ended by the invigilator Technical problem',
    );
    expect(byTestId(html, 'dd', 'pv-had-incident')).toEqual(['Yes']);
  });
});

describe('the record of a session with two namesakes', () => {
  it('tells them apart: every row names its candidate with the birthdate, as the record identifies everyone', () => {
    const sample = sampleFinalizationRecord();
    const first = sample.candidates[0]!;
    const record: FinalizationRecord = {
      ...sample,
      candidates: [
        { ...first, candidateId: 'can_j1', lastName: 'Moreau', firstName: 'Jade', birthdate: '2011-09-08' },
        { ...first, candidateId: 'can_j2', lastName: 'MOREAU', firstName: 'Jade', birthdate: '2012-02-14' },
        ...sample.candidates,
      ],
    };
    const rows = all(
      render('fr', record),
      /<tr[^>]*data-testid="pv-candidate"[^>]*>\s*<th scope="row">(.*?)<\/th>/gs,
    );
    expect(rows.slice(0, 2)).toEqual(['MOREAU Jade né(e) le 08/09/2011', 'MOREAU Jade né(e) le 14/02/2012']);
    expect(rows[2]).toMatch(/ né\(e\) le \d{2}\/\d{2}\/\d{4}$/);
  });
});
