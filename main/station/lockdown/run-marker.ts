// Unclean-exit detection: a small file exists while the station runs and is removed on a clean quit.
// Found at start-up, it means the last run ended by a crash, a kill or a power cut; its last touch is
// the last sign of life the invigilator is told about.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export const RUN_MARKER_FILE_NAME = 'station.running';

export interface PreviousRun {
  unclean: boolean;
  /** When the unclean run was last seen alive, if the marker says. */
  lastSeen: Date | null;
}

export class RunMarker {
  readonly file: string;
  readonly #now: () => number;
  #closed = false;

  private constructor(file: string, now: () => number) {
    this.file = file;
    this.#now = now;
  }

  /** Reads what the previous run left, then marks this run as running. */
  static open(file: string, now: () => number = Date.now): { marker: RunMarker; previous: PreviousRun } {
    let previous: PreviousRun = { unclean: false, lastSeen: null };
    try {
      const text = readFileSync(file, 'utf8');
      let lastSeen: Date | null = null;
      try {
        const parsed = JSON.parse(text) as { lastSeenAt?: unknown };
        if (typeof parsed.lastSeenAt === 'number' && Number.isFinite(parsed.lastSeenAt)) {
          lastSeen = new Date(parsed.lastSeenAt);
        }
      } catch {
        // A torn marker (power cut while writing) still means the run did not end cleanly.
      }
      previous = { unclean: true, lastSeen };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const marker = new RunMarker(file, now);
    marker.touch();
    return { marker, previous };
  }

  /** Records a sign of life (the shell calls it every minute or so). */
  touch(): void {
    if (this.#closed) return;
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ pid: process.pid, lastSeenAt: this.#now() }));
    renameSync(temporary, this.file);
  }

  /** The station is quitting normally. */
  close(): void {
    this.#closed = true;
    rmSync(this.file, { force: true });
  }
}
