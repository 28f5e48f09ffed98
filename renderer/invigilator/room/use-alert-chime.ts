// Plays the chime (alert-chime.ts) once for each request that newly blocks a candidate; nothing for
// what was already there when the room loaded (the banner says it), nor when turned off.
import { useEffect, useRef, useState } from 'react';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { chimeWanted, playChime, rememberChimeWanted, startAudioOnFirstGesture } from './alert-chime.ts';
import { blockingKeys, hasNewBlocking } from './blocked-arrivals.ts';

export function useAlertChime(candidates: readonly RoomCandidate[], sessionOpen: boolean) {
  const [wanted, setWanted] = useState(chimeWanted);
  const known = useRef<Set<string> | null>(null);
  useEffect(() => startAudioOnFirstGesture(), []);
  useEffect(() => {
    const now = blockingKeys(candidates);
    const fresh = hasNewBlocking(known.current, now);
    known.current = now;
    if (fresh && wanted && sessionOpen) playChime();
  }, [candidates, wanted, sessionOpen]);
  const choose = (on: boolean) => {
    setWanted(on);
    rememberChimeWanted(on);
  };
  return { wanted, choose };
}
