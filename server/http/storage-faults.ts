// The storage's failures that come from its disk or its files, not from the request: a full disk, a
// database locked too long by another program, an I/O error, a read-only or damaged file. Which errors
// those are is the storage backend's to say (Store.faultOf; SQLite's: storage/sqlite/storage-fault.ts);
// here they are answered and logged alike, whatever the backend. The request is answered 503 with a
// code of its own and Retry-After (stations keep what they send and try again, the screens say what
// happened), never an anonymous 500. Nothing was stored: the backend rolled back the statement or the
// whole transaction; only a route that made several store calls keeps those that succeeded before the
// fault, as on any error. IT gets one log line per kind of fault a minute at most, with the count of
// requests refused meanwhile, so that a full disk under thirty stations' heartbeats does not flood the
// log; the count still pending is written at the end of that minute, and a line says when a kind of
// fault has not been seen for a minute.
import type { StorageFault, StorageFaultKind } from '../storage/repositories.ts';
import { ApiError } from './api-error.ts';

/** Seconds the client is asked to wait: a lock passes in seconds, a full or failing disk needs someone. */
export const STORAGE_RETRY_AFTER_S: Readonly<Record<'full' | 'busy' | 'unavailable', number>> = {
  full: 60,
  busy: 5,
  unavailable: 30,
};

/** The answer: English for logs and developers; the screens word it from the code. */
export function storageFaultAnswer(kind: StorageFaultKind): ApiError {
  if (kind === 'full') {
    return new ApiError(
      503,
      'STORAGE_FULL',
      "the server's disk is full: nothing was stored. Try again later; the server's IT staff must free space on its disk",
      { 'retry-after': String(STORAGE_RETRY_AFTER_S.full) },
    );
  }
  if (kind === 'busy') {
    return new ApiError(
      503,
      'STORAGE_BUSY',
      "the server's database is busy: nothing was stored. Try again in a few seconds",
      { 'retry-after': String(STORAGE_RETRY_AFTER_S.busy) },
    );
  }
  return new ApiError(
    503,
    'STORAGE_UNAVAILABLE',
    "the server cannot use its database right now: nothing was stored. Try again later; tell the server's IT staff if it lasts",
    { 'retry-after': String(STORAGE_RETRY_AFTER_S.unavailable) },
  );
}

/** Where the lines go (the server's log). */
export interface StorageFaultLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
  fatal(fields: object, message: string): void;
}

export interface StorageFaultsOptions {
  log: StorageFaultLog;
  /** Which errors are storage faults: the backend's to say (Store.faultOf). */
  faultOf: (error: unknown) => StorageFault | null;
  /** The server's clock; the end-of-minute lines are timed on it. */
  now: () => number;
  /** At most one line per kind of fault in this time (default a minute). */
  logIntervalMs?: number;
  /** The storage may not hold what it wrote (StorageFault.durabilityLost): the server stops (main.ts). */
  onDurabilityLost?: (error: Error) => void;
}

/** The request a fault was met in, as logged: never its body, headers or query. */
export interface FaultedRequest {
  method: string;
  /** The route's pattern (/api/station/tests/:testId/result), not the address asked. */
  route: string;
}

/** One kind of fault, from its first line until a minute passes without it. */
interface KindState {
  /** When its last line was written. */
  at: number;
  /** The faults met since that line, not yet in a line. */
  refused: number;
  /** The last fault met, and when. */
  last: StorageFault;
  seenAt: number;
  /** The end-of-minute review, and when it is due. */
  timer: NodeJS.Timeout | null;
  timerAt: number;
}

export class StorageFaults {
  readonly #log: StorageFaultLog;
  readonly #faultOf: (error: unknown) => StorageFault | null;
  readonly #now: () => number;
  readonly #intervalMs: number;
  readonly #onDurabilityLost: ((error: Error) => void) | undefined;
  readonly #kinds = new Map<StorageFaultKind, KindState>();
  #durabilityLost = false;
  #closed = false;

  constructor(options: StorageFaultsOptions) {
    this.#log = options.log;
    this.#faultOf = options.faultOf;
    this.#now = options.now;
    this.#intervalMs = options.logIntervalMs ?? 60_000;
    this.#onDurabilityLost = options.onDurabilityLost;
  }

  /** The 503 for `error` when it is a storage fault (logged, and the server stopped if need be), else null. */
  answer(error: unknown, request: FaultedRequest): ApiError | null {
    const fault = this.#faultOf(error);
    if (!fault) return null;
    const answer = storageFaultAnswer(fault.kind);
    this.#note(fault, error, `${request.method} ${request.route}`, answer.code);
    return answer;
  }

  /**
   * A background task's failure (the presence flush every 5 s, the purge): true when it is a storage
   * fault, logged like the requests' (a failing disk would otherwise add a line every 5 s); false when
   * it is not, for the caller to log.
   */
  noteTask(error: unknown, task: string): boolean {
    const fault = this.#faultOf(error);
    if (!fault) return false;
    this.#note(fault, error, task, storageFaultAnswer(fault.kind).code);
    return true;
  }

  /** The server closes: the counts still pending are written now, and no line is timed any more. */
  close(): void {
    this.#closed = true;
    for (const state of this.#kinds.values()) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      if (state.refused > 0) this.#writePending(state, this.#now());
    }
  }

  #note(fault: StorageFault, error: unknown, during: string, code: string): void {
    const now = this.#now();
    const fields = {
      storageFault: fault.kind,
      ...fault.logFields,
      answered: `503 ${code}`,
      during,
    };
    let state = this.#kinds.get(fault.kind);
    const logged = !state || now - state.at >= this.#intervalMs;
    const refusedMeanwhile = state?.refused ?? 0;
    if (!state) {
      state = { at: now, refused: 0, last: fault, seenAt: now, timer: null, timerAt: 0 };
      this.#kinds.set(fault.kind, state);
    }
    state.last = fault;
    state.seenAt = now;
    if (fault.durabilityLost && !this.#durabilityLost) {
      this.#durabilityLost = true;
      state.at = now;
      state.refused = 0;
      this.#log.fatal(
        fields,
        `storage fault: the disk holding the database (${fault.where}) failed to keep data the server wrote (${fault.code}): ` +
          'the server stops so that a restart reads what the disk really holds; the stations send again what was not acknowledged',
      );
      this.#arm(state);
      this.#onDurabilityLost?.(error as Error);
      return;
    }
    if (!logged) {
      state.refused += 1;
      this.#arm(state);
      return;
    }
    state.at = now;
    state.refused = 0;
    this.#log.error(
      { ...fields, refusedMeanwhile },
      `storage fault: ${fault.description} (${fault.code}); requests that need the database are answered 503 ${code}, nothing stored` +
        (refusedMeanwhile > 0 ? `; ${refusedMeanwhile} more since the last such line` : ''),
    );
    this.#arm(state);
  }

  /**
   * Times the next review of a kind: the end of the minute of its last line while refusals are pending,
   * else a minute after the fault was last met. A timer already due earlier is kept: the review times
   * the next one from what it finds.
   */
  #arm(state: KindState): void {
    if (this.#closed) return;
    const dueAt = (state.refused > 0 ? state.at : state.seenAt) + this.#intervalMs;
    if (state.timer && state.timerAt <= dueAt) return;
    if (state.timer) clearTimeout(state.timer);
    state.timerAt = dueAt;
    state.timer = setTimeout(() => this.#review(state), Math.max(0, dueAt - this.#now()));
    // Never what keeps the process alive.
    state.timer.unref();
  }

  /**
   * The count pending at the end of a minute is written then, not when a later fault comes: else IT would
   * never learn the last count, nor that the faults stopped. "No longer seen" is said a minute after
   * the last fault rather than at the first successful write: a success does not prove the fault gone
   * (a full disk still takes a row that fits in the file's free pages, a lock comes and goes, reads
   * succeed on a read-only file), and the HTTP layer does not see the store's successes. The line says
   * only what the server saw: none of this kind for a minute (perhaps no write was tried).
   */
  #review(state: KindState): void {
    state.timer = null;
    if (this.#closed) return;
    const now = this.#now();
    if (state.refused > 0 && now - state.at >= this.#intervalMs) this.#writePending(state, now);
    if (state.refused === 0 && now - state.seenAt >= this.#intervalMs) {
      this.#kinds.delete(state.last.kind);
      const { kind, code, where } = state.last;
      this.#log.info(
        { storageFault: kind, ...state.last.logFields, lastSeenAt: new Date(state.seenAt).toISOString() },
        `storage fault no longer seen: no "${kind}" fault of the database (${where}) for ${Math.round(this.#intervalMs / 1000)} s; ` +
          `the last was ${code} at ${new Date(state.seenAt).toISOString()}`,
      );
      return;
    }
    this.#arm(state);
  }

  /** The faults counted since the kind's last line, in a line of their own. */
  #writePending(state: KindState, now: number): void {
    const { last, refused } = state;
    const answered = storageFaultAnswer(last.kind).code;
    state.at = now;
    state.refused = 0;
    this.#log.error(
      {
        storageFault: last.kind,
        ...last.logFields,
        answered: `503 ${answered}`,
        refusedMeanwhile: refused,
        lastSeenAt: new Date(state.seenAt).toISOString(),
      },
      `storage fault: ${last.description} (${last.code}); ${refused} more since the last such line, ` +
        `answered 503 ${answered}, nothing stored; the last at ${new Date(state.seenAt).toISOString()}`,
    );
  }
}
