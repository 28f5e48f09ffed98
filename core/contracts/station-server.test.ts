// The heartbeat's station time is a wall-clock instant the server turns into its clock offset, which
// moves every station time the room shows: bounded as the records' wallAt are.
import { describe, expect, it } from 'vitest';
import { MAX_WALL_CLOCK_MS } from '../journal/journal-record.ts';
import { HeartbeatRequestSchema } from './station-server.ts';

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
