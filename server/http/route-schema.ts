// Shared pieces of route schemas: the error body every failure uses, declared per status so that the
// OpenAPI description lists them, and the id parameters.
import { z } from 'zod';
import { ApiErrorSchema } from '../../core/contracts/station-server.ts';

export function errors(...statuses: number[]): Record<number, typeof ApiErrorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ApiErrorSchema]));
}

export const PathId = z.string().min(1).max(64);
export const CentreParams = z.object({ centreId: PathId }).strict();
export const SessionParams = z.object({ sessionId: PathId }).strict();
export const CandidateParams = z.object({ candidateId: PathId }).strict();
export const StationParams = z.object({ stationId: PathId }).strict();
