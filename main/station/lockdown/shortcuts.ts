// The keyboard shortcuts the shell swallows in `before-input-event` (LOCKDOWN.md), per OS. Only what the
// app can catch is here: the OS keeps Ctrl+Alt+Del, Win+L, Alt+Tab (Windows), VT switching (Linux) and
// Cmd+Option+Esc (macOS) for itself; UNCATCHABLE_SHORTCUTS lists them so the IT docs and the reports say
// so honestly. Zoom is not swallowed but handled by the shell within limits: candidates who need 200 %
// must get it, while Chromium's own zoom (persisted per site, unbounded) stays off.

export type Platform = 'win32' | 'linux' | 'darwin';

/** What Electron's `before-input-event` gives us (a subset of `Electron.Input`). */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export type ShortcutGroup =
  | 'reload'
  | 'devTools'
  | 'viewSource'
  | 'print'
  | 'newWindow'
  | 'close'
  | 'quit'
  | 'hideOrMinimize'
  | 'fullScreen'
  | 'saveOrOpen'
  | 'caretBrowsing'
  | 'systemMenu'
  | 'screenshot'
  | 'zoom'
  | 'invigilator';

export type ShortcutAction = 'swallow' | 'zoomIn' | 'zoomOut' | 'zoomReset' | 'quitPrompt';

interface Modifiers {
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
  meta?: boolean;
}

export interface ShortcutEntry {
  /** How people write it: "Ctrl+Shift+I". */
  name: string;
  group: ShortcutGroup;
  platforms: readonly Platform[];
  /**
   * `key` for letters and symbols (the character of the current layout, as Chromium's accelerators read
   * it: Ctrl+W on an AZERTY keyboard is the key printed W); `code` for keys that have no character.
   */
  key?: readonly string[];
  code?: readonly string[];
  /** Exact modifier state; `anyModifiers` matches the key whatever is held (F5, F12…). */
  modifiers?: Modifiers;
  anyModifiers?: boolean;
  action: ShortcutAction;
}

const ALL: readonly Platform[] = ['win32', 'linux', 'darwin'];
const WIN_LINUX: readonly Platform[] = ['win32', 'linux'];
const MAC: readonly Platform[] = ['darwin'];

/** Ctrl on Windows and Linux, Cmd on macOS: the "primary" modifier of application shortcuts. */
function primary(
  name: string,
  group: ShortcutGroup,
  key: string[],
  extra: Modifiers = {},
  action: ShortcutAction = 'swallow',
): ShortcutEntry[] {
  const extraNames = [extra.alt ? 'Alt' : '', extra.shift ? 'Shift' : ''].filter(Boolean);
  const winName = ['Ctrl', ...extraNames, name].join('+');
  const macName = ['Cmd', ...extraNames.map((n) => (n === 'Alt' ? 'Option' : n)), name].join('+');
  return [
    { name: winName, group, platforms: WIN_LINUX, key, modifiers: { ctrl: true, ...extra }, action },
    { name: macName, group, platforms: MAC, key, modifiers: { meta: true, ...extra }, action },
  ];
}

function macOnly(entries: ShortcutEntry[]): ShortcutEntry[] {
  return entries.filter((entry) => entry.platforms === MAC);
}

export const SHORTCUTS: readonly ShortcutEntry[] = [
  // The invigilator's way out: opens the invigilator-code prompt (the code, not the keys, is the secret).
  {
    name: 'Ctrl+Alt+Shift+K',
    group: 'invigilator',
    platforms: WIN_LINUX,
    code: ['KeyK'],
    modifiers: { ctrl: true, alt: true, shift: true },
    action: 'quitPrompt',
  },
  {
    name: 'Cmd+Option+Shift+K',
    group: 'invigilator',
    platforms: MAC,
    code: ['KeyK'],
    modifiers: { meta: true, alt: true, shift: true },
    action: 'quitPrompt',
  },
  // Reload would drop the screen state mid-question (the journal keeps the answers, but it looks broken).
  {
    name: 'F5',
    group: 'reload',
    platforms: ALL,
    code: ['F5', 'BrowserRefresh'],
    anyModifiers: true,
    action: 'swallow',
  },
  ...primary('R', 'reload', ['r']),
  ...primary('R', 'reload', ['r'], { shift: true }),
  // Developer tools and page source: the way into the renderer's internals.
  { name: 'F12', group: 'devTools', platforms: ALL, code: ['F12'], anyModifiers: true, action: 'swallow' },
  ...primary('I', 'devTools', ['i'], { shift: true }),
  ...primary('J', 'devTools', ['j'], { shift: true }),
  ...primary('C', 'devTools', ['c'], { shift: true }),
  // macOS uses Option: its key is then the Option character (ˆ, ∆, ç, ¨) on many layouts.
  ...macOnly(primary('I', 'devTools', ['i', 'ˆ'], { alt: true })),
  ...macOnly(primary('J', 'devTools', ['j', '∆'], { alt: true })),
  ...macOnly(primary('C', 'devTools', ['c', 'ç'], { alt: true })),
  ...primary('U', 'viewSource', ['u']),
  ...macOnly(primary('U', 'viewSource', ['u', '¨'], { alt: true })),
  // Print, save and open: ways to get content out or files in.
  ...primary('P', 'print', ['p']),
  ...primary('P', 'print', ['p'], { shift: true }),
  ...primary('S', 'saveOrOpen', ['s']),
  ...primary('S', 'saveOrOpen', ['s'], { shift: true }),
  ...primary('O', 'saveOrOpen', ['o']),
  // New windows and tabs would escape the kiosk window.
  ...primary('N', 'newWindow', ['n']),
  ...primary('N', 'newWindow', ['n'], { shift: true }),
  ...primary('T', 'newWindow', ['t']),
  ...primary('T', 'newWindow', ['t'], { shift: true }),
  // Closing: only the invigilator ends the station.
  ...primary('W', 'close', ['w']),
  ...primary('W', 'close', ['w'], { shift: true }),
  {
    name: 'Ctrl+F4',
    group: 'close',
    platforms: WIN_LINUX,
    code: ['F4'],
    modifiers: { ctrl: true },
    action: 'swallow',
  },
  {
    name: 'Alt+F4',
    group: 'close',
    platforms: WIN_LINUX,
    code: ['F4'],
    modifiers: { alt: true },
    action: 'swallow',
  },
  ...primary('Q', 'quit', ['q']),
  {
    name: 'Cmd+H',
    group: 'hideOrMinimize',
    platforms: MAC,
    key: ['h'],
    modifiers: { meta: true },
    action: 'swallow',
  },
  {
    name: 'Cmd+Option+H',
    group: 'hideOrMinimize',
    platforms: MAC,
    key: ['h', '˙'],
    modifiers: { meta: true, alt: true },
    action: 'swallow',
  },
  {
    name: 'Cmd+M',
    group: 'hideOrMinimize',
    platforms: MAC,
    key: ['m'],
    modifiers: { meta: true },
    action: 'swallow',
  },
  // Leaving full screen shows the desktop behind the exam.
  {
    name: 'F11',
    group: 'fullScreen',
    platforms: WIN_LINUX,
    code: ['F11'],
    anyModifiers: true,
    action: 'swallow',
  },
  {
    name: 'Ctrl+Cmd+F',
    group: 'fullScreen',
    platforms: MAC,
    key: ['f'],
    modifiers: { ctrl: true, meta: true },
    action: 'swallow',
  },
  // Caret browsing changes how the page reacts to keys, for no exam purpose.
  {
    name: 'F7',
    group: 'caretBrowsing',
    platforms: WIN_LINUX,
    code: ['F7'],
    anyModifiers: true,
    action: 'swallow',
  },
  // Alt+Space opens the window menu (Move, Close) on Windows and in many Linux sessions.
  {
    name: 'Alt+Space',
    group: 'systemMenu',
    platforms: WIN_LINUX,
    code: ['Space'],
    modifiers: { alt: true },
    action: 'swallow',
  },
  // Screenshots: the OS usually takes them before the app sees the key; swallowed when it does not.
  {
    name: 'PrintScreen',
    group: 'screenshot',
    platforms: WIN_LINUX,
    code: ['PrintScreen'],
    anyModifiers: true,
    action: 'swallow',
  },
  // Zoom: handled by the shell (bounded), for candidates who need large text.
  ...primary('+', 'zoom', ['+', '='], {}, 'zoomIn'),
  ...primary('+', 'zoom', ['+', '='], { shift: true }, 'zoomIn'),
  ...primary('-', 'zoom', ['-', '_'], {}, 'zoomOut'),
  ...primary('0', 'zoom', ['0', 'à'], {}, 'zoomReset'),
  {
    name: 'Ctrl+Numpad+',
    group: 'zoom',
    platforms: WIN_LINUX,
    code: ['NumpadAdd'],
    modifiers: { ctrl: true },
    action: 'zoomIn',
  },
  {
    name: 'Ctrl+Numpad-',
    group: 'zoom',
    platforms: WIN_LINUX,
    code: ['NumpadSubtract'],
    modifiers: { ctrl: true },
    action: 'zoomOut',
  },
  {
    name: 'Ctrl+Numpad0',
    group: 'zoom',
    platforms: WIN_LINUX,
    code: ['Numpad0'],
    modifiers: { ctrl: true },
    action: 'zoomReset',
  },
];

/** Combinations the OS keeps for itself: the IT setup (kiosk account, session) covers them, or nothing. */
export const UNCATCHABLE_SHORTCUTS: Readonly<Record<Platform, readonly { name: string; why: string }[]>> = {
  win32: [
    { name: 'Ctrl+Alt+Del', why: 'Secure Attention Sequence, handled by Windows before any application' },
    { name: 'Win+L', why: 'locks the session; reported as lock screen' },
    {
      name: 'Alt+Tab / Win+Tab',
      why: 'window switching; reported as focus loss; Assigned Access removes other apps',
    },
    { name: 'Ctrl+Shift+Esc', why: 'Task Manager; removed by the kiosk account policy' },
    {
      name: 'Win+D, Win+R, Win+E…',
      why: 'shell shortcuts; Shell Launcher / Assigned Access has no Explorer shell',
    },
  ],
  linux: [
    {
      name: 'Ctrl+Alt+F1…F12',
      why: 'virtual terminal switching; disabled by the kiosk session (cage, X11 DontVTSwitch)',
    },
    { name: 'Alt+Tab, Super', why: 'handled by the desktop; a dedicated cage session has no other window' },
  ],
  darwin: [
    { name: 'Cmd+Option+Esc', why: 'Force Quit; hidden by kiosk presentation options' },
    { name: 'Cmd+Tab', why: 'app switching; blocked by kiosk presentation options' },
    { name: 'Ctrl+Cmd+Q', why: 'locks the session; reported as lock screen' },
    { name: 'Cmd+Shift+3/4/5', why: 'screenshots; content protection keeps the window out of them' },
  ],
};

function modifiersMatch(input: KeyInput, wanted: Modifiers): boolean {
  return (
    input.control === Boolean(wanted.ctrl) &&
    input.alt === Boolean(wanted.alt) &&
    input.shift === Boolean(wanted.shift) &&
    input.meta === Boolean(wanted.meta)
  );
}

function entryMatches(entry: ShortcutEntry, input: KeyInput): boolean {
  const keyHit = entry.key?.includes(input.key.toLowerCase()) ?? false;
  const codeHit = entry.code?.includes(input.code) ?? false;
  if (!keyHit && !codeHit) return false;
  return entry.anyModifiers === true || modifiersMatch(input, entry.modifiers ?? {});
}

export interface ShortcutDecision {
  action: ShortcutAction | 'pass';
  /** The shortcut recognized, for the log ("Ctrl+Shift+I"). */
  shortcut: string | null;
  group: ShortcutGroup | null;
}

export interface ShortcutOptions {
  platform: Platform;
  /** Development builds keep the developer tools reachable; exam builds never do. */
  devTools: boolean;
}

/** Decides what to do with one key event: let it through, swallow it, or zoom. */
export function decideShortcut(input: KeyInput, options: ShortcutOptions): ShortcutDecision {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown' && input.type !== 'keyUp') {
    return { action: 'pass', shortcut: null, group: null };
  }
  for (const entry of SHORTCUTS) {
    if (!entry.platforms.includes(options.platform) || !entryMatches(entry, input)) continue;
    if (entry.group === 'devTools' && options.devTools)
      return { action: 'pass', shortcut: entry.name, group: entry.group };
    // Zoom and the prompt happen once, on key down; their key-up is swallowed like the rest.
    const action = entry.action !== 'swallow' && input.type === 'keyUp' ? 'swallow' : entry.action;
    return { action, shortcut: entry.name, group: entry.group };
  }
  return { action: 'pass', shortcut: null, group: null };
}

/** Zoom steps the shell applies (Chromium's own factors), from 100 % to 300 %. */
export const ZOOM_FACTORS = [1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

/** The next zoom factor for a zoom action; the current factor snaps to the nearest step first. */
export function nextZoomFactor(current: number, action: 'zoomIn' | 'zoomOut' | 'zoomReset'): number {
  if (action === 'zoomReset') return 1;
  let index = 0;
  for (let i = 0; i < ZOOM_FACTORS.length; i++) {
    if (Math.abs((ZOOM_FACTORS[i] ?? 1) - current) < Math.abs((ZOOM_FACTORS[index] ?? 1) - current))
      index = i;
  }
  const next = action === 'zoomIn' ? Math.min(index + 1, ZOOM_FACTORS.length - 1) : Math.max(index - 1, 0);
  return ZOOM_FACTORS[next] ?? 1;
}
