// What of a lockdown event's detail the file shows after its translated label. The station writes the
// detail as a French sentence that repeats the label (main/station/lockdown/lockdown-watch.ts): shown
// after the label it says the same thing twice, and in French on the English screen. Only the data in
// it is kept: the forbidden software's name, the display plugged or unplugged. Some sentences say what
// the label cannot (a screen crashing again and again: « le poste doit être changé »; how long the
// candidate was away; a resume's circumstances): those are shown whole, in French.
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';

type LockdownEvent = RoomCandidate['lockdownEvents'][number];

const DATA: Partial<Record<LockdownEvent['event'], RegExp>> = {
  forbiddenProcess: /^Logiciel interdit en cours d’exécution : (.+?)\.(?: Le test est suspendu\.)?$/u,
  displayAdded: /^Écran branché : (.+?\))\./u,
  displayRemoved: /^Écran débranché : (.+?\))\.$/u,
};

const SAID_WHOLE: ReadonlySet<LockdownEvent['event']> = new Set<LockdownEvent['event']>([
  'rendererCrashed',
  'focusRegained',
  'resume',
]);

/** The data in the event's detail (« AnyDesk (anydesk.exe, …) »), or null: nothing to add to the label. */
export function lockdownEventData(event: Pick<LockdownEvent, 'event' | 'detail'>): string | null {
  if (SAID_WHOLE.has(event.event)) return event.detail.trim() || null;
  const data = DATA[event.event]?.exec(event.detail.trim())?.[1]?.trim();
  return data ? data : null;
}
