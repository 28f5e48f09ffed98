// The server's clock as the station sees it: offset = server time − station time, measured by each
// heartbeat (the server's time is taken as that of the round trip's middle). The offset goes into the
// sealed bundle, and request signatures are timestamped in server time so that a lab PC whose clock
// is wrong is not refused. Exam time never depends on it (that is the monotonic exam clock).

export class ServerClock {
  #offsetMs: number | null = null;
  #roundTripMs: number | null = null;

  /** Server time minus station time (ms), last measured; null if never measured. */
  get offsetMs(): number | null {
    return this.#offsetMs;
  }

  /** The round trip of the last measurement (ms). */
  get roundTripMs(): number | null {
    return this.#roundTripMs;
  }

  /** A heartbeat sent at `sentAt` and answered at `receivedAt` (station time) carried `serverTime`. */
  measure(serverTime: number, sentAt: number, receivedAt: number): void {
    const roundTrip = Math.max(0, receivedAt - sentAt);
    this.#offsetMs = Math.round(serverTime - (sentAt + roundTrip / 2));
    this.#roundTripMs = roundTrip;
  }

  /** A rough server time (an HTTP Date header, 1 s precision), used until a heartbeat measures better. */
  roughly(serverTime: number, now: number): void {
    this.#offsetMs = Math.round(serverTime - now);
    this.#roundTripMs = null;
  }

  /** The server's time now, as well as the station knows it. */
  serverNow(stationNow: number): number {
    return stationNow + (this.#offsetMs ?? 0);
  }
}
