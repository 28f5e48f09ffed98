// « Finalisation » on the results page shows the jury what it must review: the general comment, the
// two yes/no answers, and every report with its code's meaning, its candidate (absent ones too), its
// question and its text (the table used to show bare codes and nothing of the finalization).
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import type { Incident } from '../api/centre-client.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { FinalizationPanel } from './finalization-panel.tsx';
import { incident, juryResult, juryResults } from './jury-fixtures.ts';
import { candidatesById } from './jury-review.ts';
import { inSession, jade1, jade2, withNamesakes } from './namesake-fixtures.tsx';

const finalization = {
  globalComment: 'Coupure réseau à 10 h 12 pendant cinq minutes.',
  hadIncident: true,
  candidateCouldNotJoin: false,
  needsJury: true,
};
const results = juryResults([juryResult('can_1', 'Léa', 'Martin')], {
  finalization,
  absent: [{ candidateId: 'can_2', firstName: 'Hugo', lastName: 'Bernard' }],
});
const reports = [
  incident({
    id: 'inc_1',
    candidateId: 'can_1',
    code: 'E4',
    questionNumber: 12,
    description: 'Le site de la question ne répondait plus.',
  }),
  incident({ id: 'inc_2', candidateId: 'can_2', code: 'C8' }),
];

function panel(
  language: Language,
  answers: Results['finalization'] = finalization,
  incidents: Incident[] = reports,
) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      {inSession(
        <FinalizationPanel
          finalization={answers}
          incidents={incidents}
          candidates={candidatesById(results)}
        />,
      )}
    </I18nextProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
const row = (html: string, code: string) =>
  text(new RegExp(`<tr[^>]*data-code="${code}"[^>]*>(.*?)</tr>`).exec(html)?.[1] ?? '');

describe('the « Finalisation » panel of the results page', () => {
  it('is a section named by its title, with the comment and both answers', () => {
    const html = panel('fr');
    expect(html).toMatch(/^<section[^>]*aria-labelledby="finalization-panel"/);
    expect(html).toContain('<h2 id="finalization-panel">Finalisation</h2>');
    expect(text(html)).toContain('Commentaire général Coupure réseau à 10 h 12 pendant cinq minutes.');
    expect(text(html)).toContain('Un incident pendant la session ? Oui');
    expect(text(html)).toContain('Un candidat inscrit a-t-il été empêché de rejoindre la session ? Non');
  });

  it('lists each report with its code’s meaning, its candidate, its question and its text', () => {
    const html = panel('fr');
    expect(row(html, 'E4')).toBe(
      'Léa MARTIN E4 — Le site à consulter est indisponible à examiner par le jury Question 12 Le site de la question ne répondait plus.',
    );
    // An absent candidate's report too; a C code has no question, and no text says so.
    expect(row(html, 'C8')).toBe(
      'Hugo BERNARD C8 — Problème non bloquant lié au candidat — pas de description',
    );
    expect(html).toContain('<th scope="row">Léa MARTIN</th>');
  });

  it('says when there is no comment and no report, or when the finalization’s answers are missing', () => {
    const none = panel('fr', { ...finalization, globalComment: '' }, []);
    expect(text(none)).toContain('Commentaire général Aucun commentaire.');
    expect(none).toContain('data-testid="reports-none"');
    expect(none).not.toContain('<table');
    expect(panel('fr', null)).toContain('data-testid="finalization-missing"');
  });

  it('says it in English too', () => {
    const html = panel('en');
    expect(text(html)).toContain('An incident during the session? Yes');
    expect(row(html, 'E4')).toContain('E4 — The website is unavailable for the jury to review Question 12');
    expect(html).not.toMatch(/Commentaire|Signalements|indisponible/);
  });
});

describe('the « Finalisation » panel of a session with two namesakes', () => {
  it('names the namesake a report is about with the birthdate, the third candidate without', () => {
    // The report is on the absent « Jade MOREAU »; the other has a result, Léa MARTIN a report too.
    const namesakes = juryResults(
      [
        juryResult(jade1.candidateId, 'Jade', 'Moreau', { birthdate: jade1.birthdate }),
        juryResult('can_1', 'Léa', 'Martin'),
      ],
      { finalization, absent: [{ candidateId: jade2.candidateId, firstName: 'Jade', lastName: 'Moreau' }] },
    );
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={addBackOfficeMessages(createI18n('fr'))}>
        {withNamesakes(
          <FinalizationPanel
            finalization={finalization}
            incidents={[
              incident({ id: 'inc_1', candidateId: jade2.candidateId, code: 'C8' }),
              incident({ id: 'inc_2', candidateId: 'can_1', code: 'C7' }),
            ]}
            candidates={candidatesById(namesakes)}
          />,
        )}
      </I18nextProvider>,
    );
    expect(row(html, 'C8')).toMatch(/^Jade MOREAU \(14\/02\/2012\) C8/);
    expect(row(html, 'C7')).toMatch(/^Léa MARTIN C7/);
  });
});
