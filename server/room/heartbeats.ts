// The latest heartbeat of each test, in memory: time left and last contact change every 2 s and are
// sent to the invigilator as one `presence` event per session per second, without a disk write each.
// What changes the room (phase, question, alert) is stored and sent as a `candidate` event instead.
export interface LiveHeartbeat {
  lastHeartbeatAt: number;
  timeLeftMs: number | null;
  timeLeftAt: number | null;
  /** The station's highest journal seq when it sent it: its time left is newer than those records. */
  lastSeq: number;
}

interface Entry extends LiveHeartbeat {
  sessionId: string;
  candidateId: string;
}

export class LiveHeartbeats {
  readonly #byTest = new Map<string, Entry>();
  #dirty = new Map<string, Set<string>>();

  record(testId: string, sessionId: string, candidateId: string, heartbeat: LiveHeartbeat): void {
    this.#byTest.set(testId, { ...heartbeat, sessionId, candidateId });
    let set = this.#dirty.get(sessionId);
    if (!set) {
      set = new Set();
      this.#dirty.set(sessionId, set);
    }
    set.add(testId);
  }

  get(testId: string): LiveHeartbeat | null {
    return this.#byTest.get(testId) ?? null;
  }

  /** The heartbeats received since the last call, per session. */
  takeChanges(): Map<string, (Entry & { testId: string })[]> {
    const dirty = this.#dirty;
    this.#dirty = new Map();
    const out = new Map<string, (Entry & { testId: string })[]>();
    for (const [sessionId, tests] of dirty) {
      out.set(
        sessionId,
        [...tests].flatMap((testId) => {
          const entry = this.#byTest.get(testId);
          return entry ? [{ ...entry, testId }] : [];
        }),
      );
    }
    return out;
  }
}
