import { describe, expect, it } from 'vitest';
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
      { event: 'focusRegained', detail: 'Retour dans la fenêtre du test après 1 min 15 s.', lock: false },
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
      },
    ]);
    const refused = setup();
    await refused.watch.displaysChanged({ added: [b], removed: [] }, evaluateDisplays([a, b], 1, 'refuse'));
    expect(refused.reports[0]).toMatchObject({ event: 'displayAdded', lock: true });
    await refused.watch.displaysChanged({ added: [], removed: [b] }, evaluateDisplays([a], 1, 'refuse'));
    expect(refused.reports[1]).toEqual({
      event: 'displayRemoved',
      detail: 'Écran débranché : HP E24 (1280×1024).',
      lock: false,
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
    });
    expect(reports[3]?.lock).toBe(true);
    // Crashes far apart are each forgiven.
    advance(120_000);
    expect((await watch.rendererGone('gpu', 'launch-failed', null)).reload).toBe(true);
    expect(reports[4]?.detail).toMatch(/^Le processus graphique s’est arrêté \(launch-failed\)/);
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
      },
    ]);
  });
});
