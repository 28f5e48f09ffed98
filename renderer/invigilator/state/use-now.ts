// One ticking clock for the whole screen (countdowns, heartbeat ages, alert ages): every card reads
// the same second, and nothing re-renders faster than once a second.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let current = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

/** Starts the clock with its first reader; it stops when the last one leaves. */
export function subscribeNow(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    // Nothing read the clock meanwhile (the attendance sheet, the login): it is as old as that pause.
    // Read afresh now, so that a page just opened does not judge stations by a time long past.
    current = Date.now();
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

/** The clock's last reading. */
export function readNow(): number {
  return current;
}

/** This browser's clock, updated every second. */
export function useNow(): number {
  // The same clock when rendered to HTML (the unit tests render screens that way).
  return useSyncExternalStore(subscribeNow, readNow, readNow);
}
