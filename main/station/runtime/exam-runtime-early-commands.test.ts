// Invigilator commands that reach the station before it can act on them: a start confirmed while the
// candidate reads the instructions (or while the package download fails) survives a relaunch, and what
// comes while a resume from another station downloads its records is applied once they are in.
import { describe, expect, it } from 'vitest';
import type { StationCommand } from '../../../core/contracts/station-server.ts';
import { CommandStream } from '../sync/command-stream.ts';
import { InstantTimers } from '../sync/sync-fixtures.ts';
import {
  MIN,
  pass,
  recordsOfADeadStation,
  runtimeHarness,
  signIn,
  type RuntimeHarness,
} from './runtime-fixtures.ts';

const network = { ok: false as const, kind: 'network' as const, message: 'the server cannot be reached' };
const testId = 'test-1';
const startedBy = (h: RuntimeHarness) =>
  h.journal.records(testId).find((r) => r.kind === 'started')?.payload ?? null;

/** The station relaunched: the candidate reads the instructions again, then the test starts on `authorization`. */
async function expectStartAfterRelaunch(h: RuntimeHarness, authorization: string): Promise<void> {
  h.journal.close();
  const relaunched = runtimeHarness({ file: h.file });
  await relaunched.runtime.restore();
  expect(relaunched.runtime.phase).toBe('signedIn');
  await relaunched.runtime.acceptInstructions();
  expect(relaunched.runtime.phase).toBe('inProgress');
  expect(startedBy(relaunched)).toEqual({ authorization });
}

describe('a start confirmed before the station can start', () => {
  it('while the candidate reads the instructions: kept across a relaunch, the test starts on it', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    // Acknowledged (pending): the server never sends it again.
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId })).toBe('pending');
    await expectStartAfterRelaunch(h, 'c1');
  });

  it('while its package download fails: kept across a relaunch, the test starts on it', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    h.server.packageFailure = network;
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId })).toBe('pending');
    await expectStartAfterRelaunch(h, 'c1');
  });

  it('withdrawn before the relaunch: forgotten, the candidate waits for a new one', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId });
    expect(await h.runtime.handleCommand({ type: 'withdrawAuthorization', id: 'w1', testId })).toBe(
      'applied',
    );
    h.journal.close();

    const relaunched = runtimeHarness({ file: h.file });
    await relaunched.runtime.restore();
    await relaunched.runtime.acceptInstructions();
    expect(relaunched.runtime.phase).toBe('waiting');
    expect(relaunched.server.packageFetches).toBe(0);
    expect(await relaunched.runtime.handleCommand({ type: 'authorizeStart', id: 'c2', testId })).toBe(
      'applied',
    );
    expect(startedBy(relaunched)).toEqual({ authorization: 'c2' });
  });
});

describe('commands while a resume from another station downloads its records', () => {
  /** A spare station where the candidate signed in to resume, its downloads failing for now. */
  async function resumingStation(): Promise<RuntimeHarness> {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + MIN });
    h.server.resuming = true;
    h.server.records = records;
    await h.runtime.signIn(signIn);
    h.server.packageFailure = network;
    return h;
  }

  /** The sync client's command stream (not connected): applies, then acknowledges unless deferred. */
  function commandStream(h: RuntimeHarness, acknowledged: string[]): CommandStream {
    return new CommandStream({
      open: async () => network,
      acknowledge: async (id) => {
        acknowledged.push(id);
        return { ok: true, value: {} };
      },
      apply: (command) => h.runtime.handleCommand(command),
      timers: new InstantTimers(),
    });
  }

  it('time added and a pause wait, unacknowledged, and apply once each, in order, after the import', async () => {
    const h = await resumingStation();
    const acknowledged: string[] = [];
    const stream = commandStream(h, acknowledged);
    const addTime: StationCommand = { type: 'addTime', id: 'a1', testId, addedMs: 10 * MIN };
    const pause: StationCommand = { type: 'pause', id: 'p1', testId, reason: 'calme' };
    expect(await stream.receive({ type: 'authorizeResume', id: 'r1', testId })).toEqual({
      outcome: 'pending',
      acknowledged: true,
    });
    expect(await stream.receive(addTime)).toEqual({ outcome: 'deferred', acknowledged: false });
    expect(await stream.receive(pause)).toEqual({ outcome: 'deferred', acknowledged: false });
    expect(h.journal.records(testId)).toEqual([]);
    expect(acknowledged).toEqual(['r1']);

    h.server.packageFailure = null;
    pass(h, 3000);
    await h.runtime.tick(); // the resume completes
    expect(h.runtime.phase).toBe('inProgress');
    // The server sends again what was not acknowledged, in the order it was issued.
    expect(await stream.receive(addTime)).toEqual({ outcome: 'applied', acknowledged: true });
    expect(await stream.receive(pause)).toEqual({ outcome: 'applied', acknowledged: true });
    expect(await stream.receive(addTime)).toEqual({ outcome: 'applied', acknowledged: true });
    const mine = h.journal.records(testId).slice(-4);
    expect(mine.map((r) => r.kind)).toEqual(['testOpened', 'resumed', 'timeAdded', 'paused']);
    expect(mine[2]?.payload).toEqual({ addedMs: 10 * MIN, authorization: 'a1' });
    expect(h.runtime.status().exam).toMatchObject({
      phase: 'paused',
      allowedMs: 115 * MIN,
      timeLeftMs: 113 * MIN,
    });
    expect(h.journal.verify(testId).ok).toBe(true);
  });

  it('the end waits, then ends and seals the test once the records are in', async () => {
    const h = await resumingStation();
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId })).toBe('pending');
    const end: StationCommand = { type: 'endTest', id: 'e1', testId };
    expect(await h.runtime.handleCommand(end)).toBe('deferred');
    expect(await h.runtime.handleCommand({ type: 'unlock', id: 'u1', testId })).toBe('deferred');
    h.server.packageFailure = null;
    pass(h, 3000);
    await h.runtime.tick();
    expect(await h.runtime.handleCommand(end)).toBe('applied');
    expect(h.runtime.phase).toBe('sealed');
    expect(h.sealed[0]?.test.endReason).toBe('endedByInvigilator');
    expect(await h.runtime.handleCommand(end)).toBe('ignored');
  });

  it('after the candidate cancels the resume here, they wait for the station where the test goes on', async () => {
    const h = await resumingStation();
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId })).toBe('pending');
    const time: StationCommand = { type: 'addTime', id: 't1', testId, addedMs: 10 * MIN };
    expect(await h.runtime.handleCommand(time)).toBe('deferred');
    expect((await h.runtime.cancelSignIn()).ok).toBe(true);
    // Not acknowledged: the server sends it to the station the test moves to next.
    expect(await h.runtime.handleCommand(time)).toBe('deferred');
    expect(await h.runtime.handleCommand({ type: 'endTest', id: 'e1', testId })).toBe('deferred');
    // A test this station never held, or that it no longer needs a command for: as before.
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r2', testId })).toBe('ignored');
  });
});
