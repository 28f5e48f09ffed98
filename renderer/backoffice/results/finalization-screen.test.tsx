// The back office's finalization keeps the referent's answers above the form: when the room changed
// while they confirmed (a test resumed, an alert raised), the list of what to settle in the room replaces
// the form, says why, and that the answers are kept (finalization-form.ts, hasAnswers).
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { ApiFailure } from '../api/centre-client.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { AbortReasonFor, FinalizationConfirmText, StillInTheRoom } from './finalization-screen.tsx';
import { inSession, jade1, jade2, withNamesakes } from './namesake-fixtures.tsx';

type Running = Parameters<typeof StillInTheRoom>[0]['running'];
const running: Running = [{ candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin', started: true }];

function blocked(
  language: Language,
  options: { refusal?: ApiFailure | null; answersKept: boolean; running?: Running },
): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      {inSession(
        <StillInTheRoom
          running={options.running ?? running}
          pendingAlerts={[]}
          refusal={options.refusal ?? null}
          answersKept={options.answersKept}
          onRecheck={() => undefined}
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

describe('the back office’s finalization while the room blocks it', () => {
  it('says the refusal and that the answers are kept, with the tests to settle', () => {
    const refusal = new ApiFailure(409, 'TESTS_STILL_RUNNING', 'tests are still running');
    const html = blocked('fr', { refusal, answersKept: true });
    const notice = /<div[^>]*data-testid="error"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? '';
    expect(notice).toContain('data-code="TESTS_STILL_RUNNING"');
    expect(text(notice)).toContain('Vos réponses sont gardées');
    expect(text(html)).toContain('Léa MARTIN');
    expect(text(blocked('en', { refusal, answersKept: true }))).toContain('Your answers are kept');
  });

  it('says the answers are kept after a plain « Vérifier à nouveau », and nothing of them when there are none', () => {
    expect(text(blocked('fr', { answersKept: true }))).toContain(
      'Vos réponses sont gardées : elles reviendront dans le formulaire dès que la salle sera réglée',
    );
    const none = blocked('fr', { answersKept: false });
    expect(none).not.toContain('data-testid="answers-kept"');
    expect(none).not.toContain('data-testid="error"');
  });
});

/** The section of `html` with this test id. */
const section = (html: string, testId: string) =>
  new RegExp(`<section[^>]*data-testid="${testId}"[^>]*>.*?</section>`, 's').exec(html)?.[0] ?? '';

describe('a candidate signed in whose test never started, at finalization', () => {
  const mixed: Running = [
    { candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin', started: true },
    { candidateId: 'can_2', firstName: 'Noé', lastName: 'Petit', started: false },
  ];

  it('is not told to end the test or authorize the resume (refused for a test never started), but to close the station', () => {
    const html = blocked('fr', { answersKept: false, running: mixed });
    const started = text(section(html, 'still-running'));
    expect(started).toContain('Léa MARTIN');
    expect(started).toContain('« Terminer le test »');
    expect(started).not.toContain('Noé PETIT');
    const notStarted = text(section(html, 'signed-in-not-started'));
    expect(notStarted).toContain('Noé PETIT');
    expect(notStarted).toContain('« Fermer le poste »');
    expect(notStarted).not.toMatch(/Terminer le test|Autoriser la reprise/);
    expect(notStarted).not.toContain('Léa MARTIN');
  });

  it('shows only the closing advice when no test started', () => {
    const html = blocked('en', { answersKept: false, running: [mixed[1]!] });
    expect(html).not.toContain('data-testid="still-running"');
    const notStarted = text(section(html, 'signed-in-not-started'));
    expect(notStarted).toContain('&quot;Close the station&quot;');
    expect(notStarted).not.toMatch(/End the test|Authorize resume/);
  });
});

describe('the confirmation of a finalization', () => {
  const confirmText = (language: Language, absent: number) =>
    text(
      renderToStaticMarkup(
        <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
          <FinalizationConfirmText absent={absent} />
        </I18nextProvider>,
      ),
    );

  it('says how many enrolled candidates did not start and that they will be recorded absent', () => {
    expect(confirmText('fr', 2)).toContain('2 inscrits n’ont pas commencé : ils seront notés absents');
    expect(confirmText('fr', 1)).toContain('1 inscrit n’a pas commencé : il sera noté absent');
    expect(confirmText('en', 2)).toContain(
      '2 enrolled candidates have not started: they will be marked absent',
    );
    expect(confirmText('fr', 0)).not.toContain('absent');
  });
});

describe('finalizing a session with two namesakes', () => {
  const render = (language: Language, node: React.ReactNode) =>
    text(
      renderToStaticMarkup(
        <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
          {withNamesakes(node)}
        </I18nextProvider>,
      ),
    );
  const unfinished = (candidate: { candidateId: string; firstName: string; lastName: string }) => ({
    candidateId: candidate.candidateId,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    endReason: 'endedByInvigilator' as const,
    resultReceived: true,
  });
  const reasonFor = (language: Language, candidate: Parameters<typeof unfinished>[0]) =>
    render(
      language,
      <AbortReasonFor test={unfinished(candidate)} value={null} onChange={() => undefined} invalid={false} />,
    );

  it('asks the abort reason of each with the birthdate, even when the other is not listed; the third without', () => {
    expect(reasonFor('fr', jade2)).toContain(
      'Pourquoi le test de Jade MOREAU (14/02/2012) n’est-il pas terminé',
    );
    expect(reasonFor('fr', jade1)).toContain(
      'Pourquoi le test de Jade MOREAU (08/09/2011) n’est-il pas terminé',
    );
    const lea = reasonFor('fr', { candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin' });
    expect(lea).toContain('Pourquoi le test de Léa MARTIN n’est-il pas terminé');
    expect(lea).not.toMatch(/Léa MARTIN \(\d/);
    expect(reasonFor('en', jade2)).toContain('Jade MOREAU (14/02/2012)');
  });

  it('names the namesake with the birthdate in what is still to settle in the room', () => {
    const html = render(
      'fr',
      <StillInTheRoom
        running={[{ candidateId: jade1.candidateId, firstName: 'Jade', lastName: 'Moreau', started: true }]}
        pendingAlerts={[{ candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin', questionNumber: 4 }]}
        refusal={null}
        answersKept={false}
        onRecheck={() => undefined}
      />,
    );
    expect(html).toContain('Jade MOREAU (08/09/2011)');
    expect(html).toContain('Léa MARTIN');
    expect(html).not.toMatch(/Léa MARTIN \(\d/);
  });
});
