import { describe, expect, it } from 'vitest';
import { sampleRecord } from './record-fixtures.ts';
import { navigationRows, pauseRows, stationEventRows } from './record-rows.ts';

describe('the sections read off the timeline', () => {
  const record = sampleRecord();

  it('lists the pages requested, allowed and blocked, in order', () => {
    expect(navigationRows(record).map((r) => [r.allowed, r.questionNumber])).toEqual([
      [false, 2],
      [true, 2],
    ]);
  });

  it('lists the station’s events with the focused questions left, in order', () => {
    expect(stationEventRows(record).map((r) => (r.kind === 'lockdown' ? r.event : r.kind))).toEqual([
      'displayAdded',
      'focusLost',
    ]);
  });

  it('says how long each pause lasted, and lists time added and resumes', () => {
    expect(pauseRows(record).map((r) => [r.kind, r.kind === 'unpaused' ? r.durationMs : null])).toEqual([
      ['paused', null],
      ['unpaused', 5 * 60_000],
      ['timeAdded', null],
      ['resumed', null],
    ]);
  });

  it('leaves a pause’s length unknown when one of its ends has no time', () => {
    const unknown = sampleRecord({
      timeline: sampleRecord().timeline.map((e) => (e.kind === 'paused' ? { ...e, at: null } : e)),
    });
    expect(pauseRows(unknown).find((r) => r.kind === 'unpaused')).toMatchObject({ durationMs: null });
    // An end with no pause before it (its record never arrived) has no length either.
    const alone = sampleRecord({ timeline: sampleRecord().timeline.filter((e) => e.kind !== 'paused') });
    expect(pauseRows(alone).find((r) => r.kind === 'unpaused')).toMatchObject({ durationMs: null });
  });
});
