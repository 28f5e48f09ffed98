// How both desks say a lockdown event from what the station knew of it (`facts`,
// core/journal/lockdown-facts.ts): the invigilator's card (live) and the back office's test record (for
// the jury) say it in the same words, in the screen's language (i18n/lockdown-fact-words.ts). Each desk
// holds those words beside its event names, under its own key: it passes `say`, which reads them there.
// A record without facts (an older station) is left to each desk: the room reads the data back out of
// the station's French sentence, the record shows the sentence.
import type { TFunction } from 'i18next';
import type { LockdownEvent } from '../../core/contracts/station-api.ts';
import { factsFitEvent, type LockdownFacts } from '../../core/journal/lockdown-facts.ts';
import { formatCountdown, formatTimeLeft } from './format-duration.ts';
import type { MessageKeyOf, TranslateWith } from './i18n/namespace-messages.ts';
import type { LOCKDOWN_EVENT_WORDS } from './i18n/lockdown-event-words.ts';
import type { LOCKDOWN_FACT_WORDS } from './i18n/lockdown-fact-words.ts';

/** A key of a desk's lockdown words: an event's name (`events.…`) or a fact's words (`facts.…`). */
export type LockdownWordKey =
  `events.${keyof typeof LOCKDOWN_EVENT_WORDS.fr}` | `facts.${MessageKeyOf<typeof LOCKDOWN_FACT_WORDS.fr>}`;
/** Reads a desk's lockdown words (« lockdown.facts.away » on the invigilator's screen, say). */
export type SayLockdown = TranslateWith<LockdownWordKey>;

/** An event as both desks have it: a card's, or a test record's (whose time may be unknown). */
export type FactsEvent = { event: LockdownEvent; facts?: LockdownFacts | undefined; at: string | null };

/** A duration: to the second under an hour (« 2 min 10 s »), else (or whole minutes) « 1 h 05 min ». */
function duration(ms: number, tShared: TFunction): string {
  return ms < 3600_000 && ms % 60_000 !== 0 ? formatCountdown(ms, tShared) : formatTimeLeft(ms, tShared);
}

function displayText(facts: Extract<LockdownFacts, { type: 'display' }>, say: SayLockdown): string {
  const size = { width: facts.width, height: facts.height };
  return facts.label === null
    ? say('facts.displayUnnamed', size)
    : say('facts.display', { label: facts.label, ...size });
}

/** The screen's language as a BCP 47 tag for Intl formatting (as shared/use-locale.ts). */
const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

/** Whether two instants fall on the same day in the screen's time zone. */
function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A day (« 7 décembre »), with its year when it is not the year of `of`. */
function dayOf(date: Date, of: Date, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'long',
    ...(date.getFullYear() === of.getFullYear() ? {} : { year: 'numeric' }),
  }).format(date);
}

/**
 * The last sign of life before an unclean exit: its time (« 09:15 »), and its date when it is not the
 * day of the event (a station off since the day before). Both on the server's clock: the server brings
 * the station's instant to it as it does the event's time (server/room/room-view.ts
 * factsOnServerClock, for the card and the record alike). An event whose time is unknown: the time only.
 */
function lastSeenText(
  lastSeenAt: number,
  eventAt: string | null,
  say: SayLockdown,
  language: string,
): string {
  const seen = new Date(lastSeenAt);
  const event = new Date(eventAt ?? Number.NaN);
  const time = new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit' }).format(
    seen,
  );
  return Number.isNaN(event.getTime()) || sameDay(seen, event)
    ? say('facts.lastSeen', { time })
    : say('facts.lastSeenOn', { date: dayOf(seen, event, language), time });
}

/**
 * The event said from the station's facts, in the screen's language (« Logiciel interdit : AnyDesk
 * (anydesk.exe), prise de main à distance »), in place of its name; null for a record without facts
 * (an older station) or with facts of another event (the server drops those: never said of this one).
 * `language`: the screen's i18next language (« fr », « en »), for the dates and times.
 */
export function lockdownFactsText(
  event: FactsEvent,
  say: SayLockdown,
  tShared: TFunction,
  language: string,
): string | null {
  const facts = event.facts;
  if (!facts || !factsFitEvent(event.event, facts)) return null;
  switch (facts.type) {
    case 'program': {
      const category = say(`facts.categories.${facts.category}`);
      return facts.executables.length === 0
        ? say('facts.programNoExecutable', { name: facts.name, category })
        : say('facts.program', { name: facts.name, executables: facts.executables.join(', '), category });
    }
    case 'display': {
      const display = displayText(facts, say);
      if (event.event === 'displayRemoved') return say('facts.displayRemoved', { display });
      return facts.handling === 'refused'
        ? say('facts.displayRefused', { display })
        : say('facts.displayCovered', { display });
    }
    case 'crash': {
      const what = say(`facts.crashWhat.${facts.process}`);
      const values = { what, count: facts.crashes, window: duration(facts.windowMs, tShared) };
      if (!facts.restarted) return say('facts.crashRepeated', values);
      return facts.crashes > 1
        ? say('facts.crashRestartedAgain', values)
        : say('facts.crashRestarted', values);
    }
    case 'away':
      return say('facts.away', { time: duration(facts.awayMs, tShared) });
    case 'asleep':
      return say('facts.asleep', { time: duration(facts.asleepMs, tShared) });
    case 'lastSeen':
      return lastSeenText(facts.lastSeenAt, event.at, say, language);
    case 'omitted':
      return say('facts.omitted', { event: say(`events.${event.event}`), count: facts.count });
  }
}
