// The runtime under faults of its host: a wall clock set back (NTP, a user), and a journal that cannot
// be written (disk full) when the test is paused or ended, when an authorization is used, or when the
// shell reports a lockdown event.
import { describe, expect, it, vi } from 'vitest';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
/* eslint-disable no-restricted-imports -- a test, never shipped: how the server reads what this station
   wrote and heard (its records and its heartbeat); the station's own code imports nothing from server/. */
import { EMPTY_JOURNAL } from '../../../server/exam/bundle-check.ts';
import { readRecords } from '../../../server/exam/journal-reading.ts';
import { isPaused } from '../../../server/room/room-view.ts';
import type { StoredTest } from '../../../server/storage/repositories.ts';
/* eslint-enable no-restricted-imports */
import { runtimeLockdownWatch } from '../lockdown/runtime-lockdown.ts';
import {
  MIN,
  pass,
  recordsOfADeadStation,
  runtimeHarness,
  signIn,
  startedTest,
  testPackage,
  choice,
  type RuntimeHarness,
} from './runtime-fixtures.ts';

const network = { ok: false as const, kind: 'network' as const, message: 'the server cannot be reached' };

/** The journal refuses every record from now on, as on a full disk. */
function diskFull(h: RuntimeHarness, method: 'append' | 'checkpointClock' = 'append') {
  return vi.spyOn(h.journal, method).mockImplementation(() => {
    throw new Error('disk full');
  });
}

describe('a wall clock set back', () => {
  it('keeps a checkpoint every second of exam time, so a relaunch gives back no time', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    pass(first, MIN);
    await first.runtime.tick();
    first.wall.now -= 60 * MIN;
    pass(first, 1000);
    await first.runtime.tick();
    // Written on time, stamped with the wall clock as it reads now.
    expect(first.journal.clockCheckpoint('test-1')).toEqual({
      elapsedMs: MIN + 1000,
      wallAt: first.wall.now,
    });
    for (let minute = 0; minute < 30; minute++) {
      pass(first, MIN);
      await first.runtime.tick();
    }
    // The station dies; it is relaunched 10 minutes later.
    const second = runtimeHarness({
      file: first.file,
      pkg: first.server.pkg,
      wallStart: first.wall.now + 10 * MIN,
    });
    await second.runtime.restore();
    const allowedMs = second.runtime.status().exam.allowedMs ?? 0;
    expect(second.runtime.status().exam.timeLeftMs).toBe(allowedMs - 31 * MIN - 1000);
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(second.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'resumed',
      payload: { downtimeMs: 10 * MIN },
    });
  });

  it('does not hold off a download the start waits for', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    h.server.packageFailure = network;
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId: 'test-1' });
    h.server.packageFailure = null;
    h.wall.now -= 60 * MIN;
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.server.packageFetches).toBe(2);
    expect(h.runtime.phase).toBe('inProgress');
  });
});

describe('a journal that cannot be written when the test is paused or ended', () => {
  it.each([
    { type: 'pause' as const, id: 'cmd-p', testId: 'test-1', reason: 'bruit' },
    { type: 'endTest' as const, id: 'cmd-e', testId: 'test-1' },
  ])('leaves the test running when the invigilator’s $type fails, the command unapplied', async (command) => {
    const h = runtimeHarness();
    await startedTest(h);
    diskFull(h);
    // Thrown: the sync client does not acknowledge it, and the server sends it again.
    await expect(h.runtime.handleCommand(command)).rejects.toThrow('disk full');
    expect(h.runtime.phase).toBe('inProgress');
    const left = h.runtime.status().exam.timeLeftMs ?? 0;
    pass(h, MIN);
    expect(h.runtime.status().exam.timeLeftMs).toBe(left - MIN);
  });

  it('tells the candidate whose « Terminer » failed, and time up still ends the test', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const disk = diskFull(h);
    expect(await h.runtime.finishTest()).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    expect(h.runtime.phase).toBe('inProgress');
    const left = h.runtime.status().exam.timeLeftMs ?? 0;
    pass(h, left);
    await expect(h.runtime.tick()).rejects.toThrow('disk full');
    expect(h.runtime.phase).toBe('inProgress');
    disk.mockRestore();
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('sealed');
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'ended',
      payload: { reason: 'timeUp' },
    });
  });

  it('logs a failure that lasts once while it lasts, not at every tick', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({ log: (line) => lines.push(line) });
    await startedTest(h);
    const disk = diskFull(h);
    pass(h, h.runtime.status().exam.timeLeftMs ?? 0);
    const stop = h.runtime.startTicking(5);
    await vi.waitFor(() => expect(disk.mock.calls.length).toBeGreaterThanOrEqual(5));
    disk.mockRestore();
    await vi.waitFor(() => expect(h.runtime.phase).toBe('sealed'));
    stop();
    expect(lines.filter((line) => line.startsWith('tick failed'))).toEqual(['tick failed: Error: disk full']);
    expect(lines).toContain('tick works again');
  });

  it('ends the test at time up even when the clock checkpoint cannot be written', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    diskFull(h, 'checkpointClock');
    pass(h, h.runtime.status().exam.timeLeftMs ?? 0);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('sealed');
  });
});

describe('an end that cannot be written after the last answer (full disk, power cut between the two)', () => {
  /** The journal refuses only the `ended` record. */
  function endRefused(h: RuntimeHarness) {
    const append = h.journal.append.bind(h.journal);
    return vi.spyOn(h.journal, 'append').mockImplementation((testId, body, at, options) => {
      if (body.kind === 'ended') throw new Error('disk full');
      return append(testId, body, at, options);
    });
  }

  it('keeps the saved answer, says it is saved, and the tick ends the test', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({ pkg: testPackage({ count: 2 }), log: (line) => lines.push(line) });
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    const refusal = endRefused(h);
    expect(await h.runtime.submitAnswer('rec2', choice('1'))).toMatchObject({
      ok: true,
      value: { next: null },
    });
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'answered',
      payload: { challengeId: 'rec2' },
    });
    expect(lines.some((line) => line.startsWith('the end of the test could not be recorded'))).toBe(true);
    await expect(h.runtime.tick()).rejects.toThrow('disk full');
    expect(h.runtime.phase).toBe('inProgress');
    refusal.mockRestore();
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('sealed');
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'ended',
      payload: { reason: 'finished' },
    });
  });

  it('is ended on relaunch, without a resume; or by the tick after the resume if it still fails', async () => {
    for (const stillFailing of [false, true]) {
      const first = runtimeHarness({ pkg: testPackage({ count: 2 }) });
      await startedTest(first);
      await first.runtime.submitAnswer('rec1', choice('1'));
      endRefused(first);
      // The station dies after the last answer's commit (whatever the answer said).
      await first.runtime.submitAnswer('rec2', choice('1')).catch(() => undefined);
      expect(first.journal.records('test-1').at(-1)?.kind).toBe('answered');

      const second = runtimeHarness({ file: first.file, pkg: first.server.pkg });
      const refusal = stillFailing ? endRefused(second) : null;
      await second.runtime.restore();
      if (refusal) {
        expect(second.runtime.phase).toBe('resumePending');
        refusal.mockRestore();
        await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
        await second.runtime.tick();
      }
      expect(second.runtime.phase).toBe('sealed');
      expect(second.journal.records('test-1').at(-1)).toMatchObject({
        kind: 'ended',
        payload: { reason: 'finished' },
      });
      expect(second.journal.verify('test-1').ok).toBe(true);
    }
  });
});

describe('an invigilator’s authorization whose record cannot be written yet', () => {
  it('keeps a start confirmed during the instructions, and starts once the disk has room again', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({ log: (line) => lines.push(line) });
    await h.runtime.signIn(signIn);
    // Presence confirmed while the candidate reads: acknowledged `pending`, never sent again.
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId: 'test-1' })).toBe(
      'pending',
    );
    const full = diskFull(h);
    const accepted = await h.runtime.acceptInstructions();
    expect(accepted.ok).toBe(true);
    expect(h.runtime.phase).toBe('waiting');
    expect(h.runtime.status().exam.timeLeftMs).toBeNull();
    expect(lines.some((l) => l.includes('the start could not be recorded'))).toBe(true);
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('waiting');
    full.mockRestore();
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('inProgress');
    expect(h.journal.records('test-1').filter((r) => r.kind === 'started')).toEqual([
      expect.objectContaining({ payload: { authorization: 'c1' } }),
    ]);
  });

  it('keeps a resume on this station of a test begun elsewhere, and resumes once the disk has room', async () => {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 5 * MIN });
    h.server.resuming = true;
    h.server.records = records;
    await h.runtime.signIn(signIn);
    h.server.packageFailure = network;
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'pending',
    );
    h.server.packageFailure = null;
    // The download succeeds and the records are imported, but this station's first record fails.
    const full = diskFull(h);
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('resumePending');
    expect(h.journal.records('test-1')).toHaveLength(records.length);
    // Meanwhile the invigilator's commands wait for the resume, as before the import.
    expect(await h.runtime.handleCommand({ type: 'pause', id: 'p1', testId: 'test-1', reason: 'x' })).toBe(
      'deferred',
    );
    full.mockRestore();
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('inProgress');
    expect(h.server.recordFetches).toBe(1);
    expect(
      h.journal
        .records('test-1')
        .slice(records.length)
        .map((r) => r.kind),
    ).toEqual(['testOpened', 'resumed']);
    expect(h.journal.verify('test-1').ok).toBe(true);
  });
});

describe('a lockdown event the journal cannot take', () => {
  it('still pauses the test and stops the clock when the disk is full, and the unlock resumes it', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({ log: (line) => lines.push(line) });
    await startedTest(h);
    pass(h, MIN);
    const full = diskFull(h);
    await expect(
      h.runtime.reportLockdown(
        { kind: 'lockdown', payload: { event: 'lockScreen', detail: 'La session a été verrouillée.' } },
        true,
      ),
    ).resolves.toBeUndefined();
    expect(h.runtime.phase).toBe('paused');
    const left = h.runtime.status().exam.timeLeftMs;
    pass(h, 10 * MIN);
    await h.runtime.tick();
    expect(h.runtime.status().exam.timeLeftMs).toBe(left);
    expect(lines.some((l) => l.includes('paused in memory'))).toBe(true);
    full.mockRestore();
    expect(await h.runtime.handleCommand({ type: 'unlock', id: 'u1', testId: 'test-1' })).toBe('applied');
    expect(h.runtime.phase).toBe('inProgress');
    expect(h.runtime.status().exam.timeLeftMs).toBe(left);
  });

  /** Whether the server, holding these records and this heartbeat, shows the test paused. */
  function serverSeesPaused(
    h: RuntimeHarness,
    records: JournalRecord[],
    heartbeat: { phase: string; lastSeq: number },
  ) {
    const { journal } = readRecords(EMPTY_JOURNAL, records, h.server.pkg, h.wall.now);
    return isPaused({ journal, heartbeat } as unknown as StoredTest);
  }

  it('writes the pause it held in memory once the disk has room, and the invigilator can unlock it', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({ log: (line) => lines.push(line) });
    await startedTest(h);
    pass(h, MIN);
    const before = h.journal.records('test-1').length;
    const lockedAt = h.wall.now;
    const full = diskFull(h);
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'lockScreen', detail: 'La session a été verrouillée.' } },
      true,
    );
    expect(h.runtime.phase).toBe('paused');
    expect(h.runtime.status().exam.pause?.lockEvent).toBe('lockScreen');
    // What the station tells the server meanwhile: the heartbeat says paused, the journal does not.
    const heard = h.runtime.heartbeat();
    expect(heard).toMatchObject({ phase: 'paused', lastSeq: before });
    pass(h, MIN);
    await h.runtime.tick();
    expect(h.journal.records('test-1')).toHaveLength(before);
    expect(serverSeesPaused(h, h.journal.records('test-1'), heard)).toBe(true);

    full.mockRestore();
    pass(h, 4 * MIN);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('paused');
    const written = h.journal.records('test-1').slice(before);
    expect(written.map((r) => r.kind)).toEqual(['lockdown', 'paused']);
    expect(written[0]).toMatchObject({
      payload: { event: 'lockScreen', detail: expect.stringContaining(new Date(lockedAt).toISOString()) },
    });
    // Exam time froze at the lock: the records say so, written late or not.
    expect(written.map((r) => r.elapsedMs)).toEqual([MIN, MIN]);
    expect(written[1]).toMatchObject({ payload: { cause: 'lockdown' } });
    expect(h.journal.verify('test-1').ok).toBe(true);
    expect(lines.some((l) => l.includes('journaled now'))).toBe(true);
    // The server reads it paused from the journal alone now, even with the heartbeat from before.
    expect(serverSeesPaused(h, h.journal.records('test-1'), heard)).toBe(true);
    await h.runtime.tick();
    expect(h.journal.records('test-1')).toHaveLength(before + 2);

    expect(await h.runtime.handleCommand({ type: 'unlock', id: 'u1', testId: 'test-1' })).toBe('applied');
    expect(h.runtime.phase).toBe('inProgress');
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'unpaused',
      payload: { authorization: 'u1' },
    });
    expect(serverSeesPaused(h, h.journal.records('test-1'), heard)).toBe(false);
  });

  it('writes the held pause before any other record, so the chain says it first', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const before = h.journal.records('test-1').length;
    const full = diskFull(h);
    await h.runtime.reportLockdown({ kind: 'lockdown', payload: { event: 'lockScreen', detail: 'v' } }, true);
    full.mockRestore();
    // The candidate's browser view still reports a navigation before the next tick.
    expect(
      await h.runtime.recordNavigation({ url: 'https://fr.wikipedia.org/', allowed: true, rule: null }),
    ).toBe(true);
    expect(
      h.journal
        .records('test-1')
        .slice(before)
        .map((r) => r.kind),
    ).toEqual(['lockdown', 'paused', 'navigation']);
    expect(h.journal.verify('test-1').ok).toBe(true);
  });

  it('obeys an unlock while the disk is still full, writing neither the pause nor its unlock', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({ log: (line) => lines.push(line) });
    await startedTest(h);
    pass(h, MIN);
    const before = h.journal.records('test-1').length;
    const full = diskFull(h);
    await h.runtime.reportLockdown({ kind: 'lockdown', payload: { event: 'lockScreen', detail: 'v' } }, true);
    const left = h.runtime.status().exam.timeLeftMs ?? 0;
    pass(h, 3 * MIN);
    expect(await h.runtime.handleCommand({ type: 'unlock', id: 'u1', testId: 'test-1' })).toBe('applied');
    expect(h.runtime.phase).toBe('inProgress');
    expect(lines.some((l) => l.includes('lifted without a record'))).toBe(true);
    pass(h, MIN);
    expect(h.runtime.status().exam.timeLeftMs).toBe(left - MIN);
    full.mockRestore();
    await h.runtime.tick();
    // No `paused` without its `unpaused`, nor the reverse: the journal goes on as if no pause.
    expect(h.journal.records('test-1')).toHaveLength(before);
    expect(h.runtime.status().exam.pause).toBeNull();
  });

  it('never rejects, and a lockdown event on the end screen is logged, not the test’s', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({ log: (line) => lines.push(line) });
    await startedTest(h);
    const full = diskFull(h);
    await expect(
      h.runtime.reportLockdown({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'x' } }, false),
    ).resolves.toBeUndefined();
    expect(h.runtime.phase).toBe('inProgress');
    full.mockRestore();
    await h.runtime.finishTest();
    expect(h.runtime.phase).toBe('sealed');
    const watch = runtimeLockdownWatch(
      () => h.runtime,
      (line) => lines.push(line),
    );
    const count = h.journal.records('test-1').length;
    await expect(watch.focusLost()).resolves.toBeUndefined();
    await expect(watch.screenLocked()).resolves.toBeUndefined();
    expect(h.journal.records('test-1')).toHaveLength(count);
    expect(lines.filter((l) => l.includes('after the end of test test-1'))).toHaveLength(2);
  });
});
