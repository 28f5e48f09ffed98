// The station a station route runs for, set by the signed-station scope's authentication hook, and the
// refusal, before the body, of a request that cannot be a station's.
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
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

function announcesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * An onRequest hook: `check` runs before the body is read, so a sender it refuses is answered at once
 * and its body (up to megabytes) is never buffered. The connection is then closed, as Fastify does
 * when it refuses a body, rather than kept open for the bytes the client may still send.
 */
export function refuseBeforeBody(
  check: (request: FastifyRequest) => Promise<unknown>,
): onRequestAsyncHookHandler {
  return async (request, reply) => {
    try {
      await check(request);
    } catch (error) {
      if (announcesBody(request)) reply.header('connection', 'close');
      throw error;
    }
  };
}
