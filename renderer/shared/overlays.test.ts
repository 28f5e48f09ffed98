// The announcer needs the top-most open modal layer: a dialog opened over another one is the top until it
// closes, whatever order the layers close in.
import { afterEach, describe, expect, it } from 'vitest';
import { overlayOpened, topOverlay } from './overlays.ts';

const element = (name: string) => ({ name }) as unknown as HTMLElement;
let open: (() => void)[] = [];
const opened = (layer: HTMLElement | null) => {
  const close = overlayOpened(layer);
  open.push(close);
  return close;
};

afterEach(() => {
  for (const close of open) close();
  open = [];
});

describe('overlays', () => {
  it('names no layer when none is open', () => {
    expect(topOverlay()).toBeNull();
  });

  it('gives the last dialog opened, then the one under it when it closes', () => {
    const confirm = element('confirm');
    const viewer = element('viewer');
    opened(confirm);
    const closeViewer = opened(viewer);
    expect(topOverlay()).toBe(viewer);
    closeViewer();
    expect(topOverlay()).toBe(confirm);
  });

  it('keeps the top when a layer under it closes first, and counts a close once', () => {
    const below = element('below');
    const above = element('above');
    const closeBelow = opened(below);
    opened(above);
    closeBelow();
    closeBelow();
    expect(topOverlay()).toBe(above);
  });

  it('skips layers without an element', () => {
    const dialog = element('dialog');
    opened(dialog);
    opened(null);
    expect(topOverlay()).toBe(dialog);
  });
});
