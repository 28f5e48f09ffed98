// A refusal from the station, said in the candidate's language from its code: the station's own message
// is written for the logs (sometimes in English, with internal names), so it is never shown.
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../core/contracts/station-api.ts';

/** The codes a screen's own action can meet here; any other gets the general message. */
const KNOWN = ['ILLEGAL_TRANSITION', 'STATION_NOT_READY', 'SERVER_UNREACHABLE', 'STORAGE_FAILED'] as const;

export function stationErrorKey(code: string): (typeof KNOWN)[number] | 'other' {
  return KNOWN.find((known) => known === code) ?? 'other';
}

export function StationErrorNotice({ error }: { error: StationError }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error" data-code={error.code}>
      <p>{t(`stationError.${stationErrorKey(error.code)}`)}</p>
    </div>
  );
}
