import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/challenge/answer.ts';
import type { StationCommand } from '../../../core/contracts/station-server.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import { MAX_WITHDRAWN_ALERTS } from './exam-runtime.ts';
import {
  MIN,
  choice,
  pass,
  runtimeHarness,
  signIn,
  startedTest,
  testPackage,
  verifyingSealer,
} from './runtime-fixtures.ts';

describe('signing in', () => {
  it('reconciles the candidate with the server and shows the instructions', async () => {
    const h = runtimeHarness();
    const result = await h.runtime.signIn(signIn);
    expect(result.ok).toBe(true);
    expect(h.runtime.phase).toBe('signedIn');
    expect(h.runtime.status().exam.candidate).toMatchObject({ firstName: 'Léa', lastName: 'Martin' });
    expect(h.journal.records('test-1').map((r) => r.kind)).toEqual(['testOpened']);
  });

  it.each([
    [
      {
        ok: false as const,
        kind: 'http' as const,
        status: 404,
        code: 'NO_MATCHING_CANDIDATE',
        message: 'no match',
      },
      'NO_MATCHING_CANDIDATE',
    ],
    [
      {
        ok: false as const,
        kind: 'http' as const,
        status: 409,
        code: 'SEVERAL_MATCHING_CANDIDATES',
        message: 'x',
      },
      'SEVERAL_MATCHING_CANDIDATES',
    ],
    [
      { ok: false as const, kind: 'http' as const, status: 403, code: 'WRONG_ACCESS_CODE', message: 'x' },
      'WRONG_ACCESS_CODE',
    ],
    [
      { ok: false as const, kind: 'http' as const, status: 422, code: 'NOT_CERTIFIABLE', message: 'x' },
      'NOT_CERTIFIABLE',
    ],
    [
      { ok: false as const, kind: 'http' as const, status: 409, code: 'SESSION_CLOSED', message: 'x' },
      'SESSION_CLOSED',
    ],
    [{ ok: false as const, kind: 'network' as const, message: 'ECONNREFUSED' }, 'SERVER_UNREACHABLE'],
    [{ ok: false as const, kind: 'http' as const, status: 503, message: 'down' }, 'SERVER_UNREACHABLE'],
  ])('maps a join failure to the error the candidate sees (%#)', async (failure, code) => {
    const h = runtimeHarness();
    h.server.joinFailure = failure;
    const result = await h.runtime.signIn(signIn);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(h.runtime.phase).toBe('idle');
    expect(h.journal.unfinishedTest()).toBeNull();
  });

  it('refuses a second sign-in while a candidate is on the station', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    expect(await h.runtime.signIn(signIn)).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    expect(h.server.joins).toBe(1);
  });

  it('refuses to welcome a candidate on a station that is not enrolled, and says why', async () => {
    const h = runtimeHarness({ enrolled: false });
    expect(h.runtime.status().station).toMatchObject({ ready: false });
    expect(h.runtime.status().station.notReadyReason).toContain('inscrit');
    expect(await h.runtime.signIn(signIn)).toMatchObject({ ok: false, error: { code: 'STATION_NOT_READY' } });
  });

  it('cancelling before the start forgets the test', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    expect((await h.runtime.cancelSignIn()).ok).toBe(true);
    expect(h.runtime.phase).toBe('idle');
    expect(h.journal.unfinishedTest()).toBeNull();
  });
});

describe('the start', () => {
  it('waits for the invigilator, then downloads the package and starts the clock', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    expect(h.runtime.phase).toBe('waiting');
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'cmd-1', testId: 'test-1' });
    expect(h.runtime.phase).toBe('inProgress');
    expect(h.journal.records('test-1').map((r) => r.kind)).toEqual([
      'testOpened',
      'packageStored',
      'started',
    ]);
    const status = h.runtime.status().exam;
    expect(status.progress).toEqual({ current: 0, answered: 0, total: 6 });
    expect(status.timeLeftMs).toBe(105 * MIN);
  });

  it('keeps a confirmation given while the candidate still reads the instructions', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'cmd-1', testId: 'test-1' });
    expect(h.runtime.phase).toBe('signedIn');
    await h.runtime.acceptInstructions();
    expect(h.runtime.phase).toBe('inProgress');
  });

  it('ignores commands for another test, and applies each command once', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.handleCommand({ type: 'addTime', id: 'cmd-t', testId: 'other-test', addedMs: 5 * MIN });
    await h.runtime.handleCommand({ type: 'addTime', id: 'cmd-t', testId: 'test-1', addedMs: 5 * MIN });
    await h.runtime.handleCommand({ type: 'addTime', id: 'cmd-t', testId: 'test-1', addedMs: 5 * MIN });
    expect(h.runtime.status().exam.allowedMs).toBe(110 * MIN);
  });

  it('stays waiting when the package cannot be downloaded, and starts on the next confirmation', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    h.server.packageFailure = { ok: false, kind: 'network', message: 'offline' };
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'cmd-1', testId: 'test-1' });
    expect(h.runtime.phase).toBe('waiting');
    h.server.packageFailure = null;
    await h.runtime.handleCommand({ type: 'authorizeStart', id: 'cmd-1', testId: 'test-1' });
    expect(h.runtime.phase).toBe('inProgress');
  });

  it('applies the candidate’s extra time', async () => {
    const h = runtimeHarness({ pkg: testPackage({ extraTime: 30 }) });
    await startedTest(h);
    expect(h.runtime.status().exam.timeLeftMs).toBe(136.5 * MIN);
  });
});

describe('answering', () => {
  it('stores each answer before moving on, with the time spent', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    pass(h, 40_000);
    const result = await h.runtime.submitAnswer('rec1', choice('2'));
    expect(result.ok).toBe(true);
    const last = h.journal.records('test-1').at(-1);
    expect(last).toMatchObject({
      kind: 'answered',
      payload: { challengeId: 'rec1', value: choice('2'), timeSpentMs: 40_000, timedOut: false },
    });
    expect(h.runtime.currentChallenge()).toMatchObject({
      ok: true,
      value: { index: 1, challenge: { id: 'rec2' } },
    });
  });

  it('answers with the status and the next challenge, so the screens need not ask for it', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 2 }) });
    await startedTest(h);
    await h.runtime.saveDraft('rec1', choice('2'));
    const first = await h.runtime.submitAnswer('rec1', choice('2'));
    const shown = h.runtime.currentChallenge();
    if (!first.ok || !shown.ok) throw new Error('the answer was refused');
    expect(first.value.status).toEqual(h.runtime.status());
    expect(first.value.status.exam.progress).toMatchObject({ current: 1, answered: 1 });
    expect(first.value.next).toEqual(shown.value);
    expect(first.value.next).toMatchObject({ index: 1, total: 2, challenge: { id: 'rec2' }, draft: null });
    // The last one: the test ends, nothing more to show.
    const last = await h.runtime.skipChallenge('rec2');
    expect(last).toMatchObject({ ok: true, value: { next: null, status: { exam: { phase: 'sealed' } } } });
  });

  it.each([
    ['a challenge not in the package', 'recX', 'UNKNOWN_CHALLENGE'],
    ['a challenge already answered', 'rec1', 'ALREADY_ANSWERED'],
    ['a challenge that is not the current one', 'rec3', 'INVALID_REQUEST'],
  ])('refuses %s and changes nothing', async (_what, challengeId, code) => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    const before = h.journal.records('test-1').length;
    expect(await h.runtime.submitAnswer(challengeId, choice('1'))).toMatchObject({
      ok: false,
      error: { code },
    });
    expect(h.journal.records('test-1')).toHaveLength(before);
  });

  it('refuses answers before the start', async () => {
    const h = runtimeHarness();
    await h.runtime.signIn(signIn);
    expect(await h.runtime.submitAnswer('rec1', choice('1'))).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
  });

  it('records a skip ("Je passe") as abandoned and moves on', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const skipped = await h.runtime.skipChallenge('rec1');
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'skipped',
      payload: { challengeId: 'rec1' },
    });
    expect(h.runtime.status().exam.progress?.current).toBe(1);
    expect(skipped).toMatchObject({ ok: true, value: { next: { index: 1, challenge: { id: 'rec2' } } } });
  });

  it('keeps the draft of the current answer', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.saveDraft('rec1', choice('2'));
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: true, value: { draft: choice('2') } });
  });

  it('marks an answer given after a timed challenge’s timer as timed out', async () => {
    const h = runtimeHarness({ pkg: testPackage({ timedIndex: 1 }) });
    await startedTest(h);
    pass(h, 5000);
    await h.runtime.submitAnswer('rec1', choice('1'));
    pass(h, 30_000);
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: true, value: { timerLeftMs: 30_000 } });
    pass(h, 31_000);
    await h.runtime.tick();
    expect(h.events).toContainEqual({ type: 'challengeTimerExpired', challengeId: 'rec2' });
    await h.runtime.submitAnswer('rec2', choice('1'));
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      payload: { challengeId: 'rec2', timedOut: true },
    });
  });

  it('marks an answer to a focused challenge the candidate left as focused-out', async () => {
    const h = runtimeHarness({ pkg: testPackage({ focusedIndex: 0 }) });
    await startedTest(h);
    await h.runtime.reportFocusLost('rec1');
    await h.runtime.reportFocusLost('rec1');
    await h.runtime.submitAnswer('rec1', choice('1'));
    const kinds = h.journal.records('test-1').map((r) => r.kind);
    expect(kinds.filter((k) => k === 'focusLost')).toHaveLength(1);
    expect(h.journal.records('test-1').at(-1)).toMatchObject({ payload: { focusedOut: true } });
  });

  it('marks a focused challenge left when the shell says the window lost the focus (a frame held it)', async () => {
    const h = runtimeHarness({ pkg: testPackage({ focusedIndex: 0 }) });
    await startedTest(h);
    const focus = (event: 'focusLost' | 'focusRegained') =>
      h.runtime.reportLockdown({ kind: 'lockdown', payload: { event, detail: '' } }, false);
    expect(h.runtime.status().exam.currentFocusLost).toBe(false);
    await focus('focusLost');
    // The status says so: the page, which missed it, tells the candidate at once.
    expect(h.runtime.status().exam.currentFocusLost).toBe(true);
    await focus('focusRegained');
    await focus('focusLost');
    const records = h.journal.records('test-1');
    expect(records.filter((r) => r.kind === 'focusLost')).toEqual([
      expect.objectContaining({ payload: { challengeId: 'rec1' } }),
    ]);
    expect(records.filter((r) => r.kind === 'lockdown')).toHaveLength(3);
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: true, value: { focusLost: true } });
    await h.runtime.submitAnswer('rec1', choice('1'));
    expect(h.journal.records('test-1').at(-1)).toMatchObject({ payload: { focusedOut: true } });
    expect(h.runtime.status().exam.currentFocusLost).toBe(false);
    // The next question is not focused: leaving it marks nothing.
    await focus('focusRegained');
    await focus('focusLost');
    expect(h.journal.records('test-1').filter((r) => r.kind === 'focusLost')).toHaveLength(1);
  });

  it('keeps saying the question was left while the test is paused (it stays on screen)', async () => {
    const h = runtimeHarness({ pkg: testPackage({ focusedIndex: 0 }) });
    await startedTest(h);
    await h.runtime.reportLockdown({ kind: 'lockdown', payload: { event: 'focusLost', detail: '' } }, false);
    await h.runtime.handleCommand({ type: 'pause', id: 'cmd-p', testId: 'test-1', reason: 'calme' });
    expect(h.runtime.status().exam).toMatchObject({ phase: 'paused', currentFocusLost: true });
    await h.runtime.handleCommand({ type: 'unlock', id: 'cmd-u', testId: 'test-1' });
    expect(h.runtime.status().exam).toMatchObject({ phase: 'inProgress', currentFocusLost: true });
  });

  it('charges a focus loss to the question shown when the shell reports it, not to the next one', async () => {
    const h = runtimeHarness({ pkg: testPackage({ focusedIndex: 1 }) });
    await startedTest(h);
    // Valider on rec1 (not focused) is being stored when the window loses the focus.
    const submitted = h.runtime.submitAnswer('rec1', choice('1'));
    const reported = h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'focusLost', detail: '' } },
      false,
    );
    expect((await submitted).ok).toBe(true);
    await reported;
    expect(h.journal.records('test-1').filter((r) => r.kind === 'focusLost')).toEqual([]);
    expect(h.runtime.currentChallenge()).toMatchObject({
      ok: true,
      value: { challenge: { id: 'rec2' }, focusLost: false },
    });
  });

  it('does not mark a focused question left once its answer, in flight at the report, is stored', async () => {
    const h = runtimeHarness({ pkg: testPackage({ focusedIndex: 0 }) });
    await startedTest(h);
    const submitted = h.runtime.submitAnswer('rec1', choice('1'));
    const reported = h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'focusLost', detail: '' } },
      false,
    );
    await Promise.all([submitted, reported]);
    const records = h.journal.records('test-1');
    expect(records.filter((r) => r.kind === 'focusLost')).toEqual([]);
    expect(records.findLast((r) => r.kind === 'answered')).toMatchObject({ payload: { focusedOut: false } });
    expect(records.at(-1)).toMatchObject({ kind: 'lockdown', payload: { event: 'focusLost' } });
  });

  it('ends and seals the test after the last challenge', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 2 }) });
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    await h.runtime.submitAnswer('rec2', choice('1'));
    expect(h.runtime.phase).toBe('sealed');
    expect(h.runtime.status().exam).toMatchObject({ endReason: 'finished', upload: 'pending' });
    expect(h.sealed).toHaveLength(1);
    expect(h.sealed[0]?.test.endReason).toBe('finished');
    expect(h.journal.test('test-1')?.bundleHash).toMatch(/^[0-9a-f]{64}$/);
    await h.runtime.markUploaded('test-1');
    expect(h.runtime.status().exam.upload).toBe('uploaded');
    await h.runtime.returnHome();
    expect(h.runtime.phase).toBe('idle');
    expect(h.runtime.status().exam.candidate).toBeNull();
  });
});

/** The fixtures' package, its first question a QROCM-ind with a text field and a select. */
function withFieldsFirst(): TestPackage {
  const pkg = testPackage();
  const [first, ...rest] = pkg.challenges;
  if (!first) throw new Error('empty package');
  const { choices: _choices, ...shown } = first;
  return {
    ...pkg,
    challenges: [
      {
        ...shown,
        type: 'QROCM-ind',
        proposals: 'Ville : ${ville} Pays : ${pays}',
        fields: [
          { kind: 'text', name: 'ville' },
          { kind: 'select', name: 'pays', options: ['France', 'Belgique'] },
        ],
      },
      ...rest,
    ],
  };
}

describe('an answer that does not fit the question', () => {
  const manyFields: AnswerValue = {
    type: 'fields',
    fields: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`f${i}`, 'x'.repeat(2000)])),
  };
  it.each<[string, AnswerValue]>([
    ['thousands of fields for a QCU', manyFields],
    ['several choices for a QCU', { type: 'choices', choices: ['1'] }],
    ['a choice the QCU does not have', choice('9')],
  ])('is refused, nothing written: %s', async (_what, value) => {
    const h = runtimeHarness();
    await startedTest(h);
    const before = h.journal.records('test-1');
    for (const result of [
      await h.runtime.saveDraft('rec1', value),
      await h.runtime.submitAnswer('rec1', value),
    ])
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(h.journal.records('test-1')).toEqual(before);
    expect(h.journal.draft('test-1', 'rec1')).toBeNull();
  });

  it.each<[string, AnswerValue]>([
    ['a field the question does not have', { type: 'fields', fields: { ville: 'Lyon', autre: 'x' } }],
    ['a select value that is not an option', { type: 'fields', fields: { ville: 'Lyon', pays: 'Suisse' } }],
    ['a choice for fields', choice('1')],
  ])('is refused for fields, nothing written: %s', async (_what, value) => {
    const h = runtimeHarness({ pkg: withFieldsFirst() });
    await startedTest(h);
    const before = h.journal.records('test-1');
    expect(await h.runtime.saveDraft('rec1', value)).toMatchObject({ ok: false });
    expect(await h.runtime.submitAnswer('rec1', value)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(h.journal.records('test-1')).toEqual(before);
  });

  it('accepts a draft with fields still empty, and an answer with an option', async () => {
    const h = runtimeHarness({ pkg: withFieldsFirst() });
    await startedTest(h);
    expect(
      (await h.runtime.saveDraft('rec1', { type: 'fields', fields: { ville: 'Ly', pays: '' } })).ok,
    ).toBe(true);
    const value: AnswerValue = { type: 'fields', fields: { ville: 'Lyon', pays: 'France' } };
    expect((await h.runtime.submitAnswer('rec1', value)).ok).toBe(true);
  });
});

describe('alerts', () => {
  it('freezes the question until the invigilator dismisses the alert; then the same question is answered', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.raiseAlert('rec1');
    expect(h.runtime.status().exam.alertPending).toBe(true);
    expect(await h.runtime.submitAnswer('rec1', choice('1'))).toMatchObject({
      ok: false,
      error: { code: 'ALERT_PENDING' },
    });
    const alertId = h.journal.records('test-1').at(-1)?.payload as { alertId: string };
    await h.runtime.handleCommand({
      type: 'alertDecision',
      id: 'cmd-a',
      testId: 'test-1',
      alertId: alertId.alertId,
      decision: 'dismissed',
      reasonCode: null,
    });
    expect(h.runtime.status().exam.alertPending).toBe(false);
    expect(h.events).toContainEqual({ type: 'alertDecided', challengeId: 'rec1', decision: 'dismissed' });
    expect((await h.runtime.submitAnswer('rec1', choice('1'))).ok).toBe(true);
  });

  it('moves to the next question when the invigilator validates the alert (the question is neutralized)', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.raiseAlert('rec1');
    const { alertId } = h.journal.records('test-1').at(-1)?.payload as { alertId: string };
    await h.runtime.handleCommand({
      type: 'alertDecision',
      id: 'cmd-a',
      testId: 'test-1',
      alertId,
      decision: 'validated',
      reasonCode: 'E4',
    });
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: true, value: { challenge: { id: 'rec2' } } });
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'alertDecided',
      payload: { decision: 'validated', reasonCode: 'E4' },
    });
  });
});

describe('a report the candidate withdraws (it has not reached the server)', () => {
  const raisedId = (h: ReturnType<typeof runtimeHarness>) => {
    const raised = h.journal.records('test-1').findLast((r) => r.kind === 'alertRaised');
    if (raised?.kind !== 'alertRaised') throw new Error('no alert raised');
    return raised.payload.alertId;
  };

  it('unfreezes the question, recorded in the chain; the timer does not get the frozen time back', async () => {
    const h = runtimeHarness({ pkg: testPackage({ timedIndex: 0 }) });
    await startedTest(h);
    pass(h, 10_000);
    await h.runtime.raiseAlert('rec1');
    expect(h.runtime.status().exam).toMatchObject({ alertPending: true, alertSent: false });
    const alertId = raisedId(h);
    pass(h, 30_000);
    const withdrawn = await h.runtime.withdrawAlert('rec1');
    expect(withdrawn).toMatchObject({ ok: true, value: { exam: { alertPending: false, alertSent: false } } });
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'alertWithdrawn',
      payload: { alertId, challengeId: 'rec1' },
    });
    expect(h.journal.verify('test-1').ok).toBe(true);
    // The candidate's choice, not an invigilator's: the 30 s it stood frozen count (60 - 10 - 30).
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: true, value: { timerLeftMs: 20_000 } });
    // A decision that crosses the withdrawal finds no alert: the question is not neutralized.
    expect(
      await h.runtime.handleCommand({
        type: 'alertDecision',
        id: 'cmd-a',
        testId: 'test-1',
        alertId,
        decision: 'validated',
        reasonCode: 'E4',
      }),
    ).toBe('ignored');
    expect((await h.runtime.submitAnswer('rec1', choice('1'))).ok).toBe(true);
    // A relaunch replays the withdrawal.
    const relaunched = runtimeHarness({ file: h.file, pkg: h.server.pkg });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.status().exam).toMatchObject({ alertPending: false, progress: { current: 1 } });
  });

  it('does not answer « in time » a question whose timer ran out while the report waited', async () => {
    const h = runtimeHarness({ pkg: testPackage({ timedIndex: 0 }) });
    await startedTest(h);
    pass(h, 10_000);
    await h.runtime.raiseAlert('rec1');
    pass(h, 120_000);
    expect((await h.runtime.withdrawAlert('rec1')).ok).toBe(true);
    expect(h.runtime.currentChallenge()).toMatchObject({ ok: true, value: { timerLeftMs: 0 } });
    // The same after a relaunch (the journal is replayed).
    const relaunched = runtimeHarness({ file: h.file, pkg: h.server.pkg });
    await relaunched.runtime.restore();
    await relaunched.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(relaunched.runtime.currentChallenge()).toMatchObject({ ok: true, value: { timerLeftMs: 0 } });
    await relaunched.runtime.tick();
    expect(relaunched.events).toContainEqual({ type: 'challengeTimerExpired', challengeId: 'rec1' });
    expect((await relaunched.runtime.submitAnswer('rec1', choice('1'))).ok).toBe(true);
    expect(relaunched.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'answered',
      payload: { challengeId: 'rec1', timedOut: true },
    });
  });

  it('is refused once the server has the report: the invigilator decides it', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.raiseAlert('rec1');
    h.journal.acknowledgeOutbox('test-1', h.journal.records('test-1').length);
    expect(h.runtime.status().exam.alertSent).toBe(true);
    const before = h.journal.records('test-1');
    expect(await h.runtime.withdrawAlert('rec1')).toMatchObject({
      ok: false,
      error: { code: 'ALERT_PENDING' },
    });
    expect(h.journal.records('test-1')).toEqual(before);
    expect(h.runtime.status().exam.alertPending).toBe(true);
  });

  it('is refused without a report on the current question', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    expect(await h.runtime.withdrawAlert('rec1')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    await h.runtime.raiseAlert('rec1');
    expect(await h.runtime.withdrawAlert('rec2')).toMatchObject({ ok: false });
  });

  it('is refused after MAX_WITHDRAWN_ALERTS in one test, so the journal stays within its budget', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    for (let i = 0; i < MAX_WITHDRAWN_ALERTS; i++) {
      await h.runtime.raiseAlert('rec1');
      expect((await h.runtime.withdrawAlert('rec1')).ok).toBe(true);
    }
    await h.runtime.raiseAlert('rec1');
    expect(await h.runtime.withdrawAlert('rec1')).toMatchObject({
      ok: false,
      error: { code: 'ALERT_PENDING' },
    });
    expect(h.runtime.status().exam.alertPending).toBe(true);
  });
});

describe('the invigilator’s controls and the clock', () => {
  it('pausing stops the clock; unlocking starts it again', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    pass(h, 10 * MIN);
    await h.runtime.handleCommand({
      type: 'pause',
      id: 'cmd-p',
      testId: 'test-1',
      reason: 'alarme incendie',
    });
    expect(h.runtime.status().exam.pause).toEqual({
      cause: 'invigilator',
      reason: 'alarme incendie',
      lockEvent: null,
    });
    expect(await h.runtime.submitAnswer('rec1', choice('1'))).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    pass(h, 20 * MIN);
    expect(h.runtime.status().exam.timeLeftMs).toBe(95 * MIN);
    await h.runtime.handleCommand({ type: 'unlock', id: 'cmd-u', testId: 'test-1' });
    pass(h, MIN);
    expect(h.runtime.phase).toBe('inProgress');
    expect(h.runtime.status().exam.timeLeftMs).toBe(94 * MIN);
  });

  it('warns at 15 and 5 minutes left, once each', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.tick();
    pass(h, 89 * MIN); // 16 min left
    await h.runtime.tick();
    pass(h, 2 * MIN); // 14 min left
    await h.runtime.tick();
    await h.runtime.tick();
    pass(h, 10 * MIN); // 4 min left
    await h.runtime.tick();
    const warnings = h.events.filter((e) => e.type === 'timeWarning');
    expect(warnings).toEqual([
      { type: 'timeWarning', minutesLeft: 15 },
      { type: 'timeWarning', minutesLeft: 5 },
    ]);
  });

  it('ends and seals the test when time is up', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    pass(h, 106 * MIN);
    await h.runtime.tick();
    expect(h.runtime.phase).toBe('sealed');
    expect(h.runtime.status().exam.endReason).toBe('timeUp');
    expect(h.sealed[0]?.clock).toMatchObject({ allowedMs: 105 * MIN, elapsedMs: 105 * MIN });
  });

  it('ends the test when the invigilator ends it', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.handleCommand({ type: 'endTest', id: 'cmd-e', testId: 'test-1' });
    expect(h.runtime.status().exam.endReason).toBe('endedByInvigilator');
    expect(h.journal.records('test-1').find((r) => r.kind === 'ended')).toMatchObject({
      payload: { authorization: 'cmd-e' },
    });
  });

  it('a lockdown event is recorded and, when it locks, pauses the test', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'displayAdded', detail: 'second display' } },
      true,
    );
    expect(h.runtime.phase).toBe('paused');
    expect(h.runtime.status().exam.pause).toEqual({
      cause: 'lockdown',
      reason: 'second display',
      lockEvent: 'displayAdded',
    });
  });
});

describe('resume after a crash', () => {
  it('restores the same challenge, draft and time left, then waits for "authorize resume"', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    pass(first, 5 * MIN);
    await first.runtime.submitAnswer('rec1', choice('1'));
    await first.runtime.submitAnswer('rec2', choice('2'));
    pass(first, 2 * MIN);
    await first.runtime.saveDraft('rec3', choice('2'));
    await first.runtime.tick(); // checkpoint: 7 min consumed
    // The station dies here; 10 minutes later it is relaunched (the journal file is all that remains).
    const second = runtimeHarness({
      file: first.file,
      pkg: first.server.pkg,
      wallStart: first.wall.now + 10 * MIN,
    });
    await second.runtime.restore();
    expect(second.runtime.phase).toBe('resumePending');
    expect(second.runtime.status().exam).toMatchObject({
      progress: { current: 2, answered: 2, total: 6 },
      timeLeftMs: 98 * MIN,
    });
    expect(await second.runtime.submitAnswer('rec3', choice('1'))).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(second.runtime.phase).toBe('inProgress');
    expect(second.runtime.currentChallenge()).toMatchObject({
      ok: true,
      value: { index: 2, draft: choice('2') },
    });
    expect(second.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'resumed',
      payload: { downtimeMs: 10 * MIN },
    });
    expect(second.journal.verify('test-1').ok).toBe(true);
  });

  it('each resume needs its own authorization', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    const second = runtimeHarness({ file: first.file });
    await second.runtime.restore();
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r1', testId: 'test-1' });
    const third = runtimeHarness({ file: first.file });
    await third.runtime.restore();
    await third.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r1', testId: 'test-1' });
    expect(third.runtime.phase).toBe('resumePending');
    await third.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r2', testId: 'test-1' });
    expect(third.runtime.phase).toBe('inProgress');
  });

  it('a pause delivered again after the relaunch (its acknowledgment lost in the crash): applied once, acknowledged applied', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    const pause: StationCommand = { type: 'pause', id: 'cmd-p', testId: 'test-1', reason: 'calme' };
    expect(await first.runtime.handleCommand(pause)).toBe('applied');
    expect(await first.runtime.handleCommand({ type: 'unlock', id: 'cmd-u', testId: 'test-1' })).toBe(
      'applied',
    );
    // The station dies before the server got the pause's acknowledgment: the server sends it again.
    const second = runtimeHarness({ file: first.file, seal: await verifyingSealer() });
    await second.runtime.restore();
    expect(second.runtime.phase).toBe('resumePending');
    // The journal holds it: the server is told it was applied, and it is not applied a second time.
    expect(await second.runtime.handleCommand(pause)).toBe('applied');
    expect(second.runtime.phase).toBe('resumePending');
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(await second.runtime.handleCommand(pause)).toBe('applied');
    expect(second.runtime.phase).toBe('inProgress');
    expect(second.runtime.status().exam.pause).toBeNull();
    const pauses = second.journal.records('test-1').filter((r) => r.kind === 'paused');
    expect(pauses.map((r) => r.payload)).toEqual([
      { cause: 'invigilator', reason: 'calme', authorization: 'cmd-p' },
    ]);
    // A lockdown pause names no command; both kinds seal into a bundle the server's verifier accepts.
    await second.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'focusLost', detail: 'fenêtre quittée' } },
      true,
    );
    expect(second.journal.records('test-1').at(-1)?.payload).toEqual({
      cause: 'lockdown',
      reason: 'fenêtre quittée',
    });
    await second.runtime.handleCommand({ type: 'endTest', id: 'cmd-e', testId: 'test-1' });
    expect(second.runtime.phase).toBe('sealed');
  });

  it('a pause that reaches the relaunched station waits with it for the resume, which lands on it', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    const second = runtimeHarness({ file: first.file });
    await second.runtime.restore();
    const pause: StationCommand = { type: 'pause', id: 'cmd-p', testId: 'test-1', reason: 'calme' };
    expect(await second.runtime.handleCommand(pause)).toBe('applied');
    // Still waiting for « autoriser la reprise »: an unlock alone never lets the candidate go on.
    expect(second.runtime.phase).toBe('resumePending');
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(second.runtime.phase).toBe('paused');
    expect(second.runtime.status().exam.pause).toMatchObject({ cause: 'invigilator', reason: 'calme' });
    expect(await second.runtime.handleCommand({ type: 'unlock', id: 'cmd-u', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(second.runtime.phase).toBe('inProgress');
  });

  it('a test that ended but was not sealed is sealed on relaunch', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    first.journal.append(
      'test-1',
      { kind: 'ended', payload: { reason: 'timeUp', authorization: null } },
      { wallAt: first.wall.now, elapsedMs: 105 * MIN },
    );
    const second = runtimeHarness({ file: first.file });
    await second.runtime.restore();
    expect(second.runtime.phase).toBe('sealed');
    expect(second.sealed[0]?.test.endReason).toBe('timeUp');
  });

  it('a candidate who had not started reads the instructions again', async () => {
    const first = runtimeHarness();
    await first.runtime.signIn(signIn);
    await first.runtime.acceptInstructions();
    const second = runtimeHarness({ file: first.file });
    await second.runtime.restore();
    expect(second.runtime.phase).toBe('signedIn');
  });
});

describe('a command delivered again after a relaunch (its acknowledgment lost with the station)', () => {
  const alertIdIn = (records: { kind: string; payload: unknown }[]) =>
    (records.findLast((r) => r.kind === 'alertRaised')?.payload as { alertId: string }).alertId;

  it('is acknowledged applied when its journal holds it, whatever its kind, and is not applied again', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    const time: StationCommand = { type: 'addTime', id: 'cmd-t', testId: 'test-1', addedMs: 5 * MIN };
    const pause: StationCommand = { type: 'pause', id: 'cmd-p', testId: 'test-1', reason: 'calme' };
    const unlock: StationCommand = { type: 'unlock', id: 'cmd-u', testId: 'test-1' };
    for (const command of [time, pause, unlock])
      expect(await first.runtime.handleCommand(command)).toBe('applied');
    await first.runtime.raiseAlert('rec1');
    const alertId = alertIdIn(first.journal.records('test-1'));
    // Its record names the alert, not the command: the same decision for the same alert is this one.
    const decision: StationCommand = {
      type: 'alertDecision',
      id: 'cmd-d',
      testId: 'test-1',
      alertId,
      decision: 'validated',
      reasonCode: 'E3',
    };
    expect(await first.runtime.handleCommand(decision)).toBe('applied');
    const { allowedMs } = first.runtime.status().exam;
    first.journal.close(); // the station dies before any of these acknowledgments reached the server

    const second = runtimeHarness({ file: first.file });
    await second.runtime.restore();
    expect(second.runtime.phase).toBe('resumePending');
    const journaled = second.journal.records('test-1').length;
    const start: StationCommand = { type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' };
    for (const command of [start, time, pause, unlock, decision])
      expect(await second.runtime.handleCommand(command), command.id).toBe('applied');
    expect(second.journal.records('test-1')).toHaveLength(journaled);
    expect(second.runtime.phase).toBe('resumePending');
    // Not what the journal holds: the other decision for that alert is not this command.
    const dismissal: StationCommand = { ...decision, id: 'cmd-d2', decision: 'dismissed', reasonCode: null };
    expect(await second.runtime.handleCommand(dismissal)).toBe('ignored');

    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(second.runtime.phase).toBe('inProgress');
    expect(second.runtime.status().exam).toMatchObject({ pause: null, allowedMs, progress: { current: 1 } });
    for (const command of [start, time, pause, unlock, decision])
      expect(await second.runtime.handleCommand(command), command.id).toBe('applied');
    // Only the resume was written: the time was added once, the pause not taken again.
    expect(
      second.journal
        .records('test-1')
        .slice(journaled)
        .map((r) => r.kind),
    ).toEqual(['resumed']);
    expect(second.runtime.status().exam).toMatchObject({ phase: 'inProgress', allowedMs });
    expect(second.journal.verify('test-1').ok).toBe(true);
  });

  it('the end that sealed the test: applied, though the relaunched station no longer holds that test', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    const pause: StationCommand = { type: 'pause', id: 'cmd-p', testId: 'test-1', reason: 'calme' };
    const end: StationCommand = { type: 'endTest', id: 'cmd-e', testId: 'test-1' };
    expect(await first.runtime.handleCommand(pause)).toBe('applied');
    expect(await first.runtime.handleCommand(end)).toBe('applied');
    expect(first.runtime.phase).toBe('sealed');
    first.journal.close();

    const second = runtimeHarness({ file: first.file });
    await second.runtime.restore();
    expect(second.runtime.phase).toBe('idle'); // sealed: nothing to resume
    const journaled = second.journal.records('test-1').length;
    expect(await second.runtime.handleCommand(end)).toBe('applied');
    expect(await second.runtime.handleCommand(pause)).toBe('applied');
    expect(await second.runtime.handleCommand({ type: 'endTest', id: 'cmd-e2', testId: 'test-1' })).toBe(
      'ignored',
    );
    // Also once another candidate signed in here.
    second.server.testId = 'test-2';
    expect((await second.runtime.signIn(signIn)).ok).toBe(true);
    expect(second.runtime.testId).toBe('test-2');
    expect(await second.runtime.handleCommand(end)).toBe('applied');
    expect(second.journal.records('test-1')).toHaveLength(journaled);
    expect(second.sealed).toEqual([]);
  });
});

describe('a damaged journal', () => {
  it('is not resumed: the station says why and refuses new candidates', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    await first.runtime.submitAnswer('rec1', choice('1'));
    await first.runtime.submitAnswer('rec2', choice('1'));
    first.journal.close();
    const raw = new Database(first.file);
    raw.exec('DROP TRIGGER records_are_append_only');
    raw.exec(`UPDATE records SET payload = replace(payload, '"choice":"1"', '"choice":"2"') WHERE seq = 5`);
    raw.close();
    const second = runtimeHarness({ file: first.file });
    await second.runtime.restore();
    expect(second.runtime.phase).toBe('idle');
    expect(second.runtime.status().station).toMatchObject({ ready: false });
    expect(second.runtime.status().station.notReadyReason).toContain('endommagé');
    expect(await second.runtime.signIn(signIn)).toMatchObject({
      ok: false,
      error: { code: 'STATION_NOT_READY' },
    });
  });
});
