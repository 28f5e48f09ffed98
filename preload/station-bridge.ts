// Builds the StationApi object the renderer sees from a transport (IPC in Electron, a local WebSocket
// in the browser harness). It forwards calls and nothing else: the renderer never gets the transport.
import type { StationApi, StationEvent, StationResult } from '../core/contracts/station-api.ts';
import { STATION_METHOD_NAMES, type StationMethodName } from '../core/contracts/station-method-names.ts';

export interface StationTransport {
  invoke(method: StationMethodName, request: unknown): Promise<unknown>;
  subscribe(listener: (event: unknown) => void): () => void;
}

export function createStationBridge(transport: StationTransport): StationApi {
  const api: Record<string, unknown> = {};
  for (const method of STATION_METHOD_NAMES) {
    api[method] = async (request: unknown): Promise<StationResult<unknown>> => {
      try {
        return (await transport.invoke(method, request ?? {})) as StationResult<unknown>;
      } catch {
        // The transport itself failed (main process gone, IPC torn down): say so as a result.
        return { ok: false, error: { code: 'INTERNAL', message: 'The station did not answer.' } };
      }
    };
  }
  api.onEvent = (listener: (event: StationEvent) => void) =>
    transport.subscribe((event) => listener(event as StationEvent));
  return api as StationApi;
}
