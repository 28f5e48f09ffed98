// The words that stand in for an image of the question's text that the station does not show (an image
// from the web is never fetched, safe-markdown.ts): each one is marked briefly where it was, with what
// it showed. What to do if one is needed to answer (« Signaler un problème ») is said once for the whole
// question (imagesNotShown, right after its text): said in every mark, a screen reader would read it as
// many times as there are images, and a stressed reader would wade through it each time.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSafeMarkdown } from '../../shared/markdown/safe-markdown.ts';

export function useMissingImageWords(): (alt: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (alt: string) => (alt === '' ? t('test.imageNotShownNoAlt') : t('test.imageNotShown', { alt })),
    [t],
  );
}

/**
 * How many images the texts of one question (its instruction, its proposals) hold that the station
 * does not show: the images the very rendering that marks them turned into words (the sanitized
 * HTML, not the Markdown: an image inside a tag the sanitizer removes is never marked, an `<image>`
 * tag is one). It needs a DOM, as MarkdownView does.
 */
export function missingImageCount(
  texts: readonly (string | undefined)[],
  resolveImage: (src: string) => string | null,
): number {
  let count = 0;
  for (const markdown of texts) {
    if (markdown) count += renderSafeMarkdown(markdown, { resolveImage }).missingImages;
  }
  return count;
}
