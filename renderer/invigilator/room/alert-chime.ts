// A short, soft two-tone chime when a candidate becomes blocked (a new alert, a resume to authorize),
// for an invigilator who is walking round the room or looking at another window: DOMAIN.md §8 says
// invigilators did not realise alerts must be handled live. Made with Web Audio (no file, nothing
// fetched). Browsers let a page play sound only after a user gesture: the audio is started on the
// page's first click or key press (logging in is one). The invigilator can turn it off; the choice is
// remembered in this browser.
const PREFERENCE_KEY = 'pix-invigilator-chime';

/** This browser's storage, or null where the page may not use it (a locked-down profile). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** On unless the invigilator turned it off in this browser. */
export function chimeWanted(): boolean {
  try {
    return storage()?.getItem(PREFERENCE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function rememberChimeWanted(on: boolean): void {
  try {
    storage()?.setItem(PREFERENCE_KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered: it still applies to this page.
  }
}

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  if (typeof window.AudioContext !== 'function') return null;
  try {
    context = new window.AudioContext();
  } catch {
    return null;
  }
  return context;
}

/** Starts the audio on the page's first gesture (browsers keep it suspended until then). */
export function startAudioOnFirstGesture(): () => void {
  const start = () => {
    const ctx = audio();
    if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    stop();
  };
  const stop = () => {
    window.removeEventListener('pointerdown', start, true);
    window.removeEventListener('keydown', start, true);
  };
  window.addEventListener('pointerdown', start, true);
  window.addEventListener('keydown', start, true);
  return stop;
}

/** Two soft notes, about half a second in all. Silent where the browser has no audio. */
export function playChime(): void {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const begin = ctx.currentTime + 0.01;
  [880, 660].forEach((frequency, i) => {
    const at = begin + i * 0.18;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.12, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.32);
  });
}
