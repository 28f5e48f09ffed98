// A refusal from the station that has no sentence of its own: shown calmly, with what to do.
import { useTranslation } from 'react-i18next';

export function StationErrorNotice({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      <p>{t('signIn.errors.other')}</p>
      <p className="muted">{message}</p>
    </div>
  );
}
