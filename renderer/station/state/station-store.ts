// The candidate screens' state: the last station status, the current challenge and what the station
// pushed (connection, browser, warnings, alert decisions). Everything comes from StationApi; the
// screens never decide the exam state themselves, they show the station's.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  BrowserDownloadRefusal,
  BrowserState,
  CurrentChallenge,
  MoveOn,
  StationApi,
  StationError,
  StationEvent,
  StationResult,
  StationStatus,
} from '../../../core/contracts/station-api.ts';

/**
 * How a reported problem was settled: by the invigilator (dismissed, validated) or, for a report that
 * never left the station, by the candidate taking it back (withdrawn). Each is shown until the next
 * action, so the candidate sees why the question unfroze (or moved on).
 */
export interface AlertOutcome {
  challengeId: string;
  decision: 'dismissed' | 'validated' | 'withdrawn';
}

export interface StationState {
  status: StationStatus | null;
  /** performance.now() when `status` arrived: the countdown runs from there. */
  statusAt: number;
  /**
   * Why the station's status could not be read at all (no API, or getStatus failed; the screen words
   * it by its code). Asked again every STATUS_RETRY_MS until it is read.
   */
  unavailable: StationError | null;
  challenge: CurrentChallenge | null;
  /** performance.now() when `challenge` arrived (for its own timer). */
  challengeAt: number;
  challengeError: StationError | null;
  online: boolean;
  browser: BrowserState | null;
  /**
   * The challenge browser's last refusal: a page (said until another page has loaded) or a download
   * (`download`: said until the candidate leaves the page they were on, or closes the message).
   */
  blocked: { url: string; reason: string; download?: BrowserDownloadRefusal } | null;
  /**
   * The file the challenge browser last offered (browserFileOpened): a spreadsheet or a document, or a
   * PDF, an image or a text a page downloaded by itself; offered by the panel's notice until the
   * candidate closes it. One notice at a time: a refusal replaces it, and it
   * replaces a refusal. Both go when the question changes (the browser keeps its page across questions,
   * its notices are about the question they came with) and, for this one, when the test is paused.
   */
  downloaded: BrowserFileOpened | null;
  warning: 15 | 5 | null;
  alertOutcome: AlertOutcome | null;
  timerExpired: string | null;
  /** The invigilator closed the station: it stops (the app quits where there is one). */
  closing: boolean;
}

export interface StationActions {
  /** Subscribes to the station's events and loads its status; returns the unsubscribe function. */
  connect(): () => void;
  applyStatus(status: StationStatus): void;
  /**
   * "Valider" or "Je passe": the station answers with its status and the next challenge, drawn at
   * once in one update; while the answer is on its way, a status the station pushes does not make the
   * screens ask for the challenge themselves.
   */
  moveOn(move: () => Promise<StationResult<MoveOn>>): Promise<StationResult<MoveOn>>;
  /** The candidate's « Réessayer » after the current challenge could not be loaded: asks for it again. */
  reloadChallenge(): void;
  dismissWarning(): void;
  clearAlertOutcome(): void;
  /** The candidate took back the report on `challengeId` (the station accepted the withdrawal). */
  alertWithdrawn(challengeId: string): void;
  clearBlocked(): void;
  clearDownloaded(): void;
}

export type BrowserFileOpened = Extract<StationEvent, { type: 'browserFileOpened' }>;

export type StationStore = StoreApi<StationState & StationActions>;

const SHOWS_CHALLENGE = new Set(['inProgress', 'paused']);
const RESYNC_EVERY_MS = 30_000;
/** While the status cannot be read, it is asked for again this often (the screen says it will clear). */
export const STATUS_RETRY_MS = 10_000;

/** Whether `challenge` is the one the status says is shown. */
function shows(challenge: CurrentChallenge | null, status: StationStatus): boolean {
  const progress = status.exam.progress;
  return (
    challenge !== null &&
    progress !== null &&
    challenge.index === progress.current &&
    challenge.total === progress.total
  );
}

/** What a new status changes in the store; null when it is the one already shown. */
function statusChanges(
  previous: StationStatus | null,
  status: StationStatus,
  at: number,
  warning: StationState['warning'] = null,
): Partial<StationState> | null {
  // The same status twice (pushed, then as an answer) changes nothing: no redraw, and the countdown
  // keeps its base.
  if (previous && JSON.stringify(previous) === JSON.stringify(status)) return null;
  const testChanged =
    previous?.exam.candidate?.firstName !== status.exam.candidate?.firstName ||
    previous?.exam.candidate?.lastName !== status.exam.candidate?.lastName;
  return {
    status,
    statusAt: at,
    unavailable: null,
    online: status.station.online,
    // A file saved while the test is not going on is not offered afterwards (paused, locked, ended).
    ...(status.exam.phase === 'inProgress' ? {} : { downloaded: null }),
    // A warning time added has made untrue (« moins de 5 minutes » beside a bar at 23 min) goes; a
    // minute's margin keeps the one the station just gave while the bar catches up.
    ...(warning !== null && (status.exam.timeLeftMs ?? 0) > (warning + 1) * 60_000 ? { warning: null } : {}),
    ...(status.exam.phase === 'idle' || testChanged
      ? { warning: null, alertOutcome: null, blocked: null, downloaded: null, browser: null }
      : {}),
  };
}

/**
 * The browser's notices when the screens draw `next` after `previous`: gone with the question they came
 * with (the page stays, a refusal or a file about question 3 means nothing at question 12).
 */
export function noticesAfter(
  previous: CurrentChallenge | null,
  next: CurrentChallenge | null,
): Pick<StationState, 'blocked' | 'downloaded'> | null {
  return previous?.challenge.id === next?.challenge.id ? null : { blocked: null, downloaded: null };
}

export function createStationStore(
  api: StationApi,
  now: () => number = () => performance.now(),
): StationStore {
  let loadingFor: string | null = null;
  /** Answers on their way: each brings the next challenge with it. */
  let moving = 0;
  /** The last status the station pushed while an answer was on its way. */
  let held: StationStatus | null = null;
  /**
   * The page the candidate was on when a download was refused (null: not known yet, the first page
   * state says it). The page did not change: its own states keep the message.
   */
  let refusedOn: string | null = null;

  const store = createStore<StationState & StationActions>()((set, get) => {
    /** The changes that draw `next` as the current challenge: the previous question's notices go. */
    const drawChallenge = (next: CurrentChallenge | null): Partial<StationState> => {
      const notices = noticesAfter(get().challenge, next);
      if (notices) refusedOn = null;
      return { challenge: next, ...notices };
    };

    /** Fetches the current challenge when the station moved to another one. */
    const syncChallenge = (status: StationStatus) => {
      const { phase, progress } = status.exam;
      if (!SHOWS_CHALLENGE.has(phase) || !progress) {
        loadingFor = null;
        if (get().challenge) set({ ...drawChallenge(null), challengeError: null, timerExpired: null });
        return;
      }
      if (shows(get().challenge, status)) return;
      if (moving > 0) return;
      const key = `${progress.current}/${progress.total}/${progress.answered}`;
      if (loadingFor === key) return;
      loadingFor = key;
      void api.getCurrentChallenge({}).then((result) => {
        if (loadingFor !== key) return;
        loadingFor = null;
        if (result.ok) {
          set({
            ...drawChallenge(result.value),
            challengeAt: now(),
            challengeError: null,
            timerExpired: null,
          });
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
          // While an answer is on its way, its own status (and any newer one) waits for it: the
          // screens then draw the status and the next challenge in one update.
          if (moving > 0) held = event.status;
          else get().applyStatus(event.status);
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
        case 'browserState': {
          set({ browser: event.state });
          const blocked = get().blocked;
          if (!blocked || event.state.loading) break;
          if (blocked.download) {
            // A refused download leaves the page as it was: its states, before or after the refusal
            // (Electron's did-stop-loading), keep the message; another page takes it away.
            if (refusedOn === null) refusedOn = event.state.url;
            else if (event.state.url !== refusedOn) set({ blocked: null });
            break;
          }
          // The blocked message stays until another page has finished loading (states computed while
          // the blocked request was in flight may still carry the previous address).
          if (event.state.url !== blocked.url) set({ blocked: null });
          break;
        }
        case 'browserBlocked':
          refusedOn = event.download ? (get().browser?.url ?? null) : null;
          // One notice at a time: the newer one, where the candidate looks.
          set({
            blocked: {
              url: event.url,
              reason: event.reason,
              ...(event.download ? { download: event.download } : {}),
            },
            downloaded: null,
          });
          break;
        case 'browserFileOpened':
          // Each time the station offers it (a new object, so the screens show and say it again: the
          // same file again is the candidate clicking its link again after closing the notice).
          if (get().status?.exam.phase !== 'inProgress') break;
          set({ downloaded: event, blocked: null });
          break;
        case 'stationClosing':
          set({ closing: true });
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
      downloaded: null,
      warning: null,
      alertOutcome: null,
      timerExpired: null,
      closing: false,

      connect() {
        const off = api.onEvent(onEvent);
        let stopped = false;
        let retry: ReturnType<typeof setTimeout> | undefined;
        // Until a status is read (or pushed), the "not ready" screen stays: it is asked for again now
        // and then, so that it goes away by itself once the station answers.
        const load = () => {
          void refreshStatus().then((result) => {
            if (stopped || result.ok || get().status) return;
            set({ unavailable: result.error });
            retry = setTimeout(load, STATUS_RETRY_MS);
          });
        };
        load();
        // The countdown runs on this screen between statuses: re-read the station's time now and
        // then so that the two never drift apart (the station stays the authority).
        const resync = setInterval(() => {
          if (get().status?.exam.phase === 'inProgress') void refreshStatus();
        }, RESYNC_EVERY_MS);
        return () => {
          stopped = true;
          clearTimeout(retry);
          clearInterval(resync);
          off();
        };
      },

      applyStatus(status) {
        const changes = statusChanges(get().status, status, now(), get().warning);
        if (!changes) return;
        set(changes);
        syncChallenge(status);
      },

      async moveOn(move) {
        moving += 1;
        const result = await move().finally(() => {
          moving -= 1;
        });
        // A status pushed meanwhile is the answer's own or a newer one: it wins over the answer's.
        const pushedMeanwhile = held;
        held = null;
        const status = pushedMeanwhile ?? (result.ok ? result.value.status : get().status);
        if (!status) return result;
        const next = result.ok ? result.value.next : null;
        const draw =
          next !== null &&
          SHOWS_CHALLENGE.has(status.exam.phase) &&
          shows(next, status) &&
          !shows(get().challenge, status);
        const changes = statusChanges(get().status, status, now(), get().warning);
        if (draw) loadingFor = null;
        // One update: the new status and the next challenge are drawn together.
        if (changes || draw) {
          set({
            ...changes,
            ...(draw
              ? { ...drawChallenge(next), challengeAt: now(), challengeError: null, timerExpired: null }
              : {}),
          });
        }
        syncChallenge(status);
        return result;
      },

      reloadChallenge() {
        const status = get().status;
        if (!status) return;
        // The error goes while the challenge is asked for again: the screen says it is loading.
        set({ challengeError: null });
        syncChallenge(status);
      },

      dismissWarning: () => set({ warning: null }),
      clearAlertOutcome: () => set({ alertOutcome: null }),
      alertWithdrawn: (challengeId) => set({ alertOutcome: { challengeId, decision: 'withdrawn' } }),
      clearBlocked: () => set({ blocked: null }),
      clearDownloaded: () => set({ downloaded: null }),
    };
  });
  return store;
}
