// The heartbeat's station time is a wall-clock instant the server turns into its clock offset, which
// moves every station time the room shows: bounded as the records' wallAt are. Its time added is the
// part of its time left the invigilator added: an exam time, said only with a time left.
import { describe, expect, it } from 'vitest';
import { MAX_EXAM_TIME_MS, MAX_WALL_CLOCK_MS } from '../journal/journal-record.ts';
import { CommandAckRequestSchema, HeartbeatRequestSchema } from './station-server.ts';

const heartbeat = {
  testId: 'test-1',
  phase: 'inProgress',
  current: 0,
  answered: 0,
  total: 32,
  timeLeftMs: 80 * 60_000,
  alertPending: false,
  lastSeq: 3,
  stationTime: Date.UTC(2026, 11, 8, 8),
};

describe('HeartbeatRequestSchema', () => {
  it('takes a station clock wrong by years, from the epoch to the end of 2099', () => {
    for (const stationTime of [0, Date.UTC(2001, 0, 1), heartbeat.stationTime, MAX_WALL_CLOCK_MS - 1])
      expect(HeartbeatRequestSchema.safeParse({ ...heartbeat, stationTime }).success).toBe(true);
  });

  it('refuses a station time no clock gives (new Date() gives up at 8.64e15)', () => {
    for (const stationTime of [9e15, MAX_WALL_CLOCK_MS, -1])
      expect(HeartbeatRequestSchema.safeParse({ ...heartbeat, stationTime }).success).toBe(false);
  });
});

describe('HeartbeatRequestSchema: the time added its time left counts', () => {
  it('takes none (an older station), nothing added, or up to an exam time, in whole ms', () => {
    expect(HeartbeatRequestSchema.safeParse(heartbeat).success).toBe(true);
    for (const addedMs of [0, 10 * 60_000, MAX_EXAM_TIME_MS])
      expect(HeartbeatRequestSchema.safeParse({ ...heartbeat, addedMs }).data?.addedMs).toBe(addedMs);
  });

  it('refuses a negative, fractional or out-of-reach amount', () => {
    for (const addedMs of [-1, 0.5, MAX_EXAM_TIME_MS + 1, '600000', null])
      expect(HeartbeatRequestSchema.safeParse({ ...heartbeat, addedMs }).success).toBe(false);
  });

  it('refuses it without a time left to count it in, saying which field', () => {
    const parsed = HeartbeatRequestSchema.safeParse({ ...heartbeat, timeLeftMs: null, addedMs: 0 });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['addedMs']]);
    expect(HeartbeatRequestSchema.safeParse({ ...heartbeat, timeLeftMs: null }).success).toBe(true);
  });
});

describe('CommandAckRequestSchema: what the station did with the command', () => {
  it('takes each outcome, and the empty body of an older station', () => {
    for (const outcome of ['applied', 'pending', 'ignored'])
      expect(CommandAckRequestSchema.safeParse({ outcome }).data).toEqual({ outcome });
    expect(CommandAckRequestSchema.safeParse({}).data).toEqual({});
  });

  it('refuses any other outcome (a deferred command is never acknowledged) or field', () => {
    for (const outcome of ['deferred', 'APPLIED', '', null, 1])
      expect(CommandAckRequestSchema.safeParse({ outcome }).success).toBe(false);
    expect(CommandAckRequestSchema.safeParse({ outcome: 'applied', at: 1 }).success).toBe(false);
  });
});
