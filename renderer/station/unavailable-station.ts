// When the page is opened outside the station app (no StationApi): every call says so, and the home
// screen shows it instead of hanging.
import type { StationApi } from '../../core/contracts/station-api.ts';
import { STATION_METHOD_NAMES } from '../../core/contracts/station-method-names.ts';

export function unavailableStation(reason: string): StationApi {
  const api: Record<string, unknown> = {
    onEvent: () => () => {},
  };
  for (const method of STATION_METHOD_NAMES) {
    api[method] = async () => ({ ok: false, error: { code: 'STATION_NOT_READY', message: reason } });
  }
  return api as StationApi;
}
