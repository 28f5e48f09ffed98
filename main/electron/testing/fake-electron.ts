// A recording stand-in for the parts of Electron the shell uses, so the built main bundle can run in
// plain Node (no Electron binary can be downloaded here). It records what the shell asks of Electron
// (window options, handlers, calls) and lets a test fire the events Electron would. Not a simulator:
// it checks the wiring, not Chromium's behaviour.
import { EventEmitter } from 'node:events';

export type Call = { name: string; args: unknown[] };

/** Listeners that receive Electron's usual (event, ...args) with a preventable event. */
export class FakeEmitter extends EventEmitter {
  /** Fires an Electron-style event; returns whether a listener called preventDefault(). */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit(name, event, ...args);
    return prevented;
  }
}

export class FakeWebContents extends FakeEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly calls: Call[] = [];
  url = '';
  zoom = 1;
  destroyed = false;
  /** Set by focus(); a test clears it when the focus moves elsewhere. */
  focused = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly session: FakeSession;
  readonly navigationHistory = {
    canGoBack: () => false,
    canGoForward: () => false,
    goBack: () => {},
    goForward: () => {},
  };

  constructor(session: FakeSession) {
    super();
    this.session = session;
  }
  #record(name: string, args: unknown[]): void {
    this.calls.push({ name, args });
  }
  loadURL(url: string): Promise<void> {
    this.#record('loadURL', [url]);
    this.url = url;
    return Promise.resolve();
  }
  getURL(): string {
    return this.url;
  }
  getTitle(): string {
    return '';
  }
  isLoading(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.#record('close', []);
    this.destroyed = true;
  }
  reload(): void {
    this.#record('reload', []);
  }
  focus(): void {
    this.#record('focus', []);
    this.focused = true;
  }
  isFocused(): boolean {
    return this.focused;
  }
  send(channel: string, payload: unknown): void {
    this.#record('send', [channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getZoomFactor(): number {
    return this.zoom;
  }
  setZoomFactor(zoom: number): void {
    this.zoom = zoom;
  }
  setVisualZoomLevelLimits(): Promise<void> {
    return Promise.resolve();
  }
}

type BeforeRequest = (
  details: { url: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

type HeadersReceived = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession extends FakeEmitter {
  readonly partition: string;
  readonly calls: Call[] = [];
  /** What the system's proxy settings give for any address (Chromium's PAC result). */
  proxyList = 'DIRECT';
  permissionRequest:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  beforeRequest: BeforeRequest | null = null;
  headersReceived: HeadersReceived | null = null;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => (this.beforeRequest = listener),
    onHeadersReceived: (listener: HeadersReceived) => (this.headersReceived = listener),
  };
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) =>
      this.protocolHandlers.set(scheme, handler),
  };

  constructor(partition: string) {
    super();
    this.partition = partition;
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.calls.push({ name: 'setDevicePermissionHandler', args: [handler()] });
  }
  setUSBProtectedClassesHandler(handler: (details: { protectedClasses: string[] }) => string[]): void {
    this.calls.push({
      name: 'setUSBProtectedClassesHandler',
      args: [handler({ protectedClasses: ['hid'] })],
    });
  }
  setBluetoothPairingHandler(): void {
    this.calls.push({ name: 'setBluetoothPairingHandler', args: [] });
  }
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: unknown) => void) => void,
  ): void {
    let granted: unknown = 'not called';
    handler({}, (streams) => (granted = streams));
    this.calls.push({ name: 'setDisplayMediaRequestHandler', args: [granted] });
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.calls.push({ name: 'setSpellCheckerEnabled', args: [enabled] });
  }
  clearStorageData(): Promise<void> {
    this.calls.push({ name: 'clearStorageData', args: [] });
    return Promise.resolve();
  }
  clearCache(): Promise<void> {
    this.calls.push({ name: 'clearCache', args: [] });
    return Promise.resolve();
  }
  resolveProxy(url: string): Promise<string> {
    this.calls.push({ name: 'resolveProxy', args: [url] });
    return Promise.resolve(this.proxyList);
  }
}

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  label: string;
  internal: boolean;
}

export function createFakeElectron(options: {
  userData: string;
  argv?: string[];
  displays?: FakeDisplay[];
  /** The system's proxy settings for every address, as Chromium resolves them (default DIRECT). */
  proxyList?: string;
}) {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push({ name, args });
  const defaultSession = new FakeSession('');
  if (options.proxyList !== undefined) defaultSession.proxyList = options.proxyList;
  const sessions = new Map<string, FakeSession>();
  const windows: FakeBrowserWindow[] = [];
  const views: FakeWebContentsView[] = [];
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  let displays: FakeDisplay[] = options.displays ?? [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, label: 'Écran', internal: true },
  ];

  const app = Object.assign(new FakeEmitter(), {
    isPackaged: true,
    commandLine: { hasSwitch: (name: string) => (options.argv ?? []).some((a) => a.startsWith(`--${name}`)) },
    enableSandbox: record('app.enableSandbox'),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => options.userData,
    getVersion: () => '0.1.0',
    getName: () => 'Pix Certification Station',
    quit: record('app.quit'),
    exit: record('app.exit'),
  });

  class FakeBrowserWindow extends FakeEmitter {
    readonly options: Record<string, unknown>;
    readonly webContents: FakeWebContents;
    readonly calls: Call[] = [];
    readonly children: unknown[] = [];
    destroyed = false;
    readonly contentView = {
      addChildView: (view: unknown) => this.children.push(view),
      removeChildView: (view: unknown) => this.children.splice(this.children.indexOf(view), 1),
    };
    constructor(windowOptions: Record<string, unknown>) {
      super();
      this.options = windowOptions;
      this.webContents = new FakeWebContents(defaultSession);
      windows.push(this);
      app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
    }
    #record(name: string, args: unknown[]): void {
      this.calls.push({ name, args });
    }
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
    }
    setAlwaysOnTop(...args: unknown[]): void {
      this.#record('setAlwaysOnTop', args);
    }
    setContentProtection(...args: unknown[]): void {
      this.#record('setContentProtection', args);
    }
    setVisibleOnAllWorkspaces(...args: unknown[]): void {
      this.#record('setVisibleOnAllWorkspaces', args);
    }
    setKiosk(...args: unknown[]): void {
      this.#record('setKiosk', args);
    }
    setBounds(...args: unknown[]): void {
      this.#record('setBounds', args);
    }
    setFullScreen(...args: unknown[]): void {
      this.#record('setFullScreen', args);
    }
    showInactive(): void {
      this.#record('showInactive', []);
    }
    show(): void {
      this.#record('show', []);
    }
    focus(): void {
      this.#record('focus', []);
    }
  }

  class FakeWebContentsView {
    readonly webContents: FakeWebContents;
    readonly options: { webPreferences: Record<string, unknown> };
    visible = false;
    bounds: unknown = null;
    constructor(viewOptions: { webPreferences: Record<string, unknown> }) {
      this.options = viewOptions;
      const partition = String(viewOptions.webPreferences.partition ?? '');
      this.webContents = new FakeWebContents(sessions.get(partition) ?? defaultSession);
      views.push(this);
      app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
    }
    setBounds(bounds: unknown): void {
      this.bounds = bounds;
    }
    setVisible(visible: boolean): void {
      this.visible = visible;
    }
  }

  const screen = Object.assign(new FakeEmitter(), {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0],
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    WebContentsView: FakeWebContentsView,
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) =>
        defaultSession.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession,
      fromPartition: (partition: string, partitionOptions?: unknown) => {
        calls.push({ name: 'session.fromPartition', args: [partition, partitionOptions] });
        const created = new FakeSession(partition);
        sessions.set(partition, created);
        return created;
      },
    },
    screen,
    powerMonitor: new FakeEmitter(),
    powerSaveBlocker: {
      start: (type: string) => {
        calls.push({ name: 'powerSaveBlocker.start', args: [type] });
        return 7;
      },
      stop: record('powerSaveBlocker.stop'),
    },
    clipboard: { clear: record('clipboard.clear') },
    dialog: { showErrorBox: record('dialog.showErrorBox') },
    ipcMain: Object.assign(new FakeEmitter(), {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        ipcHandlers.set(channel, handler),
    }),
    Menu: { setApplicationMenu: record('Menu.setApplicationMenu') },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (sealed: Buffer) => sealed.toString().slice('sealed:'.length),
    },
    net: { fetch: (input: string | Request) => fetch(input) },
    shell: {},
  };

  return {
    electron,
    calls,
    windows,
    views,
    sessions,
    defaultSession,
    ipcHandlers,
    setDisplays(next: FakeDisplay[]) {
      displays = next;
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
