import { describe, expect, it, vi } from 'vitest';
import type { ProcessDenyEntry } from '../../../core/lockdown/process-deny-list.ts';
import type { ExamRuntime } from '../runtime/exam-runtime.ts';
import { pass, runtimeHarness, startedTest } from '../runtime/runtime-fixtures.ts';
import { evaluateDisplays, type DisplayInfo } from './display-rule.ts';
import { runtimeLockdownWatch } from './runtime-lockdown.ts';

const anydesk: ProcessDenyEntry = {
  id: 'anydesk',
  label: 'AnyDesk',
  category: 'remoteControl',
  names: { windows: ['AnyDesk.exe'], linux: ['anydesk'], macos: [] },
  markers: [],
};

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
    await watch.forbiddenProcess({
      entry: anydesk,
      processes: ['anydesk'],
      description: 'AnyDesk (anydesk, prise de main à distance)',
      lock: false,
    });
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
            facts: { type: 'program', name: 'AnyDesk', category: 'remoteControl', executables: ['anydesk'] },
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

  it('journals what the watch knows beside the sentence, in the test under way, paused or not', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const watch = runtimeLockdownWatch(
      () => h.runtime,
      () => {},
      () => h.wall.now,
    );
    await watch.forbiddenProcess({
      entry: anydesk,
      processes: ['AnyDesk.exe'],
      description: 'AnyDesk (AnyDesk.exe, prise de main à distance)',
      lock: false,
    });
    await watch.focusLost();
    pass(h, 130_000);
    await watch.focusRegained();
    const exam: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
    const extra: DisplayInfo = {
      id: 2,
      bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
      label: 'HP E24',
    };
    await watch.displaysChanged(
      { added: [extra], removed: [] },
      evaluateDisplays([exam, extra], 1, 'refuse'),
    );
    expect(h.runtime.phase).toBe('paused');
    const records = h.journal.records('test-1').filter((r) => r.kind === 'lockdown' || r.kind === 'paused');
    expect(records.map((r) => (r.kind === 'lockdown' ? r.payload.facts : r.kind))).toEqual([
      { type: 'program', name: 'AnyDesk', category: 'remoteControl', executables: ['AnyDesk.exe'] },
      undefined,
      { type: 'away', awayMs: 130_000 },
      { type: 'display', label: 'HP E24', width: 1280, height: 1024, handling: 'refused' },
      'paused',
    ]);
    expect(h.journal.verify('test-1').ok).toBe(true);
  });

  it('never journals facts of another event, paused or not: the event is kept, its facts left out', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const away = { type: 'away', awayMs: 1000 } as const;
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'forbiddenProcess', detail: 'AnyDesk.', facts: away } },
      false,
    );
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'lockScreen', detail: 'Verrouillé.', facts: away } },
      true,
    );
    expect(h.runtime.phase).toBe('paused');
    await h.runtime.reportLockdown(
      { kind: 'lockdown', payload: { event: 'focusRegained', detail: 'Retour.', facts: away } },
      false,
    );
    const lockdowns = h.journal.records('test-1').filter((r) => r.kind === 'lockdown');
    expect(lockdowns.map((r) => r.payload)).toEqual([
      { event: 'forbiddenProcess', detail: 'AnyDesk.' },
      { event: 'lockScreen', detail: 'Verrouillé.' },
      { event: 'focusRegained', detail: 'Retour.', facts: away },
    ]);
  });

  it('keeps the facts of a lock the journal could only write late (a full disk)', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    const watch = runtimeLockdownWatch(
      () => h.runtime,
      () => {},
      () => h.wall.now,
    );
    const full = vi.spyOn(h.journal, 'append').mockImplementation(() => {
      throw new Error('disk full');
    });
    for (let i = 0; i < 4; i++) await watch.rendererGone('renderer', 'crashed', 139);
    expect(h.runtime.phase).toBe('paused');
    full.mockRestore();
    pass(h, 60_000);
    await h.runtime.tick();
    const late = h.journal.records('test-1').filter((r) => r.kind === 'lockdown');
    expect(late).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          detail: expect.stringContaining('journalisé en retard'),
          facts: {
            type: 'crash',
            process: 'screen',
            reason: 'crashed',
            exitCode: 139,
            crashes: 4,
            windowMs: 60_000,
            restarted: false,
          },
        }),
      }),
    ]);
    expect(h.journal.verify('test-1').ok).toBe(true);
  });
});
