// The back office's messages live in their own i18next namespace, next to the shared ones (language
// switch). `useT()` gives a translate function checked against the French keys; plural keys
// (`…_one` / `…_other`) are called by their base name with `count`.
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addServerErrorMessages } from '../../shared/server-errors/server-error-messages.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const NAMESPACE = 'backoffice';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

export type MessageKey = WithoutPlural<Leaves<typeof fr>>;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function addBackOfficeMessages(i18n: I18n): I18n {
  i18n.addResourceBundle('fr', NAMESPACE, fr, true, true);
  i18n.addResourceBundle('en', NAMESPACE, en, true, true);
  return addServerErrorMessages(i18n);
}

export function translator(i18n: I18n): Translate {
  // The shared messages' typing does not know this namespace: the keys are checked by MessageKey instead.
  const getFixedT = i18n.getFixedT.bind(i18n) as unknown as (
    language: string,
    namespace: string,
  ) => (key: string, values?: Record<string, unknown>) => string;
  const fixed = getFixedT(i18n.language, NAMESPACE);
  return (key, values) => fixed(key, values);
}

export function useT(): Translate {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => translator(i18n), [i18n, language]);
}

/** The screen's language as a BCP 47 tag for Intl formatting. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en-GB' : 'fr-FR';
}
