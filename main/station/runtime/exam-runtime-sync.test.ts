// The runtime's side of the sync agreements: command outcomes (acknowledged by the sync client), the
// navigation log, downloads retried on tick, sealing retried after a failure, and resuming on this
// station a test begun on another one (PLAN.md §7).
import { describe, expect, it } from 'vitest';
import { HeartbeatRequestSchema } from '../../../core/contracts/station-server.ts';
import { MAX_EXAM_TIME_MS, type JournalRecord } from '../../../core/journal/journal-record.ts';
import type { LockdownFacts } from '../../../core/journal/lockdown-facts.ts';
import { ExamRuntime } from './exam-runtime.ts';
import { MAX_JOURNALED_RULE, MAX_JOURNALED_URL } from './journal-budget.ts';
import {
  MIN,
  choice,
  pass,
  recordsOfADeadStation,
  runtimeHarness,
  signIn,
  startedTest,
  testPackage,
} from './runtime-fixtures.ts';

const network = { ok: false as const, kind: 'network' as const, message: 'the server cannot be reached' };

describe('command outcomes', () => {
  it('says which commands were applied, pending or ignored', async () => {
    const h = runtimeHarness();
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c0', testId: 'test-1' })).toBe(
      'ignored',
    );
    await h.runtime.signIn(signIn);
    // Confirmed while the candidate reads the instructions: kept for when they accept them.
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId: 'test-1' })).toBe(
      'pending',
    );
    expect(await h.runtime.handleCommand({ type: 'withdrawAuthorization', id: 'c2', testId: 'test-1' })).toBe(
      'applied',
    );
    await h.runtime.acceptInstructions();
    expect(h.runtime.phase).toBe('waiting');
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c3', testId: 'test-1' })).toBe(
      'applied',
    );
    // Delivered again: applied already (its journal says so), not a second time.
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c3', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(h.journal.records('test-1').filter((r) => r.kind === 'started')).toHaveLength(1);
    // A test this station never held: left for the station it is on (exam-runtime-early-commands.test.ts).
    expect(await h.runtime.handleCommand({ type: 'pause', id: 'c4', testId: 'other', reason: '' })).toBe(
      'deferred',
    );
    expect(await h.runtime.handleCommand({ type: 'unlock', id: 'c5', testId: 'test-1' })).toBe('ignored');
    expect(
      await h.runtime.handleCommand({ type: 'pause', id: 'c6', testId: 'test-1', reason: 'calme' }),
    ).toBe('applied');
    expect(await h.runtime.handleCommand({ type: 'unlock', id: 'c7', testId: 'test-1' })).toBe('applied');
    expect(await h.runtime.handleCommand({ type: 'addTime', id: 'c8', testId: 'test-1', addedMs: MIN })).toBe(
      'applied',
    );
    expect(
      await h.runtime.handleCommand({
        type: 'alertDecision',
        id: 'c9',
        testId: 'test-1',
        alertId: 'none',
        decision: 'dismissed',
        reasonCode: null,
      }),
    ).toBe('ignored');
    expect(await h.runtime.handleCommand({ type: 'endTest', id: 'c10', testId: 'test-1' })).toBe('applied');
    expect(await h.runtime.handleCommand({ type: 'endTest', id: 'c11', testId: 'test-1' })).toBe('ignored');
  });

  it('a start whose package cannot be downloaded is pending, and the station tries again by itself', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    h.server.packageFailure = network;
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId: 'test-1' })).toBe(
      'pending',
    );
    expect(h.runtime.phase).toBe('waiting');
    await h.runtime.tick();
    expect(h.server.packageFetches).toBe(1); // too soon to try again
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.server.packageFetches).toBe(2);
    h.server.packageFailure = null;
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('inProgress');
    expect(h.journal.records('test-1').find((r) => r.kind === 'started')?.payload).toEqual({
      authorization: 'c1',
    });
  });

  it('a package whose hash does not match is never stored nor started', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    const original = h.server.fetchPackage.bind(h.server);
    h.server.fetchPackage = async () => {
      const fetched = await original();
      return fetched.ok
        ? { ok: true as const, value: { ...fetched.value, packageHash: 'f'.repeat(64) } }
        : fetched;
    };
    expect(await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId: 'test-1' })).toBe(
      'pending',
    );
    expect(h.runtime.phase).toBe('waiting');
    expect(h.journal.package('test-1')).toBeNull();
    expect(h.journal.records('test-1').map((r) => r.kind)).toEqual(['testOpened']);
  });
});

describe('the heartbeat’s time added', () => {
  it('says how much added time its time left counts, from the moment the station applies it', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    // No time left yet, so no time added counted in it.
    expect(h.runtime.heartbeat()).toMatchObject({ timeLeftMs: null });
    expect(h.runtime.heartbeat()).not.toHaveProperty('addedMs');
    await h.runtime.acceptInstructions();
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'c1', testId: 'test-1' });
    pass(h, MIN);
    expect(h.runtime.heartbeat()).toMatchObject({ timeLeftMs: 104 * MIN, addedMs: 0 });
    await h.runtime.handleCommand({ type: 'addTime', id: 'c2', testId: 'test-1', addedMs: 10 * MIN });
    expect(h.runtime.heartbeat()).toMatchObject({ timeLeftMs: 114 * MIN, addedMs: 10 * MIN });
    await h.runtime.handleCommand({ type: 'addTime', id: 'c3', testId: 'test-1', addedMs: 5 * MIN });
    expect(h.runtime.heartbeat()).toMatchObject({ timeLeftMs: 119 * MIN, addedMs: 15 * MIN });
  });

  it('leaves it out past the contract’s bound (a week), where the server would refuse every heartbeat', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    // 42 × 4 h is the bound itself (7 days): still said; one more hour goes past it.
    for (let i = 0; i < 42; i++)
      await h.runtime.handleCommand({
        type: 'addTime',
        id: `a${i}`,
        testId: 'test-1',
        addedMs: 4 * 3600_000,
      });
    expect(h.runtime.heartbeat()).toMatchObject({ addedMs: MAX_EXAM_TIME_MS });
    expect(HeartbeatRequestSchema.safeParse({ ...h.runtime.heartbeat(), stationTime: 0 }).success).toBe(true);
    await h.runtime.handleCommand({ type: 'addTime', id: 'a42', testId: 'test-1', addedMs: 3600_000 });
    const beat = h.runtime.heartbeat();
    expect(beat.timeLeftMs).toBeGreaterThan(MAX_EXAM_TIME_MS);
    expect(beat).not.toHaveProperty('addedMs');
    expect(HeartbeatRequestSchema.safeParse({ ...beat, stationTime: 0 }).success).toBe(true);
  });

  it('still counts it after a relaunch, and on the station the test is resumed on', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    await first.runtime.handleCommand({ type: 'addTime', id: 'c2', testId: 'test-1', addedMs: 10 * MIN });
    pass(first, MIN);
    await first.runtime.submitAnswer('rec1', choice('1'));
    const relaunched = runtimeHarness({ file: first.file, pkg: first.server.pkg });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.heartbeat()).toMatchObject({
      phase: 'resumePending',
      timeLeftMs: 114 * MIN,
      addedMs: 10 * MIN,
    });

    const elsewhere = runtimeHarness({ wallStart: first.wall.now + MIN });
    elsewhere.server.resuming = true;
    elsewhere.server.records = first.journal.records('test-1');
    await elsewhere.runtime.signIn(signIn);
    await elsewhere.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(elsewhere.runtime.heartbeat()).toMatchObject({ timeLeftMs: 114 * MIN, addedMs: 10 * MIN });
  });
});

describe('signing in again', () => {
  it('refuses a test this station already holds, with a clear error and nothing changed', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 1 }) });
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    expect(h.runtime.phase).toBe('sealed');
    await h.runtime.returnHome();
    const records = h.journal.records('test-1');
    expect(await h.runtime.signIn(signIn)).toMatchObject({
      ok: false,
      error: { code: 'CANDIDATE_ALREADY_STARTED' },
    });
    expect(h.runtime.phase).toBe('idle');
    expect(h.journal.records('test-1')).toEqual(records);
  });
});

describe('the navigation log', () => {
  it('journals each navigation of the challenge browser during the test, allowed or blocked', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    expect(
      await h.runtime.recordNavigation({
        url: 'https://fr.wikipedia.org/wiki/Lyon',
        allowed: true,
        rule: null,
      }),
    ).toBe(true);
    expect(
      await h.runtime.recordNavigation({
        url: 'https://chat.example.com/',
        allowed: false,
        rule: 'block *.example.com',
      }),
    ).toBe(true);
    const navigations = h.journal.records('test-1').filter((r) => r.kind === 'navigation');
    expect(navigations.map((r) => r.payload)).toEqual([
      { url: 'https://fr.wikipedia.org/wiki/Lyon', allowed: true, rule: null },
      { url: 'https://chat.example.com/', allowed: false, rule: 'block *.example.com' },
    ]);
    expect(h.journal.verify('test-1').ok).toBe(true);
  });

  it('shortens very long addresses and rules, with a marker saying how much was cut', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const url = `https://example.org/?q=${'x'.repeat(10_000)}`;
    expect(await h.runtime.recordNavigation({ url, allowed: true, rule: 'r'.repeat(900) })).toBe(true);
    const last = h.journal.records('test-1').at(-1);
    if (last?.kind !== 'navigation') throw new Error('no navigation record');
    expect(last.payload.url).toHaveLength(MAX_JOURNALED_URL);
    expect(last.payload.url.startsWith('https://example.org/?q=xxx')).toBe(true);
    expect(last.payload.url).toMatch(/…\[\+\d+\]$/);
    const cut = Number(/\[\+(\d+)\]$/.exec(last.payload.url)?.[1]);
    expect(last.payload.url.length - `…[+${cut}]`.length + cut).toBe(url.length);
    expect(last.payload.rule).toHaveLength(MAX_JOURNALED_RULE);
  });

  it('records nothing outside a test', async () => {
    const h = runtimeHarness();
    expect(await h.runtime.recordNavigation({ url: 'https://a.org', allowed: true, rule: null })).toBe(false);
    await h.runtime.signIn(signIn);
    expect(await h.runtime.recordNavigation({ url: 'https://a.org', allowed: true, rule: null })).toBe(false);
    expect(h.journal.records('test-1').map((r) => r.kind)).toEqual(['testOpened']);
  });
});

describe('sealing that fails', () => {
  it('leaves the test ended with its journal whole, and is tried again on tick', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 1 }) });
    let failures = 1;
    const runtime = new ExamRuntime({
      journal: h.journal,
      server: h.server,
      seal: async (input) => {
        if (failures-- > 0) throw new Error('disk full');
        return { jws: `sealed.${input.records.length}`, bundleHash: 'b'.repeat(64) };
      },
      station: () => ({
        stationId: 'st-0123456789abcdef0123',
        name: 'Poste 07',
        centreName: null,
        enrolled: true,
      }),
      monotonic: h.mono,
      wallClock: () => h.wall.now,
    });
    await runtime.signIn(signIn);
    await runtime.acceptInstructions();
    await runtime.handleCommand({ type: 'authorizeStart', id: 's1', testId: 'test-1' });
    const answered = await runtime.submitAnswer('rec1', choice('1'));
    expect(answered.ok).toBe(true);
    expect(runtime.phase).toBe('ended');
    expect(h.journal.test('test-1')?.bundle).toBeNull();
    expect(h.journal.verify('test-1').ok).toBe(true);
    await runtime.tick();
    expect(runtime.phase).toBe('ended'); // not yet: retried every few seconds
    pass(h, 5000);
    await runtime.tick();
    expect(runtime.phase).toBe('sealed');
    expect(h.journal.test('test-1')?.bundle).toBe(`sealed.${h.journal.records('test-1').length}`);
  });
});

describe('resume on another station', () => {
  it('waits for "authorize resume", then continues the same chain from the server’s records', async () => {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 5 * MIN });
    h.server.resuming = true;
    h.server.records = records;
    const signedIn = await h.runtime.signIn(signIn);
    expect(signedIn.ok).toBe(true);
    expect(h.runtime.phase).toBe('resumePending');
    expect(h.journal.records('test-1')).toEqual([]);

    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(h.runtime.phase).toBe('inProgress');
    const mine = h.journal.records('test-1');
    expect(mine.slice(0, records.length)).toEqual(records);
    expect(mine.slice(records.length).map((r) => r.kind)).toEqual(['testOpened', 'resumed']);
    expect(mine.at(-1)?.payload).toEqual({ authorization: 'r1', downtimeMs: 5 * MIN });
    expect(h.journal.verify('test-1').ok).toBe(true);
    // Same question, same time left (what the server knew), then on as usual.
    expect(h.runtime.status().exam).toMatchObject({
      progress: { current: 2, answered: 2, total: 6 },
      timeLeftMs: 103 * MIN,
    });
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: true, value: { index: 2 } });
    expect((await h.runtime.submitAnswer('rec3', choice('1'))).ok).toBe(true);
    expect(h.runtime.heartbeat().lastSeq).toBe(records.length + 3);
  });

  it('charges the time the old station’s last heartbeat showed was spent after its last record', async () => {
    // Two answers (103 min left at the second), then 20 min on the third question, no record: the
    // station's last heartbeat said 83 min left; it died, and the resume comes 5 min later.
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 25 * MIN });
    h.server.resuming = true;
    h.server.records = records;
    h.server.lastTimeLeftMs = 83 * MIN;
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(h.runtime.status().exam).toMatchObject({ progress: { current: 2 }, timeLeftMs: 83 * MIN });
    // Only the 5 min after the heartbeat were not the candidate's.
    expect(h.journal.records('test-1').at(-1)?.payload).toEqual({ authorization: 'r1', downtimeMs: 5 * MIN });
  });

  it('never takes time away on a heartbeat that reported more time than the records left', async () => {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 5 * MIN });
    h.server.resuming = true;
    h.server.records = records;
    h.server.lastTimeLeftMs = 104 * MIN;
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(h.runtime.status().exam).toMatchObject({ timeLeftMs: 103 * MIN });
  });

  it('tries the downloads again while they fail, without writing anything', async () => {
    const { records } = await recordsOfADeadStation(1);
    const h = runtimeHarness();
    h.server.resuming = true;
    h.server.records = records;
    h.server.recordsFailure = network;
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'pending',
    );
    expect(h.runtime.phase).toBe('resumePending');
    expect(h.journal.records('test-1')).toEqual([]);
    h.server.recordsFailure = null;
    pass(h, 3000);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('inProgress');
  });

  it('never continues a chain that does not verify', async () => {
    const { records } = await recordsOfADeadStation(2);
    const h = runtimeHarness();
    h.server.resuming = true;
    h.server.records = records.map((r, i) => (i === 4 ? { ...r, wallAt: r.wallAt + 1 } : r));
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'pending',
    );
    expect(h.runtime.phase).toBe('resumePending');
    expect(h.journal.records('test-1')).toEqual([]);
  });

  it('a test that had not started over there starts here', async () => {
    const dead = runtimeHarness();
    await dead.runtime.signIn(signIn);
    const h = runtimeHarness();
    h.server.resuming = true;
    h.server.records = dead.journal.records('test-1');
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(h.runtime.phase).toBe('inProgress');
    // The package record first: without it the result could never be sealed.
    expect(h.journal.records('test-1').map((r) => r.kind)).toEqual([
      'testOpened',
      'testOpened',
      'packageStored',
      'started',
    ]);
  });

  it('a test that had ended over there is sealed here', async () => {
    const dead = runtimeHarness();
    await startedTest(dead);
    await dead.runtime.handleCommand({ type: 'endTest', id: 'e1', testId: 'test-1' });
    const h = runtimeHarness();
    h.server.resuming = true;
    h.server.records = dead.journal.records('test-1');
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(h.runtime.phase).toBe('sealed');
    expect(h.sealed[0]?.test.endReason).toBe('endedByInvigilator');
  });

  it('can be cancelled before the records arrive; a relaunch forgets an empty resume', async () => {
    const h = runtimeHarness();
    h.server.resuming = true;
    await h.runtime.signIn(signIn);
    expect((await h.runtime.cancelSignIn()).ok).toBe(true);
    expect(h.runtime.phase).toBe('idle');
    expect(h.journal.test('test-1')).toBeNull();

    await h.runtime.signIn(signIn);
    const relaunched = runtimeHarness({ file: h.file });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.phase).toBe('idle');
    expect(relaunched.journal.test('test-1')).toBeNull();
  });

  it('holds the lockdown events of the wait, and journals them after the records arrive', async () => {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 5 * MIN });
    h.server.resuming = true;
    h.server.records = records;
    await h.runtime.signIn(signIn);
    // The kiosk window loses the focus, the session is locked, while the candidate waits.
    await h.runtime.reportLockdown(
      {
        kind: 'lockdown',
        payload: { event: 'focusLost', detail: 'La fenêtre du test n’est plus au premier plan.' },
      },
      false,
    );
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'lockScreen', detail: 'Verrouillée.' } },
      true,
    );
    expect(h.journal.records('test-1')).toEqual([]);
    expect(h.runtime.phase).toBe('resumePending');
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(h.runtime.phase).toBe('inProgress');
    const mine = h.journal.records('test-1').slice(records.length);
    expect(mine.map((r) => r.kind)).toEqual(['testOpened', 'lockdown', 'lockdown', 'resumed']);
    expect(mine[1]).toMatchObject({
      payload: { event: 'focusLost', detail: expect.stringContaining('pendant l’attente de la reprise') },
    });
    expect(mine[2]).toMatchObject({ payload: { event: 'lockScreen' } });
    expect(h.journal.verify('test-1').ok).toBe(true);
  });

  it('keeps the facts of the lockdown events it holds, and never says facts of another event', async () => {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 5 * MIN });
    h.server.resuming = true;
    h.server.records = records;
    await h.runtime.signIn(signIn);
    const program = {
      type: 'program',
      name: 'AnyDesk',
      category: 'remoteControl',
      executables: ['x'],
    } satisfies LockdownFacts;
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'forbiddenProcess', detail: 'AnyDesk.', facts: program } },
      false,
    );
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'focusRegained', detail: 'Retour.', facts: program } },
      false,
    );
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    const mine = h.journal.records('test-1').slice(records.length);
    expect(mine.map((r) => r.kind === 'lockdown' && r.payload)).toEqual([
      false,
      { event: 'forbiddenProcess', detail: expect.stringContaining('AnyDesk.'), facts: program },
      { event: 'focusRegained', detail: expect.stringContaining('Retour.') },
      false,
    ]);
    expect(h.journal.verify('test-1').ok).toBe(true);
  });

  it('can still be cancelled after a lockdown event while waiting', async () => {
    const h = runtimeHarness();
    h.server.resuming = true;
    await h.runtime.signIn(signIn);
    await h.runtime.reportLockdown({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'x' } }, false);
    expect((await h.runtime.cancelSignIn()).ok).toBe(true);
    expect(h.journal.test('test-1')).toBeNull();
  });

  it('after a relaunch, the candidate signs in again and resumes, a lockdown event of the wait or not', async () => {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 5 * MIN });
    h.server.resuming = true;
    h.server.records = records;
    await h.runtime.signIn(signIn);
    await h.runtime.reportLockdown({ kind: 'lockdown', payload: { event: 'focusLost', detail: 'x' } }, false);
    h.journal.close();
    const again = runtimeHarness({ file: h.file, pkg: h.server.pkg, wallStart: h.wall.now + MIN });
    again.server.resuming = true;
    again.server.records = records;
    await again.runtime.restore();
    expect(again.runtime.phase).toBe('idle');
    expect((await again.runtime.signIn(signIn)).ok).toBe(true);
    expect(again.runtime.phase).toBe('resumePending');
    expect(await again.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(again.runtime.phase).toBe('inProgress');
  });

  it('after a relaunch, forgets (and logs) what an earlier version wrote before the records arrived', async () => {
    const { records, wallAt } = await recordsOfADeadStation(2);
    const h = runtimeHarness({ wallStart: wallAt + 5 * MIN });
    h.server.resuming = true;
    await h.runtime.signIn(signIn);
    // What an earlier version did: the lockdown record first, so the import was refused for ever.
    h.journal.append(
      'test-1',
      { kind: 'lockdown', payload: { event: 'focusLost', detail: 'premier plan perdu' } },
      { wallAt: h.wall.now, elapsedMs: 0 },
    );
    h.journal.close();
    const lines: string[] = [];
    const again = runtimeHarness({ file: h.file, wallStart: h.wall.now + MIN, log: (l) => lines.push(l) });
    again.server.resuming = true;
    again.server.records = records;
    await again.runtime.restore();
    expect(again.runtime.phase).toBe('idle');
    expect(lines.some((l) => l.includes('focusLost: premier plan perdu'))).toBe(true);
    await again.runtime.signIn(signIn);
    expect(await again.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(again.runtime.phase).toBe('inProgress');
  });

  it('a resume that already continued here cannot be cancelled', async () => {
    const { records } = await recordsOfADeadStation(1);
    const h = runtimeHarness();
    h.server.resuming = true;
    h.server.records = records;
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    await h.runtime.handleCommand({ type: 'pause', id: 'p1', testId: 'test-1', reason: '' });
    expect(await h.runtime.cancelSignIn()).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
  });

  it('refuses records made for another package than the one the server sends now', async () => {
    const { records } = await recordsOfADeadStation(1);
    const h = runtimeHarness();
    h.server.resuming = true;
    h.server.records = records;
    h.server.pkg = testPackage({ count: 7 }); // not the package the records name
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'pending',
    );
    expect(h.journal.records('test-1')).toEqual([]);
  });
});

describe('an alert decision while a resume is pending', () => {
  const decision = (alertId: string, id: string, validated: boolean) =>
    ({
      type: 'alertDecision',
      id,
      testId: 'test-1',
      alertId,
      decision: validated ? 'validated' : 'dismissed',
      reasonCode: validated ? 'E3' : null,
    }) as const;
  const alertOf = (records: JournalRecord[]) => {
    const raised = records.findLast((r) => r.kind === 'alertRaised');
    if (raised?.kind !== 'alertRaised') throw new Error('no alert raised');
    return raised.payload.alertId;
  };

  it('is applied on this station after a crash: the alert is in its journal', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.raiseAlert('rec1');
    const alertId = alertOf(h.journal.records('test-1'));
    const relaunched = runtimeHarness({ file: h.file });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.phase).toBe('resumePending');
    expect(relaunched.runtime.status().exam.alertPending).toBe(true);

    expect(await relaunched.runtime.handleCommand(decision(alertId, 'd1', true))).toBe('applied');
    // Still waiting for the resume, now on the next question and no longer frozen.
    expect(relaunched.runtime.phase).toBe('resumePending');
    expect(relaunched.runtime.status().exam).toMatchObject({ alertPending: false, progress: { current: 1 } });
    expect(relaunched.events).toContainEqual({
      type: 'alertDecided',
      challengeId: 'rec1',
      decision: 'validated',
    });
    await relaunched.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(relaunched.runtime.currentChallenge()).toMatchObject({
      ok: true,
      value: { challenge: { id: 'rec2' } },
    });
    expect(relaunched.journal.verify('test-1').ok).toBe(true);
  });

  it('waits on another station until the records that hold the alert are there, then is applied', async () => {
    const dead = runtimeHarness();
    await startedTest(dead);
    await dead.runtime.raiseAlert('rec1');
    const records = dead.journal.records('test-1');
    const h = runtimeHarness();
    h.server.resuming = true;
    h.server.records = records;
    await h.runtime.signIn(signIn);
    const alertId = alertOf(records);
    // Before the resume: nothing to apply it to yet, and nothing lost (not acknowledged).
    expect(await h.runtime.handleCommand(decision(alertId, 'd1', false))).toBe('deferred');
    expect(h.journal.records('test-1')).toEqual([]);
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(h.runtime.status().exam.alertPending).toBe(true);
    expect(await h.runtime.handleCommand(decision(alertId, 'd1', false))).toBe('applied');
    expect(h.runtime.status().exam).toMatchObject({ phase: 'inProgress', alertPending: false });
    expect((await h.runtime.submitAnswer('rec1', choice('1'))).ok).toBe(true);
  });

  it('is ignored once the test is over (the server keeps it for the scoring)', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.raiseAlert('rec1');
    const alertId = alertOf(h.journal.records('test-1'));
    await h.runtime.handleCommand({ type: 'endTest', id: 'e1', testId: 'test-1' });
    expect(h.runtime.phase).toBe('sealed');
    expect(await h.runtime.handleCommand(decision(alertId, 'd1', true))).toBe('ignored');
  });
});

describe('a test that went on at another station', () => {
  it('is stopped here without sealing, its journal kept for the jury, and the home says so', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    const records = h.journal.records('test-1');
    expect(await h.runtime.testMovedElsewhere('test-1')).toBe(true);
    expect(h.runtime.phase).toBe('idle');
    expect(h.runtime.status().exam).toMatchObject({
      candidate: null,
      progress: null,
      movedElsewhere: { firstName: 'Léa', lastName: 'Martin' },
    });
    expect(h.sealed).toEqual([]);
    expect(h.journal.records('test-1')).toEqual(records);
    expect(h.journal.verify('test-1').ok).toBe(true);
    expect(h.journal.movedAt('test-1')).toBe(h.wall.now);
    expect(h.events.at(-1)).toMatchObject({ type: 'status', status: { exam: { phase: 'idle' } } });
    expect(await h.runtime.testMovedElsewhere('test-1')).toBe(false); // heard again: nothing more

    // A relaunch does not bring it back, and it cannot be continued here.
    const relaunched = runtimeHarness({ file: h.file });
    expect((await relaunched.runtime.restore()).exam.phase).toBe('idle');
    relaunched.server.resuming = true;
    expect(await relaunched.runtime.signIn(signIn)).toMatchObject({
      ok: false,
      error: { code: 'CANDIDATE_ALREADY_STARTED', message: expect.stringMatching(/autre poste/) },
    });
  });

  it('forgets a sign-in whose test moved before the start, and the next candidate signs in', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    expect(await h.runtime.testMovedElsewhere('test-1')).toBe(true);
    expect(h.runtime.phase).toBe('idle');
    expect(h.journal.test('test-1')).toBeNull();
    h.server.pkg = testPackage({ count: 2 });
    const next = await h.runtime.signIn({ ...signIn, firstName: 'Hugo' });
    expect(next.ok).toBe(true);
    expect(h.runtime.status().exam.movedElsewhere).toBeNull();
  });

  it('never sends a result sealed here that the server refuses for that reason', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 1 }) });
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    await h.runtime.returnHome();
    expect(h.journal.pendingBundles().map((r) => r.testId)).toEqual(['test-1']);
    expect(await h.runtime.testMovedElsewhere('test-1')).toBe(true);
    expect(h.journal.pendingBundles()).toEqual([]);
    expect(h.runtime.status().exam.movedElsewhere).toBeNull(); // nobody in front of it to tell
    expect(await h.runtime.testMovedElsewhere('other-test')).toBe(false);
  });
});

describe('closing the station on the invigilator’s command', () => {
  const close = (id: string, testId = 'test-1') =>
    ({ type: 'closeStation', id, testId, issuedAt: Date.parse('2026-11-22T09:00:00Z') }) as const;

  it('obeys once the test is over, then refuses sign-ins and says it is closing', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 1 }) });
    await startedTest(h);
    expect(await h.runtime.handleCommand(close('c1'))).toBe('ignored'); // under way: never
    expect(h.events.some((e) => e.type === 'stationClosing')).toBe(false);
    await h.runtime.submitAnswer('rec1', choice('1'));
    expect(h.runtime.phase).toBe('sealed');
    expect(await h.runtime.handleCommand(close('c2'))).toBe('applied');
    expect(h.events.at(-1)).toEqual({ type: 'stationClosing' });
    await h.runtime.returnHome();
    expect(h.runtime.status().station).toMatchObject({
      ready: false,
      notReadyReason: 'le surveillant a fermé ce poste',
    });
    expect(await h.runtime.signIn(signIn)).toMatchObject({ ok: false, error: { code: 'STATION_NOT_READY' } });
  });

  it('obeys with no one signed in, but never cuts short another candidate’s sign-in', async () => {
    const idle = runtimeHarness();
    expect(await idle.runtime.handleCommand(close('c1', 'an-earlier-test'))).toBe('applied');
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand(close('c1', 'an-earlier-test'))).toBe('ignored');
    expect(h.runtime.status().station.ready).toBe(true);
    // This candidate's own test, not started: no test under way.
    expect(await h.runtime.handleCommand(close('c2'))).toBe('applied');
  });
});
