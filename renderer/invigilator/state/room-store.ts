// The room as the screen knows it: the session, every candidate's card, the last stored event
// applied, and how the live stream is doing. Cards come from the server only (the room fetch, the
// event stream, and the answers to the invigilator's own actions); the screen never guesses a state.
import { refusalOf, type RefusalLike } from '../../shared/server-errors/server-error-messages.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  CandidateEventSchema,
  CandidateRemovedEventSchema,
  InvigilatorSessionSchema,
  PresenceEventSchema,
  type InvigilatorSession,
  type Room,
  type RoomCandidate,
} from '../../../core/contracts/invigilator-api.ts';
import { z } from 'zod';
import {
  ApiFailure,
  invigilatorPaths,
  type Fetch,
  type InvigilatorClient,
  type IssuedCard,
} from '../api/invigilator-client.ts';
import { openRoomEvents, type RoomEvent } from '../api/room-events.ts';

export type StreamState = 'connecting' | 'open' | 'lost';

export interface RoomState {
  sessionId: string;
  session: InvigilatorSession | null;
  /** Cards by candidate id. */
  candidates: Record<string, RoomCandidate>;
  lastEventId: number;
  stream: StreamState;
  /** Server time (ms) when the stream was lost: heartbeats are judged as of then while it is. */
  lostAtServerMs: number | null;
  /** Server time minus this browser's clock, from the last server time received. */
  serverOffsetMs: number;
  loaded: boolean;
  /** Why the room could not be loaded (the screen words it in its language). */
  loadError: RefusalLike | null;
  /** The login expired or was refused: back to the login screen. */
  unauthorized: boolean;
  /**
   * An event from the server this screen cannot read: the server was updated since the page loaded
   * (its contracts are strict). The cards may no longer follow the room: the page must be reloaded.
   */
  outdated: boolean;
  /** Per candidate, the time of the latest lockdown event the invigilator acknowledged. */
  lockdownSeen: Record<string, string>;
}

export interface RoomActions {
  load(): Promise<void>;
  /** Opens the live stream (after the first load); returns the function that closes it. */
  connect(): () => void;
  applyEvent(event: RoomEvent): void;
  replaceCandidate(candidate: RoomCandidate): void;
  /**
   * The card an action's answer brought. Kept only when the stream has not yet applied the event that
   * carries it: events come in order, so once it did, the card on screen is that one or a newer one (the
   * station may have applied and acknowledged the command before the answer arrived).
   */
  applyIssued(issued: IssuedCard): void;
  acknowledgeLockdown(candidateId: string): void;
  /** The server's time now, as far as the screen can tell. */
  serverNow(): number;
}

export type RoomStore = StoreApi<RoomState & RoomActions>;

const IncidentsEventSchema = z.object({ candidateId: z.string(), count: z.number().int().nonnegative() });
const SessionEventSchema = z.object({ session: InvigilatorSessionSchema });

export interface RoomStoreOptions {
  sessionId: string;
  client: InvigilatorClient;
  fetch?: Fetch;
  now?: () => number;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** For tests: the wait between reconnection attempts. */
  sleep?: (ms: number) => Promise<void>;
}

function browserStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function createRoomStore(options: RoomStoreOptions): RoomStore {
  const now = options.now ?? (() => Date.now());
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const seenKey = `pix-invigilator:lockdown-seen:${options.sessionId}`;
  const readSeen = (): Record<string, string> => {
    try {
      const raw = storage?.getItem(seenKey);
      const parsed = raw ? z.record(z.string(), z.string()).safeParse(JSON.parse(raw)) : null;
      return parsed?.success ? parsed.data : {};
    } catch {
      return {};
    }
  };

  return createStore<RoomState & RoomActions>()((set, get) => {
    const syncClock = (serverTime: string) => {
      const server = Date.parse(serverTime);
      if (!Number.isNaN(server)) set({ serverOffsetMs: server - now() });
    };

    const applyRoom = (room: Room) => {
      syncClock(room.serverTime);
      set((state) => ({
        session: room.session,
        candidates: Object.fromEntries(room.candidates.map((c) => [c.candidateId, c])),
        lastEventId: Math.max(state.lastEventId, room.lastEventId),
        loaded: true,
        loadError: null,
      }));
    };

    const load = async () => {
      try {
        applyRoom(await options.client.room(options.sessionId));
      } catch (error) {
        if (error instanceof ApiFailure && (error.status === 401 || error.status === 403)) {
          set({ unauthorized: true });
          return;
        }
        set({ loadError: refusalOf(error) });
      }
    };

    return {
      sessionId: options.sessionId,
      session: null,
      candidates: {},
      lastEventId: 0,
      stream: 'connecting',
      lostAtServerMs: null,
      serverOffsetMs: 0,
      loaded: false,
      loadError: null,
      unauthorized: false,
      outdated: false,
      lockdownSeen: readSeen(),

      load,

      connect() {
        const connection = openRoomEvents({
          url: invigilatorPaths.events(options.sessionId),
          lastEventId: () => get().lastEventId,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.sleep ? { sleep: options.sleep } : {}),
          handlers: {
            onOpen: () => set({ stream: 'open', lostAtServerMs: null }),
            onEvent: (event) => get().applyEvent(event),
            onDrop: () => {
              if (get().stream !== 'lost') set({ stream: 'lost', lostAtServerMs: get().serverNow() });
            },
            onUnauthorized: () => set({ unauthorized: true }),
          },
        });
        return () => connection.close();
      },

      applyEvent(event) {
        if (event.id !== null) {
          // Replayed twice (never expected): the first one is already applied.
          if (event.id <= get().lastEventId) return;
          set({ lastEventId: event.id });
        }
        switch (event.name) {
          case 'candidate': {
            const parsed = CandidateEventSchema.safeParse(event.data);
            if (parsed.success) get().replaceCandidate(parsed.data.candidate);
            else set({ outdated: true });
            return;
          }
          case 'removed': {
            // The back office removed the candidate: their card goes (an open file closes with it).
            const parsed = CandidateRemovedEventSchema.safeParse(event.data);
            if (!parsed.success) {
              set({ outdated: true });
              return;
            }
            set((state) => {
              const { [parsed.data.candidateId]: _gone, ...candidates } = state.candidates;
              return { candidates };
            });
            return;
          }
          case 'session': {
            const parsed = SessionEventSchema.safeParse(event.data);
            set(parsed.success ? { session: parsed.data.session } : { outdated: true });
            return;
          }
          case 'incidents': {
            const parsed = IncidentsEventSchema.safeParse(event.data);
            if (!parsed.success) {
              set({ outdated: true });
              return;
            }
            const card = get().candidates[parsed.data.candidateId];
            if (card) get().replaceCandidate({ ...card, incidents: parsed.data.count });
            return;
          }
          case 'presence': {
            const parsed = PresenceEventSchema.safeParse(event.data);
            if (!parsed.success) {
              set({ outdated: true });
              return;
            }
            syncClock(parsed.data.serverTime);
            set((state) => {
              const candidates = { ...state.candidates };
              for (const beat of parsed.data.heartbeats) {
                const card = candidates[beat.candidateId];
                if (!card) continue;
                candidates[beat.candidateId] = {
                  ...card,
                  lastHeartbeatAt: beat.lastHeartbeatAt,
                  timeLeftMs: beat.timeLeftMs,
                  timeLeftAt: beat.timeLeftAt,
                };
              }
              // The station where the candidate waits for the resume: only the one the card names (the
              // resume may have been authorized since).
              for (const beat of parsed.data.resumeRequests) {
                const card = candidates[beat.candidateId];
                if (card?.resumeRequest?.stationId !== beat.stationId) continue;
                candidates[beat.candidateId] = {
                  ...card,
                  resumeRequest: { ...card.resumeRequest, lastHeardAt: beat.lastHeardAt },
                };
              }
              return { candidates };
            });
            return;
          }
          case 'resync':
            void load();
            return;
        }
      },

      replaceCandidate(candidate) {
        set((state) => ({ candidates: { ...state.candidates, [candidate.candidateId]: candidate } }));
      },

      applyIssued({ candidate, eventId }) {
        if (eventId > get().lastEventId) get().replaceCandidate(candidate);
      },

      acknowledgeLockdown(candidateId) {
        const card = get().candidates[candidateId];
        const latest = card?.lockdownEvents.at(-1)?.at;
        if (!latest) return;
        const lockdownSeen = { ...get().lockdownSeen, [candidateId]: latest };
        set({ lockdownSeen });
        try {
          storage?.setItem(seenKey, JSON.stringify(lockdownSeen));
        } catch {
          // Private mode or full storage: the acknowledgment lasts until the page is reloaded.
        }
      },

      serverNow: () => now() + get().serverOffsetMs,
    };
  });
}
