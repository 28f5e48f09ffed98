import { describe, expect, it } from 'vitest';
import { byName, elapsedSince, fullName, listName, longDate, shortDate, timeOfDay } from './format.ts';

describe('back-office formats', () => {
  it('writes dates in French by default and in English on request', () => {
    expect(longDate('2026-12-08', 'fr-FR')).toBe('mardi 8 décembre 2026');
    expect(longDate('2026-12-08', 'en-GB')).toMatch(/^Tuesday,? 8 December 2026$/);
    expect(shortDate('2011-04-02', 'fr-FR')).toBe('02/04/2011');
    expect(longDate('not a date', 'fr-FR')).toBe('not a date');
  });

  it('writes names with the last name in capitals, and sorts by last name', () => {
    expect(fullName({ firstName: 'Léa', lastName: 'Martin' })).toBe('Léa MARTIN');
    expect(listName({ firstName: 'Léa', lastName: 'Martin' })).toBe('MARTIN Léa');
    const people = [
      { firstName: 'Zoé', lastName: 'Émile' },
      { firstName: 'Adam', lastName: 'Martin' },
      { firstName: 'Léa', lastName: 'Durand' },
    ];
    expect(people.sort(byName).map((p) => p.lastName)).toEqual(['Durand', 'Émile', 'Martin']);
  });

  it('says how long ago in the largest whole unit', () => {
    const now = Date.parse('2026-12-08T10:00:00Z');
    expect(elapsedSince('2026-12-08T09:59:30Z', now)).toEqual({ unit: 'now' });
    expect(elapsedSince('2026-12-08T09:45:00Z', now)).toEqual({ unit: 'minutes', count: 15 });
    expect(elapsedSince('2026-12-07T08:00:00Z', now)).toEqual({ unit: 'hours', count: 26 });
    expect(elapsedSince('2026-12-01T10:00:00Z', now)).toEqual({ unit: 'days', count: 7 });
  });

  it('writes a moment as a time of day, with its date when it is another day', () => {
    const at = new Date(2026, 11, 8, 9, 41);
    const iso = at.toISOString();
    expect(timeOfDay(iso, 'fr-FR', at.getTime() + 60_000)).toBe('09:41');
    expect(timeOfDay(iso, 'fr-FR', new Date(2026, 11, 9, 8, 0).getTime())).toBe('08/12/2026 09:41');
    expect(timeOfDay('not a date', 'fr-FR', at.getTime())).toBe('not a date');
  });
});
