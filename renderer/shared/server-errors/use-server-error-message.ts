// The refusal-to-sentence function for React screens, renewed when the language changes.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { serverErrorMessage, type RefusalLike } from './server-error-messages.ts';

export function useServerErrorMessage(): (refusal: RefusalLike) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    void language;
    return (refusal: RefusalLike) => serverErrorMessage(i18n, refusal);
  }, [i18n, language]);
}
