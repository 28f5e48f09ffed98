// Typed message keys: `t('test.validate')` is checked against the French messages.
import 'i18next';
import type { fr } from './fr.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
    returnNull: false;
  }
}
