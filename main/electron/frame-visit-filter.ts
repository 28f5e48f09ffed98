// The station window's embedded frames are journaled (navigation-rules.ts appFrameVisit), each visit a
// chained and synced record: a page that reloads a frame in a loop, or loads many, must not flood the
// candidate's journal (and the bundle) nor hold the candidate's own answers behind its writes. The same
// visit again within two seconds is one visit; past ten a second, the rest of that second is dropped.
// The challenge browser filters the same way what a page can repeat by itself: its in-page address
// changes, the pages and frames the policy blocks, the windows it opens (challenge-browser.ts). The
// runtime's budget bounds the rest (main/station/runtime/journal-budget.ts).
import type { Navigation } from '../station/runtime/ports.ts';

export const SAME_VISIT_MS = 2_000;
export const VISITS_PER_SECOND = 10;

export interface FrameVisitFilterOptions {
  /** The same visit again within this time is the same visit (default two seconds). */
  sameVisitMs?: number;
  /** At most this many visits a second (default ten). */
  perSecond?: number;
  /** What makes two visits the same (default: allowed or blocked, and the whole address). */
  key?: (visit: Navigation) => string;
}

const visitKey = (visit: Navigation) => `${visit.allowed ? 'allowed' : 'blocked'} ${visit.url}`;

export class FrameVisitFilter {
  readonly #recent = new Map<string, number>();
  readonly #sameVisitMs: number;
  readonly #perSecond: number;
  readonly #key: (visit: Navigation) => string;
  #secondStart = Number.NEGATIVE_INFINITY;
  #inSecond = 0;

  constructor(options: FrameVisitFilterOptions = {}) {
    this.#sameVisitMs = options.sameVisitMs ?? SAME_VISIT_MS;
    this.#perSecond = options.perSecond ?? VISITS_PER_SECOND;
    this.#key = options.key ?? visitKey;
  }

  /** Whether to journal `visit` seen at `now` (ms). */
  admit(visit: Navigation, now: number): boolean {
    for (const [key, at] of this.#recent) if (now - at >= this.#sameVisitMs) this.#recent.delete(key);
    const key = this.#key(visit);
    if (this.#recent.has(key)) return false;
    if (now - this.#secondStart >= 1_000) {
      this.#secondStart = now;
      this.#inSecond = 0;
    }
    if (this.#inSecond >= this.#perSecond) return false;
    this.#inSecond += 1;
    this.#recent.set(key, now);
    return true;
  }

  /** Forgets `visit`: the same visit again is admitted (a download that was not saved, say). */
  forget(visit: Navigation): void {
    this.#recent.delete(this.#key(visit));
  }
}

/** The origin of an address (scheme and host), or the address itself when it has none. */
export function originKey(visit: Navigation): string {
  try {
    const origin = new URL(visit.url).origin;
    return `${visit.allowed ? 'allowed' : 'blocked'} ${origin === 'null' ? visit.url : origin}`;
  } catch {
    return `${visit.allowed ? 'allowed' : 'blocked'} ${visit.url}`;
  }
}
