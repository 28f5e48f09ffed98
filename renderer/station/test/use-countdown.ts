// A countdown shown on screen, run locally from the station's last figure (the station stays the
// authority: each status it sends resets the base). Re-renders once a second at most, and not at all
// when there is nothing to count (most challenges have no timer of their own: a new one is drawn once,
// not twice).
import { useEffect, useState } from 'react';

/** The screen's last tick: when it was, and the base it was counted from. */
export interface CountdownTick {
  base: number;
  now: number;
}

/** What the countdown shows: the base minus the time spent since it, as of the last tick of that base. */
export function timeLeft(
  baseMs: number | null,
  baseAt: number,
  running: boolean,
  tick: CountdownTick,
): number | null {
  if (baseMs === null) return null;
  if (!running) return baseMs;
  const spent = tick.base === baseAt ? Math.max(0, tick.now - baseAt) : 0;
  return Math.max(0, Math.round(baseMs - spent));
}

export function useCountdown(baseMs: number | null, baseAt: number, running: boolean): number | null {
  // The last tick, with the base it was counted from: a new base (each status brings one, after every
  // "Valider") starts from no time spent without a redraw of its own, inside the one that shows it.
  const [tick, setTick] = useState<CountdownTick>(() => ({ base: baseAt, now: performance.now() }));
  const counting = running && baseMs !== null;
  useEffect(() => {
    if (!counting) return;
    const handle = window.setInterval(() => setTick({ base: baseAt, now: performance.now() }), 1000);
    return () => window.clearInterval(handle);
  }, [baseMs, baseAt, counting]);
  return timeLeft(baseMs, baseAt, running, tick);
}
