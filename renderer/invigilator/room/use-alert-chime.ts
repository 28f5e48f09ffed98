// Whether the room chimes for new alerts (alert-chime.ts): on unless turned off, remembered by the
// browser; the audio is started on the page's first gesture.
import { useEffect, useState } from 'react';
import { chimeWanted, rememberChimeWanted, startAudioOnFirstGesture } from './alert-chime.ts';

export function useChimePreference() {
  const [wanted, setWanted] = useState(chimeWanted);
  useEffect(() => startAudioOnFirstGesture(), []);
  const choose = (on: boolean) => {
    setWanted(on);
    rememberChimeWanted(on);
  };
  return { wanted, choose };
}
