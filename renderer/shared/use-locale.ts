// The screen's language as a BCP 47 tag for Intl formatting, the same on both desks (the invigilator's
// screen and the back office), so that a date or a time reads the same on either.
import { useTranslation } from 'react-i18next';

export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en-GB' : 'fr-FR';
}
