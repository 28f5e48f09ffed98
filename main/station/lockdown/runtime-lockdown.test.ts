import { describe, expect, it } from 'vitest';
import type { ExamRuntime } from '../runtime/exam-runtime.ts';
import { runtimeLockdownWatch } from './runtime-lockdown.ts';

describe('the station’s lockdown watch', () => {
  it('journals each detection in the test under way, paused when the report says so, and logs it', async () => {
    const reports: unknown[] = [];
    const runtime = {
      reportLockdown: (record: unknown, lock: boolean) => {
        reports.push({ record, lock });
        return Promise.resolve();
      },
    } as unknown as ExamRuntime;
    const logs: string[] = [];
    const watch = runtimeLockdownWatch(
      () => runtime,
      (m) => logs.push(m),
      () => 1000,
    );
    await watch.screenLocked();
    await watch.forbiddenProcess('AnyDesk (anydesk, prise de main à distance)', false);
    expect(reports).toEqual([
      {
        record: { kind: 'lockdown', payload: { event: 'lockScreen', detail: expect.any(String) } },
        lock: true,
      },
      {
        record: {
          kind: 'lockdown',
          payload: {
            event: 'forbiddenProcess',
            detail: 'Logiciel interdit en cours d’exécution : AnyDesk (anydesk, prise de main à distance).',
          },
        },
        lock: false,
      },
    ]);
    expect(logs).toEqual(['lockdown: lockScreen (test paused)', 'lockdown: forbiddenProcess']);
  });

  it('reports nothing, and does not fail, before the station services exist', async () => {
    const logs: string[] = [];
    const watch = runtimeLockdownWatch(
      () => null,
      (m) => logs.push(m),
    );
    await expect(watch.focusLost()).resolves.toBeUndefined();
    expect(logs).toEqual(['lockdown: focusLost']);
  });

  it('never leaves a rejection to the shell, which fires and forgets: it is logged', async () => {
    const logs: string[] = [];
    const runtime = {
      reportLockdown: () => Promise.reject(new Error('test test-1 is sealed: no record can be added')),
    } as unknown as ExamRuntime;
    const watch = runtimeLockdownWatch(
      () => runtime,
      (m) => logs.push(m),
    );
    await expect(watch.focusLost()).resolves.toBeUndefined();
    expect(logs).toEqual([
      'lockdown: focusLost',
      'lockdown: focusLost not handled: test test-1 is sealed: no record can be added',
    ]);
  });
});
