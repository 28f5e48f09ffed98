// What the station detects and reports instead of blocking (LOCKDOWN.md: "lock what it can, detect and
// report the rest"). The shell feeds OS facts in (window blur, displays, lock screen, sleep, crashes,
// unclean exit); each becomes a journal `lockdown` record that the invigilator sees. Only what takes the
// candidate away from the exam or breaks the centre's rule pauses the test (`lock`), so a stray focus
// change never freezes a candidate: the invigilator judges those from the report.
import type { LOCKDOWN_EVENTS } from '../../../core/journal/journal-record.ts';
import { describeDisplay, type DisplayChange, type DisplayVerdict } from './display-rule.ts';

export type LockdownEvent = (typeof LOCKDOWN_EVENTS)[number];

export interface LockdownReport {
  event: LockdownEvent;
  /** For the invigilator and the jury (French, at most 500 characters). */
  detail: string;
  /** Pause the test until the invigilator unlocks it. */
  lock: boolean;
}

export interface LockdownWatchOptions {
  report(report: LockdownReport): void | Promise<void>;
  /** Wall-clock milliseconds (durations only; the journal has its own timestamps). */
  now(): number;
  /** Renderer crashes tolerated in `crashWindowMs` before the shell stops reloading. */
  maxCrashes?: number;
  crashWindowMs?: number;
}

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export class LockdownWatch {
  readonly #options: Required<LockdownWatchOptions>;
  #focusLostAt: number | null = null;
  #suspendedAt: number | null = null;
  #crashes: number[] = [];

  constructor(options: LockdownWatchOptions) {
    this.#options = { maxCrashes: 3, crashWindowMs: 60_000, ...options };
  }

  async #send(event: LockdownEvent, detail: string, lock: boolean): Promise<void> {
    await this.#options.report({ event, detail: detail.slice(0, 500), lock });
  }

  /** The exam window lost the focus (another window, a system dialog, Alt+Tab). */
  async focusLost(): Promise<void> {
    if (this.#focusLostAt !== null) return;
    this.#focusLostAt = this.#options.now();
    await this.#send('focusLost', 'La fenêtre du test n’est plus au premier plan.', false);
  }

  async focusRegained(): Promise<void> {
    if (this.#focusLostAt === null) return;
    const away = this.#options.now() - this.#focusLostAt;
    this.#focusLostAt = null;
    await this.#send('focusRegained', `Retour dans la fenêtre du test après ${seconds(away)}.`, false);
  }

  /** Displays were plugged or unplugged; `verdict` is the display rule applied to the new set. */
  async displaysChanged(change: DisplayChange, verdict: DisplayVerdict | null): Promise<void> {
    const refused = verdict !== null && !verdict.ok;
    for (const display of change.added) {
      const handling = refused
        ? 'Le centre ne l’autorise pas : le test est suspendu.'
        : 'Il est recouvert par un écran vide.';
      await this.#send('displayAdded', `Écran branché : ${describeDisplay(display)}. ${handling}`, refused);
    }
    for (const display of change.removed) {
      await this.#send('displayRemoved', `Écran débranché : ${describeDisplay(display)}.`, false);
    }
  }

  async screenLocked(): Promise<void> {
    await this.#send(
      'lockScreen',
      'La session a été verrouillée (écran de verrouillage) : le test est suspendu.',
      true,
    );
  }

  /** The machine goes to sleep: the test pauses, so sleeping time is never charged to the candidate. */
  async suspended(): Promise<void> {
    this.#suspendedAt = this.#options.now();
    await this.#send('suspend', 'L’ordinateur s’est mis en veille : le test est suspendu.', true);
  }

  async resumed(): Promise<void> {
    const asleep = this.#suspendedAt === null ? null : this.#options.now() - this.#suspendedAt;
    this.#suspendedAt = null;
    await this.#send(
      'resume',
      asleep === null
        ? 'L’ordinateur sort de veille.'
        : `L’ordinateur sort de veille après ${seconds(asleep)}.`,
      false,
    );
  }

  /**
   * The candidate screen's process died (or the GPU process). Returns whether the shell should reload
   * it: yes, unless it keeps crashing, when reloading again would only loop.
   */
  async rendererGone(
    what: 'renderer' | 'gpu',
    reason: string,
    exitCode: number | null,
  ): Promise<{ reload: boolean }> {
    const now = this.#options.now();
    this.#crashes = [...this.#crashes.filter((t) => now - t < this.#options.crashWindowMs), now];
    const reload = this.#crashes.length <= this.#options.maxCrashes;
    const who = what === 'gpu' ? 'Le processus graphique' : 'L’écran du test';
    const code = exitCode === null ? '' : `, code ${exitCode}`;
    const next = reload
      ? 'Il est relancé et le test reprend où il en était.'
      : 'Il plante de façon répétée : le poste doit être changé.';
    await this.#send('rendererCrashed', `${who} s’est arrêté (${reason}${code}). ${next}`, !reload);
    return { reload };
  }

  /**
   * Forbidden software runs on the station (process-watch.ts): `description` names it ("AnyDesk
   * (anydesk.exe, prise de main à distance)"); `lock` is the centre's choice (default: report only).
   */
  async forbiddenProcess(description: string, lock: boolean): Promise<void> {
    const handling = lock ? ' Le test est suspendu.' : '';
    await this.#send(
      'forbiddenProcess',
      `Logiciel interdit en cours d’exécution : ${description}.${handling}`,
      lock,
    );
  }

  /** The previous run of the station did not end normally (crash, power cut, killed). */
  async previousExitWasUnclean(lastSeen: Date | null): Promise<void> {
    const when = lastSeen ? ` (dernier signe de vie : ${lastSeen.toISOString()})` : '';
    await this.#send('uncleanExit', `La station ne s’était pas arrêtée normalement${when}.`, false);
  }
}
