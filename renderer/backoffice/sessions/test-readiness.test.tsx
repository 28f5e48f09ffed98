// What the referent reads when the session's tests are not ready: one plain sentence per candidate or
// file, saying what to do, in French and English; headings and lists, said aloud when the check ends.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CompetenceCode } from '../../../core/framework/crcn.ts';
import { ApiFailure, type SessionReadiness } from '../api/centre-client.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { nextStep, type NextStep } from './next-step.ts';
import { SessionNextStep } from './session-next-step.tsx';
import {
  askedToSentence,
  extensionOf,
  testProblems,
  unbuildableSentence,
  unopenableElsewhere,
  unopenableSentence,
} from './test-readiness.ts';

const fr = translator(addBackOfficeMessages(createI18n('fr')));
const en = translator(addBackOfficeMessages(createI18n('en')));
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ODP = 'application/vnd.oasis.opendocument.presentation';
const lea = { candidateId: 'cnd_lea', firstName: 'Léa', lastName: 'Martin' };
const hugo = { candidateId: 'cnd_hugo', firstName: 'Hugo', lastName: 'Bernard' };
/** The session's candidates (the check lists them without their birthdates). */
const roster = [
  { ...lea, birthdate: '2011-03-07' },
  { ...hugo, birthdate: '2010-11-23' },
];
const budget = { challengeId: 'recBudget', fileName: 'budget.pptx', mediaType: PPTX };
const letter = { challengeId: 'recLettre', fileName: 'lettre.odp', mediaType: ODP };

const report = (extra: Partial<SessionReadiness> = {}): SessionReadiness => ({
  candidates: [],
  notChecked: { withoutProfile: 0, notCertifiable: 0, alreadyGenerated: 0 },
  bank: { operative: 40, unopenable: [], moreUnopenable: 0 },
  ...extra,
});
const missing = (competences: CompetenceCode[]) =>
  ({ code: 'MISSING_CHALLENGES', competences, message: 'no challenge' }) as const;

describe('the readiness problems of a session’s tests', () => {
  it('says whose test cannot be prepared and what to do, in plain French and English', () => {
    const problems = testProblems(
      report({
        candidates: [
          { ...lea, error: missing(['3.1']), unopenable: [], moreUnopenable: 0 },
          { ...hugo, error: missing(['1.2', '3.1', '4.2']), unopenable: [], moreUnopenable: 0 },
        ],
      }),
      roster,
      'fr-FR',
    );
    // By name: BERNARD before MARTIN.
    expect(problems?.unbuildable.map((u) => unbuildableSentence(u, fr, 'fr-FR'))).toEqual([
      'Le test de Hugo BERNARD ne peut pas être préparé : la banque n’a pas assez de questions pour les compétences 1.2, 3.1 et 4.2. Importez une banque plus complète.',
      'Le test de Léa MARTIN ne peut pas être préparé : la banque n’a pas assez de questions pour la compétence 3.1. Importez une banque plus complète.',
    ]);
    expect(unbuildableSentence(problems!.unbuildable[1]!, en, 'en-GB')).toBe(
      "Léa MARTIN's test cannot be prepared: the bank does not have enough questions for competence 3.1. Import a more complete bank.",
    );
    const invalid = {
      candidateId: 'c',
      name: 'Léa MARTIN',
      error: { code: 'INVALID_PROFILE', message: '' },
    } as const;
    expect(unbuildableSentence(invalid, fr, 'fr-FR')).toMatch(
      /^Le test de Léa MARTIN ne peut pas .* Importez-le de nouveau\.$/,
    );
  });

  it('groups the files the stations cannot open by question, with whom it may be asked', () => {
    const problems = testProblems(
      report({
        candidates: [
          { ...lea, error: null, unopenable: [budget, letter], moreUnopenable: 0 },
          { ...hugo, error: null, unopenable: [budget], moreUnopenable: 0 },
        ],
      }),
      roster,
      'fr-FR',
    );
    expect(problems?.unopenable).toEqual([
      { ...budget, candidates: ['Hugo BERNARD', 'Léa MARTIN'] },
      { ...letter, candidates: ['Léa MARTIN'] },
    ]);
    const [first] = problems?.unopenable ?? [];
    expect(`${unopenableSentence(first!, fr)} ${askedToSentence(first!, fr, 'fr-FR')}`).toBe(
      'La question recBudget utilise un fichier .pptx (« budget.pptx ») que les postes ne peuvent pas ouvrir : remplacez-le par un PDF, un CSV, un classeur (.xlsx, .ods) ou un document (.docx, .odt). Elle peut être posée à Hugo BERNARD et Léa MARTIN.',
    );
    expect(unopenableSentence(first!, en)).toBe(
      'Question recBudget uses a .pptx file ("budget.pptx") the stations cannot open: replace it with a PDF, a CSV, a spreadsheet (.xlsx, .ods) or a document (.docx, .odt).',
    );
    // A file named without an extension: its media type says what it is.
    expect(unopenableSentence({ ...letter, fileName: 'lettre' }, fr)).toBe(
      `La question recLettre utilise un fichier «\u202flettre\u202f» (${ODP}) que les postes ne peuvent pas ouvrir\u00a0: remplacez-le par un PDF, un CSV, un classeur (.xlsx, .ods) ou un document (.docx, .odt).`,
    );
    expect([extensionOf('Budget.XLSX'), extensionOf('notes'), extensionOf('archive.tar.gz')]).toEqual([
      '.xlsx',
      null,
      '.gz',
    ]);
  });

  it('finds nothing to fix when every test is ready, and counts the bank’s other files apart', () => {
    const ok = report({
      candidates: [{ ...lea, error: null, unopenable: [], moreUnopenable: 0 }],
      bank: { operative: 40, unopenable: [letter], moreUnopenable: 2 },
    });
    expect(testProblems(ok, roster, 'fr-FR')).toBeNull();
    expect(unopenableElsewhere(ok)).toEqual({ files: [letter], count: 3 });
    expect(
      unopenableElsewhere(
        report({
          candidates: [{ ...lea, error: null, unopenable: [letter], moreUnopenable: 0 }],
          bank: { operative: 40, unopenable: [letter, budget], moreUnopenable: 0 },
        }),
      ),
    ).toEqual({ files: [budget], count: 1 });
    // Files the server left out of a candidate's list still stop « Tout est prêt ».
    expect(
      testProblems(
        report({ candidates: [{ ...lea, error: null, unopenable: [], moreUnopenable: 3 }] }),
        roster,
        'fr-FR',
      ),
    ).toEqual({ unbuildable: [], unopenable: [], moreUnopenable: true });
  });
});

describe('the readiness problems of a session with two namesakes', () => {
  const jade1 = { candidateId: 'cnd_j1', firstName: 'Jade', lastName: 'Moreau' };
  const jade2 = { candidateId: 'cnd_j2', firstName: 'Jade', lastName: 'MOREAU' };
  const jades = [...roster, { ...jade1, birthdate: '2011-09-08' }, { ...jade2, birthdate: '2012-02-14' }];

  it('names the namesake with the birthdate, whose test or file it is, even when the check lists her alone', () => {
    const problems = testProblems(
      report({
        candidates: [
          { ...jade2, error: missing(['3.1']), unopenable: [budget], moreUnopenable: 0 },
          { ...lea, error: null, unopenable: [budget], moreUnopenable: 0 },
        ],
      }),
      jades,
      'fr-FR',
    );
    expect(unbuildableSentence(problems!.unbuildable[0]!, fr, 'fr-FR')).toMatch(
      /^Le test de Jade MOREAU \(14\/02\/2012\) ne peut pas être préparé/,
    );
    expect(unbuildableSentence(problems!.unbuildable[0]!, en, 'en-GB')).toMatch(
      /^Jade MOREAU \(14\/02\/2012\)'s test cannot be prepared/,
    );
    expect(problems?.unopenable[0]?.candidates).toEqual(['Léa MARTIN', 'Jade MOREAU (14/02/2012)']);
  });

  it('writes her birthdate as the page’s language does (the locale it is given, never French regardless)', () => {
    const check = report({
      candidates: [{ ...jade2, error: missing(['3.1']), unopenable: [budget], moreUnopenable: 0 }],
    });
    const named = (locale: string) => testProblems(check, jades, locale)?.unbuildable[0]?.name;
    expect(named('fr-FR')).toBe('Jade MOREAU (14/02/2012)');
    // A locale that puts the month first tells the page's language from French.
    expect(named('en-US')).toBe('Jade MOREAU (02/14/2012)');
    const ready = [{ id: 'cnd_j2', firstName: 'Jade', lastName: 'MOREAU', birthdate: '2012-02-14' }];
    const step = nextStep(
      { state: 'created', date: '2026-12-08', publishedAt: null, counts: { running: 0 } } as never,
      [...ready, { ...ready[0], id: 'cnd_j1', birthdate: '2011-09-08' }].map((c) => ({
        ...c,
        profile: {},
        certifiable: true,
      })) as never,
      40,
      '2026-12-01',
      { state: 'loaded', report: check },
      'en-US',
    );
    expect(step).toMatchObject({
      step: 'testsNotReady',
      problems: { unbuildable: [{ name: 'Jade MOREAU (02/14/2012)' }] },
    });
  });
});

function render(
  step: NextStep,
  options: { report?: SessionReadiness; failure?: ApiFailure; language?: Language } = {},
) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(options.language ?? 'fr'))}>
      <SessionNextStep
        step={step}
        centreId="ctr_1"
        report={options.report ?? null}
        failure={options.failure ?? null}
        onCheckAgain={() => undefined}
      />
    </I18nextProvider>,
  );
}

describe('the session page’s next step, with the check of the tests', () => {
  const session = {
    date: '2026-12-08',
    time: '09:00',
    state: 'created',
    publishedAt: null,
    counts: { candidates: 2, joined: 0, started: 0, resultsReceived: 0, resultsRefused: 0, running: 0 },
  } as never;
  const candidates = roster.map((c) => ({
    ...c,
    id: c.candidateId,
    profile: {},
    certifiable: true,
  })) as never;
  const stepFor = (r: SessionReadiness) =>
    nextStep(session, candidates, 40, '2026-12-01', { state: 'loaded', report: r }, 'fr-FR');

  it('says the check is under way, in a status region, never « Tout est prêt » meanwhile', () => {
    const html = render(nextStep(session, candidates, 40, '2026-12-01', { state: 'loading' }, 'fr-FR'));
    expect(html).toMatch(/<p data-step="checking" role="status">Vérification que le test de chaque candidat/);
    expect(html).not.toContain('Tout est prêt');
  });

  it('says why the check failed, with a retry, never « Tout est prêt »', () => {
    const html = render(nextStep(session, candidates, 40, '2026-12-01', { state: 'failed' }, 'fr-FR'), {
      failure: new ApiFailure(0, 'NETWORK', 'fetch failed'),
    });
    expect(html).toContain('la vérification de leurs tests n’a pas abouti');
    expect(html).toContain('data-testid="error"');
    expect(html).toContain('>Réessayer</button>');
    expect(html).not.toContain('Tout est prêt');
  });

  it('lists who is affected and what to do under headings, with a way to the bank and to check again', () => {
    const r = report({
      candidates: [
        { ...lea, error: missing(['3.1']), unopenable: [], moreUnopenable: 0 },
        { ...hugo, error: null, unopenable: [budget], moreUnopenable: 0 },
      ],
      bank: { operative: 40, unopenable: [budget, letter], moreUnopenable: 0 },
    });
    const html = render(stepFor(r), { report: r });
    expect(html).not.toContain('Tout est prêt');
    expect(html).toContain('Tout n’est pas prêt');
    expect(html).toContain('<h2 id="unbuildable-tests">1 test ne peut pas être préparé</h2>');
    expect(html).toContain(
      '<li data-candidate-id="cnd_lea" data-code="MISSING_CHALLENGES">Le test de Léa MARTIN ne peut pas être préparé : la banque n’a pas assez de questions pour la compétence 3.1. Importez une banque plus complète.</li>',
    );
    expect(html).toContain(
      '<h2 id="unopenable-files">1 fichier joint que les postes ne peuvent pas ouvrir</h2>',
    );
    expect(html).toContain('Elle peut être posée à Hugo BERNARD.');
    expect(html).toContain('href="#/centres/ctr_1/content"');
    expect(html).toContain('>Vérifier de nouveau</button>');
    // The bank's other file, which no candidate here can be asked, is said apart.
    expect(html).toContain(
      'La banque contient aussi 1 question avec un fichier que les postes ne peuvent pas ouvrir.',
    );
    expect(html).toContain('<summary>Voir ces questions</summary>');
    const english = render(stepFor(r), { report: r, language: 'en' });
    expect(english).toContain('<h2 id="unbuildable-tests">1 test cannot be prepared</h2>');
    expect(english).toContain('It may be asked to Hugo BERNARD.');
  });

  it('says « Tout est prêt » once every test can be built and opened', () => {
    const r = report({ candidates: [{ ...lea, error: null, unopenable: [], moreUnopenable: 0 }] });
    const html = render(stepFor(r), { report: r });
    expect(html).toContain('<p data-step="ready" role="status">Tout est prêt : imprimez le kit de session');
    expect(html).not.toContain('<h2');
    expect(html).not.toContain('bank-unopenable');
  });
});
