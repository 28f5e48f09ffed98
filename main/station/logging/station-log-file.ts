// The station's lasting log: each line the station prints is also appended to
// `<data folder>/logs/station.log`, since a graphical program's standard output is lost on Windows and
// macOS. Owner-only (0o600 file, 0o700 folder where the OS honours modes), rotated once it passes a
// size limit (station.log → station.1.log, one old file kept). Plain Node, synchronous like the
// console.log it sits beside, and it never throws: a line that cannot be written is dropped.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export const STATION_LOG_DIR_NAME = 'logs';
export const STATION_LOG_FILE_NAME = 'station.log';
export const STATION_LOG_OLD_FILE_NAME = 'station.1.log';
/** 5 MiB: weeks of the station's messages, small enough to send to support. */
export const STATION_LOG_MAX_BYTES = 5 * 1024 * 1024;

/** One line of the station's log, as printed and as kept: `[station] <ISO time> <message>`. */
export function stationLogLine(message: string, at: Date = new Date()): string {
  return `[station] ${at.toISOString()} ${message}`;
}

export interface StationLogFileOptions {
  /** The log folder (`<data folder>/logs`), or how to find it once the first line comes. */
  dir: string | (() => string);
  maxBytes?: number;
}

export class StationLogFile {
  readonly #dir: () => string;
  readonly #maxBytes: number;
  /** The current file's size, once known (null: to be read from the disk). */
  #size: number | null = null;

  constructor(options: StationLogFileOptions) {
    const dir = options.dir;
    this.#dir = typeof dir === 'string' ? () => dir : dir;
    this.#maxBytes = options.maxBytes ?? STATION_LOG_MAX_BYTES;
  }

  /** Appends one line (from stationLogLine: it carries its timestamp); never throws. */
  append(line: string): void {
    try {
      const dir = this.#dir();
      const file = path.join(dir, STATION_LOG_FILE_NAME);
      if (this.#size === null) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        this.#size = sizeOf(file);
      }
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      if (this.#size > 0 && this.#size + bytes > this.#maxBytes) {
        renameSync(file, path.join(dir, STATION_LOG_OLD_FILE_NAME));
        this.#size = 0;
      }
      appendFileSync(file, text, { mode: 0o600 });
      this.#size += bytes;
    } catch {
      // The log must never break the station: the line is dropped, and the next one tries again
      // from the disk (the folder may have come back).
      this.#size = null;
    }
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
