// The latest heartbeat of each test, in memory: time left and last contact change every 2 s and are
// sent to the invigilator as one `presence` event per session per second, without a disk write each.
// What changes the room (phase, question, alert) is stored and sent as a `candidate` event instead.
// So are the heartbeats of a station where a candidate waits for the resume of their test: only when
// it was last heard asking for it matters (finalization waits for that candidate, the invigilator's
// « Autoriser la reprise » goes there only while it asks), and it too goes out each second. Not the
// station's own last contact: a candidate who gave up there leaves it beating with no test.
export interface LiveHeartbeat {
  lastHeartbeatAt: number;
  timeLeftMs: number | null;
  timeLeftAt: number | null;
  /** The time added timeLeftMs counts (null: the station did not say, an older one). */
  timeLeftAddedMs: number | null;
  /** The station's highest journal seq when it sent it: its time left is newer than those records. */
  lastSeq: number;
}

interface Entry extends LiveHeartbeat {
  sessionId: string;
  candidateId: string;
}

/** A heartbeat from the station asking to resume a test. */
export interface ResumeHeartbeat {
  candidateId: string;
  stationId: string;
  lastHeardAt: number;
}

export interface PresenceChanges {
  heartbeats: (Entry & { testId: string })[];
  resumeRequests: ResumeHeartbeat[];
}

export class LiveHeartbeats {
  readonly #byTest = new Map<string, Entry>();
  #dirty = new Map<string, Set<string>>();
  /** Per session, per test: the latest heartbeat of the station asking to resume it, not sent yet. */
  #resumes = new Map<string, Map<string, ResumeHeartbeat>>();
  /**
   * Per test: the station that last asked to resume it, and when, kept past the presence events. Empty
   * after a restart until that station's next heartbeat (2 s later); the request's own time stands in.
   */
  readonly #resumeHeard = new Map<string, { stationId: string; at: number }>();

  record(testId: string, sessionId: string, candidateId: string, heartbeat: LiveHeartbeat): void {
    this.#byTest.set(testId, { ...heartbeat, sessionId, candidateId });
    let set = this.#dirty.get(sessionId);
    if (!set) {
      set = new Set();
      this.#dirty.set(sessionId, set);
    }
    set.add(testId);
  }

  /** Sent with the next presence event; when it was heard is kept for the cards and finalization. */
  recordResume(testId: string, sessionId: string, heartbeat: ResumeHeartbeat): void {
    this.#resumeHeard.set(testId, { stationId: heartbeat.stationId, at: heartbeat.lastHeardAt });
    let tests = this.#resumes.get(sessionId);
    if (!tests) {
      tests = new Map();
      this.#resumes.set(sessionId, tests);
    }
    tests.set(testId, heartbeat);
  }

  get(testId: string): LiveHeartbeat | null {
    return this.#byTest.get(testId) ?? null;
  }

  /**
   * Forgets who last asked to resume the test, once that can no longer count: the resume authorized, or
   * the test over (otherwise one entry per test ever resumed, for the server's life). It is read only
   * through resumeStationHeardAt (room-view.ts), for the station the stored test names as asking, as
   * max(resumeRequestedAt, heard). Authorizing a resume clears the stored request (the test moves to
   * that station, or stays on its own); a later request comes from a join with resumeRequestedAt = now,
   * never older than what was heard before, so the old entry would never win again. Over, the test is
   * never resumed (the join refuses it), and neither finalization, nor the resume's authorization, nor
   * the room's screens (an ended card has no resume to show) read when that station asked.
   */
  forgetResume(testId: string): void {
    this.#resumeHeard.delete(testId);
  }

  /** How many tests' resume requests are remembered (the tests check they are forgotten). */
  get resumesHeard(): number {
    return this.#resumeHeard.size;
  }

  /** When `stationId` was last heard asking to resume the test; null if never, or another one asked last. */
  resumeHeardAt(testId: string, stationId: string): number | null {
    const heard = this.#resumeHeard.get(testId);
    return heard?.stationId === stationId ? heard.at : null;
  }

  /** The heartbeats received since the last call, per session. */
  takeChanges(): Map<string, PresenceChanges> {
    const dirty = this.#dirty;
    const resumes = this.#resumes;
    this.#dirty = new Map();
    this.#resumes = new Map();
    const out = new Map<string, PresenceChanges>();
    for (const [sessionId, tests] of dirty) {
      out.set(sessionId, {
        heartbeats: [...tests].flatMap((testId) => {
          const entry = this.#byTest.get(testId);
          return entry ? [{ ...entry, testId }] : [];
        }),
        resumeRequests: [],
      });
    }
    for (const [sessionId, tests] of resumes) {
      const changes = out.get(sessionId) ?? { heartbeats: [], resumeRequests: [] };
      changes.resumeRequests = [...tests.values()];
      out.set(sessionId, changes);
    }
    return out;
  }
}
