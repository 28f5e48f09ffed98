// The invigilator's live feed: each change to a candidate's card is stored as a session event (so a
// reconnecting screen replays what it missed, by Last-Event-ID) and then pushed to the open streams.
// Heartbeats (and those of the stations where candidates wait for a resume) go out once a second as an
// unstored `presence` event.
import type { PresenceEvent, RoomCandidate } from '../../core/contracts/invigilator-api.ts';
import type { ServerContext } from '../context.ts';
import type { StoredSession } from '../storage/repositories.ts';
import { iso, isoOrNull } from '../time.ts';
import { invigilatorSessionView, centreName } from '../sessions/session-service.ts';
import { LiveHeartbeats } from './heartbeats.ts';
import { loadRoomData, roomCandidate } from './room-view.ts';

/** A card as stored in the room's history, and the id of the event that carries it. */
export interface CardChange {
  candidate: RoomCandidate;
  eventId: number;
}

export class RoomFeed {
  readonly #ctx: ServerContext;
  readonly heartbeats = new LiveHeartbeats();
  /** Events up to this id were stored before this server started: a screen that knew only them resyncs. */
  bootSeq = 0;

  constructor(ctx: ServerContext) {
    this.#ctx = ctx;
  }

  live = (testId: string) => this.heartbeats.get(testId);

  async candidateView(session: StoredSession, candidateId: string): Promise<RoomCandidate | null> {
    const data = await loadRoomData(this.#ctx, session, candidateId);
    const candidate = data.candidates[0];
    return candidate ? roomCandidate(data, candidate, this.live) : null;
  }

  /**
   * Stores and pushes the candidate's new card; returns it with the id of the event that carries it (an
   * action's answer passes it on, so the screen never puts it over a newer card the stream brought).
   */
  async candidateChanged(
    sessionOrId: StoredSession | string,
    candidateId: string,
    cause: string,
  ): Promise<CardChange | null> {
    const session =
      typeof sessionOrId === 'string' ? await this.#ctx.store.sessions.get(sessionOrId) : sessionOrId;
    if (!session) return null;
    const candidate = await this.candidateView(session, candidateId);
    if (!candidate) return null;
    const eventId = await this.#emit(session.id, 'candidate', { cause, candidate });
    return { candidate, eventId };
  }

  /** The back office removed the candidate: the screens drop the card (a replay drops it too). */
  async candidateRemoved(sessionId: string, candidateId: string): Promise<void> {
    await this.#emit(sessionId, 'removed', { candidateId });
  }

  async sessionChanged(session: StoredSession): Promise<void> {
    const name = await centreName(this.#ctx, session.centreId);
    await this.#emit(session.id, 'session', { session: invigilatorSessionView(session, name) });
  }

  async incidentsChanged(sessionId: string, candidateId: string, count: number): Promise<void> {
    await this.#emit(sessionId, 'incidents', { candidateId, count });
  }

  async #emit(sessionId: string, type: string, data: unknown): Promise<number> {
    const event = await this.#ctx.store.events.append(sessionId, type, data, this.#ctx.now());
    this.#ctx.roomBus.publish(sessionId, { kind: 'event', event });
    return event.seq;
  }

  /** One `presence` event per session with open streams and new heartbeats. */
  flushPresence(): void {
    const changes = this.heartbeats.takeChanges();
    for (const [sessionId, { heartbeats, resumeRequests }] of changes) {
      if (this.#ctx.roomBus.listeners(sessionId) === 0) continue;
      const data: PresenceEvent = {
        serverTime: iso(this.#ctx.now()),
        heartbeats: heartbeats.map((e) => ({
          candidateId: e.candidateId,
          lastHeartbeatAt: iso(e.lastHeartbeatAt),
          timeLeftMs: e.timeLeftMs,
          timeLeftAt: isoOrNull(e.timeLeftAt),
          timeLeftAddedMs: e.timeLeftAddedMs,
        })),
        resumeRequests: resumeRequests.map((r) => ({
          candidateId: r.candidateId,
          stationId: r.stationId,
          lastHeardAt: iso(r.lastHeardAt),
        })),
      };
      this.#ctx.roomBus.publish(sessionId, { kind: 'presence', data });
    }
  }
}
