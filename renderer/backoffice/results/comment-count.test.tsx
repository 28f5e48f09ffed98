// The comment's count is not read aloud on every keystroke; going over the limit is said in words
// (not a bare « ! »), and announced once (shared/comment-count.test.tsx).
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { CommentCount, commentCountWords } from './comment-count.tsx';

function count(length: number, language: Language = 'fr'): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n(language))}>
      <CommentCount id="count" length={length} />
    </I18nextProvider>,
  );
}

describe('the global comment’s count in the back office', () => {
  it('is no live region: a screen reader reads it with the field, not on every keystroke', () => {
    expect(count(12)).not.toContain('aria-live');
    expect(count(12)).toContain('12 / 500 caractères');
    expect(count(612)).not.toContain('aria-live');
  });

  it('says in words how far over the limit the text is, with no bare « ! »', () => {
    expect(count(523)).toContain('523 / 500 caractères : 23 de trop');
    expect(count(523)).not.toContain('!');
    expect(count(501, 'en')).toContain('501 / 500 characters: 1 too many');
  });

  it('words the crossing of the limit in the back office’s language', () => {
    const words = commentCountWords(translator(addBackOfficeMessages(createI18n('fr'))));
    expect(words.wentOver({ max: 500 })).toBe(
      'Le commentaire fait plus de 500 caractères : raccourcissez-le.',
    );
    expect(words.backUnder({ max: 500 })).toBe('Le commentaire tient de nouveau en 500 caractères.');
  });
});
