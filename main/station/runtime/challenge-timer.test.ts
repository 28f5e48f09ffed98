// A timed challenge's own timer (DOMAIN §4) against alerts (§7) and pauses: it stands still while a
// reported problem waits for the invigilator, also across a relaunch, and the status the screens
// re-base on carries it. Also whether a pending alert reached the server (the invigilator sees it).
import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import {
  MIN,
  choice,
  pass,
  runtimeHarness,
  startedTest,
  testPackage,
  type RuntimeHarness,
} from './runtime-fixtures.ts';

/** rec1 has a 60 s timer. */
const timed = () => runtimeHarness({ pkg: testPackage({ timedIndex: 0 }) });

const alertIdOf = (records: JournalRecord[]): string => {
  const raised = records.findLast((r) => r.kind === 'alertRaised');
  if (raised?.kind !== 'alertRaised') throw new Error('no alert raised');
  return raised.payload.alertId;
};

const decide = (h: RuntimeHarness, id: string, decision: 'dismissed' | 'validated') =>
  h.runtime.handleCommand({
    type: 'alertDecision',
    id,
    testId: 'test-1',
    alertId: alertIdOf(h.journal.records('test-1')),
    decision,
    reasonCode: decision === 'validated' ? 'E4' : null,
  });

const timerLeft = (h: RuntimeHarness) => {
  const current = h.runtime.currentChallenge();
  return current.ok ? current.value.timerLeftMs : 'none';
};

describe('a timed challenge frozen by an alert', () => {
  it('keeps its time while the alert waits, and the dismissed question is answered in time', async () => {
    const h = timed();
    await startedTest(h);
    pass(h, 5000);
    await h.runtime.raiseAlert('rec1');
    pass(h, 120_000);
    await h.runtime.tick();
    expect(h.events).not.toContainEqual({ type: 'challengeTimerExpired', challengeId: 'rec1' });
    expect(timerLeft(h)).toBe(55_000);
    expect(h.runtime.status().exam.challengeTimerLeftMs).toBe(55_000);

    expect(await decide(h, 'cmd-d', 'dismissed')).toBe('applied');
    expect(timerLeft(h)).toBe(55_000);
    pass(h, 10_000);
    expect(timerLeft(h)).toBe(45_000);
    expect((await h.runtime.submitAnswer('rec1', choice('1'))).ok).toBe(true);
    expect(h.journal.records('test-1').at(-1)).toMatchObject({
      kind: 'answered',
      payload: { challengeId: 'rec1', timedOut: false },
    });
  });

  it('adds up several freezes of the same question, and still times out once its own time is spent', async () => {
    const h = timed();
    await startedTest(h);
    pass(h, 10_000);
    await h.runtime.raiseAlert('rec1');
    pass(h, 30_000);
    await decide(h, 'cmd-d1', 'dismissed');
    pass(h, 10_000);
    await h.runtime.raiseAlert('rec1');
    pass(h, 30_000);
    await decide(h, 'cmd-d2', 'dismissed');
    expect(timerLeft(h)).toBe(40_000);
    pass(h, 41_000);
    await h.runtime.tick();
    expect(h.events).toContainEqual({ type: 'challengeTimerExpired', challengeId: 'rec1' });
    await h.runtime.submitAnswer('rec1', choice('1'));
    expect(h.journal.records('test-1').at(-1)).toMatchObject({ payload: { timedOut: true } });
  });

  it('stays frozen across a crash and a relaunch (the journal is replayed)', async () => {
    const first = timed();
    await startedTest(first);
    pass(first, 5000);
    await first.runtime.raiseAlert('rec1');
    pass(first, 60_000);
    await first.runtime.tick(); // checkpoint: 65 s of exam time
    const second = runtimeHarness({
      file: first.file,
      pkg: first.server.pkg,
      wallStart: first.wall.now + MIN,
    });
    await second.runtime.restore();
    expect(second.runtime.status().exam.alertPending).toBe(true);
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(second.runtime.status().exam.challengeTimerLeftMs).toBe(55_000);
    pass(second, 30_000);
    expect(timerLeft(second)).toBe(55_000);
    await decide(second, 'cmd-d', 'dismissed');
    pass(second, 5000);
    expect(timerLeft(second)).toBe(50_000);
    await second.runtime.submitAnswer('rec1', choice('1'));
    expect(second.journal.records('test-1').at(-1)).toMatchObject({ payload: { timedOut: false } });
  });

  it('gives the next question its whole time after a validated alert', async () => {
    const h = runtimeHarness({ pkg: testPackage({ timedIndex: 1 }) });
    await startedTest(h);
    await h.runtime.raiseAlert('rec1');
    pass(h, 30_000);
    await decide(h, 'cmd-v', 'validated');
    pass(h, 1000);
    expect(timerLeft(h)).toBe(59_000);
  });
});

describe('the challenge timer in the status', () => {
  it('stands still during a pause and carries on from there after it', async () => {
    const h = timed();
    await startedTest(h);
    pass(h, 20_000);
    await h.runtime.handleCommand({ type: 'pause', id: 'cmd-p', testId: 'test-1', reason: 'bruit' });
    pass(h, 5 * MIN);
    expect(h.runtime.status().exam.challengeTimerLeftMs).toBe(40_000);
    await h.runtime.handleCommand({ type: 'unlock', id: 'cmd-u', testId: 'test-1' });
    const resumed = h.events.findLast((e) => e.type === 'status');
    expect(resumed?.type === 'status' && resumed.status.exam).toMatchObject({
      phase: 'inProgress',
      challengeTimerLeftMs: 40_000,
    });
  });

  it('is null for a challenge without a timer of its own, and before the start', async () => {
    const h = timed();
    expect(h.runtime.status().exam.challengeTimerLeftMs).toBeNull();
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    expect(h.runtime.status().exam.challengeTimerLeftMs).toBeNull();
  });
});

describe('whether a pending alert reached the invigilator', () => {
  it('is false while its record waits in the outbox, and true once the server stored it', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    expect(h.runtime.status().exam.alertSent).toBe(false);
    await h.runtime.raiseAlert('rec1');
    expect(h.runtime.status().exam).toMatchObject({ alertPending: true, alertSent: false });
    const seq = h.journal.records('test-1').at(-1)?.seq ?? 0;
    h.journal.acknowledgeOutbox('test-1', seq);
    h.runtime.recordsReplicated('test-1');
    const told = h.events.findLast((e) => e.type === 'status');
    expect(told?.type === 'status' && told.status.exam).toMatchObject({
      alertPending: true,
      alertSent: true,
    });
    await decide(h, 'cmd-d', 'dismissed');
    expect(h.runtime.status().exam.alertSent).toBe(false);
  });

  it('does not announce a status when records are stored while no alert is pending', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const before = h.events.length;
    h.runtime.recordsReplicated('test-1');
    expect(h.events).toHaveLength(before);
  });
});
