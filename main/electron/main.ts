// Electron main process: the station's composition in Electron. Everything it decides comes from the
// plain-Node station and its lockdown policies; this file only connects them to Electron (LOCKDOWN.md):
// sandboxed kiosk window served from app://, StationApi over one validated IPC channel, deny-by-default
// sessions, navigation guards on every web contents, display rule, shortcut table, detection reported
// to the invigilator, the candidate's challenge browser, and quitting only with the invigilator's code.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Display } from 'electron';
import {
  app,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  type WebContents,
} from 'electron';
import { STATION_EVENT_CHANNEL, STATION_INVOKE_CHANNEL } from '../../core/contracts/station-ipc.ts';
import type { ExamPhase, StationEvent } from '../../core/contracts/station-api.ts';
import { demoSitesAllowRule } from '../../core/lockdown/default-block-list.ts';
import type { UrlPolicy } from '../../core/lockdown/url-policy.ts';
import type { StationSettings } from '../../core/lockdown/station-settings.ts';
import { SELF_CHECK_EXIT_UNUSABLE } from '../../core/contracts/station-self-check.ts';
import { activityChange, testUnderWay } from '../station/lockdown/exam-activity.ts';
import { runtimeLockdownWatch } from '../station/lockdown/runtime-lockdown.ts';
import { RUN_MARKER_FILE_NAME, RunMarker } from '../station/lockdown/run-marker.ts';
import type { Platform } from '../station/lockdown/shortcuts.ts';
import { STATION_LOG_DIR_NAME, StationLogFile, stationLogLine } from '../station/logging/station-log-file.ts';
import { assertLockdownTrusted, untrustedLockdown } from '../station/settings/lockdown-trust.ts';
import { parseStationCommand } from '../station/self-check/station-command.ts';
import { trustSystemCertificates } from '../station/self-check/trust-store.ts';
import { createStationDispatcher, type StationDispatch } from '../station/station-dispatcher.ts';
import type { Navigation } from '../station/runtime/ports.ts';
import {
  createStationServices,
  JOURNAL_FILE_NAME,
  type StationServices,
} from '../station/station-services.ts';
import { unservedHandlers } from '../station/unserved-handlers.ts';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  debuggingSwitches,
  resolveAppAsset,
  resolveSandboxFile,
  SANDBOX_CONTENT_SECURITY_POLICY,
  SANDBOX_PATH,
  sandboxFileUrl,
} from './app-protocol.ts';
import { DOWNLOAD_SCHEME, ElectronChallengeBrowser, installDemoSites } from './challenge-browser.ts';
import { createNoticeWindow, DisplayGuard } from './display-guard.ts';
import { openElectronSettings } from './electron-settings.ts';
import { electronServerRoutes } from './server-routes.ts';
import { CLOSE_BUDGET_MS, settleWithin } from './closing.ts';
import { attachKeyboard, createKioskWindow, followSessionEnd, moveToDisplay } from './kiosk-window.ts';
import { monitorLockdown } from './lockdown-monitor.ts';
import { readMachineId } from './machine-id.ts';
import { FrameVisitFilter } from './frame-visit-filter.ts';
import { appFrameVisit, appNavigationAllowed, isAppOrigin } from './navigation-rules.ts';
import { QuitControl } from './quit-control.ts';
import { InvigilatorWindow } from './invigilator-window.ts';
import { hardenSession, refuseDownloads } from './session-hardening.ts';
import { electronSelfCheck, runStationCommand, stationDataDir, stationKeyStore } from './station-commands.ts';
import {
  FAILURE_PAGE,
  NOTICE_PAGE,
  noticePage,
  QUIT_PAGE,
  SHELL_CONTENT_SECURITY_POLICY,
  SHELL_CSS,
  SHELL_PATH,
  SHELL_STYLE,
  startFailurePage,
} from './shell-pages.ts';
import { describeStartFailure, errorForLog, type StartFailure } from './start-failure.ts';

const PRODUCT = 'Station de certification Pix';
// Test builds (for Playwright, with CLI inspect fuses on) are made on purpose; everything else is an
// exam build. The flavour is fixed when the bundle is built, never read from the environment at run time.
const TEST_BUILD = process.env.PIX_BUILD_FLAVOUR === 'test';
const DEV_TOOLS = !app.isPackaged || TEST_BUILD;
const PLATFORM = process.platform as Platform;

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: DOWNLOAD_SCHEME, privileges: { standard: true, secure: true } },
]);

const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, '..', 'preload', 'preload.cjs');

// The same lines, kept in `<data folder>/logs/station.log`: a graphical program's output is lost on
// Windows and macOS, and the failure page and the IT docs send IT to this log.
const stationLog = new StationLogFile({ dir: () => path.join(stationDataDir(), STATION_LOG_DIR_NAME) });

function log(message: string): void {
  const line = stationLogLine(message);
  console.log(line);
  stationLog.append(line);
}

/** What the shell knows while it runs (filled in by start()). */
const shell = {
  kiosk: null as BrowserWindow | null,
  notice: null as { window: BrowserWindow; title: string; message: string } | null,
  quit: null as QuitControl | null,
  phase: 'idle' as ExamPhase,
  /** The settings and URL policy in force, once read (the handlers installed before them ask here). */
  settings: (): StationSettings | null => null,
  policy: (): UrlPolicy | null => null,
  /** What start() opened, closed in reverse order when the station quits (the run marker last). */
  closers: [] as (() => void | Promise<void>)[],
  /** Why the station could not start, while the failure page says so. */
  failure: null as StartFailure | null,
  /** Journals a navigation of the station window for the test under way (none before the station runs). */
  recordNavigation: (_navigation: Navigation): void => undefined,
};

function send(event: StationEvent): void {
  const kiosk = shell.kiosk;
  if (kiosk && !kiosk.isDestroyed()) kiosk.webContents.send(STATION_EVENT_CHANNEL, event);
}

function refuseToStart(message: string): void {
  dialog.showErrorBox(PRODUCT, message);
  app.exit(1);
}

/** The URL policy in force: the centre's, and in demo mode only the demo sites besides. */
function effectivePolicy(settings: StationSettings): UrlPolicy {
  if (!settings.demoMode) return settings.urlPolicy;
  return { ...settings.urlPolicy, rules: [...settings.urlPolicy.rules, demoSitesAllowRule()] };
}

/** The app:// protocol: the shell's pages, the station screen, the candidates' sandbox files. */
async function serveApp(request: Request, sandboxRoot: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host === 'station' && url.pathname === SHELL_STYLE) {
    return new Response(SHELL_CSS, { headers: { 'content-type': 'text/css; charset=utf-8' } });
  }
  if (url.host === 'station' && url.pathname.startsWith(SHELL_PATH)) return serveShellPage(request, url);
  const sandboxed = url.pathname.startsWith(SANDBOX_PATH)
    ? resolveSandboxFile(sandboxRoot, request.url)
    : null;
  const asset =
    sandboxed ?? (url.pathname.startsWith(SANDBOX_PATH) ? null : resolveAppAsset(rendererRoot, request.url));
  if (!asset) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(asset.file);
    return new Response(body, {
      headers: {
        'content-type': asset.contentType,
        'content-security-policy': sandboxed ? SANDBOX_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

async function serveShellPage(request: Request, url: URL): Promise<Response> {
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': SHELL_CONTENT_SECURITY_POLICY,
  };
  if (url.pathname === QUIT_PAGE && shell.quit) {
    const answer = await shell.quit.handle(request);
    return new Response(answer.body, { status: answer.status, headers });
  }
  if (url.pathname === NOTICE_PAGE && shell.notice) {
    const { title, message } = shell.notice;
    return new Response(noticePage({ title, message, refreshSeconds: 5 }), { headers });
  }
  if (url.pathname === FAILURE_PAGE && shell.failure) {
    return new Response(startFailurePage(shell.failure), { headers });
  }
  return new Response('Not found', { status: 404 });
}

/** Guards on every web contents: the app stays on the app (before the settings: on app:// only). */
function guardContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window opens unless its owner says so (the candidate's browser keeps popups in its own view):
  // set first, so that contents of those sessions that no owner handles (a PDF viewer's) deny too.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The candidate's browser has its own guards (the URL policy), and so has the invigilator's window;
  // everything else is the app.
  if (ElectronChallengeBrowser.sessions.has(contents.session)) return;
  if (InvigilatorWindow.sessions.has(contents.session)) return;
  // A challenge's embedded simulator browses too: its pages go to the journal like the browser's, a
  // refused one when it is refused, an allowed one once it loaded (frame-visit-filter.ts: no flood).
  const visits = new FrameVisitFilter();
  const journal = (url: string, isMainFrame: boolean, allowed: boolean) => {
    const policy = shell.policy();
    const visit = policy ? appFrameVisit(url, isMainFrame, policy) : null;
    if (visit && visit.allowed === allowed && visits.admit(visit, Date.now())) shell.recordNavigation(visit);
  };
  const guard = (event: { url: string; isMainFrame: boolean; preventDefault(): void }) => {
    const policy = shell.policy();
    if (policy ? appNavigationAllowed(event.url, event.isMainFrame, policy) : isAppOrigin(event.url)) return;
    event.preventDefault();
    journal(event.url, event.isMainFrame, false);
  };
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('did-frame-navigate', (_event, url, _code, _status, isMainFrame) =>
    journal(url, isMainFrame, true),
  );
}

/** Closes what start() opened, last opened first: the run marker goes last (a clean exit). */
async function closeAll(): Promise<void> {
  for (const close of [...shell.closers].reverse()) {
    try {
      await close();
    } catch (error) {
      log(`closing: ${errorForLog(error)}`);
    }
  }
}

/** The station services close within a budget: an OS shutdown or an upload in flight does not wait. */
async function closeStation(station: StationServices): Promise<void> {
  const settled = await settleWithin(station.close(), CLOSE_BUDGET_MS);
  if (settled.outcome === 'failed') log(`the station services did not close: ${errorForLog(settled.error)}`);
  if (settled.outcome === 'late') {
    log(`the station services were still closing after ${CLOSE_BUDGET_MS} ms: quitting anyway`);
  }
}

/**
 * What must work even when the station cannot start: the app:// pages (the failure page, the quit
 * prompt), the guards on every web contents, quitting with the invigilator's code, the OS shutdown.
 */
function installShell(sandboxRoot: string): QuitControl {
  protocol.handle(APP_SCHEME, (request) => serveApp(request, sandboxRoot));
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  // A site asking for a client certificate gets none: Electron would otherwise hand it the first one in
  // the machine's store.
  app.on('select-client-certificate', (event, _contents, _url, _list, callback) => {
    event.preventDefault();
    callback();
  });
  const quit = new QuitControl({
    codeHash: () => shell.settings()?.invigilatorCodeHash ?? null,
    testUnderWay: () => testUnderWay(shell.phase),
    parent: () => shell.kiosk,
    beforeQuit: closeAll,
    log,
  });
  shell.quit = quit;
  // The OS is shutting down (Linux, macOS; Windows asks the kiosk window): the shutdown is held while
  // the station closes cleanly, so the next start reports no unclean exit.
  powerMonitor.on('shutdown', shutdownListener(quit));
  return quit;
}

/** Electron passes 'shutdown' a preventable event, though its typings declare no argument. */
function shutdownListener(quit: QuitControl): () => void {
  const listener = (event: { preventDefault(): void }) => {
    event.preventDefault();
    void quit.quit('system shutdown');
  };
  return listener as () => void;
}

function attachShellKeyboard(contents: WebContents, quit: QuitControl): void {
  attachKeyboard(contents, {
    platform: PLATFORM,
    devTools: DEV_TOOLS,
    onQuitPrompt: () => quit.openPrompt(),
    log,
  });
}

/** The kiosk window, its keyboard and the Windows session end (the quit control closes it). */
function openKiosk(display: Display, quit: QuitControl, preload: string | null): BrowserWindow {
  const kiosk = createKioskWindow(display, {
    ...(preload ? { preload } : {}),
    devTools: DEV_TOOLS,
    mayClose: () => quit.mayClose(),
  });
  shell.kiosk = kiosk;
  attachShellKeyboard(kiosk.webContents, quit);
  followSessionEnd(kiosk, (reason) => void quit.quit(reason));
  return kiosk;
}

/** Sets the station up; returns the kiosk window, ready for the station screen. */
async function start(): Promise<BrowserWindow> {
  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, log);
  refuseDownloads(session.defaultSession, log);
  const dataDir = stationDataDir();
  const sandboxRoot = path.join(dataDir, 'sandbox');
  const quit = installShell(sandboxRoot);

  const settingsService = await openElectronSettings();
  for (const problem of settingsService.current().problems) {
    log(`settings (${problem.layer}, ${problem.origin}) ${problem.key ?? ''}: ${problem.message}`);
  }
  // IT's lockdown settings unusable: no candidate here (the failure page says so; --check says what).
  assertLockdownTrusted(settingsService.current());
  let settings = settingsService.current().settings;
  let policy = effectivePolicy(settings);
  shell.settings = () => settings;
  shell.policy = () => policy;
  settingsService.onChange((resolved) => {
    settings = resolved.settings;
    policy = effectivePolicy(settings);
    displayGuard.recheck();
  });
  if (settings.demoMode && settings.serverUrl) installDemoSites(session.defaultSession, settings.serverUrl);

  // The centre's server may use the establishment's own certificate authority, installed in the OS.
  trustSystemCertificates(log);
  // Reached as the system's proxy settings say (or the serverProxy setting), as the browser is.
  const serverRoutes = electronServerRoutes(() => settings.serverProxy, log);
  shell.closers.push(() => serverRoutes.close());
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { marker, previous } = RunMarker.open(path.join(dataDir, RUN_MARKER_FILE_NAME));
  shell.closers.push(() => marker.close());
  // Every minute: a sign of life for unclean-exit reports, and the managed settings read again (IT may
  // change them while the station runs).
  const markerTimer = setInterval(() => {
    marker.touch();
    void settingsService
      .reload()
      .then((resolved) => {
        for (const problem of untrustedLockdown(resolved)) {
          log(
            `settings reload: lockdown values kept, ${problem.origin} ${problem.key ?? ''}: ${problem.message}`,
          );
        }
      })
      .catch((error: unknown) => log(`settings reload failed: ${String(error)}`));
  }, 60_000);
  markerTimer.unref();
  shell.closers.push(() => clearInterval(markerTimer));

  // ------------------------------------------------------------------ kiosk, displays, detection
  let station: StationServices | null = null;
  // The station's one lockdown watch: the shell's detections and the forbidden-process watch's.
  const watch = runtimeLockdownWatch(() => station?.runtime ?? null, log);
  const displayGuard = new DisplayGuard({
    rule: () => settings.extraDisplays,
    watch,
    onExamDisplay: (display) => {
      if (shell.kiosk) moveToDisplay(shell.kiosk, display);
    },
    showNotice: (notice) => showNotice(notice),
    log,
  });
  const showNotice = (notice: { title: string; message: string } | null) => {
    const current = shell.notice;
    if (!notice) {
      shell.notice = null;
      if (current && !current.window.isDestroyed()) current.window.destroy();
      return;
    }
    if (current && !current.window.isDestroyed()) {
      shell.notice = { ...current, ...notice };
      return;
    }
    shell.notice = { window: createNoticeWindow(displayGuard.examDisplay(), shell.kiosk), ...notice };
  };
  displayGuard.start();
  shell.closers.push(() => displayGuard.destroy());

  const kiosk = openKiosk(displayGuard.examDisplay(), quit, preloadPath);
  // Invigilator mode: Ctrl+Alt+Shift+S on the station home opens the server's invigilator screen.
  const invigilatorWindow = new InvigilatorWindow({
    serverUrl: () => settings.serverUrl,
    parent: () => shell.kiosk,
    mayOpen: () => shell.phase === 'idle',
    platform: process.platform,
    devTools: DEV_TOOLS,
    log,
  });
  invigilatorWindow.listen(kiosk.webContents);
  monitorLockdown({ watch, window: kiosk, reloadScreen: () => kiosk.webContents.reload(), log });

  // ------------------------------------------------------------------ the station services
  const browser = new ElectronChallengeBrowser({
    window: () => shell.kiosk,
    policy: () => policy,
    homeUrl: () => settings.browserHomeUrl ?? 'about:blank',
    demoServerUrl: () => (settings.demoMode ? settings.serverUrl : null),
    testId: () => (testUnderWay(shell.phase) ? (station?.runtime.testId ?? null) : null),
    // The test's own sandbox folder: purged with the test's other files.
    sandboxFolder: (testId) => station?.attachments.folder(testId) ?? path.join(sandboxRoot, 'unenrolled'),
    // A downloaded spreadsheet or document opens in the screen's office viewers, from app:// as an
    // attachment does.
    sandboxFileUrl: (file, mediaType) => sandboxFileUrl(sandboxRoot, file, mediaType),
    recordNavigation: async (navigation) => (await station?.recordNavigation(navigation)) ?? false,
    emit: send,
    attachKeyboard: (contents) => attachShellKeyboard(contents, quit),
    log,
  });

  let dispatch: StationDispatch;
  if (!settings.serverUrl) {
    log('no server address configured: the station cannot welcome candidates');
    dispatch = createStationDispatcher(
      {
        ...unservedHandlers(
          'Ce poste n’est pas encore configuré (adresse du serveur de certification). Prévenez le référent Pix.',
        ),
        // The referent's check says what is missing, even here.
        runSelfCheck: async () => ({ ok: true, value: await electronSelfCheck(settingsService, log) }),
      },
      (method) => log(`unexpected failure in ${method}`),
    );
  } else {
    const services = await createStationServices({
      dataDir,
      serverUrl: settings.serverUrl,
      stationName: settings.stationName ?? hostname(),
      // Not enrolled yet: the station enrolls itself with it once started, trying again while the
      // network is not up (a lab station often starts before it).
      enrollmentCode: settings.enrollmentCode,
      keyStore: stationKeyStore(dataDir),
      machineId: await readMachineId(log),
      fetch: serverRoutes.fetch,
      browser,
      // The attachment's declared type goes with its address: a file named without its extension is
      // still served as what it is (app-protocol.ts checks the type against its own list).
      attachmentUrl: (file, attachment) =>
        sandboxFileUrl(sandboxRoot, file, attachment.mediaType) ?? `${APP_ORIGIN}${SANDBOX_PATH}missing`,
      retentionMs: settings.retentionDays * 24 * 60 * 60 * 1000,
      // The centre's deny list, read at each round (IT may change the managed settings while running).
      processWatch: { setting: () => settings.processDenyList },
      lockdown: watch,
      log,
      selfCheck: () => electronSelfCheck(settingsService, log),
      // The invigilator closed this station from the invigilator screen (the station checked that no
      // test is under way; the shell checks again before it quits).
      onCloseRequested: (reason) => {
        if (testUnderWay(shell.phase)) log(`close refused (${reason}): a test is under way`);
        else void quit.quit(reason);
      },
    });
    station = services;
    shell.recordNavigation = (navigation) => {
      services
        .recordNavigation(navigation)
        .catch((error: unknown) => log(`navigation not journaled: ${errorForLog(error)}`));
    };
    shell.closers.push(() => closeStation(services));
    dispatch = services.dispatch;
    let blocker: number | null = null;
    let last: { phase: ExamPhase; testId: string | null } | null = null;
    services.onEvent((event) => {
      send(event);
      if (event.type !== 'status') return;
      shell.phase = event.status.exam.phase;
      // A candidate on this station: the invigilator's window goes.
      if (shell.phase !== 'idle') invigilatorWindow.close();
      const now = { phase: shell.phase, testId: services.runtime.testId };
      const change = activityChange(last, now);
      last = now;
      if (change.ended) {
        clipboard.clear();
        if (blocker !== null) powerSaveBlocker.stop(blocker);
        blocker = null;
        void browser.discard();
      }
      if (change.started) {
        clipboard.clear();
        blocker = powerSaveBlocker.start('prevent-display-sleep');
        const verdict = displayGuard.verdict;
        if (verdict && !verdict.ok)
          void watch.displaysChanged({ added: verdict.offending, removed: [] }, verdict);
      }
    });
    const status = await services.start();
    shell.phase = status.exam.phase;
    if (previous.unclean) await watch.previousExitWasUnclean(previous.lastSeen);
  }

  // ------------------------------------------------------------------ StationApi over IPC
  ipcMain.handle(STATION_INVOKE_CHANNEL, (event, method: unknown, request: unknown) => {
    // Only the kiosk window's own top frame, on the app's origin, may call the station.
    const frame = event.senderFrame;
    if (
      event.sender !== shell.kiosk?.webContents ||
      !frame ||
      frame.parent !== null ||
      !isAppOrigin(frame.url)
    ) {
      return { ok: false, error: { code: 'INVALID_REQUEST', message: 'refused: not the station screen' } };
    }
    return dispatch(method, request);
  });

  return kiosk;
}

/**
 * start() failed (journal damaged, disk full, data folder read-only…): the station cannot take a
 * candidate. The kiosk screen says so and why, the invigilator can still close it with the code, and
 * the journal is left exactly as it is: it is the evidence.
 */
function startFailed(error: unknown): void {
  log(`failed to start: ${errorForLog(error)}`);
  const quit = shell.quit;
  if (!quit) {
    refuseToStart('La station ne peut pas démarrer. Prévenez le référent Pix.');
    return;
  }
  shell.failure = describeStartFailure(error, path.join(stationDataDir(), JOURNAL_FILE_NAME));
  // No test can go on at a station that could not start: closing it must not wait for one.
  shell.phase = 'idle';
  const open = shell.kiosk && !shell.kiosk.isDestroyed() ? shell.kiosk : null;
  const kiosk = open ?? openKiosk(screen.getPrimaryDisplay(), quit, null);
  void kiosk.loadURL(`${APP_ORIGIN}${FAILURE_PAGE}`).catch((cause: unknown) => {
    log(`the failure page did not load: ${errorForLog(cause)}`);
  });
}

function showStationScreen(kiosk: BrowserWindow): Promise<void> {
  return kiosk.loadURL(`${APP_ORIGIN}/`).catch((error: unknown) => {
    log(`the station screen did not load: ${errorForLog(error)}`);
  });
}

/** IT's `--enroll CODE` / `--check` (issue 8): no window; the report on stdout; the exit code for scripts. */
async function runCommand(command: Exclude<ReturnType<typeof parseStationCommand>, { kind: 'kiosk' }>) {
  // Logs go to stderr: stdout carries the report (--json is read by scripts).
  const errLog = (message: string) => process.stderr.write(`[station] ${message}\n`);
  trustSystemCertificates(errLog);
  const settingsService = await openElectronSettings();
  return runStationCommand(command, settingsService, errLog);
}

// Debugging switches open the app to remote control: an exam build refuses them before anything runs.
const switches = debuggingSwitches(process.argv);
const command = parseStationCommand(process.argv);
if (!TEST_BUILD && (switches.length > 0 || app.commandLine.hasSwitch('remote-debugging-port'))) {
  refuseToStart(
    `La station refuse de démarrer avec des options de débogage (${switches.join(', ') || '--remote-debugging-port'}). Relancez-la normalement.`,
  );
} else if (command.kind !== 'kiosk') {
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(() => runCommand(command))
    .then(
      (code) => app.exit(code),
      (error: unknown) => {
        process.stderr.write(
          `La commande a échoué : ${error instanceof Error ? error.message : String(error)}\n`,
        );
        app.exit(SELF_CHECK_EXIT_UNUSABLE);
      },
    );
} else if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  app.on('second-instance', () => {
    const kiosk = shell.kiosk;
    if (kiosk && !kiosk.isDestroyed()) kiosk.focus();
  });
  // Closing every window does not end the station: only the quit control does.
  app.on('window-all-closed', () => undefined);
  app.whenReady().then(
    () =>
      start()
        .then(showStationScreen, startFailed)
        .catch((error: unknown) => {
          // Not even the failure page could be shown: the last resort is the system's own dialog.
          log(`the failure page could not be shown: ${errorForLog(error)}`);
          refuseToStart('La station ne peut pas démarrer. Prévenez le référent Pix.');
        }),
    (error: unknown) => {
      log(`failed to start: ${errorForLog(error)}`);
      app.exit(1);
    },
  );
}
