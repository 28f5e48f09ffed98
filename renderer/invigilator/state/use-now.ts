// One ticking clock for the whole screen (countdowns, heartbeat ages, alert ages): every card reads
// the same second, and nothing re-renders faster than once a second.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let current = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** This browser's clock, updated every second. */
export function useNow(): number {
  // The same clock when rendered to HTML (the unit tests render screens that way).
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}
