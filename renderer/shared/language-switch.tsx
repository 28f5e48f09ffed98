// One button to switch between French and English; its own label is in the other language, and
// marked as such so screen readers pronounce it right.
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'fr' : 'en';
  return (
    <button
      type="button"
      className="button button-quiet language-switch"
      lang={other}
      aria-label={t('app.language.switchLabel')}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t('app.language.switchTo')}
    </button>
  );
}
