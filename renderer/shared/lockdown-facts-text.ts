// How both desks say a lockdown event from what the station knew of it (`facts`,
// core/journal/lockdown-facts.ts): the invigilator's card (live) and the back office's test record (for
// the jury) say it in the same words, in the screen's language (i18n/lockdown-fact-words.ts). Each desk
// holds those words beside its event names, under its own key: it passes `say`, which reads them there.
// A record without facts (an older station) is left to each desk: the room reads the data back out of
// the station's French sentence, the record shows the sentence. The card says the facts as a sentence in
// place of the event's name; the record has the name in a column of its own, and says beside it only
// what the name does not (`besideName`: « TeamViewer (TeamViewer.exe), prise de main à distance » next
// to « Logiciel interdit détecté », never « Logiciel interdit » twice).
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

/**
 * How the facts are said: `inPlaceOfName`, a whole sentence shown instead of the event's name (the
 * invigilator's card, which has no other place for the name); `besideName`, what the name does not
 * already say, for a table whose other column names the event (the test record's « Détail »).
 */
export type FactsWording = 'inPlaceOfName' | 'besideName';

/** A duration: to the second under an hour (« 2 min 10 s »), else (or whole minutes) « 1 h 05 min ». */
function duration(ms: number, tShared: TFunction): string {
  return ms < 3600_000 && ms % 60_000 !== 0 ? formatCountdown(ms, tShared) : formatTimeLeft(ms, tShared);
}

function displayText(
  facts: Extract<LockdownFacts, { type: 'display' }>,
  say: SayLockdown,
  wording: FactsWording,
): string {
  const size = { width: facts.width, height: facts.height };
  if (facts.label !== null) return say('facts.display', { label: facts.label, ...size });
  // Beside the name it opens the cell: « Écran sans nom », capitalized.
  return say(wording === 'besideName' ? 'facts.beside.displayUnnamed' : 'facts.displayUnnamed', size);
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
  wording: FactsWording,
): string {
  const seen = new Date(lastSeenAt);
  const event = new Date(eventAt ?? Number.NaN);
  const time = new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit' }).format(
    seen,
  );
  const beside = wording === 'besideName';
  return Number.isNaN(event.getTime()) || sameDay(seen, event)
    ? say(beside ? 'facts.beside.lastSeen' : 'facts.lastSeen', { time })
    : say(beside ? 'facts.beside.lastSeenOn' : 'facts.lastSeenOn', {
        date: dayOf(seen, event, language),
        time,
      });
}

/**
 * The event said from the station's facts, in the screen's language: in place of its name (« Logiciel
 * interdit : AnyDesk (anydesk.exe), prise de main à distance »), or beside it (« AnyDesk (anydesk.exe),
 * prise de main à distance »: `wording`). Null for a record without facts (an older station) or with
 * facts of another event (the server drops those: never said of this one); beside the name, null too
 * when the name says it all (a test screen restarted after one crash): the caller, which knows whether
 * there were facts (`factsFitEvent`), shows nothing more then. `language`: the screen's i18next
 * language (« fr », « en »), for the dates and times.
 */
export function lockdownFactsText(
  event: FactsEvent,
  say: SayLockdown,
  tShared: TFunction,
  language: string,
  wording: FactsWording = 'inPlaceOfName',
): string | null {
  const facts = event.facts;
  if (!facts || !factsFitEvent(event.event, facts)) return null;
  if (wording === 'besideName') return besideName(event, facts, say, tShared, language);
  switch (facts.type) {
    case 'program': {
      const category = say(`facts.categories.${facts.category}`);
      return facts.executables.length === 0
        ? say('facts.programNoExecutable', { name: facts.name, category })
        : say('facts.program', { name: facts.name, executables: facts.executables.join(', '), category });
    }
    case 'display': {
      const display = displayText(facts, say, 'inPlaceOfName');
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
      return lastSeenText(facts.lastSeenAt, event.at, say, language, 'inPlaceOfName');
    case 'omitted':
      return say('facts.omitted', { event: say(`events.${event.event}`), count: facts.count });
  }
}

/** The facts without what the event's name says (its « Événement » column does). */
function besideName(
  event: FactsEvent,
  facts: LockdownFacts,
  say: SayLockdown,
  tShared: TFunction,
  language: string,
): string | null {
  switch (facts.type) {
    case 'program': {
      const category = say(`facts.categories.${facts.category}`);
      return facts.executables.length === 0
        ? say('facts.beside.programNoExecutable', { name: facts.name, category })
        : say('facts.beside.program', {
            name: facts.name,
            executables: facts.executables.join(', '),
            category,
          });
    }
    case 'display': {
      const display = displayText(facts, say, 'besideName');
      if (event.event === 'displayRemoved') return display;
      return facts.handling === 'refused'
        ? say('facts.beside.displayRefused', { display })
        : say('facts.beside.displayCovered', { display });
    }
    case 'crash': {
      // The name says the test screen crashed and was restarted: said again only what differs.
      const graphics = facts.process === 'graphics';
      const values = { count: facts.crashes, window: duration(facts.windowMs, tShared) };
      if (!facts.restarted)
        return say(graphics ? 'facts.beside.crashRepeatedGraphics' : 'facts.beside.crashRepeated', values);
      if (facts.crashes > 1)
        return say(graphics ? 'facts.beside.crashAgainGraphics' : 'facts.beside.crashAgain', values);
      return graphics ? say('facts.beside.crashGraphics') : null;
    }
    case 'away':
      return say('facts.beside.away', { time: duration(facts.awayMs, tShared) });
    case 'asleep':
      return say('facts.beside.asleep', { time: duration(facts.asleepMs, tShared) });
    case 'lastSeen':
      return lastSeenText(facts.lastSeenAt, event.at, say, language, 'besideName');
    case 'omitted':
      return say('facts.beside.omitted', { count: facts.count });
  }
}
