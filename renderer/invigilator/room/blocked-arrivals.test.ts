import { describe, expect, it } from 'vitest';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { BlockedArrivals, blockingKeys, hasNewBlocking } from './blocked-arrivals.ts';

const candidate = (id: string, extra: Partial<RoomCandidate> = {}) =>
  ({ candidateId: id, alert: null, resumeRequest: null, ...extra }) as RoomCandidate;
const alert = (id: string) =>
  ({
    id,
    challengeId: 'rec1',
    questionNumber: 3,
    raisedAt: '2026-12-08T09:30:00.000Z',
    content: { image: false, attachment: false, embed: false, focused: false, web: false },
    reasonCodes: ['E9'],
  }) as unknown as RoomCandidate['alert'];
const resume = (at: string) => ({ stationId: 'st-2', stationName: 'Poste 02', at });

describe('requests that block a candidate until the invigilator acts', () => {
  it('keys each alert and each resume request on its own', () => {
    const keys = blockingKeys([
      candidate('c1', { alert: alert('al-1') }),
      candidate('c2', { resumeRequest: resume('2026-12-08T09:31:00.000Z') }),
      candidate('c3'),
    ]);
    expect([...keys]).toEqual(['alert:al-1', 'resume:c2:2026-12-08T09:31:00.000Z']);
  });

  it('signals a new request, not one already there, and nothing on the first look', () => {
    const first = blockingKeys([candidate('c1', { alert: alert('al-1') })]);
    expect(hasNewBlocking(null, first)).toBe(false);
    expect(hasNewBlocking(first, first)).toBe(false);
    // The alert handled: nothing new.
    expect(hasNewBlocking(first, new Set())).toBe(false);
    // Another alert from the same candidate later is a new one.
    expect(hasNewBlocking(first, blockingKeys([candidate('c1', { alert: alert('al-2') })]))).toBe(true);
    // A second resume request from the same candidate (another crash) is new too.
    const once = blockingKeys([candidate('c2', { resumeRequest: resume('2026-12-08T09:31:00.000Z') })]);
    const twice = blockingKeys([candidate('c2', { resumeRequest: resume('2026-12-08T09:40:00.000Z') })]);
    expect(hasNewBlocking(once, twice)).toBe(true);
  });

  it('says nothing of what is pending when the room loads, then signals what arrives', () => {
    const arrivals = new BlockedArrivals();
    const pending = [candidate('c1', { alert: alert('al-1') })];
    // Before the room is loaded the screen has no candidates; then the room comes with an alert.
    expect(arrivals.observe([], false)).toBe(false);
    expect(arrivals.observe(pending, true)).toBe(false);
    expect(arrivals.observe(pending, true)).toBe(false);
    expect(arrivals.observe([...pending, candidate('c2', { alert: alert('al-2') })], true)).toBe(true);
  });
});
