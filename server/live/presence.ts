// When each station was last heard from. Kept in memory (a heartbeat every 2 s from every station would
// otherwise be a disk write each) and written to the stations table every few seconds.
import type { ServerContext } from '../context.ts';

export class StationPresence {
  readonly #ctx: ServerContext;
  readonly #lastSeen = new Map<string, number>();
  readonly #dirty = new Set<string>();

  constructor(ctx: ServerContext) {
    this.#ctx = ctx;
  }

  seen(stationId: string, at: number): void {
    this.#lastSeen.set(stationId, at);
    this.#dirty.add(stationId);
  }

  lastSeen(stationId: string): number | null {
    return this.#lastSeen.get(stationId) ?? null;
  }

  async flush(): Promise<void> {
    if (this.#dirty.size === 0) return;
    const entries = [...this.#dirty].map((stationId) => ({
      stationId,
      at: this.#lastSeen.get(stationId) ?? 0,
    }));
    this.#dirty.clear();
    await this.#ctx.store.stations.setLastSeen(entries);
  }
}
