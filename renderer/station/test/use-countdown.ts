// A countdown shown on screen, run locally from the station's last figure (the station stays the
// authority: each status it sends resets the base). Re-renders once a second at most, and not at all
// when there is nothing to count (most challenges have no timer of their own: a new one is drawn once,
// not twice).
import { useEffect, useState } from 'react';

export function useCountdown(baseMs: number | null, baseAt: number, running: boolean): number | null {
  const [now, setNow] = useState(() => performance.now());
  const counting = running && baseMs !== null;
  useEffect(() => {
    if (!counting) return;
    // A new base: count from it (a `now` older than the base counts as no time spent).
    setNow(performance.now());
    const handle = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(handle);
  }, [baseMs, baseAt, counting]);
  if (baseMs === null) return null;
  if (!running) return baseMs;
  return Math.max(0, Math.round(baseMs - Math.max(0, now - baseAt)));
}
