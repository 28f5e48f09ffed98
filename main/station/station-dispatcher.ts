// One entry point for every StationApi call, whatever the transport (Electron IPC or the browser
// harness): it checks the method name and validates the request before any service sees it, and
// turns unexpected failures into a result the renderer can show (never a stack trace).
import type { STATION_METHODS } from '../../core/contracts/station-api.ts';
import {
  isStationMethod,
  parseStationRequest,
  type StationMethodName,
  type StationResponse,
  type StationResult,
} from '../../core/contracts/station-api.ts';
import type { z } from 'zod';

export type StationHandlers = {
  [M in StationMethodName]: (
    request: z.output<(typeof STATION_METHODS)[M]['request']>,
  ) => Promise<StationResult<StationResponse<M>>> | StationResult<StationResponse<M>>;
};

export type StationDispatch = (method: unknown, request: unknown) => Promise<StationResult<unknown>>;

export function createStationDispatcher(
  handlers: StationHandlers,
  onUnexpected: (method: string, error: unknown) => void = () => {},
): StationDispatch {
  return async (method, request) => {
    if (!isStationMethod(method)) {
      return {
        ok: false,
        error: { code: 'INVALID_REQUEST', message: `unknown station method: ${String(method).slice(0, 60)}` },
      };
    }
    const parsed = parseStationRequest(method, request);
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[method] as (
        req: unknown,
      ) => Promise<StationResult<unknown>> | StationResult<unknown>;
      return await handler(parsed.value);
    } catch (error) {
      onUnexpected(method, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'The station met an unexpected problem. Ask the invigilator.' },
      };
    }
  };
}
