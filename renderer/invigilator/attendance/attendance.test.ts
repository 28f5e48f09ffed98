import { describe, expect, it } from 'vitest';
import { card } from '../testing/room-fixtures.ts';
import { attendanceLines, frenchDate } from './attendance.ts';

describe('the attendance sheet', () => {
  it('lists everyone in name order, absent or present, with station and start', () => {
    const room = [
      card({
        lastName: 'Zidane',
        firstName: 'Léo',
        state: 'resultReceived',
        startedAt: '2026-12-08T08:05:00.000Z',
      }),
      card({
        lastName: 'Ângel',
        firstName: 'Inès',
        state: 'notArrived',
        testId: null,
        station: null,
        startedAt: null,
      }),
      card({ lastName: 'Martin', firstName: 'Léa', birthdate: '2011-04-02', extraTimePercentage: 30 }),
      card({ lastName: 'Petit', firstName: 'Noé', state: 'waiting', startedAt: null }),
    ];
    const lines = attendanceLines(room, true);
    expect(lines.map((l) => [l.lastName, l.presence, l.station !== null])).toEqual([
      ['Ângel', 'notArrived', false],
      ['Martin', 'present', true],
      ['Petit', 'notStarted', true],
      ['Zidane', 'present', true],
    ]);
    expect(lines[1]).toMatchObject({ birthdate: '2011-04-02', extraTimePercentage: 30 });
    // Finalized: whoever never started is absent, as finalization recorded them.
    expect(attendanceLines(room, false).map((l) => l.presence)).toEqual([
      'absent',
      'present',
      'absent',
      'present',
    ]);
  });

  it('lists present a candidate whose test went ahead, though the card still shows the wait; not one whose start was only held', () => {
    const ackedAt = '2026-12-08T08:05:00.000Z';
    const room = [
      card({
        lastName: 'Moreau',
        state: 'startAuthorized',
        startedAt: null,
        goAheadAt: ackedAt,
        wentAhead: true,
      }),
      // Acknowledged while the candidate still read the instructions (held), then silence.
      card({
        lastName: 'Petit',
        state: 'startAuthorized',
        startedAt: null,
        goAheadAt: ackedAt,
        wentAhead: false,
      }),
      card({
        lastName: 'Roux',
        state: 'startAuthorized',
        startedAt: null,
        goAheadAt: null,
        wentAhead: false,
      }),
    ];
    for (const open of [true, false])
      expect(attendanceLines(room, open).map((l) => l.presence)).toEqual([
        'present',
        open ? 'notStarted' : 'absent',
        open ? 'notStarted' : 'absent',
      ]);
  });

  it('writes birthdates the French way', () => {
    expect(frenchDate('2011-04-02')).toBe('02/04/2011');
    expect(frenchDate('bad')).toBe('bad');
  });
});
