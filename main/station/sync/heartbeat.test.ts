import { describe, expect, it } from 'vitest';
import type { HeartbeatRequest } from '../../../core/contracts/station-server.ts';
import type { ServerResult } from '../runtime/ports.ts';
import { Heartbeat } from './heartbeat.ts';
import { ServerClock } from './server-clock.ts';
import { InstantTimers, until } from './sync-fixtures.ts';

const report: Omit<HeartbeatRequest, 'stationTime'> = {
  testId: 'test-1',
  phase: 'inProgress',
  current: 4,
  answered: 4,
  total: 48,
  timeLeftMs: 90 * 60_000,
  alertPending: false,
  lastSeq: 9,
};

function harness(answers: ServerResult<{ serverTime: number; testElsewhere?: boolean }>[]) {
  let now = 1_000_000;
  const sent: HeartbeatRequest[] = [];
  const online: boolean[] = [];
  const changes: boolean[] = [];
  const logs: string[] = [];
  const elsewhere: string[] = [];
  const clock = new ServerClock();
  const heartbeat = new Heartbeat({
    send: async (request) => {
      sent.push(request);
      now += 40; // a 40 ms round trip
      return answers.shift() ?? { ok: false, kind: 'network', message: 'down' };
    },
    runtime: { heartbeat: () => report, setOnline: (value) => online.push(value) },
    clock,
    timers: new InstantTimers(),
    wallClock: () => now,
    onOnlineChange: (value) => changes.push(value),
    onTestElsewhere: (testId) => elsewhere.push(testId),
    log: (message) => logs.push(message),
  });
  return { heartbeat, sent, online, changes, logs, clock, elsewhere };
}

describe('the heartbeat', () => {
  it('sends where the candidate stands, with the station time', async () => {
    const h = harness([{ ok: true, value: { serverTime: 2_000_020 } }]);
    await h.heartbeat.beat();
    expect(h.sent).toEqual([{ ...report, stationTime: 1_000_000 }]);
  });

  it('measures the server clock offset from the middle of the round trip', async () => {
    // Sent at 1 000 000, answered at 1 000 040: the server read 2 000 020 at station time 1 000 020.
    const h = harness([{ ok: true, value: { serverTime: 2_000_020 } }]);
    await h.heartbeat.beat();
    expect(h.clock.offsetMs).toBe(1_000_000);
    expect(h.clock.roundTripMs).toBe(40);
    expect(h.clock.serverNow(5)).toBe(1_000_005);
  });

  it('decides online and offline, and announces only the changes', async () => {
    const ok = { ok: true as const, value: { serverTime: 0 } };
    const down = { ok: false as const, kind: 'network' as const, message: 'the server cannot be reached' };
    const h = harness([ok, ok, down, down, ok]);
    for (let i = 0; i < 5; i++) await h.heartbeat.beat();
    expect(h.online).toEqual([true, true, false, false, true]);
    expect(h.changes).toEqual([true, false, true]);
    expect(h.heartbeat.online).toBe(true);
    // The same problem is logged once, not every 2 s.
    expect(h.logs).toEqual(['heartbeat: the server cannot be reached']);
  });

  it('passes on the server’s word that the test it named went on at another station', async () => {
    const h = harness([
      { ok: true, value: { serverTime: 0 } },
      { ok: true, value: { serverTime: 0, testElsewhere: true } },
    ]);
    await h.heartbeat.beat();
    expect(h.elsewhere).toEqual([]);
    await h.heartbeat.beat();
    expect(h.elsewhere).toEqual(['test-1']);
  });

  it('keeps its pace when the wall clock is set back during a beat', async () => {
    let wall = 1_000_000;
    let mono = 0;
    const timers = new InstantTimers();
    const heartbeat = new Heartbeat({
      send: async () => {
        mono += 40;
        wall += timers.sleeps.length === 1 ? 40 - 3_600_000 : 40; // NTP sets it back an hour
        return { ok: true, value: { serverTime: wall } };
      },
      runtime: { heartbeat: () => report, setOnline: () => undefined },
      clock: new ServerClock(),
      timers,
      wallClock: () => wall,
      monotonic: { now: () => mono },
    });
    heartbeat.start();
    await until(() => timers.sleeps.length >= 3, 2000, 'three sleeps');
    await heartbeat.stop();
    expect(timers.sleeps.slice(0, 3)).toEqual([1960, 1960, 1960]);
  });

  it('keeps beating in the background until stopped', async () => {
    const h = harness([]);
    h.heartbeat.start();
    await until(() => h.sent.length >= 3, 2000, 'three beats');
    await h.heartbeat.stop();
    const count = h.sent.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.sent.length).toBe(count);
  });
});
