// Invigilator commands that reach the station before it can act on them: a start confirmed while the
// candidate reads the instructions (or while the package download fails) survives a relaunch, and what
// comes while a resume from another station downloads its records is applied once they are in.
import { describe, expect, it, vi } from 'vitest';
import type { StationCommand } from '../../../core/contracts/station-server.ts';
import { CommandStream } from '../sync/command-stream.ts';
import { InstantTimers, until } from '../sync/sync-fixtures.ts';
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

/** A spare station where the candidate signed in to resume, its downloads failing for now. */
async function resumingStation() {
  const { records, wallAt } = await recordsOfADeadStation(2);
  const h = runtimeHarness({ wallStart: wallAt + MIN });
  h.server.resuming = true;
  h.server.records = records;
  await h.runtime.signIn(signIn);
  h.server.packageFailure = network;
  return { h, records };
}

/** The sync client's command stream (not connected): applies, then acknowledges unless deferred. */
function commandStream(h: RuntimeHarness, acknowledged: string[], outcomes: string[] = []): CommandStream {
  return new CommandStream({
    open: async () => network,
    acknowledge: async (id, outcome) => {
      acknowledged.push(id);
      outcomes.push(`${id}: ${outcome}`);
      return { ok: true, value: {} };
    },
    apply: (command) => h.runtime.handleCommand(command),
    appliedSince: (command) => h.runtime.showsApplied(command),
    timers: new InstantTimers(),
  });
}

describe('the acknowledgement of a start says whether the test went ahead', () => {
  it('held while the candidate reads the instructions: pending; the test starts only once they accept them', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    const outcomes: string[] = [];
    const stream = commandStream(h, [], outcomes);
    await stream.receive({ type: 'authorizeStart', id: 'c1', testId });
    expect(outcomes).toEqual(['c1: pending']);
    expect(startedBy(h)).toBeNull();
    await h.runtime.acceptInstructions();
    expect(startedBy(h)).toEqual({ authorization: 'c1' });
  });

  it('held, then delivered again once the test started on it (its acknowledgement lost): applied, started once', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    const outcomes: string[] = [];
    const stream = commandStream(h, [], outcomes);
    const start: StationCommand = { type: 'authorizeStart', id: 'c1', testId };
    await stream.receive(start);
    await h.runtime.acceptInstructions();
    await stream.receive(start);
    expect(outcomes).toEqual(['c1: pending', 'c1: applied']);
    expect(h.journal.records(testId).filter((r) => r.kind === 'started')).toHaveLength(1);
  });

  it('held, withdrawn, then delivered again: not held again, the candidate does not start on it', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    const outcomes: string[] = [];
    const stream = commandStream(h, [], outcomes);
    const start: StationCommand = { type: 'authorizeStart', id: 'c1', testId };
    await stream.receive(start);
    await stream.receive({ type: 'withdrawAuthorization', id: 'w1', testId });
    await stream.receive(start);
    await h.runtime.acceptInstructions();
    expect(outcomes).toEqual(['c1: pending', 'w1: applied', 'c1: pending']);
    expect(h.runtime.phase).toBe('waiting');
    expect(startedBy(h)).toBeNull();
  });

  it('while the candidate waits, instructions accepted: applied, the start written', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    const outcomes: string[] = [];
    const stream = commandStream(h, [], outcomes);
    await stream.receive({ type: 'authorizeStart', id: 'c1', testId });
    expect(outcomes).toEqual(['c1: applied']);
    expect(h.runtime.phase).toBe('inProgress');
    expect(startedBy(h)).toEqual({ authorization: 'c1' });
  });

  it('withdrawn before the instructions are accepted: the withdrawal applied, the start never', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    const outcomes: string[] = [];
    const stream = commandStream(h, [], outcomes);
    await stream.receive({ type: 'authorizeStart', id: 'c1', testId });
    await stream.receive({ type: 'withdrawAuthorization', id: 'w1', testId });
    await h.runtime.acceptInstructions();
    expect(outcomes).toEqual(['c1: pending', 'w1: applied']);
    expect(h.runtime.phase).toBe('waiting');
    expect(startedBy(h)).toBeNull();
  });
});

describe('commands while a resume from another station downloads its records', () => {
  it('time added and a pause wait, unacknowledged, and apply once each, in order, after the import', async () => {
    const { h } = await resumingStation();
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
    const { h } = await resumingStation();
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
    // Delivered again: the journal holds it, so applied (already), and sealed once.
    expect(await h.runtime.handleCommand(end)).toBe('applied');
    expect(h.sealed).toHaveLength(1);
  });

  it('after the candidate cancels the resume here, they wait for the station where the test goes on', async () => {
    const { h } = await resumingStation();
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

describe('a relaunch while commands wait for a resume from another station', () => {
  const resume = (id: string): StationCommand => ({ type: 'authorizeResume', id, testId });
  const addTime: StationCommand = { type: 'addTime', id: 'a1', testId, addedMs: 10 * MIN };
  const pause: StationCommand = { type: 'pause', id: 'p1', testId, reason: 'calme' };
  const unlock: StationCommand = { type: 'unlock', id: 'u1', testId };
  const deferredOnes = [addTime, pause, unlock];

  /** The server: what it sent and what the station acknowledged, sent again on each new connection. */
  interface Server {
    acknowledged: string[];
    /** Sends every command the station has not acknowledged yet, in the order they were issued. */
    sendUnacknowledged(stream: CommandStream): Promise<void>;
  }
  function server(issued: StationCommand[]): Server {
    const acknowledged: string[] = [];
    return {
      acknowledged,
      async sendUnacknowledged(stream) {
        for (const command of issued.filter((c) => !acknowledged.includes(c.id)))
          await stream.receive(command);
      },
    };
  }

  /**
   * A spare station where the candidate asks to resume, its downloads failing: the resume authorized
   * (acknowledged, pending), then time added, a pause and its unlock, deferred (not acknowledged).
   */
  async function deferredDuringDownload() {
    const { h, records } = await resumingStation();
    const issued = [resume('r1'), ...deferredOnes];
    const room = server(issued);
    const stream = commandStream(h, room.acknowledged);
    expect(await stream.receive(resume('r1'))).toEqual({ outcome: 'pending', acknowledged: true });
    for (const command of deferredOnes)
      expect(await stream.receive(command)).toEqual({ outcome: 'deferred', acknowledged: false });
    expect(room.acknowledged).toEqual(['r1']);
    return { h, records, issued, room };
  }

  /** The station process dies; a new one opens the same journal, with a new command stream. */
  async function relaunch(h: RuntimeHarness, records: RuntimeHarness['server']['records'], room: Server) {
    h.journal.close();
    const relaunched = runtimeHarness({ file: h.file, wallStart: h.wall.now + 2 * MIN });
    relaunched.server.resuming = true;
    relaunched.server.records = records;
    await relaunched.runtime.restore();
    return { relaunched, stream: commandStream(relaunched, room.acknowledged) };
  }

  /** The records this station wrote after the dead station's, by kind and authorization. */
  const written = (h: RuntimeHarness, from: number) =>
    h.journal
      .records(testId)
      .slice(from)
      .map((r) => [r.kind, 'authorization' in r.payload ? r.payload.authorization : undefined]);

  /** What a resume on `authorization` writes, then the deferred commands, each once and in order. */
  const resumedThenDeferred = (authorization: string) => [
    ['testOpened', undefined],
    ['resumed', authorization],
    ['timeAdded', 'a1'],
    ['paused', 'p1'],
    ['unpaused', 'u1'],
  ];

  /** The invigilator authorizes the resume again (`r2`) after the relaunch: applied and acknowledged. */
  async function authorizeAgain(stream: CommandStream, issued: StationCommand[]): Promise<void> {
    issued.push(resume('r2'));
    expect(await stream.receive(resume('r2'))).toEqual({ outcome: 'applied', acknowledged: true });
  }

  /**
   * The server sends again what is unacknowledged: each deferred command has applied already, once, and
   * is acknowledged so (its id is in the journal).
   */
  async function expectDeferredAppliedOnce(
    relaunched: RuntimeHarness,
    room: Server,
    stream: CommandStream,
  ): Promise<void> {
    await room.sendUnacknowledged(stream);
    for (const command of deferredOnes)
      expect(await relaunched.runtime.handleCommand(command)).toBe('applied');
  }

  /** The relaunched station wrote `expected` after the dead station's records, and its test goes on. */
  function expectResumed(
    relaunched: RuntimeHarness,
    records: RuntimeHarness['server']['records'],
    expected: ReturnType<typeof resumedThenDeferred>,
    timeLeftMs: number,
  ): void {
    expect(written(relaunched, records.length)).toEqual(expected);
    expect(relaunched.runtime.status().exam).toMatchObject({
      phase: 'inProgress',
      allowedMs: 115 * MIN,
      timeLeftMs,
    });
    expect(relaunched.journal.verify(testId).ok).toBe(true);
  }

  it('dies during the download: the commands come again and apply once each, in order, after the resume', async () => {
    const { h, records, issued, room } = await deferredDuringDownload();
    const { relaunched, stream } = await relaunch(h, records, room);
    // Nothing was written for the resume: the candidate signs in again.
    expect(relaunched.runtime.phase).toBe('idle');
    await room.sendUnacknowledged(stream); // as the stream reopens: still deferred
    expect((await relaunched.runtime.signIn(signIn)).ok).toBe(true);
    expect(relaunched.runtime.phase).toBe('resumePending');
    await room.sendUnacknowledged(stream); // on a reconnection: still deferred
    expect(room.acknowledged).toEqual(['r1']);
    expect(relaunched.journal.records(testId)).toEqual([]);

    // The first authorization was used by the dead sign-in: the invigilator authorizes the resume again.
    await authorizeAgain(stream, issued);
    expect(room.acknowledged).toEqual(['r1', 'r2', 'a1', 'p1', 'u1']);
    await expectDeferredAppliedOnce(relaunched, room, stream); // nothing left to send

    expectResumed(relaunched, records, resumedThenDeferred('r2'), 113 * MIN);
  });

  it('dies once the resume is done, before the deferred commands applied: they apply once each after the new resume', async () => {
    const { h, records, issued, room } = await deferredDuringDownload();
    h.server.packageFailure = null;
    pass(h, 3000);
    await h.runtime.tick(); // the resume completes on its own retry; the process dies before the retry of the deferred
    expect(h.runtime.phase).toBe('inProgress');
    const { relaunched, stream } = await relaunch(h, records, room);
    expect(relaunched.runtime.phase).toBe('resumePending');

    await room.sendUnacknowledged(stream);
    // After a relaunch the candidate waits for the invigilator's « autoriser la reprise » again.
    expect(relaunched.runtime.phase).toBe('resumePending');
    await authorizeAgain(stream, issued);
    await expectDeferredAppliedOnce(relaunched, room, stream);

    expectResumed(relaunched, records, [...resumedThenDeferred('r1'), ['resumed', 'r2']], 113 * MIN);
  });

  it('dies between storing the downloads and continuing the chain: the time the old station reported is charged, the commands apply once each after the resume', async () => {
    const { h, records, issued, room } = await deferredDuringDownload();
    // The old station's last heartbeat, at its last record (103 min left then): 30 s more were spent
    // on the third question before it died.
    h.server.lastTimeLeftMs = 103 * MIN - 30_000;
    h.server.packageFailure = null;
    // The downloads are stored, then the process dies before this station's own `testOpened`.
    const dies = vi.spyOn(h.journal, 'append').mockImplementationOnce(() => {
      throw new Error('the process died');
    });
    pass(h, 3000);
    await h.runtime.tick();
    dies.mockRestore();
    expect(h.journal.records(testId)).toEqual(records);
    const { relaunched, stream } = await relaunch(h, records, room);
    expect(relaunched.runtime.phase).toBe('resumePending');
    // Already the time left the server handed over, before the resume.
    expect(relaunched.runtime.heartbeat().timeLeftMs).toBe(103 * MIN - 30_000);

    await room.sendUnacknowledged(stream); // still deferred: this station's chain is not continued yet
    expect(relaunched.runtime.phase).toBe('resumePending');
    expect(relaunched.journal.records(testId)).toEqual(records);
    await authorizeAgain(stream, issued);
    await expectDeferredAppliedOnce(relaunched, room, stream);

    expectResumed(relaunched, records, resumedThenDeferred('r2'), 113 * MIN - 30_000);
    // The 30 s after the old station's last record were the candidate's: not given back. The rest,
    // from then to this resume (3 min 3 s after that record), was not: recorded as downtime.
    expect(relaunched.journal.records(testId)[records.length + 1]?.payload).toEqual({
      authorization: 'r2',
      downtimeMs: 3 * MIN + 3000 - 30_000,
    });
    expect(relaunched.journal.resumeHandover(testId)).toBeNull();
  });
});

// Once the invigilator clicked, the candidate must not read « wait for the invigilator » any longer:
// the status says the test is being prepared, or that it does not arrive and the station tries again.
describe('the preparation of an authorized test, told to the screens', () => {
  it('a start: downloading, retrying while the package does not come, then none once started', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    expect(h.runtime.status().exam.preparation).toBe('none');
    h.server.packageFailure = network;
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId })).toBe('pending');
    expect(h.runtime.status().exam).toMatchObject({ phase: 'waiting', preparation: 'retrying' });
    // Told as it happens (the screens do not poll): first getting ready, then trying again.
    const told = h.events.flatMap((e) => (e.type === 'status' ? [e.status.exam.preparation] : []));
    expect(told).toEqual(expect.arrayContaining(['downloading', 'retrying']));
    h.server.packageFailure = null;
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.status().exam).toMatchObject({ phase: 'inProgress', preparation: 'none' });
  });

  it('a start withdrawn while it fails: none again (the candidate waits for the invigilator)', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    h.server.packageFailure = network;
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId });
    await h.runtime.handleCommand({ type: 'withdrawAuthorization', id: 'w1', testId });
    expect(h.runtime.status().exam).toMatchObject({ phase: 'waiting', preparation: 'none' });
  });

  it('a resume: retrying while its downloads fail, none once resumed', async () => {
    const { h } = await resumingStation();
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId });
    expect(h.runtime.status().exam).toMatchObject({ phase: 'resumePending', preparation: 'retrying' });
    h.server.packageFailure = null;
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.status().exam).toMatchObject({ phase: 'inProgress', preparation: 'none' });
  });
});

describe('the preparation state, after the candidate went to another station', () => {
  it('never reaches the next candidate: « none » until their own start is authorized', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    h.server.packageFailure = network;
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId });
    expect(h.runtime.status().exam.preparation).toBe('retrying');
    // The invigilator sends the candidate to another station; this one stops the test.
    expect(await h.runtime.testMovedElsewhere(testId)).toBe(true);
    h.server.packageFailure = null;
    h.server.testId = 'test-2';
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    expect(h.runtime.status().exam).toMatchObject({ phase: 'waiting', preparation: 'none' });
  });
});

describe('a held start applied later is told at once (the server counts the candidate present by it)', () => {
  /** The command ids the runtime says were applied after being held. */
  const told = (h: RuntimeHarness): string[] => {
    const ids: string[] = [];
    h.runtime.onHeldStartApplied((id) => ids.push(id));
    return ids;
  };

  it('held while the candidate reads the instructions: told when they accept them, not before', async () => {
    const h = runtimeHarness();
    const ids = told(h);
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId })).toBe('pending');
    expect(ids).toEqual([]);
    await h.runtime.acceptInstructions();
    expect(startedBy(h)).toEqual({ authorization: 'c1' });
    expect(ids).toEqual(['c1']);
  });

  it('applied as it came: acknowledged so by the stream, not told again', async () => {
    const h = runtimeHarness();
    const ids = told(h);
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId })).toBe('applied');
    expect(ids).toEqual([]);
  });

  it('held while its package download failed: told when the retry starts the test', async () => {
    const h = runtimeHarness();
    const ids = told(h);
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    h.server.packageFailure = network;
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId })).toBe('pending');
    h.server.packageFailure = null;
    h.mono.advance(5000);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('inProgress');
    expect(ids).toEqual(['c1']);
  });

  it('held before a relaunch: told when the candidate starts after it', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId });
    h.journal.close();
    const relaunched = runtimeHarness({ file: h.file });
    const ids = told(relaunched);
    await relaunched.runtime.restore();
    await relaunched.runtime.acceptInstructions();
    expect(ids).toEqual(['c1']);
  });

  it('through the command stream: `pending`, then `applied` as soon as the test starts, never delivered again', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    const outcomes: string[] = [];
    const stream = commandStream(h, [], outcomes);
    h.runtime.onHeldStartApplied((id) => stream.appliedLater(id));
    await stream.receive({ type: 'authorizeStart', id: 'c1', testId });
    await h.runtime.acceptInstructions();
    stream.start();
    try {
      await until(() => outcomes.length === 2, 3000, 'the applied acknowledgement');
    } finally {
      await stream.stop();
    }
    expect(outcomes).toEqual(['c1: pending', 'c1: applied']);
  });
});
