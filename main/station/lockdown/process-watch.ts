// The forbidden-process watch (LOCKDOWN.md: "process deny list … checked every ~2 s, matched even when
// renamed"). While a test is under way it lists the station's processes every 2 s and reports each
// deny-listed program through the lockdown watch, so it lands in the candidate's journal as a
// `forbiddenProcess` event and on the invigilator's screen. A program is reported once when it appears,
// and again only if it is seen again after having gone. Whether a detection also pauses the test is the
// centre's choice (`processDenyList.onDetect`, default "report"). Never throws into the runtime: a
// listing that fails is logged once and tried again at the next round.
import {
  compileDenyList,
  describeForbidden,
  effectiveDenyList,
  findForbidden,
  type CompiledDenyList,
  type ListedProcess,
  type ProcessDenyEntry,
  type ProcessDenyListSetting,
  type ProcessOs,
} from '../../../core/lockdown/process-deny-list.ts';
import type { SyncTimers } from '../sync/retry-timing.ts';

export const PROCESS_WATCH_EVERY_MS = 2000;

export interface ForbiddenProcessFound {
  entry: ProcessDenyEntry;
  /** The matching processes' names, as listed. */
  processes: readonly string[];
  /** "AnyDesk (anydesk.exe, prise de main à distance)". */
  description: string;
  lock: boolean;
}

export interface ProcessWatchOptions {
  list(): Promise<ListedProcess[]>;
  os: ProcessOs;
  /** The centre's setting in force (read at each round: IT may change it while the station runs). */
  setting(): ProcessDenyListSetting;
  report(found: ForbiddenProcessFound): Promise<void>;
  timers: SyncTimers;
  everyMs?: number;
  log(message: string): void;
}

export class ProcessWatch {
  readonly #o: ProcessWatchOptions;
  #compiled: { setting: ProcessDenyListSetting; list: CompiledDenyList } | null = null;
  /** Entries seen at the last round of this test. */
  #present = new Set<string>();
  #testId: string | null = null;
  #run: { stop: AbortController; done: Promise<void> } | null = null;
  #failing = false;
  /** Rounds never overlap (the loop's and a test's, or an old test's last one and a new test's first). */
  #rounds: Promise<void> = Promise.resolve();

  constructor(options: ProcessWatchOptions) {
    this.#o = options;
  }

  /** The test running now, or null when none is under way. */
  get testId(): string | null {
    return this.#testId;
  }

  /** Watches for this test (a new test forgets what the previous one saw). */
  watch(testId: string): void {
    if (this.#testId === testId && this.#run) return;
    // A previous test's round still in course reports nothing: it checks the test id after listing.
    this.#run?.stop.abort();
    this.#testId = testId;
    this.#present = new Set();
    const stop = new AbortController();
    const done = (async () => {
      while (!stop.signal.aborted) {
        await this.scan();
        await this.#o.timers.sleep(this.#o.everyMs ?? PROCESS_WATCH_EVERY_MS, stop.signal);
      }
    })();
    this.#run = { stop, done };
  }

  /** Stops watching (the test ended); waits for a round in course. */
  async stop(): Promise<void> {
    const run = this.#run;
    this.#run = null;
    this.#testId = null;
    if (!run) return;
    run.stop.abort();
    await run.done;
  }

  #denyList(): CompiledDenyList {
    const setting = this.#o.setting();
    if (this.#compiled?.setting !== setting) {
      this.#compiled = { setting, list: compileDenyList(effectiveDenyList(setting), this.#o.os) };
    }
    return this.#compiled.list;
  }

  /** One round: lists, matches, reports what appeared. Never throws. */
  scan(): Promise<void> {
    const round = this.#rounds.then(() => this.#round());
    this.#rounds = round;
    return round;
  }

  async #round(): Promise<void> {
    const testId = this.#testId;
    let processes: ListedProcess[];
    try {
      processes = await this.#o.list();
      if (this.#failing) this.#o.log('process watch: listing works again');
      this.#failing = false;
    } catch (error) {
      if (!this.#failing)
        this.#o.log(`process watch: listing failed, tried again every round (${message(error)})`);
      this.#failing = true;
      return;
    }
    try {
      const list = this.#denyList();
      const seen = new Map<string, { entry: ProcessDenyEntry; names: string[] }>();
      for (const process of processes) {
        const match = findForbidden(process, list);
        if (!match) continue;
        const { entry } = match;
        const found = seen.get(entry.id) ?? { entry, names: [] };
        found.names.push(match.shownAs);
        seen.set(entry.id, found);
      }
      // The test may have ended during the listing: nothing is reported for it any more.
      if (testId !== this.#testId) return;
      const before = this.#present;
      // Gone programs are forgotten (reported again if they come back); one whose report failed is
      // tried again at the next round.
      const present = new Set([...seen.keys()].filter((id) => before.has(id)));
      this.#present = present;
      const lock = this.#o.setting().onDetect === 'lock';
      for (const { entry, names } of seen.values()) {
        if (before.has(entry.id) || testId !== this.#testId) continue;
        try {
          await this.#o.report({
            entry,
            processes: names,
            description: describeForbidden(entry, names),
            lock,
          });
          present.add(entry.id);
        } catch (error) {
          this.#o.log(`process watch: ${entry.id} not reported (${message(error)})`);
        }
      }
    } catch (error) {
      this.#o.log(`process watch: ${message(error)}`);
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
