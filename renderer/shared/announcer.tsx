// Screen-reader announcements: one polite and one assertive live region, mounted once. Screens call
// `announce()` for state changes and time warnings only (never every second), so a screen reader user
// hears what changed without being flooded.
//
// A modal dialog (showModal) takes everything outside it out of the accessibility tree, live regions
// included: while one is open the regions are moved inside the top-most dialog, and back in the page
// when it closes. They are the same two elements all along (some screen readers miss a live region
// just created): a container made once, which React renders into and which is moved whole. They arrive
// empty in their new place, so nothing already said is said again, while an announcement still on its
// way lands there. Announcements made before the previous one was written (a loop, two screens'
// effects in one render) are said together, in order: written one after the other, only the last
// would be heard.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
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

/** What a region will say: what waits to be written there (null: nothing), then `message`. */
export function joinAnnouncements(waiting: string | null, message: string): string {
  if (waiting === null || waiting === '') return message;
  if (message === '' || message === waiting) return waiting;
  return `${/[.!?…]$/.test(waiting) ? waiting : `${waiting}.`} ${message}`;
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
  // Where the regions live in the page, and the one container that holds them wherever they are.
  const home = useRef<HTMLDivElement>(null);
  const [container] = useState(() => document.createElement('div'));

  // Emptied in the render that moves them (regionsIn), moved before the screen is painted.
  useLayoutEffect(() => {
    const place = host ?? home.current;
    if (place && container.parentNode !== place) place.appendChild(container);
  }, [host, container]);
  useLayoutEffect(() => () => container.remove(), [container]);

  useEffect(() => {
    const timers: number[] = [];
    const waiting: Record<Politeness, string | null> = { polite: null, assertive: null };
    const listener: Listener = (message, politeness) => {
      // Written for where the regions are when it lands (a dialog may have opened or closed since).
      const set = (text: string) =>
        setRegions((r) => ({ ...regionsIn(r, topOverlay()), [politeness]: text }));
      const before = waiting[politeness];
      waiting[politeness] = joinAnnouncements(before, message);
      // A write is on its way: it says this one too.
      if (before !== null) return;
      // Clear first so that the same sentence twice in a row is read twice.
      set('');
      timers.push(
        window.setTimeout(() => {
          const text = waiting[politeness] ?? '';
          waiting[politeness] = null;
          set(text);
        }, ANNOUNCE_DELAY_MS),
      );
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, []);

  return (
    <>
      <div ref={home} data-testid="announcer-home" />
      {createPortal(<LiveRegionElements polite={regions.polite} assertive={regions.assertive} />, container)}
    </>
  );
}

/** The two live regions and what they say now. */
export function LiveRegionElements({ polite, assertive }: { polite: string; assertive: string }) {
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
