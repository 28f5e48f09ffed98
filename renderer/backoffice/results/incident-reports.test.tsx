// The back office's finalization page records coded incident reports: the reports already recorded,
// each with its code's meaning and a labelled « Retirer »; a form with the candidate, the code (C and E
// groups, each with its meaning), the question's number only for an E code, and a description; every
// field labelled, errors tied to their fields.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import type { Incident } from '../api/centre-client.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { CandidateNamesProvider, rosterOf } from './candidate-names.tsx';
import { emptyIncidentDraft, type IncidentDraft } from './incident-report-form.ts';
import { IncidentReports, incidentActions, type IncidentData } from './incident-reports.tsx';
import { incident } from './jury-fixtures.ts';

const candidates = [
  { id: 'can_1', firstName: 'Léa', lastName: 'Martin', birthdate: '2011-04-02' },
  { id: 'can_2', firstName: 'Hugo', lastName: 'Bernard', birthdate: '2010-11-23' },
];
const reports = [
  incident({
    id: 'inc_1',
    candidateId: 'can_1',
    code: 'E4',
    questionNumber: 12,
    description: 'Site en panne.',
  }),
];

function section(
  language: Language,
  options: { incidents?: Incident[]; draft?: IncidentDraft; candidates?: typeof candidates } = {},
) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      <CandidateNamesProvider roster={rosterOf(options.candidates ?? candidates)}>
        <IncidentReports
          candidates={options.candidates ?? candidates}
          incidents={options.incidents ?? reports}
          onReport={() => Promise.reject(new Error('not in this test'))}
          onWithdraw={() => Promise.resolve()}
          initialDraft={options.draft}
        />
      </CandidateNamesProvider>
    </I18nextProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const labelled = (html: string, label: string) => {
  const id = new RegExp(`<label for="([^"]+)">${label}`).exec(html)?.[1];
  expect(id, label).toBeTruthy();
  return new RegExp(`<(select|input|textarea)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
};

describe('the incident reports of a session with two namesakes', () => {
  const jades = [
    ...candidates,
    { id: 'can_3', firstName: 'Jade', lastName: 'Moreau', birthdate: '2011-09-08' },
    { id: 'can_4', firstName: 'Jade', lastName: 'MOREAU', birthdate: '2012-02-14' },
  ];
  const onJade = [incident({ id: 'inc_2', candidateId: 'can_4', code: 'C8' })];

  it('names each of the two with the birthdate, in the choice of candidate and in the reports; the others without', () => {
    const html = section('fr', { candidates: jades, incidents: onJade });
    expect(html).toContain('<option value="can_3">MOREAU Jade (08/09/2011)</option>');
    expect(html).toContain('<option value="can_4">MOREAU Jade (14/02/2012)</option>');
    expect(html).toContain('<option value="can_1">MARTIN Léa</option>');
    const row = /<tr[^>]*data-code="C8"[^>]*>.*?<\/tr>/s.exec(html)?.[0] ?? '';
    expect(text(row)).toMatch(/^Jade MOREAU \(14\/02\/2012\) C8/);
    expect(row).toContain('aria-label="Retirer le signalement C8 de Jade MOREAU (14/02/2012)"');
    expect(section('en', { candidates: jades, incidents: onJade })).toContain(
      '<option value="can_3">MOREAU Jade (08/09/2011)</option>',
    );
  });
});

describe('the incident reports on the back office’s finalization page', () => {
  it('lists the reports recorded, each with its meaning, question, text and a labelled withdrawal', () => {
    const html = section('fr');
    expect(html).toMatch(/^<section[^>]*aria-labelledby="incident-reports"/);
    expect(html).toContain('N’écrivez pas les incidents dans le commentaire général.');
    const row = /<tr[^>]*data-code="E4"[^>]*>.*?<\/tr>/s.exec(html)?.[0] ?? '';
    expect(text(row)).toBe(
      'Léa MARTIN E4 — Le site à consulter est indisponible Question 12 Site en panne. Retirer',
    );
    expect(row).toContain('aria-label="Retirer le signalement E4 de Léa MARTIN"');
    expect(html).toContain('<caption>Signalements déjà enregistrés</caption>');
    expect(section('fr', { incidents: [] })).toContain('Aucun signalement enregistré pour l’instant.');
  });

  it('asks the candidate and the code, every code with its meaning in its group', () => {
    const html = section('fr');
    const candidate = labelled(html, 'Candidat concerné');
    expect(candidate).toMatch(/^<select/);
    expect(html).toMatch(
      /<option value="" selected="">Choisissez un candidat<\/option><option value="can_2">BERNARD Hugo<\/option><option value="can_1">MARTIN Léa<\/option>/,
    );
    expect(labelled(html, 'Code de l’incident')).toMatch(/^<select/);
    expect(html).toContain('<optgroup label="Le candidat ou la session (codes C)">');
    expect(html).toContain('<option value="C6">C6 — Suspicion de fraude</option>');
    expect(html).toContain('<optgroup label="Une question du test (codes E)">');
    expect(html).toContain('<option value="E10">E10 — Perte de focus involontaire</option>');
    expect(html.match(/<option value="[CE]\d+">/g)).toHaveLength(16);
    expect(labelled(html, 'Description')).toMatch(/^<textarea/);
    expect(html).toContain(
      '<button type="submit" class="button button-secondary">Enregistrer le signalement</button>',
    );
  });

  it('asks the question’s number once an E code is chosen, and only then', () => {
    expect(section('fr')).not.toContain('Numéro de la question');
    expect(section('fr', { draft: { ...emptyIncidentDraft, code: 'C7' } })).not.toContain(
      'Numéro de la question',
    );
    const html = section('fr', { draft: { ...emptyIncidentDraft, code: 'E4' } });
    const input = labelled(html, 'Numéro de la question');
    expect(input).toMatch(/^<input/);
    expect(input).toContain('inputMode="numeric"');
    expect(html).toContain('Pour un code E : le numéro de la question touchée, de 1 à 48.');
  });

  it('says when there is no candidate to report on', () => {
    const html = section('fr', { candidates: [], incidents: [] });
    expect(html).toContain('Aucun candidat inscrit : il n’y a rien à signaler.');
    expect(html).not.toContain('<form');
  });

  it('says it in English too', () => {
    const html = section('en', { draft: { ...emptyIncidentDraft, code: 'E4' } });
    expect(text(html)).toContain('Léa MARTIN E4 — The website is unavailable Question 12');
    expect(html).toContain('aria-label="Withdraw report E4 of Léa MARTIN"');
    expect(labelled(html, 'Question number')).toMatch(/^<input/);
    expect(html).not.toMatch(/Signalement|Retirer|Choisissez/);
  });
});

describe('saving and withdrawing reports that overlap', () => {
  /** A request whose answer the test gives when it wants. */
  function deferred<T>() {
    let resolve: (value: T) => void = () => undefined;
    const promise = new Promise<T>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  }

  /** The page's data, changed as React's functional updates change it: each on the current value. */
  function page(incidents: Incident[]) {
    const state: { data: IncidentData } = { data: { candidates: [], incidents } };
    const update = (change: (current: IncidentData) => IncidentData) => {
      state.data = change(state.data);
    };
    return { state, update };
  }

  const inc1 = reports[0] as Incident;
  const inc2 = incident({ id: 'inc_2', candidateId: 'can_2', code: 'C1' });
  const saved = incident({ id: 'inc_3', candidateId: 'can_2', code: 'C6' });

  it('keeps a report saved while another was being withdrawn, and the withdrawal too', async () => {
    const { state, update } = page([inc1]);
    const reported = deferred<Incident>();
    const withdrawn = deferred<void>();
    const actions = incidentActions(
      { reportIncident: () => reported.promise, withdrawIncident: () => withdrawn.promise },
      'ses_1',
      update,
    );
    const saving = actions.onReport({ candidateId: 'can_2', code: 'C6', description: '' });
    const withdrawing = actions.onWithdraw(inc1);
    withdrawn.resolve();
    await withdrawing;
    reported.resolve(saved);
    await saving;
    expect(state.data.incidents.map((i) => i.id)).toEqual(['inc_3']);
  });

  it('does not bring back a report withdrawn while another was being withdrawn', async () => {
    const { state, update } = page([inc1, inc2]);
    const first = deferred<void>();
    const second = deferred<void>();
    const answers = [first.promise, second.promise];
    const actions = incidentActions(
      {
        reportIncident: () => Promise.reject(new Error('not in this test')),
        withdrawIncident: () => answers.shift() ?? Promise.resolve(),
      },
      'ses_1',
      update,
    );
    const one = actions.onWithdraw(inc1);
    const two = actions.onWithdraw(inc2);
    second.resolve();
    first.resolve();
    await Promise.all([one, two]);
    expect(state.data.incidents).toEqual([]);
  });
});
