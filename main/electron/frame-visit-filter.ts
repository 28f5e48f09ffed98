// The station window's embedded frames are journaled (navigation-rules.ts appFrameVisit), each visit a
// chained and synced record: a page that reloads a frame in a loop, or loads many, must not flood the
// candidate's journal (and the bundle) nor hold the candidate's own answers behind its writes. The same
// visit again within two seconds is one visit; past ten a second, the rest of that second is dropped.
import type { Navigation } from '../station/runtime/ports.ts';

export const SAME_VISIT_MS = 2_000;
export const VISITS_PER_SECOND = 10;

export class FrameVisitFilter {
  readonly #recent = new Map<string, number>();
  #secondStart = Number.NEGATIVE_INFINITY;
  #inSecond = 0;

  /** Whether to journal `visit` seen at `now` (ms). */
  admit(visit: Navigation, now: number): boolean {
    for (const [key, at] of this.#recent) if (now - at >= SAME_VISIT_MS) this.#recent.delete(key);
    const key = `${visit.allowed ? 'allowed' : 'blocked'} ${visit.url}`;
    if (this.#recent.has(key)) return false;
    if (now - this.#secondStart >= 1_000) {
      this.#secondStart = now;
      this.#inSecond = 0;
    }
    if (this.#inSecond >= VISITS_PER_SECOND) return false;
    this.#inSecond += 1;
    this.#recent.set(key, now);
    return true;
  }
}
