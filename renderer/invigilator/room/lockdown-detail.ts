// How the file says a lockdown event. The station journals what it knows as data (`facts`,
// core/journal/lockdown-facts.ts): said here in the screen's language, in place of the event's name.
// Older stations wrote only a French sentence that repeats the name (`detail`): for their records the
// name is shown, then the data read back from the sentence (the forbidden software, the display); the
// sentences that say what the name cannot (a screen crashing again and again: « le poste doit être
// changé »; a time away) are shown whole, in French.
import type { TFunction } from 'i18next';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { factsFitEvent, type LockdownFacts } from '../../../core/journal/lockdown-facts.ts';
import { formatCountdown, formatTimeLeft } from '../../shared/format-duration.ts';
import { clockTime } from '../format.ts';
import type { Translate } from '../i18n/use-t.ts';

type LockdownEvent = RoomCandidate['lockdownEvents'][number];

/** A duration: to the second under an hour (« 2 min 10 s »), else (or whole minutes) « 1 h 05 min ». */
function duration(ms: number, tShared: TFunction): string {
  return ms < 3600_000 && ms % 60_000 !== 0 ? formatCountdown(ms, tShared) : formatTimeLeft(ms, tShared);
}

function displayText(facts: Extract<LockdownFacts, { type: 'display' }>, t: Translate): string {
  const size = { width: facts.width, height: facts.height };
  return facts.label === null
    ? t('lockdown.facts.displayUnnamed', size)
    : t('lockdown.facts.display', { label: facts.label, ...size });
}

/** Whether two instants fall on the same day in the screen's time zone. */
function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A day (« 7 décembre »), with its year when it is not the year of `of`. */
function dayOf(date: Date, of: Date, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    ...(date.getFullYear() === of.getFullYear() ? {} : { year: 'numeric' }),
  }).format(date);
}

/**
 * The last sign of life before an unclean exit: its time, and its date when it is not the day of the
 * event (a station off since the day before). Both on the server's clock (room-view.ts).
 */
function lastSeenText(lastSeenAt: number, eventAt: string, t: Translate, language: string): string {
  const seen = new Date(lastSeenAt);
  const event = new Date(eventAt);
  const time = clockTime(lastSeenAt, language);
  return Number.isNaN(event.getTime()) || sameDay(seen, event)
    ? t('lockdown.facts.lastSeen', { time })
    : t('lockdown.facts.lastSeenOn', { date: dayOf(seen, event, language), time });
}

/**
 * The event said from the station's facts, in the screen's language (« Logiciel interdit : AnyDesk
 * (anydesk.exe), prise de main à distance »); null for a record without facts (an older station) or
 * with facts of another event (the server drops those; the event's name is shown).
 */
export function lockdownFactsText(
  event: Pick<LockdownEvent, 'event' | 'facts' | 'at'>,
  t: Translate,
  tShared: TFunction,
  language: string,
): string | null {
  const facts = event.facts;
  if (!facts || !factsFitEvent(event.event, facts)) return null;
  switch (facts.type) {
    case 'program': {
      const category = t(`lockdown.facts.categories.${facts.category}`);
      return facts.executables.length === 0
        ? t('lockdown.facts.programNoExecutable', { name: facts.name, category })
        : t('lockdown.facts.program', {
            name: facts.name,
            executables: facts.executables.join(', '),
            category,
          });
    }
    case 'display': {
      const display = displayText(facts, t);
      if (event.event === 'displayRemoved') return t('lockdown.facts.displayRemoved', { display });
      return facts.handling === 'refused'
        ? t('lockdown.facts.displayRefused', { display })
        : t('lockdown.facts.displayCovered', { display });
    }
    case 'crash': {
      const what = t(`lockdown.facts.crashWhat.${facts.process}`);
      const values = { what, count: facts.crashes, window: duration(facts.windowMs, tShared) };
      if (!facts.restarted) return t('lockdown.facts.crashRepeated', values);
      return facts.crashes > 1
        ? t('lockdown.facts.crashRestartedAgain', values)
        : t('lockdown.facts.crashRestarted', values);
    }
    case 'away':
      return t('lockdown.facts.away', { time: duration(facts.awayMs, tShared) });
    case 'asleep':
      return t('lockdown.facts.asleep', { time: duration(facts.asleepMs, tShared) });
    case 'lastSeen':
      return lastSeenText(facts.lastSeenAt, event.at, t, language);
    case 'omitted':
      return t('lockdown.facts.omitted', { event: t(`lockdown.events.${event.event}`), count: facts.count });
  }
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
