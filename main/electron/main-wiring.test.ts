// The Electron main process, built exactly as `npm run build` builds it, run in plain Node against a
// recording stand-in for Electron (no Electron binary can be downloaded here). It proves the wiring:
// what the shell asks of Electron at start-up, who may call the station over IPC, what the guards and
// shortcuts refuse, and a whole test taken through the kiosk with the challenge browser's policy and
// navigation journal, against a fake certification server.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { STATION_EVENT_CHANNEL, STATION_INVOKE_CHANNEL } from '../../core/contracts/station-ipc.ts';
import type { StationStatus } from '../../core/contracts/station-api.ts';
import { RUN_MARKER_FILE_NAME } from '../station/lockdown/run-marker.ts';
import { createStationServices, JOURNAL_FILE_NAME } from '../station/station-services.ts';
import { testPackage } from '../station/runtime/runtime-fixtures.ts';
import { FakeStationServer } from '../station/sync/fake-station-server.ts';
import { idleBrowser, until } from '../station/sync/sync-fixtures.ts';
import type { FakeEmitter } from './testing/fake-electron.ts';
import { createFakeElectron, FakeWebContents, type FakeElectron } from './testing/fake-electron.ts';
import { startTestProxy, type TestProxy } from '../station/network/testing/test-proxy.ts';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const realLoad = moduleInternals._load;

let workDir = '';
let bundle = '';
let current: FakeElectron | null = null;
const maxListeners = process.getMaxListeners();

beforeAll(async () => {
  // Each launch loads a fresh copy of the bundle, and with it signal-exit's process listeners.
  process.setMaxListeners(50);
  // Inside the project, so the bundle finds the native SQLite binding in node_modules as it would in
  // the installed app.
  const cache = path.join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  workDir = mkdtempSync(path.join(cache, 'pix-shell-'));
  bundle = path.join(workDir, 'main', 'main.cjs');
  await build({
    entryPoints: ['main/electron/main.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
    define: { 'process.env.PIX_BUILD_FLAVOUR': '"exam"' },
    logLevel: 'silent',
  });
  mkdirSync(path.join(workDir, 'renderer'), { recursive: true });
  writeFileSync(path.join(workDir, 'renderer', 'index.html'), '<!doctype html><title>station</title>');
  moduleInternals._load = function (request, parent, isMain) {
    if (request === 'electron' && current) return current.electron;
    return realLoad.call(this, request, parent, isMain);
  };
}, 60_000);

const userDataDirs: string[] = [];
afterAll(() => {
  moduleInternals._load = realLoad;
  process.setMaxListeners(maxListeners);
  for (const dir of [workDir, ...userDataDirs]) rmSync(dir, { recursive: true, force: true });
});

function userDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pix-userdata-'));
  userDataDirs.push(dir);
  return dir;
}

const logs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  logs.length = 0;
});

/** Loads a fresh copy of the bundle against a fresh fake Electron, as if the app were launched. */
async function launch(
  options: {
    argv?: string[];
    settings?: Record<string, unknown>;
    userData?: string;
    proxyList?: string;
  } = {},
) {
  const userData = options.userData ?? userDataDir();
  if (options.settings)
    writeFileSync(path.join(userData, 'station-settings.json'), JSON.stringify(options.settings));
  const fake = createFakeElectron({
    userData,
    argv: options.argv,
    ...(options.proxyList === undefined ? {} : { proxyList: options.proxyList }),
  });
  current = fake;
  vi.spyOn(console, 'log').mockImplementation((message: unknown) => void logs.push(String(message)));
  const argv = process.argv;
  process.argv = [argv[0] ?? 'electron', '.', ...(options.argv ?? [])];
  try {
    const require = Module.createRequire(bundle);
    delete require.cache[bundle];
    require(bundle);
  } finally {
    process.argv = argv;
  }
  return { fake, userData };
}

async function started(fake: FakeElectron) {
  const kioskWindow = () => fake.windows.find((w) => w.options.kiosk === true);
  await until(
    () => kioskWindow()?.webContents.calls.some((c) => c.name === 'loadURL') ?? false,
    20_000,
    'the kiosk',
  );
  const kiosk = kioskWindow();
  if (!kiosk) throw new Error('no kiosk window');
  return kiosk;
}

function invoke(
  fake: FakeElectron,
  sender: unknown,
  method: string,
  request: unknown,
  frameUrl = 'app://station/',
) {
  const handler = fake.ipcHandlers.get(STATION_INVOKE_CHANNEL);
  if (!handler) throw new Error('no IPC handler');
  return handler({ sender, senderFrame: { parent: null, url: frameUrl } }, method, request) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  }>;
}

function key(contents: FakeWebContents, input: Record<string, unknown>): boolean {
  return contents.fire('before-input-event', {
    type: 'keyDown',
    control: false,
    alt: false,
    shift: false,
    meta: false,
    ...input,
  });
}

async function appRequest(fake: FakeElectron, url: string, init?: RequestInit): Promise<Response> {
  const handler = fake.defaultSession.protocolHandlers.get('app');
  if (!handler) throw new Error('no app:// handler');
  return handler(new Request(url, init));
}

describe('Electron main process wiring', () => {
  it('refuses to start with a remote-debugging switch', async () => {
    const { fake } = await launch({ argv: ['--remote-debugging-port=9222'] });
    expect(fake.calls.find((c) => c.name === 'dialog.showErrorBox')?.args[1]).toMatch(
      /--remote-debugging-port=9222/,
    );
    expect(fake.calls).toContainEqual({ name: 'app.exit', args: [1] });
    expect(fake.windows).toHaveLength(0);
  });

  it('starts hardened: sandbox, privileged app scheme, no menu, every permission refused', async () => {
    const { fake } = await launch();
    await started(fake);
    expect(fake.calls.some((c) => c.name === 'app.enableSandbox')).toBe(true);
    const schemes = fake.calls.find((c) => c.name === 'protocol.registerSchemesAsPrivileged')?.args[0];
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      { scheme: 'pix-download', privileges: { standard: true, secure: true } },
    ]);
    expect(fake.calls).toContainEqual({ name: 'Menu.setApplicationMenu', args: [null] });
    const session = fake.defaultSession;
    let granted: boolean | null = null;
    session.permissionRequest?.({ getURL: () => 'app://station/' }, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(session.permissionCheck?.()).toBe(false);
    expect(session.calls).toContainEqual({ name: 'setDisplayMediaRequestHandler', args: [null] });
    expect(session.calls).toContainEqual({ name: 'setDevicePermissionHandler', args: [false] });
    expect(session.calls).toContainEqual({ name: 'setUSBProtectedClassesHandler', args: [['hid']] });
    // No download lands on the disk from the app's session, and no site gets a client certificate.
    const download = { getURL: () => 'https://example.org/x.exe' };
    expect(session.fire('will-download', download)).toBe(true);
    let certificate: unknown = 'not asked';
    expect(
      (fake.electron.app as FakeEmitter).fire(
        'select-client-certificate',
        null,
        'https://x.org',
        [{}],
        (c?: unknown) => (certificate = c),
      ),
    ).toBe(true);
    expect(certificate).toBeUndefined();
    expect(session.calls).toContainEqual({ name: 'setSpellCheckerEnabled', args: [false] });
  });

  it('opens a sandboxed kiosk window at the top level, protected from capture, that will not close', async () => {
    const { fake } = await launch();
    const kiosk = await started(fake);
    expect(kiosk.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, skipTaskbar: true });
    expect(kiosk.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      webviewTag: false,
    });
    expect(String((kiosk.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(kiosk.calls).toContainEqual({ name: 'setAlwaysOnTop', args: [true, 'screen-saver'] });
    expect(kiosk.calls).toContainEqual({ name: 'setContentProtection', args: [true] });
    expect(kiosk.webContents.calls).toContainEqual({ name: 'loadURL', args: ['app://station/'] });
    expect(kiosk.fire('close')).toBe(true);
    expect(fake.electron.app.fire('before-quit')).toBe(true);
  });

  it('serves the station screen only to the kiosk window’s top frame on the app origin', async () => {
    const { fake } = await launch();
    const kiosk = await started(fake);
    const other = new FakeWebContents(fake.defaultSession);
    expect(await invoke(fake, other, 'getStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await invoke(fake, kiosk.webContents, 'getStatus', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    const handler = fake.ipcHandlers.get(STATION_INVOKE_CHANNEL);
    const fromSubframe = await (handler?.(
      { sender: kiosk.webContents, senderFrame: { parent: {}, url: 'app://station/' } },
      'getStatus',
      {},
    ) as Promise<unknown>);
    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    // No server configured: the screen is told why, in words.
    expect(await invoke(fake, kiosk.webContents, 'getStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'STATION_NOT_READY', message: expect.stringMatching(/pas encore configuré/) },
    });
  });

  it('serves app:// with its policy, refuses paths outside, and keeps every other contents on the app', async () => {
    const { fake } = await launch();
    await started(fake);
    const index = await appRequest(fake, 'app://station/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const url of [
      'app://station/..%2f..%2fetc%2fpasswd',
      'app://station/__sandbox/..%2f..%2fx.pdf',
      'app://other/',
    ]) {
      expect((await appRequest(fake, url)).status, url).toBe(404);
    }
    const contents = new FakeWebContents(fake.defaultSession);
    fake.electron.app.emit('web-contents-created', { preventDefault() {} }, contents);
    const navigate = (url: string, isMainFrame: boolean) => {
      let prevented = false;
      contents.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('https://example.org/', true)).toBe(true);
    expect(navigate('app://station/#/test', true)).toBe(false);
    expect(navigate('https://chatgpt.com/', false)).toBe(true);
    expect(navigate('https://simulateur.example.org/', false)).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('swallows shortcuts from the table, zooms in steps, and quits only through the invigilator prompt', async () => {
    const { fake } = await launch();
    const kiosk = await started(fake);
    expect(key(kiosk.webContents, { key: 'r', code: 'KeyR', control: true })).toBe(true);
    expect(key(kiosk.webContents, { key: 'F12', code: 'F12' })).toBe(true);
    expect(key(kiosk.webContents, { key: 'a', code: 'KeyA' })).toBe(false);
    expect(key(kiosk.webContents, { key: 'c', code: 'KeyC', control: true })).toBe(false);
    key(kiosk.webContents, { key: '=', code: 'Equal', control: true });
    expect(kiosk.webContents.zoom).toBe(1.1);

    key(kiosk.webContents, { key: 'K', code: 'KeyK', control: true, alt: true, shift: true });
    const prompt = fake.windows.find((w) => w.webContents.url === 'app://station/__shell/quit');
    expect(prompt?.options.webPreferences).toMatchObject({ sandbox: true, devTools: false });
    const form = await appRequest(fake, 'app://station/__shell/quit');
    expect(form.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(await form.text()).toContain('Aucun code surveillant n’est configuré');
    // No code configured and no test under way: the prompt closes the station.
    const closing = await appRequest(fake, 'app://station/__shell/quit', {
      method: 'POST',
      body: 'action=quit&code=',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await closing.text()).toContain('La station se ferme');
    await until(() => fake.calls.some((c) => c.name === 'app.quit'), 5000, 'the quit');
    expect(fake.electron.app.fire('before-quit')).toBe(false);
  });

  it('covers an extra display with a blank window that cannot take the focus', async () => {
    const userData = userDataDir();
    const fake = createFakeElectron({ userData });
    fake.setDisplays([
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, label: 'A', internal: true },
      { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, label: 'B', internal: false },
    ]);
    current = fake;
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const require = Module.createRequire(bundle);
    delete require.cache[bundle];
    require(bundle);
    await started(fake);
    const cover = fake.windows.find((w) => w.options.focusable === false);
    expect(cover?.options).toMatchObject({
      x: 1920,
      y: 0,
      width: 1280,
      height: 1024,
      frame: false,
      skipTaskbar: true,
    });
    expect(cover?.calls).toContainEqual({ name: 'setAlwaysOnTop', args: [true, 'screen-saver'] });
  });
});

// A server address that answers nothing: the station services open (journal, key) without a server.
const NO_SERVER = { serverUrl: 'https://127.0.0.1:9/', stationName: 'Poste 07' };

function stationFile(userData: string, name: string): string {
  return path.join(userData, 'station', name);
}

async function quitThroughPrompt(fake: FakeElectron, kiosk: { webContents: FakeWebContents }) {
  key(kiosk.webContents, { key: 'K', code: 'KeyK', control: true, alt: true, shift: true });
  expect(fake.windows.some((w) => w.webContents.url === 'app://station/__shell/quit')).toBe(true);
  const closing = await appRequest(fake, 'app://station/__shell/quit', {
    method: 'POST',
    body: 'action=quit&code=',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(await closing.text()).toContain('La station se ferme');
  await until(() => fake.calls.some((c) => c.name === 'app.quit'), 5000, 'the quit');
}

describe('a station that cannot start', () => {
  it('says so on the kiosk screen, keeps the damaged journal as it is, and can still be closed', async () => {
    const userData = userDataDir();
    mkdirSync(path.join(userData, 'station'), { recursive: true });
    // A torn journal: the SQLite header, then garbage where the pages should be.
    const journal = stationFile(userData, JOURNAL_FILE_NAME);
    const torn = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xa5)]);
    writeFileSync(journal, torn);
    const { fake } = await launch({ userData, settings: NO_SERVER });
    const kiosk = await started(fake);

    expect(kiosk.webContents.calls).toContainEqual({
      name: 'loadURL',
      args: ['app://station/__shell/failure'],
    });
    expect(kiosk.webContents.calls).not.toContainEqual({ name: 'loadURL', args: ['app://station/'] });
    expect(fake.ipcHandlers.has(STATION_INVOKE_CHANNEL)).toBe(false);
    const page = await appRequest(fake, 'app://station/__shell/failure');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = await page.text();
    expect(text).toContain('Le journal des réponses de ce poste est endommagé');
    expect(text).toContain('Le journal des réponses est conservé pour le jury.');
    expect(text).toContain('The answer journal on this station is damaged');
    expect(text).toContain('JOURNAL_CORRUPTED');
    expect(text).toContain(journal);
    expect(text).not.toContain('<script');
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    // IT finds the whole error in the log; the evidence is untouched.
    expect(
      logs.some((line) => line.includes('failed to start') && line.includes('JournalCorruptedError')),
    ).toBe(true);
    // The same lines stay in the station's log file, which Windows and macOS would otherwise lose.
    const kept = readFileSync(stationFile(userData, path.join('logs', 'station.log')), 'utf8');
    for (const line of logs.filter((l) => l.startsWith('[station] '))) expect(kept).toContain(line);
    expect(kept).toContain('failed to start');
    expect(readFileSync(journal).equals(torn)).toBe(true);

    // The kiosk still refuses to close, and the invigilator's prompt still closes it.
    expect(kiosk.fire('close')).toBe(true);
    await quitThroughPrompt(fake, kiosk);
    expect(readFileSync(journal).equals(torn)).toBe(true);
    expect(existsSync(stationFile(userData, RUN_MARKER_FILE_NAME))).toBe(false);
  });
  it('opens a kiosk window of its own, with no bridge to the station, when it failed before the kiosk', async () => {
    const userData = userDataDir();
    // The data folder cannot be made: something else is in its place.
    writeFileSync(path.join(userData, 'station'), 'not a folder');
    const { fake } = await launch({ userData, settings: NO_SERVER });
    const kiosk = await started(fake);
    expect(kiosk.webContents.calls).toEqual([{ name: 'loadURL', args: ['app://station/__shell/failure'] }]);
    expect(kiosk.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect((kiosk.options.webPreferences as { preload?: string }).preload).toBeUndefined();
    expect(fake.windows.filter((w) => w.options.kiosk === true)).toHaveLength(1);
    expect(fake.ipcHandlers.has(STATION_INVOKE_CHANNEL)).toBe(false);
    const text = await (await appRequest(fake, 'app://station/__shell/failure')).text();
    expect(text).toContain('Une erreur empêche la station de démarrer.');
    expect(text).toContain('<code>EEXIST</code>');
    await quitThroughPrompt(fake, kiosk);
  });
});

describe('the OS ending the session', () => {
  async function running() {
    const { fake, userData } = await launch({ settings: NO_SERVER });
    const kiosk = await started(fake);
    const wal = stationFile(userData, `${JOURNAL_FILE_NAME}-wal`);
    // The journal is open (WAL mode: its write-ahead file exists until the journal is closed).
    expect(existsSync(wal)).toBe(true);
    expect(existsSync(stationFile(userData, RUN_MARKER_FILE_NAME))).toBe(true);
    return { fake, kiosk, userData, wal };
  }

  async function closedCleanly(fake: FakeElectron, userData: string, wal: string) {
    await until(() => fake.calls.some((c) => c.name === 'app.quit'), 10_000, 'the quit');
    expect(existsSync(wal)).toBe(false);
    // No unclean exit reported at the next start.
    expect(existsSync(stationFile(userData, RUN_MARKER_FILE_NAME))).toBe(false);
    expect(fake.electron.app.fire('before-quit')).toBe(false);
  }

  it('holds a Linux or macOS shutdown while the journal closes, then quits', async () => {
    const { fake, userData, wal } = await running();
    expect(fake.electron.powerMonitor.fire('shutdown')).toBe(true);
    await closedCleanly(fake, userData, wal);
    expect(logs.some((line) => line.includes('station closing: system shutdown'))).toBe(true);
  });

  it('closes the journal and quits when Windows ends the session', async () => {
    const { fake, kiosk, userData, wal } = await running();
    kiosk.fire('session-end', { reasons: ['shutdown'] });
    await closedCleanly(fake, userData, wal);
    expect(logs.some((line) => line.includes('station closing: session end'))).toBe(true);
  });

  it('holds the Windows shutdown when it is asked first, and closes', async () => {
    const { fake, kiosk, userData, wal } = await running();
    expect(kiosk.fire('query-session-end', { reasons: ['shutdown'] })).toBe(true);
    await closedCleanly(fake, userData, wal);
  });
});

/**
 * A user-data folder whose station IT enrolled beforehand (its key in the plain file, migrated at
 * launch), on a server that has one two-question test for Léa.
 */
async function enrolledWithOneTest(server: FakeStationServer): Promise<string> {
  const pkg = testPackage({ count: 2 });
  server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: false };
  server.packages.set('test-1', pkg);
  const userData = userDataDir();
  const prepared = await createStationServices({
    dataDir: path.join(userData, 'station'),
    serverUrl: server.url,
    stationName: 'Poste 07',
    machineId: 'm',
    browser: idleBrowser,
    attachmentUrl: () => '',
  });
  server.registerStation(prepared.identity.publicKey);
  expect((await prepared.enroll('ENROLL-2026')).ok).toBe(true);
  await prepared.close();
  return userData;
}

describe('a whole test through the kiosk', () => {
  let server: FakeStationServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('browses under the URL policy in a per-candidate session, journals navigations, and discards it at the end', async () => {
    server = await new FakeStationServer().listen();
    const userData = await enrolledWithOneTest(server);

    const { fake } = await launch({ userData, settings: { serverUrl: server.url, stationName: 'Poste 07' } });
    const kiosk = await started(fake);
    const call = (method: string, request: unknown = {}) => invoke(fake, kiosk.webContents, method, request);
    const phase = async () => ((await call('getStatus')).value as StationStatus | undefined)?.exam.phase;

    expect(await call('browserNavigate', { url: 'https://fr.wikipedia.org/' })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    expect(
      (
        await call('signIn', {
          sessionNumber: 1001,
          accessCode: 'BCDF23',
          firstName: 'Léa',
          lastName: 'Martin',
          birthdate: '2011-04-02',
        })
      ).ok,
    ).toBe(true);
    expect((await call('acceptInstructions')).ok).toBe(true);
    await until(() => (server?.openStreams ?? 0) > 0, 10_000, 'the command stream');
    server.sendCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
    await until(async () => (await phase()) === 'inProgress', 10_000, 'the start');

    // Test-time measures.
    expect(fake.calls.filter((c) => c.name === 'clipboard.clear').length).toBeGreaterThanOrEqual(1);
    expect(fake.calls).toContainEqual({ name: 'powerSaveBlocker.start', args: ['prevent-display-sleep'] });
    // Events reach the screen over the event channel.
    expect(
      kiosk.webContents.calls.some((c) => c.name === 'send' && c.args[0] === STATION_EVENT_CHANNEL),
    ).toBe(true);

    // A blocked site never loads; the candidate is told which category.
    const blocked = await call('browserNavigate', { url: 'https://chatgpt.com/' });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'URL_BLOCKED', message: expect.stringMatching(/intelligence artificielle/) },
    });
    expect(fake.views).toHaveLength(1);
    const view = fake.views[0]!;
    expect(view.webContents.calls.some((c) => c.name === 'loadURL')).toBe(false);

    // An allowed one loads in the view, which sits in its own in-memory session without a preload.
    expect((await call('browserNavigate', { url: 'https://fr.wikipedia.org/wiki/Pix' })).ok).toBe(true);
    expect(view.webContents.calls).toContainEqual({
      name: 'loadURL',
      args: ['https://fr.wikipedia.org/wiki/Pix'],
    });
    const preferences = view.options.webPreferences;
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(preferences.preload).toBeUndefined();
    expect(String(preferences.partition)).toMatch(/^challenge-[0-9a-f-]{36}$/);
    const session = fake.sessions.get(String(preferences.partition))!;
    expect(session.permissionCheck?.()).toBe(false);

    // The request filter: the last line of the policy, for every request.
    const filter = (url: string, resourceType: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest?.({ url, resourceType }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(filter('https://chatgpt.com/', 'mainFrame')).toBe(true);
    expect(filter('https://upload.wikimedia.org/logo.png', 'image')).toBe(false);
    expect(filter('http://insecure.example.org/', 'subFrame')).toBe(true);
    expect(filter('file:///etc/passwd', 'mainFrame')).toBe(true);

    // Popups open in the same view; refused ones are reported.
    expect(
      view.webContents.windowOpenHandler?.({ url: 'https://fr.wikipedia.org/wiki/Certification' }),
    ).toEqual({
      action: 'deny',
    });
    expect(view.webContents.calls).toContainEqual({
      name: 'loadURL',
      args: ['https://fr.wikipedia.org/wiki/Certification'],
    });

    // The view follows the region the screen reserves.
    expect((await call('browserSetBounds', { bounds: { x: 10, y: 20, width: 300, height: 200 } })).ok).toBe(
      true,
    );
    expect(view.bounds).toEqual({ x: 10, y: 20, width: 300, height: 200 });
    expect(view.visible).toBe(true);

    // The committed page and the refusal are both in the candidate's journal, replicated to the server.
    view.webContents.fire('did-navigate', 'https://fr.wikipedia.org/wiki/Pix');
    await until(
      () => {
        const navigations = (server?.records.get('test-1') ?? []).filter((r) => r.kind === 'navigation');
        return navigations.length >= 2;
      },
      10_000,
      'the navigation records',
    );
    const navigations = (server.records.get('test-1') ?? [])
      .filter((r) => r.kind === 'navigation')
      .map((r) => r.payload);
    expect(navigations).toContainEqual({
      url: 'https://chatgpt.com/',
      allowed: false,
      rule: 'block chatgpt.com',
    });
    expect(navigations).toContainEqual({
      url: 'https://fr.wikipedia.org/wiki/Pix',
      allowed: true,
      rule: null,
    });

    // A challenge's embedded simulator browses inside the station window: its pages are journaled too,
    // allowed or blocked, with the rule that decided.
    const journaled = () => (server?.records.get('test-1') ?? []).filter((r) => r.kind === 'navigation');
    const before = journaled().length;
    const window = new FakeWebContents(fake.defaultSession);
    fake.electron.app.emit('web-contents-created', { preventDefault() {} }, window);
    let prevented = false;
    window.emit('will-frame-navigate', {
      url: 'https://chatgpt.com/embed',
      isMainFrame: false,
      preventDefault: () => (prevented = true),
    });
    let allowedPrevented = false;
    window.emit('will-frame-navigate', {
      url: 'https://fr.wikipedia.org/wiki/Tableur',
      isMainFrame: false,
      preventDefault: () => (allowedPrevented = true),
    });
    expect([prevented, allowedPrevented]).toEqual([true, false]);
    // An allowed page is journaled once it loaded, once however often the frame reloads it.
    for (let i = 0; i < 3; i++) {
      window.emit('did-frame-navigate', {}, 'https://fr.wikipedia.org/wiki/Tableur', 200, 'OK', false, 1, 1);
    }
    await until(() => journaled().length >= before + 2, 10_000, 'the embedded frame’s navigation records');
    const framed = journaled().map((r) => r.payload);
    expect(framed).toContainEqual({
      url: 'https://chatgpt.com/embed',
      allowed: false,
      rule: 'embedded frame: block chatgpt.com',
    });
    expect(framed.filter((n) => n.url === 'https://fr.wikipedia.org/wiki/Tableur')).toEqual([
      {
        url: 'https://fr.wikipedia.org/wiki/Tableur',
        allowed: true,
        rule: expect.stringMatching(/^embedded frame: /),
      },
    ]);

    // The end of the test throws the candidate's browser away.
    server.sendCommand({ type: 'endTest', id: 'cmd-end', testId: 'test-1' });
    await until(() => view.webContents.destroyed, 10_000, 'the discarded view');
    expect(session.calls.some((c) => c.name === 'clearStorageData')).toBe(true);
    expect(fake.calls).toContainEqual({ name: 'powerSaveBlocker.stop', args: [7] });

    // The invigilator closes the station from the invigilator screen: the shell quits, its loops and
    // journal stop, and the command is acknowledged first (it is not sent again at the next start).
    server.sendCommand({ type: 'closeStation', id: 'cmd-close', testId: 'test-1', issuedAt: server.now() });
    await until(() => fake.calls.some((c) => c.name === 'app.quit'), 10_000, 'the quit');
    expect(server.acknowledged).toContain('cmd-close');
    expect(logs.some((line) => line.includes('station closing: invigilator command'))).toBe(true);
  }, 60_000);
});

describe('a school network that lets the web out only through its proxy', () => {
  let server: FakeStationServer | null = null;
  let proxy: TestProxy | null = null;
  afterEach(async () => {
    await server?.close();
    await proxy?.close();
    server = proxy = null;
  });

  it('reaches the certification server through the proxy the system’s settings give', async () => {
    server = await new FakeStationServer().listen();
    proxy = await startTestProxy();
    const userData = await enrolledWithOneTest(server);

    const { fake } = await launch({
      userData,
      settings: { serverUrl: server.url, stationName: 'Poste 07' },
      proxyList: `PROXY 127.0.0.1:${proxy.port}; DIRECT`,
    });
    const kiosk = await started(fake);
    const call = (method: string, request: unknown = {}) => invoke(fake, kiosk.webContents, method, request);
    const signedIn = await call('signIn', {
      sessionNumber: 1001,
      accessCode: 'BCDF23',
      firstName: 'Léa',
      lastName: 'Martin',
      birthdate: '2011-04-02',
    });
    expect(signedIn.ok).toBe(true);
    // The join went through the proxy (an http server: the proxy's own request), and the log says so.
    expect(proxy.carried.some((line) => line.startsWith(`POST ${server?.url}/api/station/`))).toBe(true);
    expect(fake.defaultSession.calls.some((c) => c.name === 'resolveProxy')).toBe(true);
    expect(logs.some((line) => line.includes(`reached through the proxy ${proxy?.url}`))).toBe(true);

    server.sendCommand({ type: 'closeStation', id: 'cmd-close', testId: 'test-1', issuedAt: server.now() });
    await until(() => fake.calls.some((c) => c.name === 'app.quit'), 10_000, 'the quit');
  }, 60_000);
});
