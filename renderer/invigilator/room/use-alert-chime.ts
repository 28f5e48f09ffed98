// Plays the chime (alert-chime.ts) once for each request that newly blocks a candidate; nothing for
// what was already there when the room loaded (the banner says it), nor when turned off.
import { useEffect, useRef, useState } from 'react';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { chimeWanted, playChime, rememberChimeWanted, startAudioOnFirstGesture } from './alert-chime.ts';
import { BlockedArrivals } from './blocked-arrivals.ts';

export function useAlertChime(candidates: readonly RoomCandidate[], loaded: boolean, sessionOpen: boolean) {
  const [wanted, setWanted] = useState(chimeWanted);
  const arrivals = useRef(new BlockedArrivals());
  useEffect(() => startAudioOnFirstGesture(), []);
  useEffect(() => {
    const fresh = arrivals.current.observe(candidates, loaded);
    if (fresh && wanted && sessionOpen) playChime();
  }, [candidates, loaded, wanted, sessionOpen]);
  const choose = (on: boolean) => {
    setWanted(on);
    rememberChimeWanted(on);
  };
  return { wanted, choose };
}
