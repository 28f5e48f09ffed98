// The modal layers (dialogs, viewers) open now, oldest first. The station hides native views drawn over
// the page (the challenge browser) while one is, or they would cover the dialog; the live announcer
// draws its regions inside the top-most one, since a modal dialog takes everything else out of what
// screen readers hear.
import { useSyncExternalStore } from 'react';

const layers: { element: HTMLElement | null }[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A layer opened, with its element (a modal <dialog>) when it has one; the returned function closes it. */
export function overlayOpened(element: HTMLElement | null = null): () => void {
  const layer = { element };
  layers.push(layer);
  changed();
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    const at = layers.indexOf(layer);
    if (at >= 0) layers.splice(at, 1);
    changed();
  };
}

/** The element of the top-most open layer that has one, or null when none is open. */
export function topOverlay(): HTMLElement | null {
  for (let i = layers.length - 1; i >= 0; i--) {
    const element = layers[i]?.element;
    if (element) return element;
  }
  return null;
}

export function useOverlayOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => layers.length > 0,
    () => false,
  );
}

export function useTopOverlay(): HTMLElement | null {
  return useSyncExternalStore(subscribe, topOverlay, () => null);
}
