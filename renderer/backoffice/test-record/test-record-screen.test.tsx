// The record's page as the jury reads and prints it: its title, the sections by their headings, each
// table named with its column headers, a blocked page said « Bloquée » in words, the station's events
// in the invigilator screen's words, what the candidate typed shown as text, in French and in English.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CandidateTestRecord } from '../../../core/contracts/candidate-record.ts';
import { LOCKDOWN_EVENTS } from '../../../core/contracts/station-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { LOCKDOWN_EVENT_WORDS } from '../../shared/i18n/lockdown-event-words.ts';
import { LOCKDOWN_FACT_WORDS } from '../../shared/i18n/lockdown-fact-words.ts';
import { en } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { recordWithLockdown, sampleRecord } from './record-fixtures.ts';
import { TestRecord } from './test-record-screen.tsx';

const render = (language: Language, record: CandidateTestRecord = sampleRecord()) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      <TestRecord record={record} />
    </I18nextProvider>,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>(.*?)</h${level}>`, 'gs'))].map((m) => text(m[1] ?? ''));
const captions = (html: string) =>
  [...html.matchAll(/<caption[^>]*>(.*?)<\/caption>/gs)].map((m) => text(m[1] ?? ''));
const rows = (html: string, testId: string) =>
  [...html.matchAll(new RegExp(`<tr[^>]*data-testid="${testId}"[^>]*>.*?</tr>`, 'gs'))].map((m) => m[0]);

describe('the test record’s page', () => {
  it('is titled with the candidate’s name, its sections under their headings, in French first', () => {
    const html = render('fr');
    expect(headings(html, 1)).toEqual(['Dossier du test de Léa MARTIN']);
    expect(headings(html, 2)).toEqual([
      'Le test',
      'Questions',
      'Alertes et signalements',
      'Navigation',
      'Verrouillage du poste',
      'Pauses et temps ajouté',
    ]);
    expect(headings(html, 3)).toEqual(['Alertes du candidat (« Signaler un problème »)', 'Signalements']);
    expect(html).toContain('Imprimer le dossier');
    expect(html).toContain('href="#/sessions/ses-1/results"');
  });

  it('names every table and gives its columns headers, each row its header', () => {
    const html = render('fr');
    expect(captions(html)).toEqual([
      'Questions du test de Léa MARTIN',
      'Alertes de Léa MARTIN',
      'Signalements de Léa MARTIN',
      'Pages demandées par Léa MARTIN',
      'Événements du poste pendant le test de Léa MARTIN',
      'Pauses, interruptions et temps ajouté pendant le test de Léa MARTIN',
    ]);
    const tables = [...html.matchAll(/<table.*?<\/table>/gs)].map((m) => m[0]);
    for (const table of tables) {
      expect(table).toMatch(/<th scope="col">/);
      for (const row of table.split('<tbody>')[1]?.match(/<tr.*?<\/tr>/gs) ?? [])
        expect(row).toMatch(/<th scope="row">/);
    }
  });

  it('lists the questions with the answer as text, the status in words and the neutralization', () => {
    const html = render('fr');
    const questions = rows(html, 'record-question');
    expect(questions).toHaveLength(5);
    expect(text(questions[0] ?? '')).toContain('2 — Un moteur de recherche');
    expect(text(questions[0] ?? '')).toContain('Mener une recherche et une veille d’information');
    // What the candidate typed is text, never markup.
    expect(questions[1]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(text(questions[1] ?? '')).toContain('quittée 1 fois');
    expect(text(questions[1] ?? '')).toContain('minutée : 1 min 30 s');
    expect(text(questions[2] ?? '')).toContain('Oui : par le jury');
    expect(text(questions[3] ?? '')).toContain('Sans réponse');
    expect(text(questions[3] ?? '')).toContain('E5 — Le site à consulter est bloqué');
  });

  it('says a blocked page « Bloquée » in words, beside the allowed one', () => {
    const pages = rows(render('fr'), 'record-page');
    expect(pages.map((p) => /class="record-blocked"/.test(p))).toEqual([true, false]);
    expect(text(pages[0] ?? '')).toContain('Bloquée');
    expect(text(pages[0] ?? '')).toContain('règle : google.com');
    expect(pages[0]).toContain('https://www.google.com/search?q=&lt;b&gt;reponse&lt;/b&gt;');
    expect(text(pages[1] ?? '')).toContain('Autorisée');
    expect(text(render('fr'))).toContain('2 pages demandées, dont 1 bloquée.');
  });

  it('says how many pages a long list leaves out', () => {
    const record = sampleRecord({
      navigation: { total: 420, blocked: 5, omitted: { allowed: 120, blocked: 0 }, limit: 300 },
    });
    expect(text(render('fr', record))).toContain(
      'Liste limitée à 300 pages, les bloquées d’abord. Pages non listées : autorisées, 120 ; bloquées, 0.',
    );
    const none = sampleRecord({
      navigation: { total: 0, blocked: 0, omitted: { allowed: 0, blocked: 0 }, limit: 300 },
      timeline: sampleRecord().timeline.filter((e) => e.kind !== 'navigation'),
    });
    expect(text(render('fr', none))).toContain('Aucune page demandée dans le navigateur du test.');
  });

  it('says how many station events a long list leaves out, and nothing when none is', () => {
    const record = sampleRecord({ stationEvents: { total: 1_250, omitted: 950, limit: 300 } });
    expect(text(render('fr', record))).toContain(
      '1250 événements au total : les 150 premiers et les 150 derniers sont listés ; les 950 événements entre eux ne le sont pas.',
    );
    expect(text(render('en', record))).toContain(
      '1250 events in all: the first 150 and the last 150 are listed; the 950 events between them are not.',
    );
    expect(render('fr')).not.toContain('record-lockdown-omitted');
  });

  it('names the station’s events as the invigilator screen does, and the questions left', () => {
    // One list for both screens (shared/i18n): every event the station reports has its words.
    for (const words of [LOCKDOWN_EVENT_WORDS.fr, LOCKDOWN_EVENT_WORDS.en])
      expect(Object.keys(words).sort()).toEqual([...LOCKDOWN_EVENTS].sort());
    expect(fr.testRecord.lockdown.events).toBe(LOCKDOWN_EVENT_WORDS.fr);
    expect(en.testRecord.lockdown.events).toBe(LOCKDOWN_EVENT_WORDS.en);
    const events = rows(render('fr'), 'record-station-event').map(text);
    expect(events[0]).toContain('Écran supplémentaire branché');
    expect(events[0]).toContain('HDMI-1');
    expect(events[1]).toContain('Le candidat a quitté la question (question focalisée)');
  });

  describe('says what the station knew of an event, as the invigilator screen does', () => {
    // A newer station's events (with facts), each beside the French sentence it wrote for older screens.
    const teamViewer =
      'Logiciel interdit en cours d’exécution : TeamViewer (TeamViewer.exe, prise de main à distance). Le test est suspendu.';
    const record = recordWithLockdown([
      {
        event: 'forbiddenProcess',
        detail: teamViewer,
        facts: {
          type: 'program',
          name: 'TeamViewer',
          category: 'remoteControl',
          executables: ['TeamViewer.exe'],
        },
        at: new Date(2026, 11, 8, 9, 10).toISOString(),
      },
      {
        event: 'focusRegained',
        detail: 'Retour dans le test après 2 min 10 s.',
        facts: { type: 'away', awayMs: 130_000 },
        at: new Date(2026, 11, 8, 9, 12).toISOString(),
      },
      {
        // Off since the evening before (the server's clock, as the event's time): the date is said.
        event: 'uncleanExit',
        detail: 'La station ne s’était pas arrêtée normalement.',
        facts: { type: 'lastSeen', lastSeenAt: new Date(2026, 11, 7, 18, 40).getTime() },
        at: new Date(2026, 11, 8, 9, 20).toISOString(),
      },
      {
        event: 'focusLost',
        detail: 'La fenêtre du test n’est plus au premier plan.',
        facts: { type: 'omitted', count: 12 },
        at: new Date(2026, 11, 8, 9, 25).toISOString(),
      },
    ]);
    /** Each row's detail, its last cell, its no-break spaces kept. */
    const details = (language: Language) =>
      rows(render(language, record), 'record-station-event').map((row) =>
        (row.split('<td>').at(-1) ?? '').replace(/<[^>]+>/g, '').trim(),
      );

    it('from the same words (one list for both screens)', () => {
      expect(fr.testRecord.lockdown.facts).toBe(LOCKDOWN_FACT_WORDS.fr);
      expect(en.testRecord.lockdown.facts).toBe(LOCKDOWN_FACT_WORDS.en);
    });

    it('in French, in place of the station’s sentence, saying only what the event’s name does not', () => {
      expect(details('fr')).toEqual([
        'TeamViewer (TeamViewer.exe), prise de main à distance',
        'Après 2\u00a0min 10\u00a0s d’absence',
        'Dernier signe de vie le 7 décembre à 18:40',
        '12 fois de plus, non notées dans le journal (limite atteinte)',
      ]);
      expect(render('fr', record)).not.toContain('en cours d’exécution');
    });

    it('never says the event’s name again in its detail', () => {
      for (const language of ['fr', 'en'] as const) {
        for (const row of rows(render(language, record), 'record-station-event')) {
          const cells = row.split('<td>').map((cell) => cell.replace(/<[^>]+>/g, '').trim());
          const [event, detail] = cells.slice(-2);
          expect(event).not.toBe('');
          // Not the name, nor the name's first words (« Logiciel interdit », « Retour dans la fenêtre »).
          const opening = (event ?? '').split(/\s+/).slice(0, 2).join(' ');
          expect(detail).not.toContain(opening);
        }
      }
    });

    it('in English, without a word of the station’s French', () => {
      const said = details('en');
      expect(said).toEqual([
        'TeamViewer (TeamViewer.exe), remote control',
        'After 2\u00a0min 10\u00a0s away',
        'Last sign of life on 7 December at 18:40',
        '12 more times, not written in the journal (limit reached)',
      ]);
      expect(text(render('en', record))).not.toMatch(/Logiciel|exécution|Retour|La station|fenêtre/);
    });

    it('and an older station’s sentence (no facts) as it wrote it, in French on either page', () => {
      const older = recordWithLockdown([
        { event: 'forbiddenProcess', detail: teamViewer, at: new Date(2026, 11, 8, 9, 10).toISOString() },
        { event: 'suspend', detail: ' ', at: null },
      ]);
      for (const language of ['fr', 'en'] as const) {
        const [process, suspend] = rows(render(language, older), 'record-station-event');
        expect(process).toContain(`<span lang="fr">${teamViewer}</span>`);
        expect(text(suspend ?? '')).toMatch(/ —$/);
      }
      expect(text(rows(render('en', older), 'record-station-event')[0] ?? '')).toContain(
        'Forbidden software detected',
      );
    });
  });

  it('says the header: stations in order, the end, the time and where the record comes from', () => {
    const header = text(render('fr').match(/<dl.*?<\/dl>/s)?.[0] ?? '');
    expect(header).toContain('Postes (dans l’ordre) Poste 01, Poste 02');
    expect(header).toContain('temps majoré de 30 %');
    expect(header).toContain('toutes les questions traitées');
    expect(header).toContain('temps utilisé : 52 min ; temps accordé : 2 h 27 min');
    expect(header).toContain('dont temps ajouté par le surveillant : 10 min');
    expect(header).toContain('poste arrêté pendant 2 min, non compté au candidat');
    expect(header).toContain('Résultat signé du poste, vérifié par le serveur');
    expect(header).toContain('jamais pris en compte par le poste');
  });

  it('reads in English too', () => {
    const html = render('en');
    expect(headings(html, 1)).toEqual(['Test record of Léa MARTIN']);
    expect(headings(html, 2)).toContain('Station lockdown');
    expect(text(rows(html, 'record-page')[0] ?? '')).toContain('Blocked');
    expect(html).toContain('Print the record');
  });
});
