// How many result uploads are being checked and stored at once. Past the limit an upload is refused
// with 503 and Retry-After before any checking: the station keeps its result in its journal and sends
// it again (result-uploader.ts waits at least that long, with jitter), so that a wave of uploads at the
// end of a session waits on the stations instead of piling up in the server's memory. The log says
// when the limit is reached and when intake is back under it, not each refusal.

/** Where the gate says it started and stopped refusing (the server's log). */
export interface IntakeGateLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** Seconds a refused station is asked to wait before sending its result again. */
export const BUSY_RETRY_AFTER_S = 2;

export class IntakeGate {
  readonly limit: number;
  readonly #log: IntakeGateLog;
  #inFlight = 0;
  /** Uploads refused since the limit was last reached (0: not refusing). */
  #refused = 0;

  constructor(limit: number, log: IntakeGateLog) {
    this.limit = limit;
    this.#log = log;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Takes a place for one upload, or returns false when every place is taken. */
  tryEnter(): boolean {
    if (this.#inFlight >= this.limit) {
      if (this.#refused === 0) {
        this.#log.warn(
          { limit: this.limit },
          'result intake at its limit: uploads are answered 503 and the stations send them again',
        );
      }
      this.#refused += 1;
      return false;
    }
    this.#inFlight += 1;
    return true;
  }

  /** Gives back the place of an upload that was stored, refused or failed. */
  leave(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    if (this.#refused > 0 && this.#inFlight <= this.limit / 2) {
      this.#log.info({ refused: this.#refused }, 'result intake under its limit again');
      this.#refused = 0;
    }
  }
}
