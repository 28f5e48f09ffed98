// What newly needs the invigilator on each card since the last look (a pending alert, a resume to
// authorize, a candidate waiting, a lockdown event), for the screen reader's announcement and the
// chime (alert-chime.ts). Counted from the loaded room: what is pending when it loads is not new (the
// banner and the cards say it). A request that blocks the candidate (an alert, a resume) is `blocking`:
// DOMAIN.md §8, invigilators did not realise alerts must be handled live.
import type { RoomEntry } from './attention.ts';

export interface Arrival {
  entry: RoomEntry;
  /** A new alert or resume request: the candidate waits for the invigilator. */
  blocking: boolean;
}

/** A card's reasons for attention, each alert by its id (a second alert later is a new one). */
function reasons(entry: RoomEntry): Set<string> {
  return new Set(
    entry.attention
      .filter((a) => a.kind !== 'stationMissing')
      .map((a) => (a.kind === 'alert' ? `alert:${entry.candidate.alert?.id ?? ''}` : a.kind)),
  );
}

export class RoomArrivals {
  #known: Map<string, Set<string>> | null = null;

  /** The cards with a reason for attention they did not have at the last look; `loaded` false: none yet. */
  observe(entries: readonly RoomEntry[], loaded: boolean): Arrival[] {
    if (!loaded) {
      this.#known = null;
      return [];
    }
    const before = this.#known;
    this.#known = new Map(entries.map((e) => [e.candidate.candidateId, reasons(e)]));
    if (!before) return [];
    return entries.flatMap((entry) => {
      const was = before.get(entry.candidate.candidateId) ?? new Set<string>();
      const added = [...(this.#known?.get(entry.candidate.candidateId) ?? [])].filter((r) => !was.has(r));
      if (added.length === 0) return [];
      return [{ entry, blocking: added.some((r) => r.startsWith('alert:') || r === 'resume') }];
    });
  }
}
