// The display rule in Electron: the exam on the primary display, a blank unfocusable window over every
// other one (or a refusal notice, per the centre's rule), re-checked each time a display is plugged,
// unplugged or rearranged. Changes are reported through the lockdown watch.
import { BrowserWindow, screen, type Display } from 'electron';
import type { ExtraDisplayRule } from '../../core/lockdown/station-settings.ts';
import {
  diffDisplays,
  evaluateDisplays,
  type DisplayInfo,
  type DisplayVerdict,
} from '../station/lockdown/display-rule.ts';
import type { LockdownWatch } from '../station/lockdown/lockdown-watch.ts';
import { APP_ORIGIN } from './app-protocol.ts';
import { TOP_LEVEL } from './kiosk-window.ts';
import { NOTICE_PAGE } from './shell-pages.ts';

export interface DisplayGuardOptions {
  rule(): ExtraDisplayRule;
  watch: LockdownWatch;
  /** The exam display changed: the kiosk window follows. */
  onExamDisplay(display: Display): void;
  /** The refusal notice: shown while the rule is broken and no test is under way. */
  showNotice(notice: { title: string; message: string } | null): void;
  log(message: string): void;
}

function info(display: Display): DisplayInfo {
  return { id: display.id, bounds: display.bounds, label: display.label, internal: display.internal };
}

export class DisplayGuard {
  readonly #options: DisplayGuardOptions;
  readonly #covers = new Map<number, BrowserWindow>();
  #known: DisplayInfo[] = [];
  #verdict: DisplayVerdict | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: DisplayGuardOptions) {
    this.#options = options;
  }

  /** Applies the rule now and on every display change. Returns the first verdict. */
  start(): DisplayVerdict | null {
    this.#known = screen.getAllDisplays().map(info);
    const verdict = this.#apply();
    const changed = () => this.#scheduleCheck();
    screen.on('display-added', changed);
    screen.on('display-removed', changed);
    screen.on('display-metrics-changed', changed);
    return verdict;
  }

  get verdict(): DisplayVerdict | null {
    return this.#verdict;
  }

  /** The rule changed (settings): apply the new one. */
  recheck(): void {
    this.#scheduleCheck();
  }

  examDisplay(): Display {
    const exam = this.#verdict?.exam;
    return screen.getAllDisplays().find((d) => d.id === exam?.id) ?? screen.getPrimaryDisplay();
  }

  // Displays change in bursts (one event per monitor while the OS rearranges them): check once settled.
  #scheduleCheck(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const before = this.#known;
      this.#known = screen.getAllDisplays().map(info);
      const verdict = this.#apply();
      const change = diffDisplays(before, this.#known);
      if (change.added.length > 0 || change.removed.length > 0) {
        void this.#options.watch.displaysChanged(change, verdict);
      }
    }, 500);
  }

  #apply(): DisplayVerdict | null {
    const verdict = evaluateDisplays(this.#known, screen.getPrimaryDisplay().id, this.#options.rule());
    this.#verdict = verdict;
    if (!verdict) return null;
    const exam = screen.getAllDisplays().find((d) => d.id === verdict.exam.id);
    if (exam) this.#options.onExamDisplay(exam);
    this.#cover(verdict.ok ? verdict.cover : []);
    this.#options.showNotice(
      verdict.ok ? null : { title: 'Le test ne peut pas commencer sur ce poste', message: verdict.message },
    );
    if (verdict.ok && verdict.mirrors.length > 0) this.#options.log('display: the exam display is mirrored');
    return verdict;
  }

  #cover(displays: readonly DisplayInfo[]): void {
    const wanted = new Set(displays.map((d) => d.id));
    for (const [id, window] of this.#covers) {
      if (!wanted.has(id)) {
        this.#covers.delete(id);
        if (!window.isDestroyed()) window.destroy();
      }
    }
    for (const display of displays) {
      const existing = this.#covers.get(display.id);
      if (existing && !existing.isDestroyed()) {
        existing.setBounds(display.bounds);
        continue;
      }
      this.#covers.set(display.id, createCoverWindow(display));
    }
  }

  /** Cover windows must not keep the app alive or block its quitting. */
  destroy(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const window of this.#covers.values()) if (!window.isDestroyed()) window.destroy();
    this.#covers.clear();
  }
}

/** A blank window over a whole display: not focusable (clicking it never takes focus from the exam). */
function createCoverWindow(display: DisplayInfo): BrowserWindow {
  const window = new BrowserWindow({
    ...display.bounds,
    show: false,
    frame: false,
    focusable: false,
    skipTaskbar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: false,
    alwaysOnTop: true,
    backgroundColor: '#1f2a44',
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
  });
  window.setAlwaysOnTop(true, TOP_LEVEL);
  window.setContentProtection(true);
  window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  window.setFullScreen(true);
  window.showInactive();
  return window;
}

/** The refusal notice above the kiosk window on the exam display (page served by the app protocol). */
export function createNoticeWindow(display: Display, parent: BrowserWindow | null): BrowserWindow {
  const window = new BrowserWindow({
    ...display.bounds,
    ...(parent ? { parent } : {}),
    show: false,
    frame: false,
    skipTaskbar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: false,
    alwaysOnTop: true,
    fullscreen: true,
    backgroundColor: '#f4f6fb',
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
  });
  window.setAlwaysOnTop(true, TOP_LEVEL, 1);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}${NOTICE_PAGE}`).catch(() => undefined);
  return window;
}
