// The challenge browser's page is a native view outside the screen's tab order: the panel offers a
// keyboard way in and says the shortcut that leads in and back out.
import { describe, expect, it } from 'vitest';
import { renderScreen } from '../testing/render-screen.tsx';
import { BrowserPanel, isPaneSwitchKey } from './browser-panel.tsx';

const panel = (language: 'fr' | 'en' = 'fr') =>
  renderScreen(<BrowserPanel shown onToggle={() => undefined} />, language);

const key = (
  key: string,
  modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('BrowserPanel and the keyboard', () => {
  it('offers « Aller dans la page » and tells the F6 shortcut, in both languages', () => {
    const fr = panel();
    expect(fr).toContain('Aller dans la page');
    expect(fr).toContain('Touche F6 : aller dans la page, puis revenir aux boutons du navigateur.');
    const en = panel('en');
    expect(en).toContain('Go into the page');
    expect(en).toContain('F6 key: go into the page, then back to the browser buttons.');
  });

  it('enters the page on F6 alone', () => {
    expect(isPaneSwitchKey(key('F6'))).toBe(true);
    expect(isPaneSwitchKey(key('F6', { ctrlKey: true }))).toBe(false);
    expect(isPaneSwitchKey(key('F5'))).toBe(false);
  });
});
