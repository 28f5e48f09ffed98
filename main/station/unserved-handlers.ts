// Until the exam runtime is wired in, the station answers every call with a clear "not ready"
// result, so the screens show a reason instead of hanging.
import { STATION_METHODS, type StationMethodName } from '../../core/contracts/station-api.ts';
import type { StationHandlers } from './station-dispatcher.ts';

export function unservedHandlers(reason: string): StationHandlers {
  const entries = (Object.keys(STATION_METHODS) as StationMethodName[]).map((method) => [
    method,
    () => ({ ok: false as const, error: { code: 'STATION_NOT_READY' as const, message: reason } }),
  ]);
  return Object.fromEntries(entries) as StationHandlers;
}
