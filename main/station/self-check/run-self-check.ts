// The self-check: every check of issue 8, one line each, in a fixed order, then the report posted to
// the server (signed) so the centre's station list shows it. Hosts give the ports: Electron (displays,
// challenge browser session, safeStorage key) or plain Node (station:check, tests).
import type { SelfCheckRequest } from '../../../core/contracts/station-server.ts';
import {
  SELF_CHECK_IDS,
  overallStatus,
  type SelfCheckLine,
  type SelfCheckRecordReason,
  type SelfCheckReport,
} from '../../../core/contracts/station-self-check.ts';
import type { ServerFailure } from '../runtime/ports.ts';
import type { ServerRoutes } from '../network/server-routes.ts';
import type { FetchLike } from '../sync/server-connection.ts';
import { checkChallengeBrowser, type UrlProbe } from './browser-check.ts';
import { checkDisplays, type DisplaySnapshot } from './display-check.ts';
import { checkDisk } from './disk-check.ts';
import { confirmedEnrollment, localEnrollmentProblem } from './enrollment-check.ts';
import { checkJournal, type JournalProbe } from './journal-check.ts';
import type { SelfCheckIdentity } from './self-check-identity.ts';
import { checkLine } from './self-check-line.ts';
import { probeServer, serverLines } from './server-check.ts';
import { checkSettings, type SettingsEvidence } from './settings-check.ts';
import { checkTls } from './tls-check.ts';

export interface SelfCheckInput {
  /** The station's version (package.json), sent to the server and checked against its minimum. */
  version: string;
  dataDir: string;
  journalFile: string;
  settings: SettingsEvidence;
  identity: SelfCheckIdentity;
  /** The displays as the kiosk sees them; null where they cannot be counted (plain Node). */
  displays(): Promise<DisplaySnapshot | null>;
  /** Fetches a test address as the challenge browser would (after the policy said yes). */
  probeUrl: UrlProbe;
  /** Unsigned requests (server probe); default Node's fetch, or the routes' when given. */
  fetch?: FetchLike;
  /** The routes of the station's requests to its server (system proxy or setting); default direct. */
  routes?: Pick<ServerRoutes, 'fetch' | 'routesFor' | 'lastRoute'>;
  now?: () => number;
  /** For tests: disk space and the durable-write probe. */
  measureDisk?: (folder: string) => Promise<number>;
  probeJournal?: (dataDir: string) => Promise<JournalProbe>;
}

/** What the server stores: one entry per line, warnings kept apart from failures by `status`. */
export function selfCheckRequest(report: Omit<SelfCheckReport, 'recorded'>): SelfCheckRequest {
  return {
    version: report.version,
    ok: report.overall !== 'failure',
    checkedAt: report.checkedAt,
    checks: report.lines.map((line) => ({
      name: line.id,
      ok: line.status !== 'failure',
      status: line.status,
      detail: (line.action ? `${line.detail} — ${line.action}` : line.detail).slice(0, 500),
      ...(line.code ? { code: line.code, params: line.params ?? {} } : {}),
    })),
  };
}

/**
 * Posts the report. A server older than the lines' codes refuses fields it does not know (its request
 * schema is strict: 400): the report then goes again as such a server knows it, French text only.
 */
export async function sendSelfCheckReport(
  identity: Pick<SelfCheckIdentity, 'sendReport'>,
  request: SelfCheckRequest,
): ReturnType<SelfCheckIdentity['sendReport']> {
  const answer = await identity.sendReport(request);
  const withCodes = request.checks.some((check) => check.code !== undefined);
  if (answer.ok || answer.kind !== 'http' || answer.status !== 400 || !withCodes) return answer;
  return identity.sendReport({
    ...request,
    checks: request.checks.map(({ code: _code, params: _params, ...check }) => check),
  });
}

/** Why the server did not record the report, for the screens to say in their language. */
export function recordReason(failure: ServerFailure): SelfCheckRecordReason {
  if (failure.kind !== 'http') return 'serverUnreachable';
  if (failure.status === 401 || failure.status === 403) {
    return failure.code === 'STALE_REQUEST' ? 'clockRefused' : 'stationRefused';
  }
  return 'serverError';
}

export async function runSelfCheck(input: SelfCheckInput): Promise<SelfCheckReport> {
  const now = input.now ?? Date.now;
  const { settings } = input.settings.resolved;
  const serverUrl = settings.serverUrl;
  const skipped = (id: SelfCheckLine['id']) =>
    checkLine(
      id,
      'skipped',
      { code: 'skipped.noServerUrl', params: {} },
      'pas d’adresse de serveur configurée',
    );

  // The route the server is reached by: the one that carried the probe, else the first one set.
  const firstRoute = serverUrl && input.routes ? (await input.routes.routesFor(serverUrl))[0] : undefined;
  const via = (url: string): string | null => {
    const route = input.routes?.lastRoute(url) ?? firstRoute;
    return route?.kind === 'proxy' ? route.url : null;
  };
  const probed = serverUrl
    ? probeServer({
        serverUrl,
        version: input.version,
        fetch: input.routes?.fetch ?? input.fetch,
        now,
        via: () => via(serverUrl),
      })
    : null;
  const [serverPart, tls, displays, disk, browser] = await Promise.all([
    serverUrl && probed
      ? probed.then((probe) => ({ probe, lines: serverLines(serverUrl, probe, input.version) }))
      : Promise.resolve({ probe: null, lines: [skipped('server'), skipped('clock'), skipped('version')] }),
    // Through the proxy, the certificate is read once the probe has found the route.
    serverUrl && probed
      ? input.routes
        ? probed.then(() => checkTls(serverUrl, now, undefined, via(serverUrl)))
        : checkTls(serverUrl, now)
      : Promise.resolve(skipped('tls')),
    input
      .displays()
      .then((snapshot) => checkDisplays(snapshot, settings.extraDisplays))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : null;
        return checkLine(
          'displays',
          'failure',
          { code: 'displays.unreadable', params: message ? { error: message } : {} },
          `écrans illisibles (${message ?? 'erreur'})`,
        );
      }),
    checkDisk(input.dataDir, input.measureDisk),
    checkChallengeBrowser(settings, input.probeUrl),
  ]);
  // Timed alone, after the rest: the durable-write figure should not measure the other checks.
  const journal = await checkJournal(input.dataDir, input.journalFile, input.probeJournal);

  const local = localEnrollmentProblem(
    input.identity,
    serverUrl,
    input.settings.resolved.settings.enrollmentCode !== null,
  );
  const lines: SelfCheckLine[] = [
    checkSettings(input.settings),
    ...serverPart.lines,
    tls,
    local ??
      checkLine('enrollment', 'ok', { code: 'enrollment.localOk', params: {} }, 'inscription locale valide'),
    displays,
    disk,
    journal,
    browser,
  ];
  const checkedAt = new Date(now()).toISOString();
  const base = {
    version: input.version,
    stationId: input.identity.stationId ?? '',
    stationName: input.identity.name,
    checkedAt,
  };
  const ordered = () =>
    [...lines].sort((a, b) => SELF_CHECK_IDS.indexOf(a.id) - SELF_CHECK_IDS.indexOf(b.id));
  const setEnrollment = (line: SelfCheckLine) => {
    lines.splice(
      lines.findIndex((l) => l.id === 'enrollment'),
      1,
      line,
    );
  };

  let recorded: SelfCheckReport['recorded'] = null;
  if (!local && serverPart.probe?.ok) {
    // Posted with enrollment "ok": the server records it only if it accepts this station's signature.
    const enrolledLine = confirmedEnrollment(input.identity, { ok: true });
    setEnrollment(enrolledLine);
    const answer = await sendSelfCheckReport(
      input.identity,
      selfCheckRequest({ ...base, lines: ordered(), overall: overallStatus(lines) }),
    );
    if (!answer.ok) setEnrollment(confirmedEnrollment(input.identity, answer));
    recorded = answer.ok
      ? {
          ok: true,
          message: `rapport enregistré par le serveur (${answer.value.recordedAt})`,
          recordedAt: answer.value.recordedAt,
          reason: null,
        }
      : {
          ok: false,
          message: `rapport non enregistré : ${answer.message}`,
          recordedAt: null,
          reason: recordReason(answer),
        };
  } else if (!local) {
    setEnrollment(confirmedEnrollment(input.identity, 'serverUnreachable'));
  }
  const final = ordered();
  return { ...base, lines: final, overall: overallStatus(final), recorded };
}
