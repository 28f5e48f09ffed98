// The back office's finalization keeps the referent's answers above the form: when the room changed
// while they confirmed (a test resumed, an alert raised), the list of what to settle in the room replaces
// the form, says why, and that the answers are kept (finalization-form.ts, hasAnswers).
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { ApiFailure } from '../api/centre-client.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { StillInTheRoom } from './finalization-screen.tsx';

const running = [{ candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin' }];

function blocked(language: Language, options: { refusal?: ApiFailure | null; answersKept: boolean }): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      <StillInTheRoom
        running={running as Parameters<typeof StillInTheRoom>[0]['running']}
        pendingAlerts={[]}
        refusal={options.refusal ?? null}
        answersKept={options.answersKept}
        onRecheck={() => undefined}
      />
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
