import { describe, expect, it } from 'vitest';
import {
  defaultProcessDenyListSetting,
  ProcessDenyListSettingSchema,
  type ListedProcess,
  type ProcessDenyListSetting,
} from '../../../core/lockdown/process-deny-list.ts';
import type { SyncTimers } from '../sync/retry-timing.ts';
import { LockdownWatch, type LockdownReport } from './lockdown-watch.ts';
import { ProcessWatch, type ForbiddenProcessFound } from './process-watch.ts';

const p = (pid: number, name: string): ListedProcess => ({ pid, name, executable: null, details: [] });
const SHELL = [p(1, 'systemd'), p(2, 'bash')];

/** Rounds run only when the test calls scan(): the loop's sleep never ends by itself. */
const stillTimers: SyncTimers = {
  sleep: (_ms, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
  random: () => 0,
};

function setup(options: { setting?: ProcessDenyListSetting; failReport?: () => boolean } = {}) {
  let listing: ListedProcess[] | Error = SHELL;
  const reports: ForbiddenProcessFound[] = [];
  const logs: string[] = [];
  const watch = new ProcessWatch({
    list: async () => {
      if (listing instanceof Error) throw listing;
      return listing;
    },
    os: 'linux',
    setting: () => options.setting ?? defaultProcessDenyListSetting(),
    report: async (found) => {
      if (options.failReport?.()) throw new Error('journal busy');
      reports.push(found);
    },
    timers: stillTimers,
    log: (m) => logs.push(m),
  });
  return {
    watch,
    reports,
    logs,
    running: (list: ListedProcess[] | Error) => {
      listing = list;
    },
  };
}

describe('the forbidden-process watch', () => {
  it('reports a forbidden program once while it runs, and again when it comes back', async () => {
    const { watch, reports, running } = setup();
    watch.watch('test-1');
    await watch.scan();
    expect(reports).toEqual([]);
    running([...SHELL, p(10, 'anydesk'), p(11, 'anydesk')]);
    await watch.scan();
    await watch.scan();
    expect(reports.map((r) => r.description)).toEqual(['AnyDesk (anydesk, prise de main à distance)']);
    expect(reports[0]).toMatchObject({ processes: ['anydesk', 'anydesk'], lock: false });
    running(SHELL);
    await watch.scan();
    running([...SHELL, p(12, 'anydesk'), p(13, 'obs')]);
    await watch.scan();
    expect(reports.map((r) => r.entry.id)).toEqual(['anydesk', 'anydesk', 'obs']);
    await watch.stop();
  });

  it('forgets what the previous test saw, and reports nothing for a test that ended', async () => {
    const { watch, reports, running } = setup();
    running([...SHELL, p(10, 'telegram-desktop')]);
    watch.watch('test-1');
    await watch.scan();
    watch.watch('test-2');
    await watch.scan();
    expect(reports.map((r) => r.entry.id)).toEqual(['telegram', 'telegram']);
    await watch.stop();
    expect(watch.testId).toBeNull();
    await watch.scan();
    expect(reports).toHaveLength(2);
  });

  it('locks only when the centre chose it, and follows the setting’s changes', async () => {
    const lock = ProcessDenyListSettingSchema.parse({ onDetect: 'lock', disabled: ['discord'] });
    const { watch, reports, running } = setup({ setting: lock });
    running([...SHELL, p(10, 'Discord'), p(11, 'x11vnc')]);
    watch.watch('test-1');
    await watch.scan();
    expect(reports.map((r) => [r.entry.id, r.lock])).toEqual([['vnc', true]]);
    await watch.stop();
  });

  it('logs a failing listing once, tries again, and says when it works again', async () => {
    const { watch, reports, logs, running } = setup();
    watch.watch('test-1');
    running(new Error('EACCES'));
    await watch.scan();
    await watch.scan();
    expect(logs).toEqual(['process watch: listing failed, tried again every round (EACCES)']);
    running([...SHELL, p(10, 'anydesk')]);
    await watch.scan();
    expect(logs.at(-1)).toBe('process watch: listing works again');
    expect(reports).toHaveLength(1);
    await watch.stop();
  });

  it('tries a report that failed again at the next round, and never throws', async () => {
    let fail = true;
    const { watch, reports, logs, running } = setup({ failReport: () => fail });
    running([...SHELL, p(10, 'anydesk')]);
    watch.watch('test-1');
    await expect(watch.scan()).resolves.toBeUndefined();
    // The loop's first round and this one both failed to report.
    expect(new Set(logs)).toEqual(new Set(['process watch: anydesk not reported (journal busy)']));
    fail = false;
    await watch.scan();
    await watch.scan();
    expect(reports).toHaveLength(1);
    await watch.stop();
  });

  it('runs its rounds by itself every period while watching', async () => {
    let rounds = 0;
    const watch = new ProcessWatch({
      list: async () => {
        rounds += 1;
        return SHELL;
      },
      os: 'linux',
      setting: defaultProcessDenyListSetting,
      report: async () => undefined,
      timers: {
        sleep: (ms, signal) => new Promise((r) => (signal.aborted ? r() : setTimeout(r, ms / 100))),
        random: () => 0,
      },
      log: () => undefined,
    });
    watch.watch('test-1');
    await new Promise((r) => setTimeout(r, 200));
    await watch.stop();
    const after = rounds;
    expect(after).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(rounds).toBe(after);
  });
});

describe('the lockdown watch’s forbidden-process report', () => {
  it('journals the software’s name, what it is and its processes, and says when the test is paused', async () => {
    const { watch, reports, running } = setup();
    watch.watch('test-1');
    running([...SHELL, p(10, 'anydesk'), p(11, 'anydesk'), p(12, 'obs')]);
    await watch.scan();
    await watch.stop();
    const sent: LockdownReport[] = [];
    const lockdown = new LockdownWatch({ now: () => 0, report: (r) => void sent.push(r) });
    const [anydesk, obs] = reports;
    if (!anydesk || !obs) throw new Error('both programs are found');
    await lockdown.forbiddenProcess(anydesk);
    await lockdown.forbiddenProcess({ ...obs, lock: true });
    expect(sent).toEqual([
      {
        event: 'forbiddenProcess',
        detail: 'Logiciel interdit en cours d’exécution : AnyDesk (anydesk, prise de main à distance).',
        lock: false,
        facts: { type: 'program', name: 'AnyDesk', category: 'remoteControl', executables: ['anydesk'] },
      },
      {
        event: 'forbiddenProcess',
        detail:
          'Logiciel interdit en cours d’exécution : OBS Studio (obs, partage ou enregistrement d’écran). Le test est suspendu.',
        lock: true,
        facts: { type: 'program', name: 'OBS Studio', category: 'screenSharing', executables: ['obs'] },
      },
    ]);
  });
});
