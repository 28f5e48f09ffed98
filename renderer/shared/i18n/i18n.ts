// The screens' i18next instance: French first, English available. Messages are bundled (no network
// fetch: the kiosk serves the screens from app://), so initialisation is synchronous.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function createI18n(language: Language = 'fr'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocumentLanguage(instance);
  instance.on('languageChanged', () => syncDocumentLanguage(instance));
  return instance;
}

/** Screen readers pick their voice from <html lang>: keep it in step with the screens. */
function syncDocumentLanguage(instance: i18n): void {
  if (typeof document !== 'undefined') document.documentElement.lang = instance.language;
}
