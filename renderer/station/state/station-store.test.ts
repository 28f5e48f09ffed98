import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  CurrentChallenge,
  StationApi,
  StationEvent,
  StationResult,
  StationStatus,
} from '../../../core/contracts/station-api.ts';
import { stationStatus } from '../testing/render-screen.tsx';
import { createStationStore, STATUS_RETRY_MS } from './station-store.ts';

function status(phase: StationStatus['exam']['phase'], current = 0, answered = 0): StationStatus {
  return stationStatus(
    {
      phase,
      progress: phase === 'idle' ? null : { current, answered, total: 3 },
      timeLeftMs: 60_000,
      allowedMs: 6_300_000,
    },
    { centreName: 'Collège' },
  );
}

function challenge(index: number): CurrentChallenge {
  return {
    index,
    total: 3,
    challenge: {
      id: `c${index}`,
      competence: '1.1',
      skill: '@rechercheWeb1',
      type: 'QCU',
      instruction: 'Question',
      choices: [
        { id: '1', text: 'a' },
        { id: '2', text: 'b' },
      ],
      attachments: [],
      focused: false,
      format: 'texte',
      shuffled: false,
      locale: 'fr-fr',
    },
    choiceOrder: ['1', '2'],
    draft: null,
    timerLeftMs: null,
    focusLost: false,
  };
}

/** A StationApi whose getCurrentChallenge answers when the test says so. */
function fakeApi() {
  const listeners = new Set<(event: StationEvent) => void>();
  const pending: { resolve: (r: StationResult<CurrentChallenge>) => void }[] = [];
  let fetches = 0;
  // Like a real station, getStatus says what the last pushed status said.
  let current = status('idle');
  const api = {
    onEvent: (listener: (event: StationEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // The answer says what the status was when asked (it may arrive after a newer push).
    getStatus: () => {
      const asked = current;
      return Promise.resolve({ ok: true, value: asked });
    },
    getCurrentChallenge: () =>
      new Promise<StationResult<CurrentChallenge>>((resolve) => {
        fetches += 1;
        pending.push({ resolve });
      }),
  } as unknown as StationApi;
  return {
    api,
    emit: (event: StationEvent) => {
      if (event.type === 'status') current = event.status;
      listeners.forEach((l) => l(event));
    },
    answer: (index: number, result: StationResult<CurrentChallenge>) => pending[index]?.resolve(result),
    get fetches() {
      return fetches;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store on a fake station, the screens connected to it (the status asked for). */
function connectedStore() {
  const fake = fakeApi();
  const store = createStationStore(fake.api);
  store.getState().connect();
  return { fake, store };
}

/** The same, the candidate at question 0, its challenge drawn (one fetch so far). */
async function atFirstQuestion() {
  const { fake, store } = connectedStore();
  fake.emit({ type: 'status', status: status('inProgress', 0) });
  fake.answer(0, { ok: true, value: challenge(0) });
  await settle();
  return { fake, store };
}

describe('the screens’ station store', () => {
  it('fetches the challenge when the station moves to another one, once per move', async () => {
    const { fake, store } = connectedStore();
    fake.emit({ type: 'status', status: status('inProgress', 0) });
    // The same status again (a submit response after its event) does not fetch twice.
    store.getState().applyStatus(status('inProgress', 0));
    expect(fake.fetches).toBe(1);
    fake.answer(0, { ok: true, value: challenge(0) });
    await settle();
    expect(store.getState().challenge?.index).toBe(0);
    fake.emit({ type: 'status', status: status('inProgress', 1, 1) });
    expect(fake.fetches).toBe(2);
  });

  it('drops a late answer about a challenge the station has already left', async () => {
    const { fake, store } = connectedStore();
    fake.emit({ type: 'status', status: status('inProgress', 0) });
    fake.emit({ type: 'status', status: status('inProgress', 1, 1) });
    fake.answer(1, { ok: true, value: challenge(1) });
    fake.answer(0, { ok: true, value: challenge(0) });
    await settle();
    expect(store.getState().challenge?.index).toBe(1);
  });

  it('forgets the challenge, warnings and alert outcome when the candidate leaves', async () => {
    const { fake, store } = connectedStore();
    fake.emit({ type: 'status', status: status('inProgress', 0) });
    fake.answer(0, { ok: true, value: challenge(0) });
    fake.emit({ type: 'timeWarning', minutesLeft: 15 });
    fake.emit({ type: 'alertDecided', challengeId: 'c0', decision: 'dismissed' });
    await settle();
    expect(store.getState().warning).toBe(15);
    fake.emit({ type: 'status', status: status('idle') });
    expect(store.getState().challenge).toBeNull();
    expect(store.getState().warning).toBeNull();
    expect(store.getState().alertOutcome).toBeNull();
  });

  it('takes back a time warning once time added has made it untrue, not while the bar catches up', async () => {
    const { fake, store } = connectedStore();
    const withLeft = (timeLeftMs: number): StationStatus => {
      const s = status('inProgress', 0);
      return { ...s, exam: { ...s.exam, timeLeftMs } };
    };
    fake.emit({ type: 'status', status: withLeft(5 * 60_000 + 30_000) });
    fake.emit({ type: 'timeWarning', minutesLeft: 5 });
    await settle();
    // Within the minute's margin: the warning the station just gave stays.
    fake.emit({ type: 'status', status: withLeft(5 * 60_000 + 50_000) });
    expect(store.getState().warning).toBe(5);
    // The invigilator added 20 minutes: « moins de 5 minutes » would be untrue beside the bar.
    fake.emit({ type: 'status', status: withLeft(25 * 60_000) });
    expect(store.getState().warning).toBeNull();
  });

  it('keeps the blocked-page message until another page has finished loading', () => {
    const { fake, store } = connectedStore();
    const state = (url: string, loading: boolean) => ({
      type: 'browserState' as const,
      state: { url, title: '', loading, canGoBack: true, canGoForward: false },
    });
    fake.emit({ type: 'browserBlocked', url: 'https://chatgpt.com/', reason: 'bloqué' });
    fake.emit(state('https://atelier.pix-demo.test/', true));
    fake.emit(state('https://chatgpt.com/', false));
    expect(store.getState().blocked?.url).toBe('https://chatgpt.com/');
    fake.emit(state('https://atelier.pix-demo.test/', false));
    expect(store.getState().blocked).toBeNull();
  });

  describe('a refused download', () => {
    const PAGE = 'https://atelier.pix-demo.test/telechargements.html';
    const state = (url: string, loading: boolean, title = '') => ({
      type: 'browserState' as const,
      state: { url, title, loading, canGoBack: true, canGoForward: false },
    });
    const refused = (fileName: string, problem: 'type' | 'size' = 'type') => ({
      type: 'browserBlocked' as const,
      url: `https://atelier.pix-demo.test/fichiers/${fileName}`,
      reason: 'Ce type de fichier ne peut pas être ouvert sur ce poste.',
      download: { fileName, problem },
    });
    it('keeps its message through the page’s state that comes after it (Electron’s order)', () => {
      const { fake, store } = connectedStore();
      fake.emit(state(PAGE, false));
      // The click on the link starts a load that turns into a download: the page never changes.
      fake.emit(state(PAGE, true));
      fake.emit(refused('setup.exe'));
      fake.emit(state(PAGE, false));
      expect(store.getState().blocked).toMatchObject({
        download: { fileName: 'setup.exe', problem: 'type' },
      });
      // Another page, still loading: the message stays until it has loaded.
      fake.emit(state('https://atelier.pix-demo.test/', true));
      expect(store.getState().blocked).not.toBeNull();
      fake.emit(state('https://atelier.pix-demo.test/', false));
      expect(store.getState().blocked).toBeNull();
    });

    it('keeps its message through the page’s states when they came first (the harness’s order)', () => {
      const { fake, store } = connectedStore();
      fake.emit(state(PAGE, true));
      fake.emit(state(PAGE, false));
      fake.emit(refused('archive.zip'));
      // The same page again (its title, a late state of the load that became the download).
      fake.emit(state(PAGE, false, 'Téléchargements'));
      fake.emit(state(PAGE, false, 'Téléchargements'));
      expect(store.getState().blocked?.download?.fileName).toBe('archive.zip');
      fake.emit(state(`${PAGE}#documents`, false));
      expect(store.getState().blocked).toBeNull();
    });

    it('learns the page from the first state when none was known at the refusal', () => {
      const { fake, store } = connectedStore();
      fake.emit(refused('film.mp4', 'size'));
      fake.emit(state(PAGE, false));
      expect(store.getState().blocked?.download).toEqual({ fileName: 'film.mp4', problem: 'size' });
      fake.emit(state('https://atelier.pix-demo.test/', false));
      expect(store.getState().blocked).toBeNull();
    });

    it('is replaced by the next refusal, and goes when the candidate closes it', () => {
      const { fake, store } = connectedStore();
      fake.emit(state(PAGE, false));
      fake.emit(refused('setup.exe'));
      fake.emit(refused('film.mp4', 'size'));
      expect(store.getState().blocked?.download).toEqual({ fileName: 'film.mp4', problem: 'size' });
      // A blocked page replaces it, and follows the page's rule again (its address has not loaded).
      fake.emit({ type: 'browserBlocked', url: 'https://chatgpt.com/', reason: 'bloqué' });
      expect(store.getState().blocked).toEqual({ url: 'https://chatgpt.com/', reason: 'bloqué' });
      fake.emit(state(PAGE, false));
      expect(store.getState().blocked).toBeNull();
      fake.emit(refused('setup.exe'));
      store.getState().clearBlocked();
      expect(store.getState().blocked).toBeNull();
      fake.emit(state(PAGE, false));
      expect(store.getState().blocked).toBeNull();
    });
  });

  describe('the browser panel’s notices', () => {
    const PAGE = 'https://atelier.pix-demo.test/documents.html';
    const file = (fileName = 'budget.xlsx'): StationEvent => ({
      type: 'browserFileOpened',
      viewer: 'spreadsheet',
      url: `app://station/__sandbox/test-1/downloads/0a1b2c3d-${fileName}`,
      fileName,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const refused: StationEvent = {
      type: 'browserBlocked',
      url: 'https://atelier.pix-demo.test/setup.exe',
      reason: 'refusé',
      download: { fileName: 'setup.exe', problem: 'type' },
    };
    /** A candidate at question 0 (drawn), the browser on PAGE. */
    const atQuestion = async () => {
      const { fake, store } = await atFirstQuestion();
      fake.emit({
        type: 'browserState',
        state: { url: PAGE, title: '', loading: false, canGoBack: false, canGoForward: false },
      });
      return { fake, store };
    };

    it('keeps the file the station offers, one notice at a time with a refusal', async () => {
      const { fake, store } = await atQuestion();
      fake.emit(file());
      expect(store.getState().downloaded).toMatchObject({ fileName: 'budget.xlsx' });
      fake.emit(refused);
      expect(store.getState().downloaded).toBeNull();
      expect(store.getState().blocked?.download?.fileName).toBe('setup.exe');
      fake.emit(file('notes.ods'));
      expect(store.getState().blocked).toBeNull();
      expect(store.getState().downloaded).toMatchObject({ fileName: 'notes.ods' });
    });

    it('shows the same file again when the station offers it again after « Fermer »', async () => {
      const { fake, store } = await atQuestion();
      const offer = file();
      fake.emit(offer);
      store.getState().clearDownloaded();
      expect(store.getState().downloaded).toBeNull();
      // The candidate clicks the link again: the station offers the saved copy again.
      fake.emit({ ...offer });
      expect(store.getState().downloaded).toEqual(offer);
    });

    it('offers nothing that arrives during a pause, and a pause takes the offer away', async () => {
      const { fake, store } = await atQuestion();
      fake.emit(file());
      fake.emit({ type: 'status', status: status('paused', 0) });
      expect(store.getState().downloaded).toBeNull();
      fake.emit(file());
      expect(store.getState().downloaded).toBeNull();
      fake.emit({ type: 'status', status: status('inProgress', 0) });
      expect(store.getState().downloaded).toBeNull();
    });

    it('clears both notices when the next question is drawn after an answer', async () => {
      const { fake, store } = await atQuestion();
      fake.emit(file());
      await store.getState().moveOn(async () => ({
        ok: true,
        value: { status: status('inProgress', 1, 1), next: challenge(1) },
      }));
      expect(store.getState().challenge?.index).toBe(1);
      expect(store.getState().downloaded).toBeNull();
      fake.emit(refused);
      expect(store.getState().blocked).not.toBeNull();
      // The station moves on by itself (the question's timer): the challenge is fetched, then drawn.
      fake.emit({ type: 'status', status: status('inProgress', 2, 2) });
      expect(store.getState().blocked).not.toBeNull();
      fake.answer(1, { ok: true, value: challenge(2) });
      await settle();
      expect(store.getState().challenge?.index).toBe(2);
      expect(store.getState().blocked).toBeNull();
      // The same page's later states do not bring back a cleared refusal.
      fake.emit({
        type: 'browserState',
        state: { url: PAGE, title: 'Documents', loading: false, canGoBack: false, canGoForward: false },
      });
      expect(store.getState().blocked).toBeNull();
    });

    it('keeps the notices while the same question is drawn again', async () => {
      const { fake, store } = await atQuestion();
      fake.emit(refused);
      // A status about something else (the time left) on the same question.
      fake.emit({
        type: 'status',
        status: {
          ...status('inProgress', 0),
          station: { ...status('inProgress', 0).station, online: false },
        },
      });
      expect(store.getState().blocked).not.toBeNull();
    });
  });

  it('never goes back to a status older than one the station pushed meanwhile', async () => {
    const { fake, store } = connectedStore(); // asks for the status (idle, at that time)…
    fake.emit({ type: 'status', status: status('signedIn') }); // …and a newer one is pushed first
    await settle();
    expect(store.getState().status?.exam.phase).toBe('signedIn');
  });

  it('draws the challenge an answer brings, with its status, in one update and without asking again', async () => {
    const { fake, store } = await atFirstQuestion();
    const updates: string[] = [];
    store.subscribe((state) =>
      updates.push(`${state.status?.exam.progress?.current}:${state.challenge?.index}`),
    );
    const moved = await store.getState().moveOn(async () => {
      // The station pushes the new status before its answer arrives: no fetch, no redraw for it.
      fake.emit({ type: 'status', status: status('inProgress', 1, 1) });
      return { ok: true, value: { status: status('inProgress', 1, 1), next: challenge(1) } };
    });
    expect(moved.ok).toBe(true);
    expect(fake.fetches).toBe(1);
    expect(updates).toEqual(['1:1']);

    // The answer first, its status pushed after: a single update, then nothing more.
    updates.length = 0;
    await store.getState().moveOn(async () => ({
      ok: true,
      value: { status: status('inProgress', 2, 2), next: challenge(2) },
    }));
    fake.emit({ type: 'status', status: status('inProgress', 2, 2) });
    expect(updates).toEqual(['2:2']);
    expect(fake.fetches).toBe(1);
  });

  it('keeps a newer status pushed while the answer was on its way, and its fitting challenge', async () => {
    const { fake, store } = await atFirstQuestion();
    await store.getState().moveOn(async () => {
      fake.emit({ type: 'status', status: status('paused', 1, 1) }); // the invigilator paused meanwhile
      return { ok: true, value: { status: status('inProgress', 1, 1), next: challenge(1) } };
    });
    expect(store.getState().status?.exam.phase).toBe('paused');
    expect(store.getState().challenge?.index).toBe(1);
    expect(fake.fetches).toBe(1);
  });

  it('asks for the challenge itself when the answer was refused after the station moved on', async () => {
    const { fake, store } = await atFirstQuestion();
    const refused = await store.getState().moveOn(async () => {
      fake.emit({ type: 'status', status: status('inProgress', 1, 1) });
      return { ok: false, error: { code: 'ALREADY_ANSWERED', message: 'déjà répondu' } };
    });
    expect(refused.ok).toBe(false);
    expect(fake.fetches).toBe(2);
    fake.answer(1, { ok: true, value: challenge(1) });
    await settle();
    expect(store.getState().challenge?.index).toBe(1);
  });

  it('follows the connection events', () => {
    const { fake, store } = connectedStore();
    fake.emit({ type: 'connection', online: false });
    expect(store.getState().online).toBe(false);
    fake.emit({ type: 'connection', online: true });
    expect(store.getState().online).toBe(true);
  });

  it('keeps why the status could not be read as a code, for the screen to word (never the station’s text)', async () => {
    const error = {
      code: 'STORAGE_FAILED',
      message: 'the station cannot go from "idle" to "waiting"',
    } as const;
    const api = {
      onEvent: () => () => undefined,
      getStatus: () => Promise.resolve({ ok: false, error }),
    } as unknown as StationApi;
    const store = createStationStore(api);
    store.getState().connect();
    await settle();
    expect(store.getState().unavailable).toEqual(error);
  });

  it('loads the current challenge again when the candidate asks, after it could not be loaded', async () => {
    const { fake, store } = connectedStore();
    fake.emit({ type: 'status', status: status('inProgress', 0) });
    fake.answer(0, { ok: false, error: { code: 'INTERNAL', message: 'no challenge' } });
    await settle();
    expect(store.getState().challengeError?.code).toBe('INTERNAL');
    store.getState().reloadChallenge();
    // Asked again, and the screen says it is loading meanwhile rather than the old error.
    expect(fake.fetches).toBe(2);
    expect(store.getState().challengeError).toBeNull();
    fake.answer(1, { ok: true, value: challenge(0) });
    await settle();
    expect(store.getState().challenge?.index).toBe(0);
  });

  describe('when the status cannot be read', () => {
    afterEach(() => vi.useRealTimers());

    function failingThenReady(failures: number) {
      let calls = 0;
      const api = {
        onEvent: () => () => undefined,
        getStatus: () => {
          calls += 1;
          return Promise.resolve(
            calls <= failures
              ? { ok: false, error: { code: 'STATION_NOT_READY', message: 'starting' } }
              : { ok: true, value: status('idle') },
          );
        },
      } as unknown as StationApi;
      return {
        api,
        get calls() {
          return calls;
        },
      };
    }

    it('asks again every 10 seconds, and stops once it is read', async () => {
      vi.useFakeTimers();
      const fake = failingThenReady(2);
      const store = createStationStore(fake.api);
      store.getState().connect();
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().unavailable?.code).toBe('STATION_NOT_READY');
      expect(STATUS_RETRY_MS).toBe(10_000);
      await vi.advanceTimersByTimeAsync(STATUS_RETRY_MS - 1);
      expect(fake.calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(fake.calls).toBe(2);
      await vi.advanceTimersByTimeAsync(STATUS_RETRY_MS);
      expect(fake.calls).toBe(3);
      // Read: the "not ready" screen goes away by itself, and nothing is asked again.
      expect(store.getState().status?.exam.phase).toBe('idle');
      expect(store.getState().unavailable).toBeNull();
      await vi.advanceTimersByTimeAsync(5 * STATUS_RETRY_MS);
      expect(fake.calls).toBe(3);
    });

    it('stops asking when the screens go away', async () => {
      vi.useFakeTimers();
      const fake = failingThenReady(Infinity);
      const store = createStationStore(fake.api);
      const disconnect = store.getState().connect();
      await vi.advanceTimersByTimeAsync(STATUS_RETRY_MS);
      expect(fake.calls).toBe(2);
      disconnect();
      await vi.advanceTimersByTimeAsync(5 * STATUS_RETRY_MS);
      expect(fake.calls).toBe(2);
    });
  });
});
