// A lockdown record's facts: bounded in every field, optional (an older station's record, the sentence
// only, parses and verifies as it did), carried as they are by the room's and the jury's contracts.
import { describe, expect, it } from 'vitest';
import { CandidateTestRecordSchema } from '../contracts/candidate-record.ts';
import { RoomCandidateSchema } from '../contracts/invigilator-api.ts';
import { PROCESS_CATEGORIES } from '../lockdown/process-deny-list.ts';
import { verifyChain } from './chain.ts';
import { JournalRecordSchema, RecordBodySchema } from './journal-record.ts';
import { LOCKDOWN_EVENTS } from '../contracts/station-api.ts';
import {
  FACTS_OF_EVENT,
  factsFitEvent,
  lockdownPayload,
  LockdownFactsSchema,
  MAX_AWAY_MS,
  MAX_EXECUTABLES,
  PROGRAM_CATEGORIES,
  type LockdownFacts,
} from './lockdown-facts.ts';

const program: LockdownFacts = {
  type: 'program',
  name: 'AnyDesk',
  category: 'remoteControl',
  executables: ['anydesk.exe'],
};
const display: LockdownFacts = { type: 'display', label: null, width: 1280, height: 1024, handling: null };
const crash: LockdownFacts = {
  type: 'crash',
  process: 'graphics',
  reason: 'crashed',
  exitCode: 3221225477,
  crashes: 3,
  windowMs: 60_000,
  restarted: true,
};
const ok = (facts: unknown) => LockdownFactsSchema.safeParse(facts).success;

/** An older station's record (no facts), as it was journaled and hashed. */
const OLD_RECORD = {
  testId: 'test-1',
  seq: 1,
  wallAt: 1_700_000_000_000,
  elapsedMs: 0,
  prevHash: '0'.repeat(64),
  kind: 'lockdown',
  payload: {
    event: 'forbiddenProcess',
    detail: 'Logiciel interdit en cours d’exécution : AnyDesk (anydesk.exe, prise de main à distance).',
  },
  hash: 'b8bebe9a5382cfcbe26fe414c3cfe2634b71f470d8629b94b0eca1f630b5132a',
};

describe('the facts of a lockdown record', () => {
  it('name the deny list’s categories, all of them', () => {
    expect([...PROGRAM_CATEGORIES]).toEqual([...PROCESS_CATEGORIES]);
  });

  it('take what the watch knows', () => {
    for (const facts of [
      program,
      { ...program, executables: [] },
      display,
      { ...display, label: 'DELL U2419H', handling: 'refused' },
      crash,
      { ...crash, exitCode: null, reason: '' },
      { type: 'away', awayMs: 130_000 },
      { type: 'asleep', asleepMs: 0 },
      { type: 'lastSeen', lastSeenAt: Date.UTC(2026, 2, 2, 9, 15) },
      { type: 'omitted', count: 12 },
    ])
      expect(ok(facts), JSON.stringify(facts)).toBe(true);
  });

  it('refuse anything unbounded, unknown or of the wrong type', () => {
    for (const facts of [
      { ...program, name: '' },
      { ...program, name: 'x'.repeat(81) },
      { ...program, executables: ['x'.repeat(101)] },
      { ...program, executables: Array.from({ length: MAX_EXECUTABLES + 1 }, () => 'a.exe') },
      { ...program, category: 'game' },
      { ...program, note: 'x' },
      { ...display, label: '' },
      { ...display, label: 'x'.repeat(101) },
      { ...display, width: 100_001 },
      { ...display, height: -1 },
      { ...display, width: 1.5 },
      { ...display, handling: 'ignored' },
      { ...crash, reason: 'x'.repeat(41) },
      { ...crash, exitCode: 2 ** 32 },
      { ...crash, exitCode: -(2 ** 31) - 1 },
      { ...crash, crashes: 0 },
      { ...crash, crashes: 1001 },
      { ...crash, process: 'gpu' },
      { type: 'away', awayMs: -1 },
      { type: 'away', awayMs: MAX_AWAY_MS },
      { type: 'away', awayMs: 9e15 },
      { type: 'asleep', asleepMs: 0.5 },
      { type: 'lastSeen', lastSeenAt: MAX_AWAY_MS },
      { type: 'omitted', count: 0 },
      { type: 'other' },
      'AnyDesk',
      null,
    ])
      expect(ok(facts), JSON.stringify(facts)).toBe(false);
  });

  it('are optional: an older station’s record parses and verifies as it did, and facts change its hash', () => {
    expect(JournalRecordSchema.parse(OLD_RECORD)).toEqual(OLD_RECORD);
    expect(verifyChain('test-1', [JournalRecordSchema.parse(OLD_RECORD)])).toEqual({
      ok: true,
      head: OLD_RECORD.hash,
    });
    // Facts are hashed into the chain: added afterwards, they break it.
    const withFacts = JournalRecordSchema.parse({
      ...OLD_RECORD,
      payload: { ...OLD_RECORD.payload, facts: program },
    });
    expect(withFacts).toMatchObject({ payload: { facts: program } });
    expect(verifyChain('test-1', [withFacts]).ok).toBe(false);
  });

  it('go in a lockdown record only, checked there', () => {
    const body = (payload: object) => RecordBodySchema.safeParse({ kind: 'lockdown', payload }).success;
    const base = { event: 'forbiddenProcess', detail: '' };
    expect(body({ ...base, facts: program })).toBe(true);
    expect(body({ ...base, facts: { ...program, name: 'x'.repeat(81) } })).toBe(false);
    expect(body({ ...base, facts: null })).toBe(false);
    expect(
      RecordBodySchema.safeParse({
        kind: 'navigation',
        payload: { url: '', allowed: true, rule: null, facts: program },
      }).success,
    ).toBe(false);
  });

  it('reach the room and the jury’s record as they are, optional there too', () => {
    const event = { event: 'forbiddenProcess', detail: 'x', at: '2026-11-23T09:00:00.000Z' };
    const lockdownEvents = RoomCandidateSchema.shape.lockdownEvents;
    expect(lockdownEvents.parse([event, { ...event, facts: program }])).toEqual([
      event,
      { ...event, facts: program },
    ]);
    expect(lockdownEvents.safeParse([{ ...event, facts: { ...program, category: 'game' } }]).success).toBe(
      false,
    );
    const entry = {
      seq: 3,
      at: '2026-11-23T09:00:00.000Z',
      elapsedMs: 0,
      questionNumber: null,
      kind: 'lockdown',
      event: 'rendererCrashed',
      detail: 'x',
    };
    const timeline = CandidateTestRecordSchema.shape.timeline;
    expect(timeline.parse([entry, { ...entry, facts: crash }])).toEqual([entry, { ...entry, facts: crash }]);
    expect(timeline.safeParse([{ ...entry, facts: { ...crash, crashes: -1 } }]).success).toBe(false);
  });
});

describe('the facts an event may carry', () => {
  it('are what the watch knows of that event, and for every event the count of those left out', () => {
    expect(Object.keys(FACTS_OF_EVENT).sort()).toEqual([...LOCKDOWN_EVENTS].sort());
    for (const event of LOCKDOWN_EVENTS)
      expect(factsFitEvent(event, { type: 'omitted', count: 2 }), event).toBe(true);
    expect(factsFitEvent('forbiddenProcess', program)).toBe(true);
    expect(factsFitEvent('rendererCrashed', crash)).toBe(true);
    expect(factsFitEvent('displayRemoved', display)).toBe(true);
    expect(factsFitEvent('uncleanExit', { type: 'lastSeen', lastSeenAt: 0 })).toBe(true);
    expect(factsFitEvent('focusLost', program)).toBe(false);
    expect(factsFitEvent('resume', { type: 'away', awayMs: 1 })).toBe(false);
    expect(factsFitEvent('focusRegained', { type: 'asleep', asleepMs: 1 })).toBe(false);
    expect(factsFitEvent('lockScreen', display)).toBe(false);
  });

  it('go in a payload when they fit, never otherwise, and the payload without facts is as before', () => {
    expect(lockdownPayload('forbiddenProcess', 'x', program)).toEqual({
      event: 'forbiddenProcess',
      detail: 'x',
      facts: program,
    });
    expect(lockdownPayload('displayAdded', 'x', program)).toEqual({ event: 'displayAdded', detail: 'x' });
    const bare = lockdownPayload('focusLost', 'x', undefined);
    expect(bare).toEqual({ event: 'focusLost', detail: 'x' });
    expect(Object.keys(bare)).toEqual(['event', 'detail']);
  });
});
