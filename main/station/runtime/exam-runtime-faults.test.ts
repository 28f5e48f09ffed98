// The runtime under faults of its host: a wall clock set back (NTP, a user), and a journal that cannot
// be written (disk full) when the test is paused or ended.
import { describe, expect, it, vi } from 'vitest';
import { MIN, pass, runtimeHarness, signIn, startedTest, type RuntimeHarness } from './runtime-fixtures.ts';

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
