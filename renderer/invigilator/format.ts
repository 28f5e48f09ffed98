// Dates and times as the invigilator reads them, in the screen's language; a name as both desks write it.
export { fullName } from '../shared/format.ts';

export function clockTime(iso: string | number | null, language: string): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A session date (YYYY-MM-DD) in words: "mardi 8 décembre 2026". */
export function sessionDate(date: string, language: string): string {
  const parsed = new Date(`${date}T12:00:00`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(parsed);
}

/**
 * A short elapsed time: "12 s", "3 min", "1 h 05", each number held to its unit by a no-break space
 * (U+00A0) so that a narrow card never puts « 12 » at a line's end and « s » on the next.
 */
export function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}\u00a0s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}\u00a0min`;
  return `${Math.floor(minutes / 60)}\u00a0h\u00a0${String(minutes % 60).padStart(2, '0')}`;
}
