// A web app's own messages (the back office's, the invigilator screen's) in their own i18next
// namespace, next to the shared ones (language switch, durations) and the server's error sentences.
// `useT()` gives a translate function checked against the French keys; plural keys (`…_one` /
// `…_other`) are called by their base name with `count`.
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addServerErrorMessages } from '../server-errors/server-error-messages.ts';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** Every key of a message table, plural forms under their base name. */
export type MessageKeyOf<T> = WithoutPlural<Leaves<T>>;
export type TranslateWith<K extends string> = (key: K, values?: Record<string, string | number>) => string;

export interface NamespaceMessages<K extends string> {
  /** Adds the French and English tables (and the server's error sentences) to an i18next instance. */
  addMessages(i18n: I18n): I18n;
  /** A translate function for the instance's current language (outside React). */
  translator(i18n: I18n): TranslateWith<K>;
  /** The same inside a component; a new one when the language changes. */
  useT(): TranslateWith<K>;
}

export function namespaceMessages<F extends object>(
  namespace: string,
  fr: F,
  en: object,
): NamespaceMessages<MessageKeyOf<F>> {
  type Key = MessageKeyOf<F>;
  const translator = (i18n: I18n): TranslateWith<Key> => {
    // The shared messages' typing does not know this namespace: the keys are checked by Key instead.
    const getFixedT = i18n.getFixedT.bind(i18n) as unknown as (
      language: string,
      namespace: string,
    ) => (key: string, values?: Record<string, unknown>) => string;
    const fixed = getFixedT(i18n.language, namespace);
    return (key, values) => fixed(key, values);
  };
  return {
    addMessages(i18n) {
      i18n.addResourceBundle('fr', namespace, fr, true, true);
      i18n.addResourceBundle('en', namespace, en, true, true);
      return addServerErrorMessages(i18n);
    },
    translator,
    useT() {
      const { i18n } = useTranslation();
      const language = i18n.language;
      return useMemo(() => translator(i18n), [i18n, language]);
    },
  };
}
