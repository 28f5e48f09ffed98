// Screen-reader announcements: one polite and one assertive live region, mounted once. Screens call
// `announce()` for state changes and time warnings only (never every second), so a screen reader user
// hears what changed without being flooded.
import { useEffect, useState } from 'react';

type Politeness = 'polite' | 'assertive';
type Listener = (message: string, politeness: Politeness) => void;
const listeners = new Set<Listener>();

export function announce(message: string, politeness: Politeness = 'polite'): void {
  for (const listener of listeners) listener(message, politeness);
}

export function LiveAnnouncer() {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  useEffect(() => {
    const timers: number[] = [];
    const listener: Listener = (message, politeness) => {
      const set = politeness === 'assertive' ? setAssertive : setPolite;
      // Clear first so that the same sentence twice in a row is read twice.
      set('');
      timers.push(window.setTimeout(() => set(message), 60));
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, []);
  return (
    <>
      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer-polite"
      >
        {polite}
      </div>
      <div
        className="visually-hidden"
        role="alert"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="announcer-assertive"
      >
        {assertive}
      </div>
    </>
  );
}
