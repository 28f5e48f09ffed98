// What newly needs the invigilator on each card since the last look (a pending alert, an alert on its
// way from the station, a resume to authorize, a candidate waiting, a lockdown event), for the screen
// reader's announcement and the chime (alert-chime.ts). Counted from the loaded room: what is pending
// when it loads is not new (the banner and the cards say it). Watched on every page of the session
// (session/session-watch.tsx), by one RoomArrivals for the whole session, so that nothing arriving
// while the invigilator is on another page is taken for old news on coming back. A request that blocks
// the candidate chimes: DOMAIN.md §8, invigilators did not realise alerts must be handled live.
import { BLOCKING, type AttentionKind, type RoomEntry } from './attention.ts';

/** What is announced when it appears (a station going silent is shown, not announced). */
export type ArrivalKind = Exclude<AttentionKind, 'stationMissing'>;

export interface Arrival {
  entry: RoomEntry;
  /** The reasons this card did not have at the last look, most urgent first. */
  added: ArrivalKind[];
  /**
   * A new alert, alert in transit or resume request: the candidate waits for the invigilator. Not the
   * alert whose coming the station already told (it chimed then).
   */
  chime: boolean;
}

/** A card's reasons for attention by key, each alert by its id (a second alert later is a new one). */
function reasons(entry: RoomEntry): Map<string, ArrivalKind> {
  const found = new Map<string, ArrivalKind>();
  for (const { kind } of entry.attention) {
    if (kind === 'stationMissing') continue;
    found.set(kind === 'alert' ? `alert:${entry.candidate.alert?.id ?? ''}` : kind, kind);
  }
  return found;
}

export class RoomArrivals {
  #known: Map<string, Map<string, ArrivalKind>> | null = null;

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
      const was = before.get(entry.candidate.candidateId) ?? new Map<string, ArrivalKind>();
      const now = this.#known?.get(entry.candidate.candidateId) ?? new Map<string, ArrivalKind>();
      const added = [...now].filter(([key]) => !was.has(key)).map(([, kind]) => kind);
      if (added.length === 0) return [];
      const told = was.has('alertInTransit');
      const chime = added.some((kind) => BLOCKING.has(kind) && !(kind === 'alert' && told));
      return [{ entry, added, chime }];
    });
  }
}
