// Which requests block a candidate until the invigilator acts (a pending alert, a resume to authorize),
// each with a key of its own, so that the screen can tell a new one from one it already signalled
// (DOMAIN.md §8: invigilators did not realise alerts must be handled live).
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';

export function blockingKeys(candidates: readonly RoomCandidate[]): Set<string> {
  const keys = new Set<string>();
  for (const c of candidates) {
    if (c.alert) keys.add(`alert:${c.alert.id}`);
    if (c.resumeRequest) keys.add(`resume:${c.candidateId}:${c.resumeRequest.at}`);
  }
  return keys;
}

/** A request in `now` that `before` did not have; never on the first look (`before` null: page load). */
export function hasNewBlocking(before: ReadonlySet<string> | null, now: ReadonlySet<string>): boolean {
  if (before === null) return false;
  for (const key of now) if (!before.has(key)) return true;
  return false;
}

/** Follows the room as it changes and says when a request is new since the room was first loaded. */
export class BlockedArrivals {
  #known: Set<string> | null = null;

  /** `loaded` false: the room is not there yet, and what is pending once it is is not new. */
  observe(candidates: readonly RoomCandidate[], loaded: boolean): boolean {
    if (!loaded) {
      this.#known = null;
      return false;
    }
    const now = blockingKeys(candidates);
    const fresh = hasNewBlocking(this.#known, now);
    this.#known = now;
    return fresh;
  }
}
