// The station services in their own Node process, for the browser harness: the real
// createStationServices on a data folder, its StationApi served to the candidate page over a local
// WebSocket (station-socket.ts) and to the harness over the process channel, and its challenge
// browser forwarded to the harness (which drives it with Playwright).
import path from 'node:path';
import type { BrowserState, StationResult } from '../../core/contracts/station-api.ts';
import type { BrowserBounds, ChallengeBrowser } from '../../main/station/station-handlers.ts';
import { nodeSelfCheck } from '../../main/station/self-check/node-self-check.ts';
import { ServerRoutes, settingProxyList } from '../../main/station/network/server-routes.ts';
import { createStationServices } from '../../main/station/station-services.ts';
import { runtimeLockdownWatch } from '../../main/station/lockdown/runtime-lockdown.ts';
import {
  defaultProcessDenyListSetting,
  describeForbidden,
  effectiveDenyList,
} from '../../core/lockdown/process-deny-list.ts';
import { stationVersion } from '../../scripts/station-cli-options.ts';
import type { BrowserOperation, FromChild, StationChildOptions, ToChild } from './station-protocol.ts';
import { serveStationSocket } from './station-socket.ts';

const send = (message: FromChild) => {
  if (process.connected) process.send?.(message);
};
// The harness went away: so does the station (it is a child, not a service).
process.on('disconnect', () => process.exit(0));
const options = JSON.parse(process.argv[2] ?? '{}') as StationChildOptions;
/** Benchmarks ask for the time each StationApi call spends in this process (logged as `timing …`). */
const TIMED = process.env.PIX_STATION_TIMING === '1';

let clockOffsetMs = 0;
const monotonic = { now: () => performance.now() + clockOffsetMs };

let nextBrowserCall = 1;
const browserCalls = new Map<number, (result: StationResult<BrowserState> | null) => void>();
function browserCall(
  operation: BrowserOperation,
  argument: unknown,
): Promise<StationResult<BrowserState> | null> {
  const id = nextBrowserCall++;
  return new Promise((resolve) => {
    browserCalls.set(id, resolve);
    send({ type: 'browser', id, operation, argument });
  });
}
const unavailable: StationResult<BrowserState> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'the challenge browser did not answer' },
};
const browser: ChallengeBrowser = {
  navigate: async (url) => (await browserCall('navigate', url)) ?? unavailable,
  back: async () => (await browserCall('back', null)) ?? unavailable,
  forward: async () => (await browserCall('forward', null)) ?? unavailable,
  reload: async () => (await browserCall('reload', null)) ?? unavailable,
  home: async () => (await browserCall('home', null)) ?? unavailable,
  setBounds: async (bounds: BrowserBounds | null) => {
    await browserCall('setBounds', bounds);
  },
};

const sandboxRoot = path.join(path.resolve(options.dataDir), 'sandbox');

/** The address the harness serves a sandbox file at (it maps it back and checks it stays inside). */
function attachmentUrl(file: string): string {
  const relative = path.relative(sandboxRoot, file).split(path.sep).map(encodeURIComponent).join('/');
  return `${options.sandboxUrlBase}/${relative}`;
}

async function main(): Promise<void> {
  // Behind the school's proxy, as a station whose serverProxy setting names it.
  const routes = options.serverProxy
    ? new ServerRoutes({
        resolveProxy: settingProxyList(options.serverProxy, () => Promise.resolve('DIRECT')),
        log: (message) => send({ type: 'log', message }),
      })
    : null;
  const services = await createStationServices({
    ...(routes ? { fetch: routes.fetch } : {}),
    dataDir: options.dataDir,
    serverUrl: options.serverUrl,
    stationName: options.stationName,
    machineId: options.machineId,
    browser,
    attachmentUrl,
    clocks: { monotonic },
    ...(options.watchMachineProcesses ? {} : { processWatch: { list: () => Promise.resolve([]) } }),
    ...(options.heartbeatEveryMs ? { heartbeatEveryMs: options.heartbeatEveryMs } : {}),
    log: (message) => send({ type: 'log', message }),
    // The referent's "Vérifier ce poste": the plain-Node self-check on this station's folder. The
    // machine layer is the harness's own (demo mode, its browser home page), never this machine's /etc,
    // so that a run does not depend on the machine. Its report reaches the server: the back office
    // lists the station as checked.
    selfCheck: () =>
      nodeSelfCheck({
        dataDir: options.dataDir,
        version: stationVersion(),
        overrides: { serverUrl: options.serverUrl, stationName: options.stationName },
        systemLayers: () =>
          Promise.resolve({
            managed: { status: 'absent' },
            machine: {
              status: 'present',
              origin: 'réglages du banc de test',
              values: {
                demoMode: true,
                browserHomeUrl: options.browserHomeUrl,
                ...(options.serverProxy ? { serverProxy: options.serverProxy } : {}),
              },
            },
          }),
      }),
  });
  // What the shell would detect goes through the real watch: the real event and French detail.
  const lockdown = runtimeLockdownWatch(
    () => services.runtime,
    (message) => send({ type: 'log', message }),
  );
  const socket = await serveStationSocket({
    dispatch: TIMED
      ? async (method, request) => {
          const start = performance.now();
          const result = await services.dispatch(method, request);
          send({ type: 'log', message: `timing ${method} ${(performance.now() - start).toFixed(3)}` });
          return result;
        }
      : (method, request) => services.dispatch(method, request),
    origin: options.pageOrigin,
    log: (message) => send({ type: 'log', message }),
  });
  services.onEvent((event) => {
    socket.broadcast(event);
    send({ type: 'event', event });
  });
  if (!services.identity.enrolled && options.enrollmentCode) {
    const enrolled = await services.enroll(options.enrollmentCode);
    if (!enrolled.ok) throw new Error(`enrollment refused: ${enrolled.message}`);
  }
  const status = await services.start();
  process.on('message', (raw) => {
    const message = raw as ToChild;
    switch (message.type) {
      case 'call':
        void services
          .dispatch(message.method, message.request)
          .then((value) => send({ type: 'reply', id: message.id, value }));
        break;
      case 'recordNavigation':
        void services.recordNavigation(message.navigation).then(
          (value) => send({ type: 'reply', id: message.id, value }),
          (error: unknown) => {
            send({ type: 'log', message: `navigation not journaled: ${String(error)}` });
            send({ type: 'reply', id: message.id, value: false });
          },
        );
        break;
      case 'browserResult':
        browserCalls.get(message.id)?.(message.result);
        browserCalls.delete(message.id);
        break;
      case 'advanceClock':
        clockOffsetMs += message.ms;
        // The screens count the time down themselves between statuses; after a jump of the clock
        // they get a fresh status, as if their own countdown had run all that time.
        void services.runtime.tick().then(() => {
          const event = { type: 'status', status: services.runtime.status() } as const;
          socket.broadcast(event);
          send({ type: 'event', event });
          send({ type: 'reply', id: message.id, value: clockOffsetMs });
        });
        break;
      case 'lockdown':
        void (message.cause === 'suspend' ? lockdown.suspended() : lockdown.screenLocked()).then(() =>
          send({ type: 'reply', id: message.id, value: true }),
        );
        break;
      case 'forbiddenProcess': {
        const entry = effectiveDenyList(defaultProcessDenyListSetting()).find(
          (e) => e.id === message.entryId,
        );
        if (!entry) {
          send({ type: 'reply', id: message.id, value: false });
          break;
        }
        const { processes } = message;
        const description = describeForbidden(entry, processes);
        void lockdown
          .forbiddenProcess({ entry, processes, description, lock: false })
          .then(() => send({ type: 'reply', id: message.id, value: true }));
        break;
      }
      case 'syncState':
        send({ type: 'reply', id: message.id, value: services.syncState() });
        break;
      case 'testSandboxFolder': {
        const testId = services.runtime.testId;
        send({ type: 'reply', id: message.id, value: testId ? services.attachments.folder(testId) : null });
        break;
      }
      case 'emit':
        socket.broadcast(message.event);
        break;
      case 'close':
        void Promise.all([services.close(), socket.close()]).then(() => {
          send({ type: 'reply', id: message.id, value: true });
          process.exit(0);
        });
        break;
    }
  });
  send({
    type: 'ready',
    status,
    stationId: services.identity.stationId,
    enrolled: services.identity.enrolled,
    endpoint: socket.endpoint,
  });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
