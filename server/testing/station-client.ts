// A simulated station for tests and benchmarks: its own Ed25519 key, enrollment, and signed requests
// exactly as core/contracts/station-request-signing.ts describes them, over app.inject or real HTTP.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { STATION_AUTH_HEADERS, stationSigningInput } from '../../core/contracts/station-request-signing.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { stationIdFromJwk, type StationPublicJwk } from '../../core/identity/station-id.ts';

export interface SignedResponse {
  status: number;
  body: string;
  json<T = unknown>(): T;
}

export class TestStation {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly publicJwk: StationPublicJwk;
  readonly id: string;
  /** Shift applied to the signed timestamp (a station whose clock is off). */
  clockSkewMs = 0;
  now: () => number = () => Date.now();

  constructor(name = 'Poste 01', keys = generateKeyPairSync('ed25519')) {
    this.name = name;
    this.privateKey = keys.privateKey;
    const jwk = keys.publicKey.export({ format: 'jwk' });
    this.publicJwk = { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x) };
    this.id = stationIdFromJwk(this.publicJwk);
  }

  enrollBody(enrollmentCode: string) {
    return { enrollmentCode, publicKey: this.publicJwk, name: this.name, machineId: `machine-${this.name}` };
  }

  /** The four signature headers for a request. */
  sign(method: string, path: string, body: string, nonce = randomBytes(16).toString('base64url')) {
    const timestamp = this.now() + this.clockSkewMs;
    const bodySha256 = createHash('sha256').update(body).digest('hex');
    const input = stationSigningInput({ method, path, timestamp, nonce, body, bodySha256 });
    return {
      [STATION_AUTH_HEADERS.station]: this.id,
      [STATION_AUTH_HEADERS.timestamp]: String(timestamp),
      [STATION_AUTH_HEADERS.nonce]: nonce,
      [STATION_AUTH_HEADERS.signature]: sign(null, Buffer.from(input, 'utf8'), this.privateKey).toString(
        'base64url',
      ),
    };
  }

  async inject(
    app: FastifyInstance,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const text = body === undefined ? '' : JSON.stringify(body);
    return app.inject({
      method,
      url: path,
      headers: {
        ...this.sign(method, path, text),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extraHeaders,
      },
      ...(body === undefined ? {} : { payload: text }),
    });
  }

  async fetch(
    baseUrl: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<SignedResponse> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...this.sign(method, path, text),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: text }),
    });
    const received = await response.text();
    return { status: response.status, body: received, json: <T>() => JSON.parse(received) as T };
  }

  async enroll(app: FastifyInstance, enrollmentCode: string): Promise<LightMyRequestResponse> {
    return app.inject({
      method: 'POST',
      url: STATION_API_PATHS.enroll,
      payload: this.enrollBody(enrollmentCode),
    });
  }
}
