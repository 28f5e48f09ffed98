// Dates, times and names as the referent reads them, in the page's language. A name and a calendar
// date are written as on the invigilator's screen (shared/format.ts).
export { fullName, shortDate } from '../shared/format.ts';

/** A session date (YYYY-MM-DD) in words: "mardi 8 décembre 2026". */
export function longDate(date: string, locale: string): string {
  const parsed = new Date(`${date}T12:00:00`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(parsed);
}

/** A moment (ISO timestamp): "08/12/2026 14:05". */
export function dateTime(iso: string, locale: string): string {
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(parsed);
}

/**
 * A moment (ISO timestamp) as a time of day, "14:05", with its date when it is not the same day as
 * `today` (ms): "07/12/2026 14:05".
 */
export function timeOfDay(iso: string, locale: string, today: number): string {
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  if (parsed.toDateString() !== new Date(today).toDateString()) return dateTime(iso, locale);
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(parsed);
}

/** "LASTNAME Firstname", for lists sorted by last name. */
export function listName(person: { firstName: string; lastName: string }): string {
  return `${person.lastName.toLocaleUpperCase('fr-FR')} ${person.firstName}`;
}

export function byName<T extends { firstName: string; lastName: string }>(a: T, b: T): number {
  return a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');
}

/** How long ago, in whole units: { unit: 'minutes', count: 3 }; 'now' under a minute. */
export function elapsedSince(
  iso: string,
  now: number,
): { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const ms = Math.max(0, now - Date.parse(iso));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return { unit: 'now' };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
