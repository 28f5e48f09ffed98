// Authentication of station requests (core/contracts/station-request-signing.ts): the enrolled key's
// Ed25519 signature over method, path, timestamp, nonce and body hash; the timestamp within the allowed
// skew; the nonce never seen before (stored, so a restart does not reopen replays); revoked refused.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  SIGNATURE_MAX_SKEW_MS,
  STATION_AUTH_HEADERS,
  STATION_NONCE_PATTERN,
  stationSigningInput,
} from '../../core/contracts/station-request-signing.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import type { StoredStation } from '../storage/repositories.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated station (station routes only). */
    station?: StoredStation;
  }
}

const bad = (message: string) => new ApiError(401, 'BAD_SIGNATURE', message);

/** Ed25519 check on libuv's thread pool: the event loop serves other requests meanwhile. */
function verifyOffThread(data: Buffer, key: KeyObject, signature: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    verify(null, data, key, signature, (error, valid) => resolve(error === null && valid));
  });
}

interface SignedClaim {
  station: StoredStation;
  at: number;
  /** The server time the timestamp was checked against. */
  now: number;
  nonce: string;
  signature: Buffer;
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

export class StationAuthenticator {
  readonly #ctx: ServerContext;
  /** Public keys parsed once per station. */
  readonly #keys = new Map<string, KeyObject>();
  /** A request's headers, checked once before its body (precheck) and used again after it. */
  readonly #claims = new WeakMap<FastifyRequest, SignedClaim>();

  constructor(ctx: ServerContext) {
    this.#ctx = ctx;
  }

  /**
   * The station a request names, enrolled and not revoked, without a request signature: for the
   * result upload, whose body is signed by the station key (station-result-route.ts).
   */
  async identify(request: FastifyRequest): Promise<StoredStation> {
    const stationId = header(request, STATION_AUTH_HEADERS.station);
    if (!stationId) throw bad('x-station-id expected: the station that sealed the result');
    return this.#enrolled(stationId);
  }

  async #enrolled(stationId: string): Promise<StoredStation> {
    const station = await this.#ctx.store.stations.get(stationId);
    if (!station) throw new ApiError(401, 'STATION_NOT_READY', 'this station is not enrolled on this server');
    if (station.revokedAt !== null) {
      // Enrolling it again with a new one-time code makes it active again (stations/enrollment.ts).
      throw new ApiError(
        403,
        'STATION_NOT_READY',
        'this station was revoked by the centre: enroll it again with a new code',
      );
    }
    return station;
  }

  /**
   * The checks of a signed request that need no body: run as soon as the headers are in (onRequest), so
   * that an unsigned request or an unknown or revoked station is answered without the body being read.
   */
  async precheck(request: FastifyRequest): Promise<void> {
    this.#claims.set(request, await this.#claim(request));
  }

  /** What the headers claim, checked in the order of the answers stations have always had. */
  async #claim(request: FastifyRequest): Promise<SignedClaim> {
    const stationId = header(request, STATION_AUTH_HEADERS.station);
    const timestamp = header(request, STATION_AUTH_HEADERS.timestamp);
    const nonce = header(request, STATION_AUTH_HEADERS.nonce);
    const signature = header(request, STATION_AUTH_HEADERS.signature);
    if (!stationId || !timestamp || !nonce || !signature) {
      throw bad(
        'signed request expected: x-station-id, x-station-timestamp, x-station-nonce and x-station-signature',
      );
    }
    const station = await this.#enrolled(stationId);
    if (!/^\d{1,15}$/.test(timestamp)) throw bad('x-station-timestamp must be milliseconds since the epoch');
    const at = Number(timestamp);
    const now = this.#ctx.now();
    if (Math.abs(now - at) > SIGNATURE_MAX_SKEW_MS) {
      throw new ApiError(
        401,
        'STALE_REQUEST',
        `the request was signed at ${new Date(at).toISOString()}, too far from the server clock (${new Date(now).toISOString()}): check the station's clock`,
      );
    }
    if (!STATION_NONCE_PATTERN.test(nonce)) throw bad('x-station-nonce must be 8 to 128 visible characters');
    const sig = Buffer.from(signature, 'base64url');
    if (sig.length !== 64) throw bad('x-station-signature must be a base64url Ed25519 signature');
    return { station, at, now, nonce, signature: sig };
  }

  /**
   * The whole check, once the body is read. The headers' checks and the station's look-up are not done
   * again when precheck did them: what the station signed was signed before any revocation during the
   * upload, as for the result upload (station-result-route.ts).
   */
  async authenticate(request: FastifyRequest): Promise<StoredStation> {
    const {
      station,
      at,
      now,
      nonce,
      signature: sig,
    } = this.#claims.get(request) ?? (await this.#claim(request));
    const body = request.rawBody ?? new Uint8Array();
    const input = stationSigningInput({
      method: request.method,
      path: request.url,
      timestamp: at,
      nonce,
      body,
      // Node's native SHA-256: result uploads are tens of kilobytes.
      bodySha256: createHash('sha256').update(body).digest('hex'),
    });
    if (!(await verifyOffThread(Buffer.from(input, 'utf8'), this.#key(station), sig))) {
      throw bad('the signature does not match the station key');
    }
    // After the signature: a forged request must not burn a genuine nonce.
    const fresh = await this.#ctx.store.stations.useNonce(station.id, nonce, now + 2 * SIGNATURE_MAX_SKEW_MS);
    if (!fresh)
      throw new ApiError(
        401,
        'REPLAYED_REQUEST',
        'this request was already received: sign it again with a new nonce',
      );
    return station;
  }

  #key(station: StoredStation): KeyObject {
    let key = this.#keys.get(station.id);
    if (!key) {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: station.publicKey.x }, format: 'jwk' });
      this.#keys.set(station.id, key);
    }
    return key;
  }
}
