import type { StationApi } from '../../core/contracts/station-api.ts';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the test harness's page shim (local WebSocket). */
    station?: StationApi;
  }
}
