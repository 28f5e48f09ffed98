// A countdown shown on screen, run locally from the station's last figure (the station stays the
// authority: each status it sends resets the base). Re-renders once a second at most.
import { useEffect, useState } from 'react';

export function useCountdown(baseMs: number | null, baseAt: number, running: boolean): number | null {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    setNow(performance.now());
    if (!running || baseMs === null) return;
    const handle = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(handle);
  }, [baseMs, baseAt, running]);
  if (baseMs === null) return null;
  if (!running) return baseMs;
  return Math.max(0, Math.round(baseMs - Math.max(0, now - baseAt)));
}
