// The screens get codes, never the runtime's French sentences: what locked the station, why it is not
// ready, and how many questions were skipped or neutralized, the same before and after a relaunch.
import { describe, expect, it } from 'vitest';
import type { RecordBody } from '../../../core/journal/journal-record.ts';
import { choice, runtimeHarness, startedTest, testPackage, type RuntimeHarness } from './runtime-fixtures.ts';

const suspend: RecordBody & { kind: 'lockdown' } = {
  kind: 'lockdown',
  payload: { event: 'suspend', detail: 'L’ordinateur s’est mis en veille : le test est suspendu.' },
};

async function validateAlert(h: RuntimeHarness, challengeId: string): Promise<void> {
  await h.runtime.raiseAlert(challengeId);
  const { alertId } = h.journal.records('test-1').at(-1)?.payload as { alertId: string };
  await h.runtime.handleCommand({
    type: 'alertDecision',
    id: `cmd-${alertId}`,
    testId: 'test-1',
    alertId,
    decision: 'validated',
    reasonCode: 'E4',
  });
}

describe('what locked the station', () => {
  it('is given as the lockdown event; the French detail stays in the journal for the jury', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.reportLockdown(suspend, true);
    expect(h.runtime.status().exam.pause).toEqual({
      cause: 'lockdown',
      reason: suspend.payload.detail,
      lockEvent: 'suspend',
    });
    expect(
      h.journal.records('test-1').some((r) => r.kind === 'lockdown' && r.payload.event === 'suspend'),
    ).toBe(true);
  });

  it('is still known after a relaunch, when the resumed test is paused again', async () => {
    const first = runtimeHarness();
    await startedTest(first);
    await first.runtime.reportLockdown(
      {
        kind: 'lockdown',
        payload: { event: 'focusLost', detail: 'La fenêtre du test n’est plus au premier plan.' },
      },
      false,
    );
    await first.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'lockScreen', detail: 'La session a été verrouillée.' } },
      true,
    );
    const second = runtimeHarness({ file: first.file, pkg: first.server.pkg });
    await second.runtime.restore();
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'cmd-r', testId: 'test-1' });
    expect(second.runtime.phase).toBe('paused');
    expect(second.runtime.status().exam.pause?.lockEvent).toBe('lockScreen');
  });

  it('is null for the invigilator’s pause, even after a lock', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.reportLockdown(suspend, true);
    await h.runtime.handleCommand({ type: 'unlock', id: 'cmd-u', testId: 'test-1' });
    await h.runtime.handleCommand({ type: 'pause', id: 'cmd-p', testId: 'test-1', reason: 'alarme' });
    expect(h.runtime.status().exam.pause).toEqual({
      cause: 'invigilator',
      reason: 'alarme',
      lockEvent: null,
    });
  });
});

describe('why the station is not ready', () => {
  it('is a code the screens translate', () => {
    const h = runtimeHarness({ enrolled: false });
    expect(h.runtime.status().station).toMatchObject({ ready: false, notReadyCode: 'notEnrolled' });
    expect(runtimeHarness().runtime.status().station).toMatchObject({ ready: true, notReadyCode: null });
  });
});

describe('the end summary', () => {
  it('counts the skipped and neutralized questions once the test has ended, and only then', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 4 }) });
    await startedTest(h);
    await h.runtime.skipChallenge('rec1');
    await validateAlert(h, 'rec2');
    await h.runtime.skipChallenge('rec3');
    expect(h.runtime.status().exam.endSummary).toBeNull();
    await h.runtime.submitAnswer('rec4', choice('1'));
    expect(h.runtime.status().exam).toMatchObject({
      endReason: 'finished',
      progress: { answered: 4, total: 4 },
      endSummary: { skipped: 2, neutralized: 1 },
    });
  });

  it('is zero and zero when every question was answered', async () => {
    const h = runtimeHarness({ pkg: testPackage({ count: 1 }) });
    await startedTest(h);
    await h.runtime.submitAnswer('rec1', choice('1'));
    expect(h.runtime.status().exam.endSummary).toEqual({ skipped: 0, neutralized: 0 });
  });
});
