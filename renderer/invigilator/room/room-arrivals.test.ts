import { describe, expect, it } from 'vitest';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { alertOn, at, card, T0 } from '../testing/room-fixtures.ts';
import { sortRoom } from './attention.ts';
import { RoomArrivals } from './room-arrivals.ts';

const room = (...candidates: RoomCandidate[]) => sortRoom(candidates, { nowMs: T0 });
const seen = (arrivals: ReturnType<RoomArrivals['observe']>) =>
  arrivals.map((a) => [a.entry.candidate.candidateId, a.blocking]);

describe('what newly needs the invigilator', () => {
  const calm = card({ candidateId: 'calm' });
  const alerting = card({ candidateId: 'alerting', alert: alertOn(3, -1000) });

  it('says nothing of what is pending when the room loads, then each new request once', () => {
    const arrivals = new RoomArrivals();
    // Before the room is loaded the screen has no candidates; then the room comes with an alert.
    expect(arrivals.observe([], false)).toEqual([]);
    expect(arrivals.observe(room(calm, alerting), true)).toEqual([]);
    expect(arrivals.observe(room(calm, alerting), true)).toEqual([]);
    const raised = { ...calm, alert: alertOn(5, 0) };
    expect(seen(arrivals.observe(room(raised, alerting), true))).toEqual([['calm', true]]);
    expect(arrivals.observe(room(raised, alerting), true)).toEqual([]);
  });

  it('tells a request that blocks the candidate from one that does not', () => {
    const arrivals = new RoomArrivals();
    arrivals.observe(room(calm), true);
    const waiting = { ...calm, state: 'waiting' as const };
    expect(seen(arrivals.observe(room(waiting), true))).toEqual([['calm', false]]);
    const resuming = {
      ...calm,
      state: 'resumePending' as const,
      resumeRequest: { stationId: 'st-2', stationName: 'Poste 02', at: at(0), lastHeardAt: at(0) },
    };
    expect(seen(arrivals.observe(room(resuming), true))).toEqual([['calm', true]]);
  });

  it('counts a second alert on the same card as new, and an alert handled as nothing new', () => {
    const arrivals = new RoomArrivals();
    arrivals.observe(room(alerting), true);
    const handled = { ...alerting, alert: null };
    expect(arrivals.observe(room(handled), true)).toEqual([]);
    const again = { ...alerting, alert: alertOn(4, 0) };
    expect(seen(arrivals.observe(room(again), true))).toEqual([['alerting', true]]);
  });

  it('sees nothing to handle in a finalized room', () => {
    const arrivals = new RoomArrivals();
    const closed = (...c: RoomCandidate[]) => sortRoom(c, { nowMs: T0, sessionOpen: false });
    arrivals.observe(closed(calm), true);
    expect(arrivals.observe(closed({ ...calm, alert: alertOn(5, 0) }), true)).toEqual([]);
  });
});
