// The self-check in plain Node (`npm run station:check`, the browser harness, tests): settings read as
// the station reads them (managed and machine layers checked, a user layer from a file or the command
// line), the key in its 0600 file, test addresses fetched by Node through the same URL policy (demo
// sites mapped to the server as the challenge browser does). Displays cannot be counted here.
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { demoSiteTarget } from '../../../core/lockdown/demo-sites.ts';
import type { StationSettings } from '../../../core/lockdown/station-settings.ts';
import type { SelfCheckReport } from '../../../core/contracts/station-self-check.ts';
import { FileKeyStore, type KeyStore } from '../identity/key-store.ts';
import { readSystemLayers } from '../settings/managed-sources.ts';
import { nodeSettingsPorts } from '../settings/node-ports.ts';
import { resolveSettings, type RawLayer } from '../settings/resolve-settings.ts';
import { JOURNAL_FILE_NAME, KEY_FILE_NAME } from '../station-services.ts';
import type { FetchLike } from '../sync/server-connection.ts';
import type { UrlProbe } from './browser-check.ts';
import type { DisplaySnapshot } from './display-check.ts';
import { ServerRoutes, settingProxyList } from '../network/server-routes.ts';
import { runSelfCheck, type SelfCheckInput } from './run-self-check.ts';
import { loadSelfCheckIdentity } from './self-check-identity.ts';

/** The user layer of a plain-Node station: `<dataDir>/station-settings.json`, when there is one. */
export const USER_SETTINGS_FILE_NAME = 'station-settings.json';
const PROBE_TIMEOUT_MS = 10_000;

/** Fetches a test address with Node (demo sites from the server), as the harness's challenge browser. */
export function nodeUrlProbe(
  settings: StationSettings,
  fetchImpl: FetchLike = (u, i) => fetch(u, i),
): UrlProbe {
  return async (url) => {
    const target =
      settings.demoMode && settings.serverUrl ? (demoSiteTarget(url, settings.serverUrl) ?? url) : url;
    try {
      const response = await fetchImpl(target, {
        method: 'GET',
        redirect: 'manual',
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return { ok: true, status: response.status };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return {
        ok: false,
        message: code ?? ((error as Error).name === 'TimeoutError' ? 'délai dépassé' : 'erreur réseau'),
      };
    }
  };
}

async function readUserFile(file: string): Promise<RawLayer> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent' };
    return { status: 'refused', origin: file, reason: `could not be read (${(error as Error).message})` };
  }
  try {
    return { status: 'present', origin: file, values: JSON.parse(text) as unknown };
  } catch {
    return { status: 'refused', origin: file, reason: 'is not valid JSON' };
  }
}

export interface NodeSelfCheckOptions {
  dataDir: string;
  version: string;
  /** Settings given on the command line (user layer, above the user file). */
  overrides?: Partial<Pick<StationSettings, 'serverUrl' | 'stationName'>>;
  /** The managed and machine layers; default: read from this OS's locations, trust-checked. */
  systemLayers?: () => Promise<{ managed: RawLayer; machine: RawLayer }>;
  keyStore?: KeyStore;
  /** The displays, where the host can count them. */
  displays?: () => Promise<DisplaySnapshot | null>;
  /** Requests to the server; default: by the routes the serverProxy setting gives. */
  fetch?: FetchLike;
  /**
   * The system's proxy settings for an address (a PAC result), for serverProxy "system"; plain Node
   * cannot read them (Chromium does, in the station): direct by default.
   */
  systemProxy?: (url: string) => Promise<string>;
  now?: () => number;
  measureDisk?: SelfCheckInput['measureDisk'];
  probeJournal?: SelfCheckInput['probeJournal'];
}

export async function nodeSelfCheck(options: NodeSelfCheckOptions): Promise<SelfCheckReport> {
  const dataDir = path.resolve(options.dataDir);
  const layers = await (options.systemLayers ?? (() => readSystemLayers(nodeSettingsPorts())))();
  const userFile = await readUserFile(path.join(dataDir, USER_SETTINGS_FILE_NAME));
  const overrides = Object.fromEntries(
    Object.entries(options.overrides ?? {}).filter(([, value]) => value !== undefined && value !== null),
  );
  const user: RawLayer =
    Object.keys(overrides).length === 0
      ? userFile
      : {
          status: 'present',
          origin:
            userFile.status === 'absent' ? 'ligne de commande' : `${userFile.origin} + ligne de commande`,
          values: { ...(userFile.status === 'present' ? (userFile.values as object) : {}), ...overrides },
        };
  const resolved = resolveSettings({ ...layers, user });
  const { settings } = resolved;
  const systemProxy = options.systemProxy ?? (() => Promise.resolve('DIRECT'));
  const routes = options.fetch
    ? null
    : new ServerRoutes({ resolveProxy: settingProxyList(settings.serverProxy, systemProxy) });
  const serverFetch = options.fetch ?? routes?.fetch;
  try {
    const identity = await loadSelfCheckIdentity({
      dataDir,
      keyStore: options.keyStore ?? new FileKeyStore(path.join(dataDir, KEY_FILE_NAME)),
      serverUrl: settings.serverUrl,
      stationName: settings.stationName ?? hostname(),
      ...(serverFetch ? { fetch: serverFetch } : {}),
    });
    return await runSelfCheck({
      version: options.version,
      dataDir,
      journalFile: path.join(dataDir, JOURNAL_FILE_NAME),
      settings: { resolved, layers },
      identity,
      displays: options.displays ?? (() => Promise.resolve(null)),
      // Test addresses are the challenge browser's business: its own route (here, Node's).
      probeUrl: nodeUrlProbe(settings, options.fetch),
      ...(routes ? { routes } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.measureDisk ? { measureDisk: options.measureDisk } : {}),
      ...(options.probeJournal ? { probeJournal: options.probeJournal } : {}),
    });
  } finally {
    await routes?.close();
  }
}
