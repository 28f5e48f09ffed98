// Invigilator mode against a recording Electron stand-in: which keys open it and when, what it loads,
// how it is kept apart from the exam (own in-memory session, permissions refused, navigation held to
// the server), and that it goes when a candidate signs in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, type FakeEmitter } from './testing/fake-electron.ts';

const fake = vi.hoisted(() => ({ windows: [] as unknown[], partitions: [] as unknown[][] }));

vi.mock('electron', async () => {
  const {
    FakeEmitter: Emitter,
    FakeSession: Ses,
    FakeWebContents: Contents,
  } = await import('./testing/fake-electron.ts');
  class BrowserWindow extends Emitter {
    readonly options: Record<string, unknown>;
    readonly webContents: InstanceType<typeof Contents>;
    readonly calls: string[] = [];
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      const prefs = options.webPreferences as { session: InstanceType<typeof Ses> };
      this.webContents = new Contents(prefs.session);
      fake.windows.push(this);
    }
    loadURL(url: string) {
      return this.webContents.loadURL(url);
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      this.destroyed = true;
      this.emit('closed');
    }
    setAlwaysOnTop(...args: unknown[]) {
      this.calls.push(`setAlwaysOnTop:${args.join(',')}`);
    }
    show() {
      this.calls.push('show');
    }
    focus() {
      this.calls.push('focus');
    }
  }
  return {
    BrowserWindow,
    session: {
      fromPartition: (partition: string, options: unknown) => {
        fake.partitions.push([partition, options]);
        return new Ses(partition);
      },
    },
  };
});

const { InvigilatorWindow, invigilatorNavigationAllowed, invigilatorUrl, isInvigilatorShortcut } =
  await import('./invigilator-window.ts');

type FakeWindow = FakeEmitter & {
  options: Record<string, unknown>;
  webContents: FakeWebContents;
  calls: string[];
  destroyed: boolean;
};

const key = (over: Partial<Parameters<typeof isInvigilatorShortcut>[0]> = {}) => ({
  type: 'keyDown',
  code: 'KeyS',
  control: true,
  meta: false,
  alt: true,
  shift: true,
  isAutoRepeat: false,
  ...over,
});

describe('invigilator mode', () => {
  let phase = 'idle';
  let serverUrl: string | null = 'https://certif.college-jean-moulin.fr:8443/';
  const logs: string[] = [];
  const make = () =>
    new InvigilatorWindow({
      serverUrl: () => serverUrl,
      parent: () => null,
      mayOpen: () => phase === 'idle',
      platform: 'linux',
      devTools: false,
      log: (m) => logs.push(m),
    });
  beforeEach(() => {
    fake.windows.length = 0;
    fake.partitions.length = 0;
    logs.length = 0;
    phase = 'idle';
    serverUrl = 'https://certif.college-jean-moulin.fr:8443/';
  });

  it('answers Ctrl+Alt+Shift+S (Cmd+Option+Shift+S on macOS) and nothing close to it', () => {
    expect(isInvigilatorShortcut(key(), 'linux')).toBe(true);
    expect(isInvigilatorShortcut(key(), 'win32')).toBe(true);
    expect(isInvigilatorShortcut(key({ control: false, meta: true }), 'darwin')).toBe(true);
    expect(isInvigilatorShortcut(key(), 'darwin')).toBe(false);
    expect(isInvigilatorShortcut(key({ shift: false }), 'linux')).toBe(false);
    expect(isInvigilatorShortcut(key({ alt: false }), 'linux')).toBe(false);
    expect(isInvigilatorShortcut(key({ code: 'KeyK' }), 'linux')).toBe(false);
    expect(isInvigilatorShortcut(key({ type: 'keyUp' }), 'linux')).toBe(false);
    expect(isInvigilatorShortcut(key({ isAutoRepeat: true }), 'linux')).toBe(false);
  });

  it('opens the server’s invigilator screen in a normal window with its own in-memory session', () => {
    const station = new FakeWebContents(new FakeSession(''));
    make().listen(station as never);
    expect(station.fire('before-input-event', key())).toBe(true);
    const window = fake.windows[0] as FakeWindow;
    expect(window.options).toMatchObject({ frame: true, resizable: true, closable: true });
    expect(window.options.kiosk).toBeUndefined();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect((window.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(fake.partitions).toEqual([['invigilator', { cache: false }]]);
    expect(window.webContents.calls).toEqual([
      { name: 'loadURL', args: ['https://certif.college-jean-moulin.fr:8443/invigilator/'] },
    ]);
    // Every permission refused, no other window.
    let granted: boolean | null = null;
    window.webContents.session.permissionRequest?.(window.webContents, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
    // The shortcut again only brings it forward.
    station.fire('before-input-event', key());
    expect(fake.windows).toHaveLength(1);
    expect(window.calls).toContain('focus');
  });

  it('keeps to the server’s origin', () => {
    const station = new FakeWebContents(new FakeSession(''));
    make().listen(station as never);
    station.fire('before-input-event', key());
    const contents = (fake.windows[0] as FakeWindow).webContents;
    const blocked = (event: string, url: string, isMainFrame = true) => {
      let prevented = false;
      contents.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(blocked('will-navigate', 'https://certif.college-jean-moulin.fr:8443/invigilator/#/')).toBe(false);
    expect(blocked('will-navigate', 'https://example.org/')).toBe(true);
    expect(blocked('will-redirect', 'http://certif.college-jean-moulin.fr/')).toBe(true);
    expect(blocked('will-frame-navigate', 'https://certif.college-jean-moulin.fr:8443/x', false)).toBe(true);
    expect(invigilatorNavigationAllowed('javascript:alert(1)', serverUrl)).toBe(false);
    expect(invigilatorUrl('file:///etc/passwd')).toBeNull();
    expect(invigilatorUrl(null)).toBeNull();
  });

  it('opens only on the station home, and closes when a candidate signs in', () => {
    const window = make();
    phase = 'inProgress';
    window.open();
    expect(fake.windows).toHaveLength(0);
    expect(logs.at(-1)).toContain('a candidate is on this station');
    phase = 'idle';
    window.open();
    expect(window.isOpen).toBe(true);
    window.close();
    expect((fake.windows[0] as FakeWindow).destroyed).toBe(true);
    expect(window.isOpen).toBe(false);
    serverUrl = null;
    window.open();
    expect(fake.windows).toHaveLength(1);
    expect(logs.at(-1)).toContain('no certification server address');
  });
});
