// The station a station route runs for, set by the signed-station scope's authentication hook.
import type { FastifyRequest } from 'fastify';
import type { StoredStation } from '../storage/repositories.ts';

export function requestStation(request: FastifyRequest): StoredStation {
  if (!request.station) throw new Error('a station route ran without authentication');
  return request.station;
}

/** The signature headers, described for the OpenAPI document. */
export const SIGNED = {
  description:
    'Signed request: x-station-id, x-station-timestamp (ms), x-station-nonce and x-station-signature ' +
    '(Ed25519 over core/contracts/station-request-signing.ts stationSigningInput, base64url).',
};
