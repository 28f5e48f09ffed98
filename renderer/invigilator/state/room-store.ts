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
  type PresenceEvent,
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
import { likelierEnd, loginEndOf } from './ended-login.ts';
import { healthHeld } from './health-clock.ts';
import { KeptRequestIds, type AnswerOutcome } from './pending-requests.ts';
import { parseActionKey } from './request-effects.ts';
import type { LoginEnd } from './router.ts';
import { tabStorage, type TabStorage } from './tab-storage.ts';
import { nextTimeReport, type TimeReport } from '../room/time-left.ts';

export type StreamState = 'connecting' | 'open' | 'lost';

export interface RoomState {
  sessionId: string;
  session: InvigilatorSession | null;
  /** Cards by candidate id. */
  candidates: Record<string, RoomCandidate>;
  lastEventId: number;
  stream: StreamState;
  /**
   * Server time (ms) when the stream was lost: heartbeats are judged as of then while it is, and for a
   * while after it reopens (health-clock.ts); cleared by a fetch of the room.
   */
  lostAtServerMs: number | null;
  /** Server time (ms) when the stream opened again after that loss. */
  reopenedAtServerMs: number | null;
  /** Server time minus this browser's clock, from the last server time received. */
  serverOffsetMs: number;
  loaded: boolean;
  /** Why the room could not be loaded (the screen words it in its language). */
  loadError: RefusalLike | null;
  /**
   * The server asked for the room to be fetched again (`resync`) and that fetch failed: the cards may
   * be stale. Tried again with a growing delay until it succeeds; the screen says so meanwhile.
   */
  resyncFailed: boolean;
  /** The login expired or was refused: back to the login screen. */
  unauthorized: boolean;
  /** Why, as far as the server's answers tell (state/ended-login.ts). */
  loginEnd: LoginEnd | null;
  /**
   * An event from the server this screen cannot read: the server was updated since the page loaded
   * (its contracts are strict). The cards may no longer follow the room: the page must be reloaded.
   */
  outdated: boolean;
  /** Per candidate, the time of the latest lockdown event the invigilator acknowledged. */
  lockdownSeen: Record<string, string>;
  /**
   * Per candidate, the added time the station's last time report counted (room/time-left.ts): time
   * added since shows in the time left as not confirmed by the station yet.
   */
  timeReports: Record<string, TimeReport>;
}

export interface RoomActions {
  load(): Promise<void>;
  /** A request was refused for the login (401/403): back to the login screen, saying why. */
  endLogin(refusal: { status: number; code: string }): void;
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
  /**
   * The request id of the invigilator's action `key` (api/request-id.ts, actionKey: the candidate, the
   * action, its parameters) until it is answered: a retry sends the same one, also after the dialog was
   * closed (« Annuler ») and opened again for the same action, so that an answer lost on the way never
   * makes the server issue it twice (+10 min added twice). Kept in the tab's storage too: a reload of
   * the page finds it again (state/pending-requests.ts).
   */
  requestIdFor(key: string): string;
  /**
   * The answer to the action `key`: done (no `error`), or refused for good (the server issued nothing
   * under its id: server/exam/command-requests.ts): the same action again is a new one. A failure that
   * may hide a done action (no answer, a server error, the login ended, too many requests) keeps it,
   * unless the room showed the action done meanwhile: then it is `done` (pending-requests.ts).
   */
  requestAnswered(key: string, error?: unknown): AnswerOutcome;
  /** The server's time now, as far as the screen can tell. */
  serverNow(): number;
}

export type RoomStore = StoreApi<RoomState & RoomActions>;

const IncidentsEventSchema = z.object({ candidateId: z.string(), count: z.number().int().nonnegative() });
const SessionEventSchema = z.object({ session: InvigilatorSessionSchema });

/** What the screen shows that events change. */
type Picture = Pick<RoomState, 'session' | 'candidates'>;

/** What an event (or an action's answer) changes in the picture. */
type Change =
  | { kind: 'card'; candidate: RoomCandidate }
  | { kind: 'removed'; candidateId: string }
  | { kind: 'session'; session: InvigilatorSession }
  | { kind: 'incidents'; candidateId: string; count: number }
  | { kind: 'presence'; presence: PresenceEvent };

/** The change an event brings; `invalid` when it does not match the contract, null for none. */
function changeOf(event: RoomEvent): Change | 'invalid' | null {
  switch (event.name) {
    case 'candidate': {
      const parsed = CandidateEventSchema.safeParse(event.data);
      return parsed.success ? { kind: 'card', candidate: parsed.data.candidate } : 'invalid';
    }
    case 'removed': {
      const parsed = CandidateRemovedEventSchema.safeParse(event.data);
      return parsed.success ? { kind: 'removed', candidateId: parsed.data.candidateId } : 'invalid';
    }
    case 'session': {
      const parsed = SessionEventSchema.safeParse(event.data);
      return parsed.success ? { kind: 'session', session: parsed.data.session } : 'invalid';
    }
    case 'incidents': {
      const parsed = IncidentsEventSchema.safeParse(event.data);
      return parsed.success ? { kind: 'incidents', ...parsed.data } : 'invalid';
    }
    case 'presence': {
      const parsed = PresenceEventSchema.safeParse(event.data);
      return parsed.success ? { kind: 'presence', presence: parsed.data } : 'invalid';
    }
    default:
      return null;
  }
}

/** The time reports for these cards: kept while a card's report is the same one (time-left.ts). */
function timeReportsOf(
  previous: Readonly<Record<string, TimeReport>>,
  candidates: Readonly<Record<string, RoomCandidate>>,
): Record<string, TimeReport> {
  return Object.fromEntries(
    Object.values(candidates).map((c) => [c.candidateId, nextTimeReport(previous[c.candidateId], c)]),
  );
}

/** The picture after the change, with the time reports that go with its cards. */
function withChange(state: RoomState, change: Change): Picture & Pick<RoomState, 'timeReports'> {
  const picture = applyChange(state, change, false);
  return { ...picture, timeReports: timeReportsOf(state.timeReports, picture.candidates) };
}

const later = (a: string, b: string | null) => b === null || Date.parse(a) > Date.parse(b);

/**
 * The picture after the change. `replayed`: applied again over a room fetched meanwhile, whose
 * heartbeats may be newer than the presence event's (only newer ones are kept then).
 */
function applyChange(picture: Picture, change: Change, replayed: boolean): Picture {
  switch (change.kind) {
    case 'card':
      return {
        ...picture,
        candidates: { ...picture.candidates, [change.candidate.candidateId]: change.candidate },
      };
    case 'removed': {
      // The back office removed the candidate: their card goes (an open file closes with it).
      const { [change.candidateId]: _gone, ...candidates } = picture.candidates;
      return { ...picture, candidates };
    }
    case 'session':
      return { ...picture, session: change.session };
    case 'incidents': {
      const card = picture.candidates[change.candidateId];
      if (!card) return picture;
      return {
        ...picture,
        candidates: { ...picture.candidates, [change.candidateId]: { ...card, incidents: change.count } },
      };
    }
    case 'presence': {
      const candidates = { ...picture.candidates };
      for (const beat of change.presence.heartbeats) {
        const card = candidates[beat.candidateId];
        if (!card || (replayed && !later(beat.lastHeartbeatAt, card.lastHeartbeatAt))) continue;
        candidates[beat.candidateId] = {
          ...card,
          lastHeartbeatAt: beat.lastHeartbeatAt,
          timeLeftMs: beat.timeLeftMs,
          timeLeftAt: beat.timeLeftAt,
          timeLeftAddedMs: beat.timeLeftAddedMs,
        };
      }
      // The station where the candidate waits for the resume: only the one the card names (the
      // resume may have been authorized since).
      for (const beat of change.presence.resumeRequests) {
        const card = candidates[beat.candidateId];
        if (card?.resumeRequest?.stationId !== beat.stationId) continue;
        if (replayed && !later(beat.lastHeardAt, card.resumeRequest.lastHeardAt)) continue;
        candidates[beat.candidateId] = {
          ...card,
          resumeRequest: { ...card.resumeRequest, lastHeardAt: beat.lastHeardAt },
        };
      }
      return { ...picture, candidates };
    }
  }
}

/**
 * A room fetch in flight, and what the screen applied meanwhile (with the id of the stored event that
 * carries it; null for presence). The server reads the room's last event id before the room itself:
 * whatever came with a later id may be missing from the answer, so it is applied again over it.
 */
interface Fetching {
  order: number;
  applied: { eventId: number | null; change: Change }[];
}

export interface RoomStoreOptions {
  sessionId: string;
  client: InvigilatorClient;
  fetch?: Fetch;
  now?: () => number;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** This tab's storage (sessionStorage by default), where pending request ids outlive a reload. */
  tabStorage?: TabStorage | null;
  /** For tests: the wait between reconnection attempts. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: draws a request id. */
  newRequestId?: () => string;
}

/** The waits between fetches of the room after a failed `resync` (then the last one, again and again). */
export const RESYNC_RETRY_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A refusal that says the server did nothing under the request id, and will not on a retry. */
export function refusedForGood(error: unknown): boolean {
  if (!(error instanceof ApiFailure)) return false;
  if (error.status < 400 || error.status >= 500) return false;
  // The login ended (the action may have been done before its answer was lost), a wait asked for.
  return ![401, 403, 408, 429].includes(error.status);
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
    const fetching = new Set<Fetching>();
    // Not state the screen draws: kept here, beside it, and in the tab's storage (state/pending-requests.ts):
    // a reload of the page finds the pending ones again.
    const requestIds = new KeptRequestIds({
      storage: options.tabStorage === undefined ? tabStorage() : options.tabStorage,
      sessionId: options.sessionId,
      now,
      make: options.newRequestId,
    });
    const sleep = options.sleep ?? defaultSleep;
    /** The stream was closed for good (the session's pages left): no more fetches are retried. */
    let stopped = false;
    let resyncRetrying = false;
    let fetchesStarted = 0;
    /** The latest fetch whose answer was applied: an older one answering later is stale. */
    let fetchApplied = 0;

    const syncClock = (serverTime: string) => {
      const server = Date.parse(serverTime);
      if (!Number.isNaN(server)) set({ serverOffsetMs: server - now() });
    };

    /** Applies a change to the cards on screen, and remembers it for the room fetches in flight. */
    const apply = (eventId: number | null, change: Change) => {
      set((state) => withChange(state, change));
      for (const f of fetching) f.applied.push({ eventId, change });
      if (change.kind === 'card') requestIds.observe(change.candidate);
    };

    const applyRoom = (room: Room, applied: Fetching['applied']) => {
      syncClock(room.serverTime);
      // The room as the server read it, then what the stream (or an action's answer) brought meanwhile
      // that it may not include: without that, a newer card (an alert) would be lost, and never
      // replayed since the last event id already passed it.
      let picture: Picture = {
        session: room.session,
        candidates: Object.fromEntries(room.candidates.map((c) => [c.candidateId, c])),
      };
      for (const { eventId, change } of applied) {
        if (eventId === null || eventId > room.lastEventId) picture = applyChange(picture, change, true);
      }
      set((state) => ({
        ...picture,
        timeReports: timeReportsOf(state.timeReports, picture.candidates),
        lastEventId: Math.max(state.lastEventId, room.lastEventId),
        loaded: true,
        loadError: null,
        resyncFailed: false,
        // Heartbeats as the server has them now: no longer judged as of a loss (unless still cut off).
        ...(state.stream === 'lost' ? {} : { lostAtServerMs: null, reopenedAtServerMs: null }),
      }));
      for (const card of Object.values(picture.candidates)) requestIds.observe(card);
    };

    const endLogin = (refusal: { status: number; code: string }) => {
      set((state) => ({ unauthorized: true, loginEnd: likelierEnd(state.loginEnd, loginEndOf(refusal)) }));
    };

    /** Fetches the room; `failed` when it could not (a newer fetch answered first counts as done). */
    const load = async (): Promise<'done' | 'failed'> => {
      const mine: Fetching = { order: ++fetchesStarted, applied: [] };
      fetching.add(mine);
      try {
        const room = await options.client.room(options.sessionId);
        if (mine.order < fetchApplied) return 'done';
        fetchApplied = mine.order;
        applyRoom(room, mine.applied);
        return 'done';
      } catch (error) {
        if (error instanceof ApiFailure && (error.status === 401 || error.status === 403)) {
          endLogin(error);
          return 'failed';
        }
        if (mine.order < fetchApplied) return 'done';
        set({ loadError: refusalOf(error) });
        return 'failed';
      } finally {
        fetching.delete(mine);
      }
    };

    /**
     * The server said the screen's picture may be stale (`resync`): fetch the room, and until that
     * works, say so and try again with a growing delay (the room could otherwise stay stale unseen).
     */
    const resync = async () => {
      if ((await load()) === 'done') return;
      set({ resyncFailed: true });
      if (resyncRetrying) return;
      resyncRetrying = true;
      try {
        for (let attempt = 0; ; attempt++) {
          await sleep(RESYNC_RETRY_MS[Math.min(attempt, RESYNC_RETRY_MS.length - 1)] ?? 15_000);
          if (stopped || get().unauthorized || !get().resyncFailed) return;
          if ((await load()) === 'done') return;
        }
      } finally {
        resyncRetrying = false;
      }
    };

    return {
      sessionId: options.sessionId,
      session: null,
      candidates: {},
      lastEventId: 0,
      stream: 'connecting',
      lostAtServerMs: null,
      reopenedAtServerMs: null,
      serverOffsetMs: 0,
      loaded: false,
      loadError: null,
      resyncFailed: false,
      unauthorized: false,
      loginEnd: null,
      outdated: false,
      lockdownSeen: readSeen(),
      timeReports: {},

      load: async () => {
        await load();
      },
      endLogin,

      connect() {
        const connection = openRoomEvents({
          url: invigilatorPaths.events(options.sessionId),
          lastEventId: () => get().lastEventId,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.sleep ? { sleep: options.sleep } : {}),
          handlers: {
            // Heartbeats are not replayed: stations are still judged as of the loss for a while
            // (health-clock.ts), or every running one would read « Poste muet » for a moment.
            onOpen: () =>
              set((state) => ({
                stream: 'open',
                reopenedAtServerMs: state.lostAtServerMs === null ? null : get().serverNow(),
              })),
            onEvent: (event) => get().applyEvent(event),
            onDrop: () => {
              const state = get();
              if (state.stream === 'lost') return;
              const now = state.serverNow();
              // Lost again before heartbeats were current: judged as of the first loss still.
              const lostAt = healthHeld(state, now) ? (state.lostAtServerMs ?? now) : now;
              set({ stream: 'lost', lostAtServerMs: lostAt, reopenedAtServerMs: null });
            },
            onUnauthorized: endLogin,
          },
        });
        return () => {
          stopped = true;
          connection.close();
        };
      },

      applyEvent(event) {
        if (event.id !== null) {
          // Replayed twice (never expected): the first one is already applied.
          if (event.id <= get().lastEventId) return;
          set({ lastEventId: event.id });
        }
        if (event.name === 'resync') {
          void resync();
          return;
        }
        const change = changeOf(event);
        if (change === 'invalid') {
          set({ outdated: true });
          return;
        }
        if (change === null) return;
        if (change.kind === 'presence') syncClock(change.presence.serverTime);
        apply(event.id, change);
      },

      replaceCandidate(candidate) {
        set((state) => withChange(state, { kind: 'card', candidate }));
        requestIds.observe(candidate);
      },

      applyIssued({ candidate, eventId }) {
        if (eventId > get().lastEventId) apply(eventId, { kind: 'card', candidate });
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

      requestIdFor: (key) => {
        const candidateId = parseActionKey(key)?.candidateId;
        return requestIds.for(key, {
          card: candidateId === undefined ? null : (get().candidates[candidateId] ?? null),
          serverNowMs: get().serverNow(),
        });
      },

      requestAnswered(key, error) {
        if (error === undefined) {
          requestIds.succeeded(key);
          return 'done';
        }
        if (refusedForGood(error)) {
          requestIds.refused(key);
          return 'failed';
        }
        return requestIds.unanswered(key);
      },

      serverNow: () => now() + get().serverOffsetMs,
    };
  });
}
