// Whether the session chimes for new alerts (alert-chime.ts): on unless turned off, remembered by the
// browser. One setting for the whole screen: the box is in the room, the chime plays on every page
// (session/session-watch.tsx), which also starts the audio on the page's first gesture.
import { useSyncExternalStore } from 'react';
import { chimeWanted, rememberChimeWanted } from './alert-chime.ts';

const listeners = new Set<() => void>();
let wanted: boolean | null = null;

function read(): boolean {
  wanted ??= chimeWanted();
  return wanted;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function choose(on: boolean): void {
  wanted = on;
  rememberChimeWanted(on);
  for (const listener of listeners) listener();
}

export function useChimePreference(): { wanted: boolean; choose(on: boolean): void } {
  return { wanted: useSyncExternalStore(subscribe, read, read), choose };
}
