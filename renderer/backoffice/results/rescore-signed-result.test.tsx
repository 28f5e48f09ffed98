// The re-scoring's confirmation asks why a test stopped early when nobody said it: a radio group with
// its legend, both reasons and what each one means, in French and in English, none chosen beforehand.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { AbortReasonQuestion } from './rescore-signed-result.tsx';

function question(language: Language, missing = false): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      <AbortReasonQuestion name="Léa MARTIN" value={null} missing={missing} onChange={() => undefined} />
    </I18nextProvider>,
  );
}

describe('the abort reason asked when re-scoring with a late signed result', () => {
  it('is a fieldset whose legend names the candidate, with both reasons and none chosen', () => {
    const html = question('fr');
    expect(html).toMatch(/^<fieldset/);
    expect(html).toContain('<legend>Pourquoi le test de Léa MARTIN s’est-il arrêté avant la fin ?</legend>');
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain('value="candidate"');
    expect(html).toContain('value="technical"');
    expect(html).toContain('Abandon du candidat');
    expect(html).toContain('Problème technique');
    expect(html).not.toContain('checked');
    // What the choice decides is read with the question.
    const hintId = /<p class="hint" id="([^"]+)">La décision du jury/.exec(html)?.[1];
    expect(hintId).toBeTruthy();
    expect(html).toContain(`aria-describedby="${hintId}"`);
  });

  it('says next to the question that a reason is needed, tied to it and marked invalid', () => {
    const html = question('fr', true);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Choisissez une raison pour ce test.');
    const errorId = /<p class="field-error" id="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(new RegExp(`aria-describedby="${errorId} `));
  });

  it('asks it in English too', () => {
    const html = question('en', true);
    expect(html).toContain('<legend>Why did Léa MARTIN&#x27;s test stop before the end?</legend>');
    expect(html).toContain('Candidate');
    expect(html).toContain('Technical');
    expect(html).not.toMatch(/Pourquoi|Abandon|Choisissez/);
  });
});
