// Screen-reader announcements: one polite and one assertive live region, mounted once. Screens call
// `announce()` for state changes and time warnings only (never every second), so a screen reader user
// hears what changed without being flooded.
//
// A modal dialog (showModal) takes everything outside it out of the accessibility tree, live regions
// included: while one is open the regions are drawn inside the top-most dialog, and back in the page
// when it closes. They arrive empty in their new place, so nothing already said is said again, while an
// announcement still on its way lands there.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { topOverlay, useTopOverlay } from './overlays.ts';

type Politeness = 'polite' | 'assertive';
type Listener = (message: string, politeness: Politeness) => void;
const listeners = new Set<Listener>();

/** How long after clearing a region its new sentence is written (so the same sentence twice is read twice). */
export const ANNOUNCE_DELAY_MS = 60;

export function announce(message: string, politeness: Politeness = 'polite'): void {
  for (const listener of listeners) listener(message, politeness);
}

/** What the regions show, and where: the top-most dialog's element, or null for the page. */
export interface LiveRegions {
  host: Element | null;
  polite: string;
  assertive: string;
}

/** The regions once drawn in `host`: moved, they start empty (what they held was already said). */
export function regionsIn(regions: LiveRegions, host: Element | null): LiveRegions {
  return regions.host === host ? regions : { host, polite: '', assertive: '' };
}

export function LiveAnnouncer() {
  const host = useTopOverlay();
  const [stored, setRegions] = useState<LiveRegions>({ host, polite: '', assertive: '' });
  const regions = regionsIn(stored, host);
  if (regions !== stored) setRegions(regions);

  useEffect(() => {
    const timers: number[] = [];
    const listener: Listener = (message, politeness) => {
      // Written for where the regions are when it lands (a dialog may have opened or closed since).
      const set = (text: string) =>
        setRegions((r) => ({ ...regionsIn(r, topOverlay()), [politeness]: text }));
      // Clear first so that the same sentence twice in a row is read twice.
      set('');
      timers.push(window.setTimeout(() => set(message), ANNOUNCE_DELAY_MS));
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, []);

  const drawn = (
    <>
      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer-polite"
      >
        {regions.polite}
      </div>
      <div
        className="visually-hidden"
        role="alert"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="announcer-assertive"
      >
        {regions.assertive}
      </div>
    </>
  );
  return host ? createPortal(drawn, host) : drawn;
}
