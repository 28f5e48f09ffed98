// The page's messages live in their own i18next namespace, next to the shared ones (language switch).
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { fr } from './fr.ts';

const NAMESPACE = 'verify';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof fr>;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function addVerifyMessages(i18n: I18n): I18n {
  i18n.addResourceBundle('fr', NAMESPACE, fr, true, true);
  i18n.addResourceBundle('en', NAMESPACE, en, true, true);
  return i18n;
}

export function useT(): Translate {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const getFixedT = i18n.getFixedT.bind(i18n) as unknown as (
      language: string,
      namespace: string,
    ) => (key: string, values?: Record<string, unknown>) => string;
    const fixed = getFixedT(language, NAMESPACE);
    return (key, values) => fixed(key, values);
  }, [i18n, language]);
}
