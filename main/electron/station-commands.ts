// The station's commands for IT (issue 8), in Electron: `--enroll CODE` and `--check` run without a
// window, print their report on the standard output (and keep a copy in the data folder, since a
// Windows GUI program's output is only seen when redirected), and exit with a code deployment scripts
// test. The same self-check serves the referent's "Vérifier ce poste" screen (StationApi runSelfCheck).
// The logic is plain Node (main/station/self-check/); this file only gives it Electron's eyes: the
// displays, the challenge browser's network stack, the safeStorage key.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { app, screen, session } from 'electron';
import {
  SELF_CHECK_EXIT_CODES,
  SELF_CHECK_EXIT_UNUSABLE,
  type SelfCheckReport,
} from '../../core/contracts/station-self-check.ts';
import { adoptResults } from '../station/self-check/adopt-results.ts';
import type { UrlProbe } from '../station/self-check/browser-check.ts';
import type { DisplaySnapshot } from '../station/self-check/display-check.ts';
import { enrollStation } from '../station/self-check/enroll-station.ts';
import { resendRefused } from '../station/self-check/resend-refused.ts';
import { electronServerRoutes } from './server-routes.ts';
import { runSelfCheck } from '../station/self-check/run-self-check.ts';
import { loadSelfCheckIdentity } from '../station/self-check/self-check-identity.ts';
import { formatSelfCheck } from '../station/self-check/self-check-text.ts';
import type { StationCommand } from '../station/self-check/station-command.ts';
import { readSystemLayers } from '../station/settings/managed-sources.ts';
import { nodeSettingsPorts } from '../station/settings/node-ports.ts';
import type { SettingsPort } from '../station/settings/settings-service.ts';
import { JOURNAL_FILE_NAME } from '../station/station-services.ts';
import { installDemoSites } from './challenge-browser.ts';
import { readMachineId } from './machine-id.ts';
import { SafeStorageKeyStore } from './safe-storage-key-store.ts';
import { hardenSession } from './session-hardening.ts';

/** The station's data folder: journal, key, enrollment, candidates' files (per OS account). */
export function stationDataDir(): string {
  return path.join(app.getPath('userData'), 'station');
}

/** The station key under the OS key store (safeStorage), as the kiosk keeps it. */
export function stationKeyStore(dataDir: string): SafeStorageKeyStore {
  return new SafeStorageKeyStore(
    path.join(dataDir, 'station-key.sealed'),
    path.join(dataDir, 'station-key.der'),
  );
}

/** The last report of each command stays here for IT (`self-check.txt`, `enrollment.txt`). */
function keepCopy(dataDir: string, name: string, text: string): void {
  try {
    writeFileSync(path.join(dataDir, name), text, { mode: 0o600 });
  } catch {
    // The copy is a convenience: the report was printed.
  }
}

function displaySnapshot(): DisplaySnapshot {
  return {
    primaryId: screen.getPrimaryDisplay().id,
    displays: screen.getAllDisplays().map((d) => ({
      id: d.id,
      bounds: d.bounds,
      label: d.label,
      internal: d.internal,
    })),
  };
}

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Fetches through a throw-away in-memory session, as a candidate's challenge browser does: Chromium's
 * network stack, the system proxy and certificate store, demo sites served by the server in demo mode.
 */
function challengeBrowserProbe(
  serverUrl: string | null,
  demoMode: boolean,
  log: (m: string) => void,
): UrlProbe {
  const ses = session.fromPartition(`self-check-${randomUUID()}`, { cache: false });
  hardenSession(ses, log);
  if (demoMode && serverUrl) installDemoSites(ses, serverUrl);
  return async (url) => {
    try {
      const response = await ses.fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return { ok: true, status: response.status };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message.slice(0, 120) : 'erreur réseau' };
    }
  };
}

/** The self-check with what Electron sees; the settings as the kiosk resolved them. */
export async function electronSelfCheck(
  settingsPort: SettingsPort,
  log: (m: string) => void,
): Promise<SelfCheckReport> {
  const dataDir = stationDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const resolved = await settingsPort.reload();
  const { settings } = resolved;
  const routes = electronServerRoutes(() => settings.serverProxy, log);
  try {
    // The report is posted by the same routes as the probe.
    const identity = await loadSelfCheckIdentity({
      dataDir,
      keyStore: stationKeyStore(dataDir),
      serverUrl: settings.serverUrl,
      stationName: settings.stationName ?? hostname(),
      fetch: routes.fetch,
    });
    return await runSelfCheck({
      version: app.getVersion(),
      dataDir,
      journalFile: path.join(dataDir, JOURNAL_FILE_NAME),
      settings: { resolved, layers: await readSystemLayers(nodeSettingsPorts()) },
      identity,
      displays: () => Promise.resolve(displaySnapshot()),
      probeUrl: challengeBrowserProbe(settings.serverUrl, settings.demoMode, log),
      routes,
    });
  } finally {
    await routes.close();
  }
}

/** The switch of each command that changes the station's files (named when the station is open). */
const COMMAND_SWITCHES = {
  enroll: '--enroll',
  adoptResults: '--adopt-results',
  resendRefused: '--resend-refused',
} as const;

/** Runs an IT command (--enroll, --check, …; the app is ready) and returns the exit code. */
export async function runStationCommand(
  command: Exclude<StationCommand, { kind: 'kiosk' }>,
  settingsPort: SettingsPort,
  log: (m: string) => void,
): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  if (command.kind === 'invalid') {
    process.stderr.write(`${command.message}\n`);
    return SELF_CHECK_EXIT_UNUSABLE;
  }
  const dataDir = stationDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (command.kind === 'check') {
    const report = await electronSelfCheck(settingsPort, log);
    const text = formatSelfCheck(report);
    keepCopy(dataDir, 'self-check.txt', text);
    out(command.json ? `${JSON.stringify(report, null, 2)}\n` : text);
    return SELF_CHECK_EXIT_CODES[report.overall];
  }
  // Enrolling writes the station's key and enrollment, adopting results the journal: never beside a
  // running station.
  if (!app.requestSingleInstanceLock()) {
    process.stderr.write(
      `La station est ouverte sur ce poste : fermez-la (Ctrl+Alt+Maj+K puis le code surveillant) avant ${
        COMMAND_SWITCHES[command.kind]
      }.\n`,
    );
    return SELF_CHECK_EXIT_UNUSABLE;
  }
  const { settings } = await settingsPort.reload();
  if (command.kind === 'resendRefused') {
    const resent = resendRefused({ dataDir, serverUrl: settings.serverUrl });
    log(`--resend-refused: ${resent.text.trim()}`);
    out(resent.text);
    return resent.exitCode;
  }
  if (command.kind === 'adoptResults') {
    const adopted = await adoptResults({ dataDir, serverUrl: settings.serverUrl, from: command.from });
    log(`--adopt-results ${command.from}: ${adopted.text.trim()}`);
    out(adopted.text);
    return adopted.exitCode;
  }
  const routes = electronServerRoutes(() => settings.serverProxy, log);
  const outcome = await enrollStation({
    dataDir,
    fetch: routes.fetch,
    serverUrl: settings.serverUrl,
    stationName: settings.stationName ?? hostname(),
    machineId: await readMachineId(log),
    keyStore: stationKeyStore(dataDir),
    code: command.code,
    log,
  }).finally(() => routes.close());
  keepCopy(dataDir, 'enrollment.txt', outcome.text);
  out(outcome.text);
  return outcome.exitCode;
}
