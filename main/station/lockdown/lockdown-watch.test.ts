import { describe, expect, it } from 'vitest';
import {
  factsFitEvent,
  LockdownFactsSchema,
  MAX_CRASH_WINDOW_MS,
  MAX_DISPLAY_SIDE,
  MAX_EXECUTABLE_NAME,
  MAX_EXIT_CODE,
  MIN_EXIT_CODE,
} from '../../../core/journal/lockdown-facts.ts';
import type { ProcessDenyEntry } from '../../../core/lockdown/process-deny-list.ts';
import { evaluateDisplays, type DisplayInfo } from './display-rule.ts';
import { LockdownWatch, type LockdownReport } from './lockdown-watch.ts';

function setup() {
  const reports: LockdownReport[] = [];
  let now = 1_000_000;
  const watch = new LockdownWatch({ report: (r) => void reports.push(r), now: () => now });
  return { reports, watch, advance: (ms: number) => (now += ms) };
}

const a: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const b: DisplayInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, label: 'HP E24' };
const anydesk: ProcessDenyEntry = {
  id: 'anydesk',
  label: 'AnyDesk',
  category: 'remoteControl',
  names: { windows: ['AnyDesk.exe'], linux: ['anydesk'], macos: [] },
  markers: [],
};

describe('LockdownWatch', () => {
  it('reports a focus loss once, and the return with how long it lasted, without pausing', async () => {
    const { reports, watch, advance } = setup();
    await watch.focusLost();
    await watch.focusLost();
    advance(75_000);
    await watch.focusRegained();
    await watch.focusRegained();
    expect(reports).toEqual([
      { event: 'focusLost', detail: 'La fenêtre du test n’est plus au premier plan.', lock: false },
      {
        event: 'focusRegained',
        detail: 'Retour dans la fenêtre du test après 1 min 15 s.',
        lock: false,
        facts: { type: 'away', awayMs: 75_000 },
      },
    ]);
  });

  it('a covered extra display is reported; a refused one pauses the test', async () => {
    const covered = setup();
    await covered.watch.displaysChanged({ added: [b], removed: [] }, evaluateDisplays([a, b], 1, 'cover'));
    expect(covered.reports).toEqual([
      {
        event: 'displayAdded',
        detail: 'Écran branché : HP E24 (1280×1024). Il est recouvert par un écran vide.',
        lock: false,
        facts: { type: 'display', label: 'HP E24', width: 1280, height: 1024, handling: 'covered' },
      },
    ]);
    const refused = setup();
    await refused.watch.displaysChanged({ added: [b], removed: [] }, evaluateDisplays([a, b], 1, 'refuse'));
    expect(refused.reports[0]).toMatchObject({
      event: 'displayAdded',
      lock: true,
      facts: { type: 'display', handling: 'refused' },
    });
    await refused.watch.displaysChanged({ added: [], removed: [b] }, evaluateDisplays([a], 1, 'refuse'));
    expect(refused.reports[1]).toEqual({
      event: 'displayRemoved',
      detail: 'Écran débranché : HP E24 (1280×1024).',
      lock: false,
      facts: { type: 'display', label: 'HP E24', width: 1280, height: 1024, handling: null },
    });
  });

  it('the lock screen and sleep pause the test; waking up says how long it slept', async () => {
    const { reports, watch, advance } = setup();
    await watch.screenLocked();
    await watch.suspended();
    advance(42_000);
    await watch.resumed();
    expect(reports.map((r) => [r.event, r.lock])).toEqual([
      ['lockScreen', true],
      ['suspend', true],
      ['resume', false],
    ]);
    expect(reports[2]?.detail).toBe('L’ordinateur sort de veille après 42 s.');
    expect(reports[2]?.facts).toEqual({ type: 'asleep', asleepMs: 42_000 });
    // Nothing to say but the event itself: no facts.
    expect(reports[0]?.facts).toBeUndefined();
    expect(reports[1]?.facts).toBeUndefined();
  });

  it('reloads a crashed screen, but stops after repeated crashes and pauses the test', async () => {
    const { reports, watch, advance } = setup();
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push((await watch.rendererGone('renderer', 'crashed', 139)).reload);
      advance(5_000);
    }
    expect(outcomes).toEqual([true, true, true, false]);
    expect(reports[0]).toEqual({
      event: 'rendererCrashed',
      detail:
        'L’écran du test s’est arrêté (crashed, code 139). Il est relancé et le test reprend où il en était.',
      lock: false,
      facts: {
        type: 'crash',
        process: 'screen',
        reason: 'crashed',
        exitCode: 139,
        crashes: 1,
        windowMs: 60_000,
        restarted: true,
      },
    });
    expect(reports[3]?.lock).toBe(true);
    expect(reports[3]?.facts).toMatchObject({ type: 'crash', crashes: 4, restarted: false });
    // Crashes far apart are each forgiven.
    advance(120_000);
    expect((await watch.rendererGone('gpu', 'launch-failed', null)).reload).toBe(true);
    expect(reports[4]?.detail).toMatch(/^Le processus graphique s’est arrêté \(launch-failed\)/);
    expect(reports[4]?.facts).toMatchObject({
      process: 'graphics',
      exitCode: null,
      crashes: 1,
      restarted: true,
    });
  });

  it('reports an unclean previous exit with the last sign of life', async () => {
    const { reports, watch } = setup();
    await watch.previousExitWasUnclean(new Date('2026-03-02T09:15:00Z'));
    expect(reports).toEqual([
      {
        event: 'uncleanExit',
        detail:
          'La station ne s’était pas arrêtée normalement (dernier signe de vie : 2026-03-02T09:15:00.000Z).',
        lock: false,
        facts: { type: 'lastSeen', lastSeenAt: Date.UTC(2026, 2, 2, 9, 15) },
      },
    ]);
    await watch.previousExitWasUnclean(null);
    expect(reports[1]?.facts).toBeUndefined();
  });

  it('names a forbidden program, what it is and its processes, within the journal’s bounds', async () => {
    const { reports, watch } = setup();
    const entry: ProcessDenyEntry = {
      id: 'anydesk',
      label: 'AnyDesk',
      category: 'remoteControl',
      names: { windows: ['AnyDesk.exe'], linux: [], macos: [] },
      markers: [],
    };
    await watch.forbiddenProcess({
      entry,
      processes: ['AnyDesk.exe', 'AnyDesk.exe', 'x'.repeat(300), 'b.exe', 'c.exe'],
      description: 'AnyDesk (AnyDesk.exe, prise de main à distance)',
      lock: true,
    });
    expect(reports[0]).toEqual({
      event: 'forbiddenProcess',
      detail:
        'Logiciel interdit en cours d’exécution : AnyDesk (AnyDesk.exe, prise de main à distance). Le test est suspendu.',
      lock: true,
      facts: {
        type: 'program',
        name: 'AnyDesk',
        category: 'remoteControl',
        executables: ['AnyDesk.exe', 'x'.repeat(MAX_EXECUTABLE_NAME), 'b.exe'],
      },
    });
    expect(LockdownFactsSchema.safeParse(reports[0]?.facts).success).toBe(true);
  });

  it('keeps every fact it writes within the journal’s bounds, or leaves the facts out, never the event', async () => {
    const { reports, watch, advance } = setup();
    const huge: DisplayInfo = {
      id: 3,
      bounds: { x: 0, y: 0, width: 1e9, height: 720 },
      label: `${'é'.repeat(99)}\u{1f5a5}`,
    };
    await watch.displaysChanged({ added: [huge], removed: [] }, null);
    expect(reports[0]?.facts).toEqual({
      type: 'display',
      label: 'é'.repeat(99),
      width: MAX_DISPLAY_SIDE,
      height: 720,
      handling: 'covered',
    });
    await watch.rendererGone('renderer', 'r'.repeat(100), 2 ** 40);
    expect(reports[1]?.facts).toMatchObject({ reason: 'r'.repeat(40), exitCode: null });
    await watch.focusLost();
    advance(-5000);
    await watch.focusRegained();
    expect(reports[3]?.facts).toEqual({ type: 'away', awayMs: 0 });
    await watch.previousExitWasUnclean(new Date(Date.UTC(2200, 0, 1)));
    expect(reports[4]?.facts).toBeUndefined();
    for (const report of reports)
      if (report.facts) expect(LockdownFactsSchema.safeParse(report.facts).success).toBe(true);
  });

  it('keeps an exit code within the facts’ bounds, signed or a Windows status', async () => {
    const { reports, watch } = setup();
    for (const code of [MIN_EXIT_CODE, MAX_EXIT_CODE, MIN_EXIT_CODE - 1, MAX_EXIT_CODE + 1, 1.5])
      await watch.rendererGone('renderer', 'crashed', code);
    expect(reports.map((r) => (r.facts?.type === 'crash' ? r.facts.exitCode : 'none'))).toEqual([
      MIN_EXIT_CODE,
      MAX_EXIT_CODE,
      null,
      null,
      null,
    ]);
  });

  it('says of each event only facts that fit it', async () => {
    const { reports, watch, advance } = setup();
    await watch.focusLost();
    advance(1000);
    await watch.focusRegained();
    await watch.displaysChanged({ added: [b], removed: [a] }, null);
    await watch.screenLocked();
    await watch.suspended();
    advance(1000);
    await watch.resumed();
    await watch.rendererGone('gpu', 'crashed', 1);
    await watch.forbiddenProcess({
      entry: anydesk,
      processes: ['anydesk'],
      description: 'AnyDesk',
      lock: false,
    });
    await watch.previousExitWasUnclean(new Date(Date.UTC(2026, 0, 1)));
    const withFacts = reports.filter((r) => r.facts);
    expect(withFacts.map((r) => r.event)).toEqual([
      'focusRegained',
      'displayAdded',
      'displayRemoved',
      'resume',
      'rendererCrashed',
      'forbiddenProcess',
      'uncleanExit',
    ]);
    for (const r of withFacts) expect(r.facts && factsFitEvent(r.event, r.facts), r.event).toBe(true);
  });

  it('refuses a crash window the facts could not say (more than a day, not whole ms), with a clear error', () => {
    const report = () => undefined;
    const now = () => 0;
    for (const crashWindowMs of [0, -1, 1.5, Number.NaN, MAX_CRASH_WINDOW_MS + 1])
      expect(() => new LockdownWatch({ report, now, crashWindowMs }), String(crashWindowMs)).toThrow(
        /crashWindowMs must be a whole number of ms from 1 to 86400000/,
      );
    expect(() => new LockdownWatch({ report, now, crashWindowMs: MAX_CRASH_WINDOW_MS })).not.toThrow();
  });
});
