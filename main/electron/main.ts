// Electron main process: a sandboxed, locked-down window serving the renderer from app://, with the
// StationApi served over one validated IPC channel. Kiosk lockdown and the challenge browser view
// build on this (LOCKDOWN.md).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, dialog } from 'electron';
import { STATION_INVOKE_CHANNEL } from '../../core/contracts/station-ipc.ts';
import { createStationDispatcher } from '../station/station-dispatcher.ts';
import { unservedHandlers } from '../station/unserved-handlers.ts';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  debuggingSwitches,
  resolveAppAsset,
} from './app-protocol.ts';

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, '..', 'preload', 'preload.cjs');

function isAppOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

// Every webContents: no navigation away from the app, no new windows, no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

async function start(): Promise<void> {
  const switches = debuggingSwitches(process.argv);
  if (switches.length > 0) {
    dialog.showErrorBox(
      'Station de certification Pix',
      `La station refuse de démarrer avec des options de débogage (${switches.join(', ')}). Relancez-la normalement.`,
    );
    app.exit(1);
    return;
  }
  Menu.setApplicationMenu(null);
  for (const ses of [session.defaultSession]) {
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
  }

  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererRoot, request.url);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.file);
      return new Response(body, {
        headers: { 'content-type': asset.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  const dispatch = createStationDispatcher(
    unservedHandlers("Ce poste n'est pas encore prêt à faire passer un test. Prévenez le référent Pix."),
    (method) => console.error(`station: unexpected failure in ${method}`),
  );
  ipcMain.handle(STATION_INVOKE_CHANNEL, (event, method: unknown, request: unknown) => {
    // Only the app's own top frame may call the station.
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppOrigin(frame.url)) {
      return { ok: false, error: { code: 'INVALID_REQUEST', message: 'refused: not the station screen' } };
    }
    return dispatch(method, request);
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !app.isPackaged,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(start, (error: unknown) => {
    console.error('station: failed to start', error);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
}
