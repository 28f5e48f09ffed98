// The station's Ed25519 key pair: generated on first run, the private key kept through the KeyStore
// port (PKCS#8 DER), the station id derived from the public key. It signs the result bundles and
// every request to the server, so the station cannot be impersonated without this key.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  StationPublicJwkSchema,
  stationIdFromJwk,
  type StationId,
  type StationPublicJwk,
} from '../../../core/identity/station-id.ts';
import type { KeyStore } from './key-store.ts';

export interface StationKeys {
  readonly stationId: StationId;
  readonly publicJwk: StationPublicJwk;
  /** For jose (JWS signing). Never logged, never sent. */
  readonly privateKey: KeyObject;
  /** Ed25519 signature of the bytes (of the UTF-8 text). */
  sign(data: string | Uint8Array): Uint8Array;
}

/** The key store holds something that is not this station's key: never replaced silently. */
export class StationKeyError extends Error {
  readonly code = 'STATION_KEY_UNREADABLE';
  constructor(detail: string) {
    super(
      `the station key cannot be read (${detail}); it was left as it is: re-enroll the station or restore its key`,
    );
    this.name = 'StationKeyError';
  }
}

/**
 * The key store is empty while the journal holds results the server has not accepted yet: they can
 * only be accepted signed by the key the server knows. A new key is not created: IT restores the key.
 */
export class StationKeyMissingError extends Error {
  readonly code = 'STATION_KEY_MISSING';
  constructor(unsentTests: number) {
    super(
      `the station key is missing while the answer journal holds ${unsentTests} test(s) whose result the ` +
        'server has not accepted yet; no new key was created (their results could never be accepted): ' +
        'restore the station key (station-key.sealed or station-key.der) from a backup of the data folder; ' +
        'failing that, move the whole data folder aside for the centre and Pix support (never delete it: ' +
        'it holds the answers) and enroll this station again',
    );
    this.name = 'StationKeyMissingError';
  }
}

export interface LoadKeysOptions {
  /**
   * How many tests in the journal still need this station's key (unsealed, or sealed and not yet
   * accepted by the server): with any, an empty key store is a lost key, not a first run.
   */
  unsentTests?: () => number | Promise<number>;
}

/** Reads the station key, or generates and stores one on first run. */
export async function loadOrCreateStationKeys(
  store: KeyStore,
  options: LoadKeysOptions = {},
): Promise<{ keys: StationKeys; created: boolean }> {
  const secret = await store.read();
  if (secret) return { keys: stationKeysFrom(secret), created: false };
  const unsent = (await options.unsentTests?.()) ?? 0;
  if (unsent > 0) throw new StationKeyMissingError(unsent);
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  await store.write(new Uint8Array(der));
  // Read back what was stored, so a store that loses or alters bytes is found now, not at sealing.
  const stored = await store.read();
  if (!stored) throw new StationKeyError('the key store kept nothing');
  return { keys: stationKeysFrom(stored), created: true };
}

/** The keys from a stored PKCS#8 secret. */
export function stationKeysFrom(secret: Uint8Array): StationKeys {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: Buffer.from(secret), format: 'der', type: 'pkcs8' });
  } catch {
    throw new StationKeyError('not a PKCS#8 private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new StationKeyError(`a ${privateKey.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  }
  const publicJwk = StationPublicJwkSchema.parse(createPublicKey(privateKey).export({ format: 'jwk' }));
  return {
    stationId: stationIdFromJwk(publicJwk),
    publicJwk,
    privateKey,
    sign: (data) =>
      new Uint8Array(sign(null, typeof data === 'string' ? Buffer.from(data) : data, privateKey)),
  };
}
