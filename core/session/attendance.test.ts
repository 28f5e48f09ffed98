import { describe, expect, it } from 'vitest';
import { ROOM_CANDIDATE_STATES } from '../contracts/invigilator-api.ts';
import { attendanceOf } from './attendance.ts';

describe('presence on the attendance sheet', () => {
  it('is « présent » only for a test that started, as finalization counts it', () => {
    const open = Object.fromEntries(ROOM_CANDIDATE_STATES.map((s) => [s, attendanceOf(s, true, false)]));
    expect(open).toEqual({
      notArrived: 'notArrived',
      signedIn: 'notStarted',
      waiting: 'notStarted',
      startAuthorized: 'notStarted',
      inProgress: 'present',
      paused: 'present',
      resumePending: 'present',
      ended: 'present',
      resultReceived: 'present',
    });
  });

  it('lists absent, once the session is finalized, whoever never started, signed in or not', () => {
    const closed = ROOM_CANDIDATE_STATES.filter((s) => attendanceOf(s, false, false) === 'absent');
    expect(closed).toEqual(['notArrived', 'signedIn', 'waiting', 'startAuthorized']);
  });

  it('is « présent » for a test its station went ahead with, whatever the card still shows', () => {
    for (const open of [true, false]) {
      expect(attendanceOf('startAuthorized', open, true)).toBe('present');
      expect(attendanceOf('resumePending', open, true)).toBe('present');
    }
    expect(attendanceOf('startAuthorized', false, false)).toBe('absent');
  });
});
