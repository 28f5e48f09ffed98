// The kiosk window: full screen on the exam display, above everything the app can be above, out of the
// task bar, kept out of screen captures where the OS allows it (Windows, macOS), and closed only when
// the shell says so (invigilator code or command). Keyboard shortcuts go through the pure table.
import { BrowserWindow, type Display, type WebContents } from 'electron';
import { decideShortcut, nextZoomFactor, type Platform } from '../station/lockdown/shortcuts.ts';

export interface KioskWindowOptions {
  /** None for the start-failure page: a static page needs no bridge to the station. */
  preload?: string;
  /** Development builds only: developer tools reachable. */
  devTools: boolean;
  /** May the window close now? (the quit control decides) */
  mayClose(): boolean;
}

/** The highest level Electron offers: above other apps' "always on top" windows and the task bar. */
export const TOP_LEVEL = 'screen-saver' as const;

export function createKioskWindow(display: Display, options: KioskWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...display.bounds,
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    skipTaskbar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: true,
    alwaysOnTop: true,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'Certification Pix',
    webPreferences: {
      ...(options.preload ? { preload: options.preload } : {}),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: options.devTools,
      spellcheck: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's PDF viewer, for the attachments (PDF in a frame of the app).
      plugins: true,
    },
  });
  window.setAlwaysOnTop(true, TOP_LEVEL);
  window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  window.setContentProtection(true);
  window.on('close', (event) => {
    if (!options.mayClose()) event.preventDefault();
  });
  // Something (a system dialog, another app) may lower the window: it goes back on top.
  window.on('always-on-top-changed', (_event, isOnTop) => {
    if (!isOnTop && !window.isDestroyed()) window.setAlwaysOnTop(true, TOP_LEVEL);
  });
  window.on('leave-full-screen', () => {
    if (!window.isDestroyed()) window.setKiosk(true);
  });
  // Pinch zoom would bypass the steps: only the keyboard zooms (Electron ignores Ctrl+wheel itself).
  void window.webContents.setVisualZoomLevelLimits(1, 1);
  window.once('ready-to-show', () => {
    window.show();
    window.focus();
  });
  return window;
}

/**
 * Windows ends the session (shutdown, restart, log-off): the kiosk would refuse to close and be killed.
 * It asks first (query-session-end): the shutdown is held while the station closes, then it goes on.
 * The end itself (session-end) cannot be refused: the station closes as far as the time allows.
 */
export function followSessionEnd(window: BrowserWindow, quit: (reason: string) => void): void {
  window.on('query-session-end', (event) => {
    event.preventDefault();
    quit('session end');
  });
  window.on('session-end', () => quit('session end'));
}

/** Moves the kiosk window to another display (the exam display changed). */
export function moveToDisplay(window: BrowserWindow, display: Display): void {
  if (window.isDestroyed()) return;
  window.setKiosk(false);
  window.setBounds(display.bounds);
  window.setKiosk(true);
  window.setAlwaysOnTop(true, TOP_LEVEL);
}

export interface KeyboardOptions {
  platform: Platform;
  devTools: boolean;
  /** Ctrl+Alt+Shift+K: the invigilator-code prompt. */
  onQuitPrompt(): void;
  /** After a zoom step (the challenge view follows the candidate screen's zoom). */
  onZoom?(contents: WebContents): void;
  log(message: string): void;
}

/** Applies the shortcut table to one web contents (the station screen, the challenge view). */
export function attachKeyboard(contents: WebContents, options: KeyboardOptions): void {
  contents.on('before-input-event', (event, input) => {
    const decision = decideShortcut(input, { platform: options.platform, devTools: options.devTools });
    if (decision.action === 'pass') return;
    event.preventDefault();
    switch (decision.action) {
      case 'swallow':
        if (input.type !== 'keyUp') options.log(`shortcut swallowed: ${decision.shortcut ?? '?'}`);
        return;
      case 'quitPrompt':
        options.onQuitPrompt();
        return;
      case 'zoomIn':
      case 'zoomOut':
      case 'zoomReset':
        contents.setZoomFactor(nextZoomFactor(contents.getZoomFactor(), decision.action));
        options.onZoom?.(contents);
        return;
    }
  });
}
