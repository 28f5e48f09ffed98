// Invigilator mode (issue 6): on the station home, with no candidate on the station, the keys
// Ctrl+Alt+Shift+S (Cmd+Option+Shift+S on macOS; S for "surveillant") open a normal window — framed,
// resizable, not kiosk — on the certification server's invigilator screen (<server>/invigilator/), so
// a referent can watch the room from any station. The screen asks for the session number and the
// invigilator password, like in any browser: the keys are a convenience, not a secret.
//
// The window is kept apart from the exam: its own in-memory session (its login cookie dies with the
// app and never reaches the kiosk's session), every permission refused, navigation limited to the
// server's origin, no other window, no developer tools in exam builds. It closes by itself as soon as a
// candidate signs in on this station, and cannot be opened again until the station is back home.
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import { hardenSession, refuseDownloads } from './session-hardening.ts';
import { TOP_LEVEL } from './kiosk-window.ts';

/** The shortcut, as the invigilator documentation names it. */
export const INVIGILATOR_SHORTCUT = { other: 'Ctrl+Alt+Shift+S', darwin: 'Cmd+Option+Shift+S' } as const;
const PARTITION = 'invigilator';

export interface ShortcutInput {
  type: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  isAutoRepeat: boolean;
}

export function isInvigilatorShortcut(input: ShortcutInput, platform: NodeJS.Platform): boolean {
  if (input.type !== 'keyDown' || input.isAutoRepeat || input.code !== 'KeyS') return false;
  const primary = platform === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
  return primary && input.alt && input.shift;
}

/** The invigilator screen's address on the server, or null when the server address is unusable. */
export function invigilatorUrl(serverUrl: string | null): string | null {
  if (!serverUrl) return null;
  try {
    const base = new URL(serverUrl);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
    return new URL('/invigilator/', base.origin).href;
  } catch {
    return null;
  }
}

/** The window stays on the server's origin (the screen and its API); everything else is refused. */
export function invigilatorNavigationAllowed(url: string, serverUrl: string | null): boolean {
  const screen = invigilatorUrl(serverUrl);
  if (!screen) return false;
  try {
    return new URL(url).origin === new URL(screen).origin;
  } catch {
    return false;
  }
}

export interface InvigilatorWindowOptions {
  serverUrl(): string | null;
  /** The kiosk window: the invigilator's window is its child, so that it shows above it. */
  parent(): BrowserWindow | null;
  /** Only on the station home, with no candidate on the station. */
  mayOpen(): boolean;
  platform: NodeJS.Platform;
  devTools: boolean;
  log(message: string): void;
}

export class InvigilatorWindow {
  /** The sessions of invigilator windows: the app's navigation guards leave them to this module. */
  static readonly sessions = new WeakSet<Session>();
  readonly #options: InvigilatorWindowOptions;
  #window: BrowserWindow | null = null;
  #session: Session | null = null;

  constructor(options: InvigilatorWindowOptions) {
    this.#options = options;
  }

  /** Listens for the shortcut on a web contents (the station screen). */
  listen(contents: WebContents): void {
    contents.on('before-input-event', (event, input) => {
      if (!isInvigilatorShortcut(input, this.#options.platform)) return;
      event.preventDefault();
      this.open();
    });
  }

  get isOpen(): boolean {
    return this.#window !== null && !this.#window.isDestroyed();
  }

  open(): void {
    if (!this.#options.mayOpen()) {
      this.#options.log('invigilator mode refused: a candidate is on this station');
      return;
    }
    const url = invigilatorUrl(this.#options.serverUrl());
    if (!url) {
      this.#options.log('invigilator mode refused: no certification server address');
      return;
    }
    const existing = this.#window;
    if (existing && !existing.isDestroyed()) {
      existing.focus();
      return;
    }
    const parent = this.#options.parent();
    const window = new BrowserWindow({
      width: 1366,
      height: 768,
      ...(parent && !parent.isDestroyed() ? { parent } : {}),
      title: 'Surveillance — Certification Pix',
      show: false,
      frame: true,
      resizable: true,
      minimizable: true,
      maximizable: true,
      closable: true,
      fullscreenable: false,
      autoHideMenuBar: true,
      backgroundColor: '#f4f6fb',
      webPreferences: {
        session: this.#ownSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        devTools: this.#options.devTools,
        spellcheck: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
      },
    });
    // Above the kiosk (which sits at the highest level), and closed with it.
    window.setAlwaysOnTop(true, TOP_LEVEL, 1);
    this.#guard(window.webContents);
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    this.#window = window;
    this.#options.log('invigilator mode opened');
    void window
      .loadURL(url)
      .catch((error: unknown) => this.#options.log(`invigilator screen: ${String(error)}`));
  }

  /** Closes the window (a candidate signs in on this station). */
  close(): void {
    const window = this.#window;
    this.#window = null;
    if (window && !window.isDestroyed()) {
      window.close();
      this.#options.log('invigilator mode closed: a candidate is on this station');
    }
  }

  #ownSession(): Session {
    if (this.#session) return this.#session;
    // In memory only: the invigilator's login does not outlive the app.
    const ses = session.fromPartition(PARTITION, { cache: false });
    hardenSession(ses, this.#options.log);
    refuseDownloads(ses, this.#options.log);
    InvigilatorWindow.sessions.add(ses);
    this.#session = ses;
    return ses;
  }

  #guard(contents: WebContents): void {
    const allowed = (url: string) => invigilatorNavigationAllowed(url, this.#options.serverUrl());
    contents.on('will-navigate', (event) => {
      if (!allowed(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || !allowed(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!allowed(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  }
}
