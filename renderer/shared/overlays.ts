// How many modal layers (dialogs, viewers) are open. The station hides native views drawn over the
// page (the challenge browser) while one is, or they would cover the dialog.
import { useSyncExternalStore } from 'react';

let open = 0;
const listeners = new Set<() => void>();

export function overlayOpened(): () => void {
  open += 1;
  listeners.forEach((l) => l());
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    open -= 1;
    listeners.forEach((l) => l());
  };
}

export function useOverlayOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open > 0,
  );
}
