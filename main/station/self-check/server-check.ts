// One unsigned request to the server's compatibility route answers three checks: is the server there,
// how far is this station's clock from the server's, and does the server accept this station version.
import { compareVersions, RELEASE_VERSION_PATTERN } from '../../../core/versioning/compare-versions.ts';
import {
  CompatibilityResponseSchema,
  STATION_API_PATHS,
  type CompatibilityResponse,
} from '../../../core/contracts/station-server.ts';
import type { SelfCheckFinding } from '../../../core/contracts/station-self-check-codes.ts';
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import type { FetchLike } from '../sync/server-connection.ts';
import { checkLine, frenchNumber, oneDecimal } from './self-check-line.ts';
import { tlsErrorCode, tlsProblem } from './tls-check.ts';

/** Beyond this the clock is worth fixing; beyond CLOCK_FAILURE_MS signed requests are first refused. */
export const CLOCK_WARNING_MS = 10_000;
export const CLOCK_FAILURE_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

export type ServerProbe =
  | {
      ok: true;
      answer: CompatibilityResponse | null;
      roundTripMs: number;
      offsetMs: number | null;
      /** The proxy that carried the request (absent: direct). */
      via?: string;
    }
  | {
      ok: false;
      detail: string;
      action: string;
      tlsCode: string | null;
      /** The same, for the screens to word (a `server.…` code). */
      found: SelfCheckFinding;
    };

function causeCode(error: unknown): string | null {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : null;
}

/** Asks the server; never throws. */
export async function probeServer(options: {
  serverUrl: string;
  version: string;
  fetch?: FetchLike;
  now?: () => number;
  /** After the request: the proxy that carried it, or would have (null: direct). */
  via?: () => string | null;
}): Promise<ServerProbe> {
  const probe = await askServer(options);
  const via = options.via?.() ?? null;
  if (via === null) return probe;
  const through = ` — par le proxy ${via}`;
  return probe.ok
    ? { ...probe, via }
    : { ...probe, detail: `${probe.detail}${through}`, found: withVia(probe.found, via) };
}

function withVia(found: SelfCheckFinding, via: string): SelfCheckFinding {
  return { ...found, params: { ...found.params, via } } as SelfCheckFinding;
}

/** The compatibility request itself. */
async function askServer(options: {
  serverUrl: string;
  version: string;
  fetch?: FetchLike;
  now?: () => number;
}): Promise<ServerProbe> {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.serverUrl.replace(/\/+$/, '');
  const url = `${base}${STATION_API_PATHS.compatibility}?version=${encodeURIComponent(options.version)}`;
  const sentAt = now();
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const code = causeCode(error);
    const tlsError = code ? tlsErrorCode(code) : null;
    if (code && tlsError) {
      return {
        ok: false,
        detail: `${base} : ${tlsProblem(code)}`,
        action: TLS_ACTION,
        tlsCode: code,
        found: { code: 'server.tlsRefused', params: { url: base, tlsError } },
      };
    }
    if ((error as Error).name === 'TimeoutError') {
      return {
        ok: false,
        detail: `${base} ne répond pas en ${TIMEOUT_MS / 1000} s`,
        action: NETWORK_ACTION,
        tlsCode: null,
        found: { code: 'server.timeout', params: { url: base, seconds: TIMEOUT_MS / 1000 } },
      };
    }
    const notFound = code === 'ENOTFOUND';
    return {
      ok: false,
      detail: `${base} injoignable${code ? ` (${code})` : ''}`,
      action: notFound ? 'Vérifiez l’adresse (serverUrl) et le DNS du poste.' : NETWORK_ACTION,
      tlsCode: null,
      found: notFound
        ? { code: 'server.notFound', params: { url: base } }
        : { code: 'server.unreachable', params: code ? { url: base, error: code } : { url: base } },
    };
  }
  const receivedAt = now();
  const roundTripMs = Math.max(0, receivedAt - sentAt);
  // A server older than the self-check has no compatibility route: reachable, version unknown.
  if (response.status === 404) {
    await response.body?.cancel();
    return { ok: true, answer: null, roundTripMs, offsetMs: dateHeaderOffset(response, receivedAt) };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // Not JSON: a proxy's or another server's page.
  }
  const parsed = CompatibilityResponseSchema.safeParse(json);
  if (!response.ok || !parsed.success) {
    return {
      ok: false,
      detail: `${base} répond ${response.status}, mais pas comme un serveur de certification Pix`,
      action: 'Vérifiez l’adresse (serverUrl) : un proxy ou un autre site répond à sa place.',
      tlsCode: null,
      found: { code: 'server.notPix', params: { url: base, status: response.status } },
    };
  }
  const offsetMs = Math.round(parsed.data.serverTime - (sentAt + roundTripMs / 2));
  return { ok: true, answer: parsed.data, roundTripMs, offsetMs };
}

function dateHeaderOffset(response: Response, receivedAt: number): number | null {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? null : date - receivedAt;
}

const NETWORK_ACTION =
  'Vérifiez le réseau du poste, le pare-feu et le proxy (le poste doit joindre le serveur en HTTPS).';
const TLS_ACTION =
  'Installez sur le serveur un certificat valide pour son nom, émis par une autorité que le système du poste reconnaît.';

/** The server, clock and version lines from one probe. */
export function serverLines(serverUrl: string, probe: ServerProbe, version: string): SelfCheckLine[] {
  if (!probe.ok) {
    const skipped = 'serveur injoignable : rien à comparer';
    return [
      checkLine('server', 'failure', probe.found, probe.detail, probe.action),
      checkLine('clock', 'skipped', { code: 'skipped.serverUnreachable', params: {} }, skipped),
      checkLine('version', 'skipped', { code: 'skipped.serverUnreachable', params: {} }, skipped),
    ];
  }
  const server = checkLine(
    'server',
    'ok',
    {
      code: 'server.ok',
      params: {
        url: serverUrl,
        ms: probe.roundTripMs,
        ...(probe.answer ? { serverVersion: probe.answer.serverVersion } : {}),
        ...(probe.via ? { via: probe.via } : {}),
      },
    },
    `${serverUrl} répond en ${probe.roundTripMs} ms${probe.answer ? ` (serveur ${probe.answer.serverVersion})` : ''}${probe.via ? ` — par le proxy ${probe.via}` : ''}`,
  );
  return [server, clockLine(probe.offsetMs), versionLine(probe.answer, version)];
}

function clockLine(offsetMs: number | null): SelfCheckLine {
  if (offsetMs === null) {
    return checkLine(
      'clock',
      'skipped',
      { code: 'clock.noServerTime', params: {} },
      'le serveur ne donne pas son heure',
    );
  }
  const seconds = Math.abs(offsetMs) / 1000;
  if (seconds < 1) {
    return checkLine(
      'clock',
      'ok',
      { code: 'clock.inSync', params: {} },
      'à l’heure du serveur (moins d’une seconde d’écart)',
    );
  }
  const status =
    Math.abs(offsetMs) > CLOCK_FAILURE_MS
      ? 'failure'
      : Math.abs(offsetMs) > CLOCK_WARNING_MS
        ? 'warning'
        : 'ok';
  const behind = offsetMs > 0;
  return checkLine(
    'clock',
    status,
    { code: behind ? 'clock.behind' : 'clock.ahead', params: { seconds: oneDecimal(seconds) } },
    `${frenchNumber(seconds)} s ${behind ? 'en retard' : 'en avance'} sur le serveur`,
    'Synchronisez l’heure du poste (Windows : w32tm /resync ; Linux : timedatectl set-ntp true ; macOS : Réglages > Général > Date et heure, réglage automatique).',
  );
}

function versionLine(answer: CompatibilityResponse | null, version: string): SelfCheckLine {
  if (!answer) {
    return checkLine(
      'version',
      'warning',
      { code: 'version.serverTooOld', params: { version } },
      `version ${version} : le serveur ne dit pas quelles versions il accepte (serveur plus ancien que la station)`,
      'Mettez à jour le serveur de certification.',
    );
  }
  if (!answer.versionAllowed) {
    const minimum = answer.minimumStationVersion ?? '';
    return checkLine(
      'version',
      'failure',
      { code: 'version.refused', params: { version, minimum } },
      `version ${version} refusée : le serveur demande la version ${answer.minimumStationVersion} ou plus récente`,
      `Installez la station ${answer.minimumStationVersion} ou plus récente (voir docs/it/mise-a-jour.md).`,
    );
  }
  // The server refuses what it does not know in what a station sends (records, results): a newer
  // station on an older server may see its results refused (docs/it/mise-a-jour.md: the server first).
  if (
    RELEASE_VERSION_PATTERN.test(answer.serverVersion) &&
    RELEASE_VERSION_PATTERN.test(version) &&
    compareVersions(answer.serverVersion, version) < 0
  ) {
    return checkLine(
      'version',
      'warning',
      { code: 'version.serverOlder', params: { version, serverVersion: answer.serverVersion } },
      `version ${version} : le serveur (version ${answer.serverVersion}) est plus ancien que la station et peut refuser ses résultats`,
      'Mettez à jour le serveur de certification avant les postes (voir docs/it/mise-a-jour.md).',
    );
  }
  return answer.minimumStationVersion
    ? checkLine(
        'version',
        'ok',
        { code: 'version.accepted', params: { version, minimum: answer.minimumStationVersion } },
        `version ${version} acceptée (minimum ${answer.minimumStationVersion})`,
      )
    : checkLine(
        'version',
        'ok',
        { code: 'version.acceptedAny', params: { version } },
        `version ${version} acceptée (le serveur accepte toutes les versions)`,
      );
}
