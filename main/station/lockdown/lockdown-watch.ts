// What the station detects and reports instead of blocking (LOCKDOWN.md: "lock what it can, detect and
// report the rest"). The shell feeds OS facts in (window blur, displays, lock screen, sleep, crashes,
// unclean exit); each becomes a journal `lockdown` record that the invigilator sees. Only what takes the
// candidate away from the exam or breaks the centre's rule pauses the test (`lock`), so a stray focus
// change never freezes a candidate: the invigilator judges those from the report. Each report says it
// twice: a French sentence for the jury (`detail`) and, as data, what the watch knows (`facts`), which
// the screens say in their own language.
import type { LOCKDOWN_EVENTS } from '../../../core/journal/journal-record.ts';
import {
  LockdownFactsSchema,
  lockdownPayload,
  MAX_AWAY_MS,
  MAX_CRASH_REASON,
  MAX_CRASH_WINDOW_MS,
  MAX_CRASHES,
  MAX_DISPLAY_LABEL,
  MAX_DISPLAY_SIDE,
  MAX_EXECUTABLE_NAME,
  MAX_EXECUTABLES,
  MAX_EXIT_CODE,
  MAX_PROGRAM_NAME,
  MIN_EXIT_CODE,
  type LockdownFacts,
} from '../../../core/journal/lockdown-facts.ts';
import {
  describeDisplay,
  type DisplayChange,
  type DisplayInfo,
  type DisplayVerdict,
} from './display-rule.ts';
import type { ForbiddenProcessFound } from './process-watch.ts';

export type LockdownEvent = (typeof LOCKDOWN_EVENTS)[number];

export interface LockdownReport {
  event: LockdownEvent;
  /** For the invigilator and the jury (French, at most 500 characters). */
  detail: string;
  /** Pause the test until the invigilator unlocks it. */
  lock: boolean;
  /**
   * What the watch knows, as data, within the journal's bounds and fitting the event (FACTS_OF_EVENT);
   * none for an event that is all said by its name.
   */
  facts?: LockdownFacts;
}

export interface LockdownWatchOptions {
  report(report: LockdownReport): void | Promise<void>;
  /** Wall-clock milliseconds (durations only; the journal has its own timestamps). */
  now(): number;
  /** Renderer crashes tolerated in `crashWindowMs` before the shell stops reloading. */
  maxCrashes?: number;
  /** Whole ms, at most a day (MAX_CRASH_WINDOW_MS): the crash facts say it, within their bounds. */
  crashWindowMs?: number;
}

/**
 * `text` as the journal takes it: valid Unicode, at most `max` UTF-16 units, a character pair never
 * split. zod's max() counts code points, never more than UTF-16 units: this is as strict or stricter,
 * so what it keeps always passes.
 */
function fit(text: string, max: number): string {
  const whole = text.toWellFormed().trim();
  if (whole.length <= max) return whole;
  const last = whole.charCodeAt(max - 1);
  return whole.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A duration between two wall-clock readings, within the facts' bounds (a clock set back gives 0). */
function span(ms: number): number {
  return Math.min(Math.max(0, Math.round(ms)), MAX_AWAY_MS - 1);
}

function displayFacts(display: DisplayInfo, handling: 'covered' | 'refused' | null): LockdownFacts {
  const side = (n: number) => Math.min(Math.max(0, Math.round(n)), MAX_DISPLAY_SIDE);
  const label = fit(display.label ?? '', MAX_DISPLAY_LABEL);
  return {
    type: 'display',
    label: label === '' ? null : label,
    width: side(display.bounds.width),
    height: side(display.bounds.height),
    handling,
  };
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
    const windowMs = this.#options.crashWindowMs;
    // Past the facts' bound every crash's facts would be refused, and silently left out: a setup error.
    if (!Number.isInteger(windowMs) || windowMs <= 0 || windowMs > MAX_CRASH_WINDOW_MS)
      throw new RangeError(
        `crashWindowMs must be a whole number of ms from 1 to ${MAX_CRASH_WINDOW_MS} (a day), not ${windowMs}`,
      );
  }

  async #send(event: LockdownEvent, detail: string, lock: boolean, facts?: LockdownFacts): Promise<void> {
    // Facts the journal would refuse, or of another event, are left out, never the event (the sentence
    // still says it all).
    const valid = facts && LockdownFactsSchema.safeParse(facts).success ? facts : undefined;
    await this.#options.report({ ...lockdownPayload(event, detail.slice(0, 500), valid), lock });
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
    await this.#send('focusRegained', `Retour dans la fenêtre du test après ${seconds(away)}.`, false, {
      type: 'away',
      awayMs: span(away),
    });
  }

  /** Displays were plugged or unplugged; `verdict` is the display rule applied to the new set. */
  async displaysChanged(change: DisplayChange, verdict: DisplayVerdict | null): Promise<void> {
    const refused = verdict !== null && !verdict.ok;
    for (const display of change.added) {
      const handling = refused
        ? 'Le centre ne l’autorise pas : le test est suspendu.'
        : 'Il est recouvert par un écran vide.';
      await this.#send(
        'displayAdded',
        `Écran branché : ${describeDisplay(display)}. ${handling}`,
        refused,
        displayFacts(display, refused ? 'refused' : 'covered'),
      );
    }
    for (const display of change.removed) {
      await this.#send(
        'displayRemoved',
        `Écran débranché : ${describeDisplay(display)}.`,
        false,
        displayFacts(display, null),
      );
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
      asleep === null ? undefined : { type: 'asleep', asleepMs: span(asleep) },
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
    await this.#send('rendererCrashed', `${who} s’est arrêté (${reason}${code}). ${next}`, !reload, {
      type: 'crash',
      process: what === 'gpu' ? 'graphics' : 'screen',
      reason: fit(reason, MAX_CRASH_REASON),
      exitCode:
        exitCode !== null &&
        Number.isInteger(exitCode) &&
        exitCode >= MIN_EXIT_CODE &&
        exitCode <= MAX_EXIT_CODE
          ? exitCode
          : null,
      crashes: Math.min(this.#crashes.length, MAX_CRASHES),
      windowMs: this.#options.crashWindowMs,
      restarted: reload,
    });
    return { reload };
  }

  /**
   * Forbidden software runs on the station (process-watch.ts): the deny list's entry, the processes
   * seen, its `description` for the jury ("AnyDesk (anydesk.exe, prise de main à distance)"); `lock`
   * is the centre's choice (default: report only).
   */
  async forbiddenProcess(
    found: Pick<ForbiddenProcessFound, 'entry' | 'processes' | 'description' | 'lock'>,
  ): Promise<void> {
    const { entry, processes, description, lock } = found;
    const handling = lock ? ' Le test est suspendu.' : '';
    const executables = [...new Set(processes.map((p) => fit(p, MAX_EXECUTABLE_NAME)))]
      .filter((p) => p !== '')
      .slice(0, MAX_EXECUTABLES);
    await this.#send(
      'forbiddenProcess',
      `Logiciel interdit en cours d’exécution : ${description}.${handling}`,
      lock,
      { type: 'program', name: fit(entry.label, MAX_PROGRAM_NAME), category: entry.category, executables },
    );
  }

  /** The previous run of the station did not end normally (crash, power cut, killed). */
  async previousExitWasUnclean(lastSeen: Date | null): Promise<void> {
    const when = lastSeen ? ` (dernier signe de vie : ${lastSeen.toISOString()})` : '';
    await this.#send(
      'uncleanExit',
      `La station ne s’était pas arrêtée normalement${when}.`,
      false,
      // An instant is not clamped: one beyond the bounds is left out.
      lastSeen ? { type: 'lastSeen', lastSeenAt: lastSeen.getTime() } : undefined,
    );
  }
}
