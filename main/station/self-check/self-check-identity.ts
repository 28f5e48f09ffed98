// Who this station is, for the self-check: its key (read, never created: a check changes nothing),
// its enrollment file, and a signed channel to post the report. Read-only, so it runs beside a
// station that is open (the referent's "Vérifier ce poste" screen) as well as from IT's command line.
import path from 'node:path';
import {
  STATION_API_PATHS,
  SelfCheckResponseSchema,
  type SelfCheckRequest,
} from '../../../core/contracts/station-server.ts';
import { readEnrollment, sameServer, type Enrollment } from '../identity/enrollment.ts';
import type { KeyStore } from '../identity/key-store.ts';
import { stationKeysFrom, type StationKeys } from '../identity/station-keys.ts';
import type { ServerResult } from '../runtime/ports.ts';
import { ServerConnection, type FetchLike } from '../sync/server-connection.ts';
import { ENROLLMENT_FILE_NAME } from '../station-services.ts';

export interface SelfCheckIdentity {
  /** Null when the station has no key yet (never started) or its key cannot be read. */
  stationId: string | null;
  /** Why the key cannot be read, when it cannot. */
  keyProblem: string | null;
  /** The enrolled name, or the configured one. */
  name: string;
  enrollment: Enrollment | null;
  /** Enrolled with this key on this server. */
  enrolled: boolean;
  /** Posts the report, signed with the station key (only meaningful when enrolled). */
  sendReport(request: SelfCheckRequest): Promise<ServerResult<{ recordedAt: string }>>;
}

export async function loadSelfCheckIdentity(options: {
  dataDir: string;
  keyStore: KeyStore;
  serverUrl: string | null;
  stationName: string;
  fetch?: FetchLike;
}): Promise<SelfCheckIdentity> {
  let keys: StationKeys | null = null;
  let keyProblem: string | null = null;
  try {
    const secret = await options.keyStore.read();
    if (secret) keys = stationKeysFrom(secret);
  } catch (error) {
    keyProblem = error instanceof Error ? error.message : String(error);
  }
  const read = await readEnrollment(path.join(options.dataDir, ENROLLMENT_FILE_NAME));
  const enrollment = read.state === 'enrolled' ? read.enrollment : null;
  const enrolled =
    keys !== null &&
    enrollment !== null &&
    options.serverUrl !== null &&
    enrollment.stationId === keys.stationId &&
    sameServer(enrollment.serverUrl, options.serverUrl);
  const connection =
    keys && options.serverUrl
      ? new ServerConnection({ serverUrl: options.serverUrl, keys, fetch: options.fetch })
      : null;
  return {
    stationId: keys?.stationId ?? null,
    keyProblem,
    name: enrolled && enrollment ? enrollment.name : options.stationName,
    enrollment,
    enrolled,
    async sendReport(request) {
      if (!connection)
        return { ok: false, kind: 'http', code: 'STATION_NOT_READY', message: 'no station key' };
      return connection.request('POST', STATION_API_PATHS.selfCheck, {
        body: request,
        schema: SelfCheckResponseSchema,
      });
    },
  };
}
