// The candidate screens' state: the last station status, the current challenge and what the station
// pushed (connection, browser, warnings, alert decisions). Everything comes from StationApi; the
// screens never decide the exam state themselves, they show the station's.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  BrowserState,
  CurrentChallenge,
  StationApi,
  StationError,
  StationEvent,
  StationStatus,
} from '../../../core/contracts/station-api.ts';

export interface AlertOutcome {
  challengeId: string;
  decision: 'dismissed' | 'validated';
}

export interface StationState {
  status: StationStatus | null;
  /** performance.now() when `status` arrived: the countdown runs from there. */
  statusAt: number;
  /** The station could not be reached at all (no API, or getStatus failed). */
  unavailable: string | null;
  challenge: CurrentChallenge | null;
  /** performance.now() when `challenge` arrived (for its own timer). */
  challengeAt: number;
  challengeError: StationError | null;
  online: boolean;
  browser: BrowserState | null;
  blocked: { url: string; reason: string } | null;
  warning: 15 | 5 | null;
  alertOutcome: AlertOutcome | null;
  timerExpired: string | null;
}

export interface StationActions {
  /** Subscribes to the station's events and loads its status; returns the unsubscribe function. */
  connect(): () => void;
  applyStatus(status: StationStatus): void;
  dismissWarning(): void;
  clearAlertOutcome(): void;
  clearBlocked(): void;
}

export type StationStore = StoreApi<StationState & StationActions>;

const SHOWS_CHALLENGE = new Set(['inProgress', 'paused']);
const RESYNC_EVERY_MS = 30_000;

export function createStationStore(
  api: StationApi,
  now: () => number = () => performance.now(),
): StationStore {
  let loadingFor: string | null = null;

  const store = createStore<StationState & StationActions>()((set, get) => {
    /** Fetches the current challenge when the station moved to another one. */
    const syncChallenge = (status: StationStatus) => {
      const { phase, progress } = status.exam;
      if (!SHOWS_CHALLENGE.has(phase) || !progress) {
        loadingFor = null;
        if (get().challenge) set({ challenge: null, challengeError: null, timerExpired: null });
        return;
      }
      const current = get().challenge;
      const key = `${progress.current}/${progress.total}/${progress.answered}`;
      if (current && current.index === progress.current && current.total === progress.total) return;
      if (loadingFor === key) return;
      loadingFor = key;
      void api.getCurrentChallenge({}).then((result) => {
        if (loadingFor !== key) return;
        loadingFor = null;
        if (result.ok) {
          set({ challenge: result.value, challengeAt: now(), challengeError: null, timerExpired: null });
        } else {
          set({ challengeError: result.error });
        }
      });
    };

    // A status asked for is older than any status pushed while the question was on its way: it is
    // applied only if none was (otherwise it would take the screens back in time).
    let pushed = 0;
    const refreshStatus = async () => {
      const before = pushed;
      const result = await api.getStatus({});
      if (result.ok && pushed === before) get().applyStatus(result.value);
      return result;
    };

    const onEvent = (event: StationEvent) => {
      switch (event.type) {
        case 'status':
          pushed += 1;
          get().applyStatus(event.status);
          break;
        case 'connection':
          set({ online: event.online });
          break;
        case 'timeWarning':
          set({ warning: event.minutesLeft });
          void refreshStatus();
          break;
        case 'challengeTimerExpired':
          set({ timerExpired: event.challengeId });
          break;
        case 'alertDecided':
          set({ alertOutcome: { challengeId: event.challengeId, decision: event.decision } });
          break;
        case 'browserState':
          set({ browser: event.state });
          // The blocked message stays until another page has finished loading (states computed while
          // the blocked request was in flight may still carry the previous address).
          if (get().blocked && !event.state.loading && event.state.url !== get().blocked?.url)
            set({ blocked: null });
          break;
        case 'browserBlocked':
          set({ blocked: { url: event.url, reason: event.reason } });
          break;
      }
    };

    return {
      status: null,
      statusAt: 0,
      unavailable: null,
      challenge: null,
      challengeAt: 0,
      challengeError: null,
      online: true,
      browser: null,
      blocked: null,
      warning: null,
      alertOutcome: null,
      timerExpired: null,

      connect() {
        const off = api.onEvent(onEvent);
        void refreshStatus().then((result) => {
          if (!result.ok) set({ unavailable: result.error.message });
        });
        // The countdown runs on this screen between statuses: re-read the station's time now and
        // then so that the two never drift apart (the station stays the authority).
        const resync = setInterval(() => {
          if (get().status?.exam.phase === 'inProgress') void refreshStatus();
        }, RESYNC_EVERY_MS);
        return () => {
          clearInterval(resync);
          off();
        };
      },

      applyStatus(status) {
        const previous = get().status;
        // The same status twice (pushed, then as an answer) changes nothing: no redraw, and the
        // countdown keeps its base.
        if (previous && JSON.stringify(previous) === JSON.stringify(status)) return;
        const testChanged =
          previous?.exam.candidate?.firstName !== status.exam.candidate?.firstName ||
          previous?.exam.candidate?.lastName !== status.exam.candidate?.lastName;
        set({
          status,
          statusAt: now(),
          unavailable: null,
          online: status.station.online,
          ...(status.exam.phase === 'idle' || testChanged
            ? { warning: null, alertOutcome: null, blocked: null, browser: null }
            : {}),
        });
        syncChallenge(status);
      },

      dismissWarning: () => set({ warning: null }),
      clearAlertOutcome: () => set({ alertOutcome: null }),
      clearBlocked: () => set({ blocked: null }),
    };
  });
  return store;
}
