// How the file says a lockdown event. The station journals what it knows as data (`facts`,
// core/journal/lockdown-facts.ts): said in the screen's language, in place of the event's name, in
// the words the back office's test record uses too (shared/lockdown-facts-text.ts).
// Older stations wrote only a French sentence that repeats the name (`detail`): for their records the
// name is shown, then the data read back from the sentence (the forbidden software, the display); the
// sentences that say what the name cannot (a screen crashing again and again: « le poste doit être
// changé »; a time away) are shown whole, in French.
import type { TFunction } from 'i18next';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { lockdownFactsText as factsText } from '../../shared/lockdown-facts-text.ts';
import type { Translate } from '../i18n/use-t.ts';

type LockdownEvent = RoomCandidate['lockdownEvents'][number];

/**
 * The event said from the station's facts, in the screen's language (« Logiciel interdit : AnyDesk
 * (anydesk.exe), prise de main à distance »), in the back office's test record's words too
 * (shared/lockdown-facts-text.ts); null for a record without facts (an older station) or with facts of
 * another event (the server drops those; the event's name is shown).
 */
export function lockdownFactsText(
  event: Pick<LockdownEvent, 'event' | 'facts' | 'at'>,
  t: Translate,
  tShared: TFunction,
  language: string,
): string | null {
  return factsText(event, (key, values) => t(`lockdown.${key}`, values), tShared, language);
}

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

/**
 * For a record without facts: the data in the event's detail (« AnyDesk (anydesk.exe, …) »), or null:
 * nothing to add to the label.
 */
export function lockdownEventData(event: Pick<LockdownEvent, 'event' | 'detail'>): string | null {
  if (SAID_WHOLE.has(event.event)) return event.detail.trim() || null;
  const data = DATA[event.event]?.exec(event.detail.trim())?.[1]?.trim();
  return data ? data : null;
}
