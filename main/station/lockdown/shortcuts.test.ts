import { describe, expect, it } from 'vitest';
import {
  decideShortcut,
  nextZoomFactor,
  SHORTCUTS,
  UNCATCHABLE_SHORTCUTS,
  ZOOM_FACTORS,
  type KeyInput,
  type Platform,
} from './shortcuts.ts';

function key(
  keyName: string,
  code: string,
  mods: Partial<Pick<KeyInput, 'control' | 'alt' | 'shift' | 'meta'>> = {},
  type = 'keyDown',
): KeyInput {
  return { type, key: keyName, code, control: false, alt: false, shift: false, meta: false, ...mods };
}

const exam = (platform: Platform) => ({ platform, devTools: false });

describe('swallowed shortcuts', () => {
  it.each<[Platform, KeyInput, string]>([
    // Windows and Linux
    ['win32', key('F5', 'F5'), 'F5'],
    ['win32', key('F5', 'F5', { control: true }), 'F5'],
    ['win32', key('r', 'KeyR', { control: true }), 'Ctrl+R'],
    ['linux', key('R', 'KeyR', { control: true, shift: true }), 'Ctrl+Shift+R'],
    ['win32', key('F12', 'F12'), 'F12'],
    ['win32', key('I', 'KeyI', { control: true, shift: true }), 'Ctrl+Shift+I'],
    ['linux', key('J', 'KeyJ', { control: true, shift: true }), 'Ctrl+Shift+J'],
    ['linux', key('C', 'KeyC', { control: true, shift: true }), 'Ctrl+Shift+C'],
    ['win32', key('u', 'KeyU', { control: true }), 'Ctrl+U'],
    ['win32', key('p', 'KeyP', { control: true }), 'Ctrl+P'],
    ['win32', key('s', 'KeyS', { control: true }), 'Ctrl+S'],
    ['win32', key('o', 'KeyO', { control: true }), 'Ctrl+O'],
    ['linux', key('n', 'KeyN', { control: true }), 'Ctrl+N'],
    ['linux', key('t', 'KeyT', { control: true }), 'Ctrl+T'],
    ['linux', key('T', 'KeyT', { control: true, shift: true }), 'Ctrl+Shift+T'],
    ['win32', key('w', 'KeyW', { control: true }), 'Ctrl+W'],
    ['win32', key('F4', 'F4', { alt: true }), 'Alt+F4'],
    ['win32', key('F4', 'F4', { control: true }), 'Ctrl+F4'],
    ['linux', key('q', 'KeyQ', { control: true }), 'Ctrl+Q'],
    ['win32', key('F11', 'F11'), 'F11'],
    ['linux', key('F7', 'F7'), 'F7'],
    ['win32', key(' ', 'Space', { alt: true }), 'Alt+Space'],
    ['win32', key('PrintScreen', 'PrintScreen'), 'PrintScreen'],
    // AZERTY: the key printed W is code KeyZ; Chromium closes on the printed letter.
    ['win32', key('w', 'KeyZ', { control: true }), 'Ctrl+W'],
    // macOS
    ['darwin', key('r', 'KeyR', { meta: true }), 'Cmd+R'],
    ['darwin', key('i', 'KeyI', { meta: true, alt: true }), 'Cmd+Option+I'],
    ['darwin', key('ˆ', 'KeyI', { meta: true, alt: true }), 'Cmd+Option+I'],
    ['darwin', key('q', 'KeyQ', { meta: true }), 'Cmd+Q'],
    ['darwin', key('w', 'KeyW', { meta: true }), 'Cmd+W'],
    ['darwin', key('h', 'KeyH', { meta: true }), 'Cmd+H'],
    ['darwin', key('m', 'KeyM', { meta: true }), 'Cmd+M'],
    ['darwin', key('f', 'KeyF', { meta: true, control: true }), 'Ctrl+Cmd+F'],
    ['darwin', key('p', 'KeyP', { meta: true }), 'Cmd+P'],
    ['darwin', key('n', 'KeyN', { meta: true }), 'Cmd+N'],
  ])('%s: %o is swallowed as %s', (platform, input, name) => {
    expect(decideShortcut(input, exam(platform))).toMatchObject({ action: 'swallow', shortcut: name });
  });

  it('swallows key-up as well as key-down', () => {
    expect(decideShortcut(key('r', 'KeyR', { control: true }, 'keyUp'), exam('win32')).action).toBe(
      'swallow',
    );
  });
});

describe('keys that pass', () => {
  it.each<[Platform, KeyInput]>([
    // Ordinary typing and editing, including copy and paste (Pix tasks need them).
    ['win32', key('a', 'KeyA')],
    ['win32', key('c', 'KeyC', { control: true })],
    ['win32', key('v', 'KeyV', { control: true })],
    ['win32', key('x', 'KeyX', { control: true })],
    ['win32', key('z', 'KeyZ', { control: true })],
    ['win32', key('a', 'KeyA', { control: true })],
    ['darwin', key('c', 'KeyC', { meta: true })],
    ['darwin', key('v', 'KeyV', { meta: true })],
    // AZERTY: Ctrl+Z (undo) sits where QWERTY has W; it must stay undo.
    ['win32', key('z', 'KeyW', { control: true })],
    // AltGr is Ctrl+Alt on Windows: AltGr+E gives € and must type.
    ['win32', key('€', 'KeyE', { control: true, alt: true })],
    ['win32', key('@', 'Digit0', { control: true, alt: true })],
    ['win32', key('Tab', 'Tab')],
    ['win32', key('Escape', 'Escape')],
    ['win32', key('Enter', 'Enter')],
    ['win32', key('ArrowLeft', 'ArrowLeft', { alt: true })],
    // Shortcuts of another OS mean nothing here.
    ['darwin', key('r', 'KeyR', { control: true })],
    ['win32', key('r', 'KeyR', { meta: true })],
    ['darwin', key('F4', 'F4', { alt: true })],
    // Ctrl+Alt+letter is AltGr+letter on Windows: it types, it is no devtools shortcut.
    ['win32', key('i', 'KeyI', { control: true, alt: true })],
  ])('%s: %o passes', (platform, input) => {
    expect(decideShortcut(input, exam(platform)).action).toBe('pass');
  });

  it('ignores char events', () => {
    expect(decideShortcut(key('r', 'KeyR', { control: true }, 'char'), exam('win32')).action).toBe('pass');
  });

  it('lets developer tools through in development builds only', () => {
    const f12 = key('F12', 'F12');
    expect(decideShortcut(f12, { platform: 'linux', devTools: true }).action).toBe('pass');
    expect(decideShortcut(f12, { platform: 'linux', devTools: false }).action).toBe('swallow');
    // Other groups stay swallowed in development too.
    expect(
      decideShortcut(key('r', 'KeyR', { control: true }), { platform: 'linux', devTools: true }).action,
    ).toBe('swallow');
  });
});

describe('zoom', () => {
  it.each<[Platform, KeyInput, string]>([
    ['win32', key('+', 'Equal', { control: true, shift: true }), 'zoomIn'],
    ['win32', key('=', 'Equal', { control: true }), 'zoomIn'],
    ['win32', key('+', 'NumpadAdd', { control: true }), 'zoomIn'],
    ['linux', key('-', 'Minus', { control: true }), 'zoomOut'],
    // AZERTY: "-" is on the 6 key, 0 gives "à" without Shift.
    ['linux', key('-', 'Digit6', { control: true }), 'zoomOut'],
    ['linux', key('à', 'Digit0', { control: true }), 'zoomReset'],
    ['win32', key('0', 'Numpad0', { control: true }), 'zoomReset'],
    ['darwin', key('=', 'Equal', { meta: true }), 'zoomIn'],
    ['darwin', key('-', 'Minus', { meta: true }), 'zoomOut'],
    ['darwin', key('0', 'Digit0', { meta: true }), 'zoomReset'],
  ])('%s: %o → %s', (platform, input, action) => {
    expect(decideShortcut(input, exam(platform)).action).toBe(action);
  });

  it('zooms once: the key-up of a zoom key is only swallowed', () => {
    expect(decideShortcut(key('=', 'Equal', { control: true }, 'keyUp'), exam('win32')).action).toBe(
      'swallow',
    );
  });

  it('steps from 100 % to 300 % and no further', () => {
    let factor = 1;
    const seen = [factor];
    for (let i = 0; i < 20; i++) seen.push((factor = nextZoomFactor(factor, 'zoomIn')));
    expect(Math.max(...seen)).toBe(3);
    expect(seen).toContain(2);
    for (let i = 0; i < 20; i++) factor = nextZoomFactor(factor, 'zoomOut');
    expect(factor).toBe(1);
    expect(nextZoomFactor(2.5, 'zoomReset')).toBe(1);
    // An odd factor (set by the OS or an older version) snaps to the nearest step.
    expect(nextZoomFactor(1.6, 'zoomIn')).toBe(1.75);
    expect(ZOOM_FACTORS[0]).toBe(1);
  });
});

describe('the invigilator prompt', () => {
  it('opens on Ctrl+Alt+Shift+K (Cmd+Option+Shift+K on macOS), on key down only', () => {
    expect(
      decideShortcut(key('K', 'KeyK', { control: true, alt: true, shift: true }), exam('win32')).action,
    ).toBe('quitPrompt');
    expect(
      decideShortcut(key('', 'KeyK', { meta: true, alt: true, shift: true }), exam('darwin')).action,
    ).toBe('quitPrompt');
    expect(
      decideShortcut(key('K', 'KeyK', { control: true, alt: true, shift: true }, 'keyUp'), exam('linux'))
        .action,
    ).toBe('swallow');
    expect(decideShortcut(key('k', 'KeyK', { control: true, shift: true }), exam('linux')).action).toBe(
      'pass',
    );
  });
});

describe('the table', () => {
  it('names every entry once per platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const names = SHORTCUTS.filter((s) => s.platforms.includes(platform)).map(
        (s) => `${s.name}/${s.action}`,
      );
      expect(new Set(names).size, platform).toBe(names.length);
    }
  });

  it('says what no app can catch on each OS', () => {
    expect(UNCATCHABLE_SHORTCUTS.win32.map((s) => s.name)).toContain('Ctrl+Alt+Del');
    expect(UNCATCHABLE_SHORTCUTS.win32.map((s) => s.name)).toContain('Win+L');
    expect(UNCATCHABLE_SHORTCUTS.linux.some((s) => s.name.startsWith('Ctrl+Alt+F'))).toBe(true);
    expect(UNCATCHABLE_SHORTCUTS.darwin.map((s) => s.name)).toContain('Cmd+Option+Esc');
  });
});
