import { describe, expect, it } from 'vitest';
import type { ServerFailure, ServerResult } from '../runtime/ports.ts';
import { ManualTimers, until } from '../sync/sync-fixtures.ts';
import { AutoEnrollment, ENROLLMENT_BACKOFF, enrollmentVerdict } from './auto-enrollment.ts';
import type { Enrollment } from './enrollment.ts';

const CODE = 'BCDF-GHJK-MPQR';

const enrollment: Enrollment = {
  formatVersion: 1,
  stationId: 'st-0123456789abcdef0123',
  name: 'Poste 07',
  centre: { id: 'centre-1', name: 'Collège Jean Moulin' },
  serverUrl: 'https://certif.example.org',
  machineId: 'abc',
  enrolledAt: '2026-11-20T08:00:00.000Z',
};

const offline: ServerFailure = { ok: false, kind: 'network', message: 'connect ECONNREFUSED 10.0.0.5:443' };
const unavailable: ServerFailure = {
  ok: false,
  kind: 'http',
  status: 503,
  code: 'HTTP_503',
  message: 'Service Unavailable',
  retryAfterMs: 30_000,
};
const used: ServerFailure = {
  ok: false,
  kind: 'http',
  status: 410,
  code: 'ENROLLMENT_CODE_INVALID',
  message: 'this enrollment code was already used: ask for a new one',
};
const alreadyEnrolled: ServerFailure = {
  ok: false,
  kind: 'http',
  status: 409,
  code: 'STATION_ALREADY_ENROLLED',
  message: 'this station key is already enrolled (and not revoked): keep the code for another station',
};

/**
 * A fake server behind the station's enroll: it answers each attempt from `answers` in turn (the last
 * one again once they run out); the station counts as enrolled once an attempt succeeded.
 */
function fakeStation(answers: ServerResult<Enrollment>[]) {
  const station = {
    enrolled: false,
    attempts: [] as string[],
    logs: [] as string[],
    /** Attempts held until the test lets them answer (to enroll by hand during one). */
    hold: null as Promise<void> | null,
    /** The states told to the screens, in turn. */
    told: [] as string[],
  };
  const timers = new ManualTimers();
  const auto = new AutoEnrollment({
    code: CODE,
    enrolled: () => station.enrolled,
    enroll: async (code) => {
      station.attempts.push(code);
      if (station.hold) await station.hold;
      const answer = answers[Math.min(station.attempts.length - 1, answers.length - 1)]!;
      if (answer.ok) station.enrolled = true;
      return answer;
    },
    timers,
    log: (message) => station.logs.push(message),
    onChange: () => station.told.push(auto.state.state),
  });
  /** Waits for the loop to sleep for the `n`th time (1-based) and returns that sleep. */
  const nthSleep = async (n: number) => {
    await until(() => timers.sleeps.length >= n, 5000, `sleep ${n}`);
    return timers.sleeps[n - 1]!;
  };
  return { station, timers, auto, nthSleep };
}

describe('the automatic enrollment with the settings’ code', () => {
  it('tries again while the network is down, with the backoff, and enrolls once the server answers', async () => {
    const { station, auto, timers, nthSleep } = fakeStation([
      offline,
      offline,
      { ok: true, value: enrollment },
    ]);
    auto.start();
    const first = await nthSleep(1);
    expect(station.attempts).toHaveLength(1);
    expect(auto.state).toMatchObject({ state: 'trying', attempts: 1, lastProblem: offline.message });
    // Full jitter at 0.5: half of the first ceiling (1 s), then of the second (2 s).
    expect(first.ms).toBe(ENROLLMENT_BACKOFF.baseMs / 2);
    first.release();
    const second = await nthSleep(2);
    expect(second.ms).toBe(ENROLLMENT_BACKOFF.baseMs);
    expect(station.attempts).toHaveLength(2);
    second.release();
    await until(() => auto.state.state === 'enrolled', 5000, 'enrolled');
    expect(station.attempts).toEqual([CODE, CODE, CODE]);
    expect(timers.sleeps).toHaveLength(2);
    // Said when it starts failing, not at every try; the code itself is never logged.
    expect(station.logs.filter((l) => l.includes('failed'))).toHaveLength(1);
    expect(station.logs.at(-1)).toMatch(/enrolled with the code from the settings \(try 3\)/);
    expect(station.logs.join('\n')).not.toContain(CODE);
    await auto.stop();
    expect(auto.state).toEqual({ state: 'enrolled' });
  });

  it('tells the screens when it starts trying and when it ends, not at every failed try', async () => {
    const enrolls = fakeStation([offline, offline, { ok: true, value: enrollment }]);
    enrolls.auto.start();
    // At once: the station's status says it enrolls by itself from its very first attempt.
    expect(enrolls.station.told).toEqual(['trying']);
    (await enrolls.nthSleep(1)).release();
    (await enrolls.nthSleep(2)).release();
    await until(() => enrolls.auto.state.state === 'enrolled', 5000, 'enrolled');
    expect(enrolls.station.told).toEqual(['trying', 'enrolled']);

    const refused = fakeStation([used]);
    refused.auto.start();
    await until(() => refused.auto.state.state === 'refused', 5000, 'refused');
    expect(refused.station.told).toEqual(['trying', 'refused']);
  });

  it('waits at least the server’s Retry-After when it is busy (503)', async () => {
    const { auto, nthSleep } = fakeStation([unavailable, { ok: true, value: enrollment }]);
    auto.start();
    const sleep = await nthSleep(1);
    expect(sleep.ms).toBe(30_000);
    sleep.release();
    await until(() => auto.state.state === 'enrolled', 5000, 'enrolled');
  });

  it('stops for good on a refusal that would not change, said once, without the code', async () => {
    const { station, auto, timers } = fakeStation([offline, used]);
    auto.start();
    await until(() => timers.sleeps.length === 1, 5000, 'first sleep');
    timers.sleeps[0]!.release();
    await until(() => auto.state.state === 'refused', 5000, 'refused');
    expect(auto.state).toEqual({ state: 'refused', code: 'ENROLLMENT_CODE_INVALID', message: used.message });
    await auto.stop();
    expect(station.attempts).toHaveLength(2);
    expect(timers.sleeps).toHaveLength(1);
    expect(station.logs.filter((l) => l.includes('refused for good'))).toHaveLength(1);
    expect(station.logs.join('\n')).not.toContain(CODE);
    expect(auto.state.state).toBe('refused');
  });

  it('stops when the station closes, during its wait, and tries no more', async () => {
    const { station, auto, nthSleep } = fakeStation([offline]);
    auto.start();
    const sleep = await nthSleep(1);
    await auto.stop();
    expect(sleep.ended).toBe(true);
    expect(auto.state).toEqual({ state: 'stopped' });
    expect(station.attempts).toHaveLength(1);
    auto.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(station.attempts).toHaveLength(1);
  });

  it('does nothing for a station already enrolled', async () => {
    const { station, auto } = fakeStation([{ ok: true, value: enrollment }]);
    station.enrolled = true;
    auto.start();
    await until(() => auto.state.state === 'enrolled', 5000, 'enrolled');
    expect(station.attempts).toEqual([]);
    await auto.stop();
  });

  it('ends when the station is enrolled by hand during its wait, without asking the server again', async () => {
    const { station, auto, nthSleep } = fakeStation([offline]);
    auto.start();
    const sleep = await nthSleep(1);
    station.enrolled = true; // IT enrolled it with another code meanwhile
    sleep.release();
    await until(() => auto.state.state === 'enrolled', 5000, 'enrolled');
    expect(station.attempts).toHaveLength(1);
    expect(station.logs.join('\n')).not.toMatch(/refused/);
  });

  it('takes no refusal for a station enrolled by hand while its own attempt was under way', async () => {
    let answer = () => {};
    const { station, auto } = fakeStation([alreadyEnrolled]);
    station.hold = new Promise((resolve) => (answer = resolve));
    auto.start();
    await until(() => station.attempts.length === 1, 5000, 'attempt');
    station.enrolled = true; // the hand enrollment won at the server: this attempt is refused
    answer();
    await until(() => auto.state.state === 'enrolled', 5000, 'enrolled');
    expect(station.logs.join('\n')).not.toMatch(/refused/);
  });

  it('treats an attempt that throws as one that may pass', async () => {
    let calls = 0;
    const timers = new ManualTimers();
    const auto = new AutoEnrollment({
      code: CODE,
      enrolled: () => calls > 1,
      enroll: () => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new Error('disk full'))
          : Promise.resolve({ ok: true, value: enrollment });
      },
      timers,
      log: () => {},
    });
    auto.start();
    await until(() => timers.sleeps.length === 1, 5000, 'sleep');
    expect(auto.state).toMatchObject({ state: 'trying', lastProblem: 'disk full' });
    timers.sleeps[0]!.release();
    await until(() => auto.state.state === 'enrolled', 5000, 'enrolled');
  });
});

describe('what a failed enrollment means', () => {
  it.each<[string, ServerFailure, 'retry' | 'refused']>([
    ['no network', offline, 'retry'],
    ['a timeout', { ok: false, kind: 'timeout', message: 'timed out' }, 'retry'],
    ['a server error', { ...unavailable, status: 500, retryAfterMs: undefined }, 'retry'],
    ['a busy server', unavailable, 'retry'],
    [
      'too many tries',
      { ok: false, kind: 'http', status: 429, code: 'RATE_LIMITED', message: 'slow down' },
      'retry',
    ],
    [
      'a proxy’s page',
      { ok: false, kind: 'http', status: 403, code: 'HTTP_403', message: 'Forbidden' },
      'retry',
    ],
    ['a code unknown', { ...used, status: 404, message: 'does not exist' }, 'refused'],
    ['a code used', used, 'refused'],
    ['a key already enrolled or revoked', alreadyEnrolled, 'refused'],
    ['another centre', { ...alreadyEnrolled, code: 'STATION_OF_ANOTHER_CENTRE' }, 'refused'],
    [
      'a code for another station',
      { ...alreadyEnrolled, code: 'ENROLLMENT_CODE_FOR_ANOTHER_STATION' },
      'refused',
    ],
    [
      'results waiting for another server',
      { ok: false, kind: 'http', code: 'RESULTS_OF_ANOTHER_SERVER', message: 'x' },
      'refused',
    ],
  ])('%s', (_case, failure, verdict) => {
    expect(enrollmentVerdict(failure)).toBe(verdict);
  });
});
