// In-process publish/subscribe for live updates: room events to invigilator streams, commands to
// station streams. Stored first (so a reconnect can replay them), published second. A server spread over
// several processes would put LISTEN/NOTIFY (PostgreSQL) behind this same interface.
export type Listener<T> = (message: T) => void;

export class LiveBus<T> {
  readonly #channels = new Map<string, Set<Listener<T>>>();

  subscribe(channel: string, listener: Listener<T>): () => void {
    let set = this.#channels.get(channel);
    if (!set) {
      set = new Set();
      this.#channels.set(channel, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#channels.delete(channel);
    };
  }

  publish(channel: string, message: T): void {
    const set = this.#channels.get(channel);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(message);
      } catch {
        // A broken stream must not stop the others; it unsubscribes itself on close.
      }
    }
  }

  listeners(channel: string): number {
    return this.#channels.get(channel)?.size ?? 0;
  }
}
