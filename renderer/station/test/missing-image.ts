// The words that stand in for an image of the question's text that the station does not show (an image
// from the web is never fetched, safe-markdown.ts): the candidate sees that an image is missing and
// what it showed, and can report a problem if it was needed to answer.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useMissingImageWords(): (alt: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (alt: string) => (alt === '' ? t('test.imageNotShownNoAlt') : t('test.imageNotShown', { alt })),
    [t],
  );
}
