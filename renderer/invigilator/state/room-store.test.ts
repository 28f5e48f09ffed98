import { describe, expect, it, vi } from 'vitest';
import type { Room, RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { ApiFailure, type InvigilatorClient } from '../api/invigilator-client.ts';
import { actionKey } from '../api/request-id.ts';
import { FakeStorage, refusingStorage } from '../testing/fake-storage.ts';
import { alertOn, at, card, T0 } from '../testing/room-fixtures.ts';
import {
  forgetPendingRequests,
  MAX_PENDING_REQUESTS,
  PENDING_REQUEST_TTL_MS,
  pendingRequestsKey,
} from './pending-requests.ts';
import { healthNow, REOPEN_SETTLE_MS } from './health-clock.ts';
import { createRoomStore, RESYNC_RETRY_MS } from './room-store.ts';
import { connectionHealth } from '../room/connection-health.ts';
import type { TabStorage } from './tab-storage.ts';

const session = {
  id: 'ses-1',
  number: 12345,
  centreName: 'Collège Jean Moulin',
  address: '12 rue des Écoles',
  room: 'Salle B12',
  date: '2026-12-08',
  time: '09:00',
  examiner: 'Mme Leroy',
  state: 'created' as const,
  finalizedAt: null,
  publishedAt: null,
};

function roomWith(candidates: RoomCandidate[], lastEventId = 4): Room {
  return { session, candidates, lastEventId, serverTime: at(0) };
}

const sse = (events: { id?: number; event: string; data: unknown }[]) =>
  events
    .map(
      (e) =>
        `${e.id === undefined ? '' : `id: ${e.id}\n`}event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`,
    )
    .join('');

/** A stream response that sends `text`, then either ends (a drop) or stays open. */
function streamResponse(text: string, end: boolean): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`retry: 2000\n: connected\n\n${text}`));
      if (end) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

function clientFor(room: Room): InvigilatorClient {
  return { room: vi.fn(async () => room) } as unknown as InvigilatorClient;
}

describe('the room store and its live stream', () => {
  it('applies live events, and after a drop reconnects with Last-Event-ID and misses nothing', async () => {
    const lea = card({ candidateId: 'lea' });
    const requests: { url: string; lastEventId: string | null }[] = [];
    const streams = [
      streamResponse(
        sse([
          {
            id: 5,
            event: 'candidate',
            data: { cause: 'alertRaised', candidate: { ...lea, alert: alertOn(3, 0) } },
          },
        ]),
        true,
      ),
      streamResponse(
        sse([
          {
            id: 6,
            event: 'candidate',
            data: {
              cause: 'alert:validated',
              candidate: { ...lea, progress: { question: 4, answered: 3, total: 48 } },
            },
          },
          { id: 7, event: 'incidents', data: { candidateId: 'lea', count: 2 } },
          {
            event: 'presence',
            data: {
              serverTime: at(2000),
              heartbeats: [
                {
                  candidateId: 'lea',
                  lastHeartbeatAt: at(2000),
                  timeLeftMs: 1000,
                  timeLeftAt: at(2000),
                  timeLeftAddedMs: null,
                },
              ],
              resumeRequests: [],
            },
          },
        ]),
        false,
      ),
    ];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      requests.push({ url, lastEventId: new Headers(init?.headers).get('last-event-id') });
      const next = streams.shift();
      if (!next) return new Promise<Response>(() => undefined);
      return next;
    });
    const states: string[] = [];
    const store = createRoomStore({
      sessionId: 'ses-1',
      client: clientFor(roomWith([lea])),
      fetch,
      storage: null,
      now: () => T0,
      sleep: async () => undefined,
    });
    store.subscribe((s, before) => {
      if (s.stream !== before.stream) states.push(s.stream);
    });
    await store.getState().load();
    expect(store.getState().lastEventId).toBe(4);
    const close = store.getState().connect();
    await vi.waitFor(() => expect(store.getState().candidates.lea?.timeLeftMs).toBe(1000));
    close();

    expect(requests.map((r) => [r.url, r.lastEventId])).toEqual([
      ['/api/invigilator/sessions/ses-1/events?after=4', '4'],
      ['/api/invigilator/sessions/ses-1/events?after=5', '5'],
    ]);
    expect(states).toEqual(['open', 'lost', 'open']);
    const after = store.getState().candidates.lea;
    expect(after?.progress?.question).toBe(4);
    expect(after?.incidents).toBe(2);
    expect(after?.lastHeartbeatAt).toBe(at(2000));
  });

  it('stops and asks for a new login when the stream is refused', async () => {
    const store = createRoomStore({
      sessionId: 'ses-1',
      client: clientFor(roomWith([])),
      fetch: async () => new Response('{}', { status: 401 }),
      storage: null,
      sleep: async () => undefined,
    });
    await store.getState().load();
    const close = store.getState().connect();
    await vi.waitFor(() => expect(store.getState().unauthorized).toBe(true));
    close();
  });

  it('says why the login ended: an expiry wins over the « unknown login » that follows it', async () => {
    const refusal = (code: string) =>
      new Response(JSON.stringify({ error: { code, message: 'log in again' } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    const store = createRoomStore({
      sessionId: 'ses-1',
      client: clientFor(roomWith([])),
      fetch: async () => refusal('SESSION_EXPIRED'),
      storage: null,
      sleep: async () => undefined,
    });
    await store.getState().load();
    expect(store.getState().loginEnd).toBeNull();
    const close = store.getState().connect();
    await vi.waitFor(() => expect(store.getState().loginEnd).toBe('expired'));
    close();
    store.getState().endLogin({ status: 401, code: 'NOT_AUTHENTICATED' });
    expect(store.getState()).toMatchObject({ unauthorized: true, loginEnd: 'expired' });

    const changed = createRoomStore({ sessionId: 'ses-1', client: clientFor(roomWith([])), storage: null });
    changed.getState().endLogin({ status: 401, code: 'PASSWORD_CHANGED' });
    changed.getState().endLogin({ status: 401, code: 'NOT_AUTHENTICATED' });
    expect(changed.getState()).toMatchObject({ unauthorized: true, loginEnd: 'passwordChanged' });

    const unknown = createRoomStore({ sessionId: 'ses-1', client: clientFor(roomWith([])), storage: null });
    unknown.getState().endLogin({ status: 401, code: 'NOT_AUTHENTICATED' });
    expect(unknown.getState()).toMatchObject({ unauthorized: true, loginEnd: 'ended' });
  });

  it('reloads the room when the server says to resync, and remembers acknowledged lockdown events', async () => {
    const lea = card({
      candidateId: 'lea',
      lockdownEvents: [{ event: 'focusLost', detail: '', at: at(-1000) }],
    });
    const client = clientFor(roomWith([lea], 10));
    const saved = new Map<string, string>();
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
    };
    const store = createRoomStore({ sessionId: 'ses-1', client, storage });
    store.getState().applyEvent({ id: null, name: 'resync', data: {} });
    await vi.waitFor(() => expect(store.getState().loaded).toBe(true));
    expect(client.room).toHaveBeenCalledTimes(1);
    store.getState().acknowledgeLockdown('lea');
    expect(store.getState().lockdownSeen).toEqual({ lea: at(-1000) });
    const again = createRoomStore({ sessionId: 'ses-1', client, storage });
    expect(again.getState().lockdownSeen).toEqual({ lea: at(-1000) });
  });

  it('ignores an event already applied, and says the screen is out of date when an event does not match the contract', () => {
    const store = createRoomStore({ sessionId: 'ses-1', client: clientFor(roomWith([])), storage: null });
    store
      .getState()
      .applyEvent({ id: 3, name: 'candidate', data: { cause: 'x', candidate: card({ candidateId: 'a' }) } });
    store
      .getState()
      .applyEvent({ id: 3, name: 'candidate', data: { cause: 'x', candidate: card({ candidateId: 'b' }) } });
    expect(store.getState().outdated).toBe(false);
    // A server updated during the session: a card with a field this screen does not know.
    store.getState().applyEvent({
      id: 4,
      name: 'candidate',
      data: { cause: 'x', candidate: { ...card({ candidateId: 'c' }), newField: true } },
    });
    expect(Object.keys(store.getState().candidates)).toEqual(['a']);
    expect(store.getState().lastEventId).toBe(4);
    expect(store.getState().outdated).toBe(true);
  });

  it('keeps the station where a candidate waits for the resume heard, only while the card names it', () => {
    const request = { stationId: 'st-9', stationName: 'Poste 09', at: at(-60_000), lastHeardAt: at(-1000) };
    const lea = card({ candidateId: 'lea', state: 'resumePending', resumeRequest: request });
    const hugo = card({ candidateId: 'hugo', state: 'resumePending', resumeRequest: request });
    const store = createRoomStore({ sessionId: 'ses-1', client: clientFor(roomWith([])), storage: null });
    store.getState().applyEvent({ id: 1, name: 'candidate', data: { cause: 'x', candidate: lea } });
    store.getState().applyEvent({ id: 2, name: 'candidate', data: { cause: 'x', candidate: hugo } });
    store.getState().applyEvent({
      id: null,
      name: 'presence',
      data: {
        serverTime: at(3000),
        heartbeats: [],
        resumeRequests: [
          { candidateId: 'lea', stationId: 'st-9', lastHeardAt: at(3000) },
          // Another station than the one the card names (an older request): not this one's news.
          { candidateId: 'hugo', stationId: 'st-4', lastHeardAt: at(3000) },
        ],
      },
    });
    expect(store.getState().outdated).toBe(false);
    const { candidates } = store.getState();
    expect(candidates.lea?.resumeRequest).toEqual({ ...request, lastHeardAt: at(3000) });
    expect(candidates.lea?.lastHeartbeatAt).toBe(lea.lastHeartbeatAt);
    expect(candidates.hugo?.resumeRequest).toEqual(request);
  });

  it('drops the card of a candidate the back office removed, once, and only theirs', () => {
    const store = createRoomStore({
      sessionId: 'ses-1',
      client: clientFor(roomWith([])),
      storage: null,
    });
    for (const [id, candidateId] of [
      [1, 'lea'],
      [2, 'hugo'],
    ] as const) {
      store
        .getState()
        .applyEvent({ id, name: 'candidate', data: { cause: 'enrolled', candidate: card({ candidateId }) } });
    }
    store.getState().applyEvent({ id: 3, name: 'removed', data: { candidateId: 'lea' } });
    expect(Object.keys(store.getState().candidates)).toEqual(['hugo']);
    expect(store.getState().lastEventId).toBe(3);
  });

  describe('reloading the room while the stream goes on (resync after a server restart)', () => {
    /** A client whose room answers come when the test says, in any order. */
    function deferredRooms() {
      const answers: ((room: Room) => void)[] = [];
      const client = {
        room: vi.fn(() => new Promise<Room>((resolve) => answers.push(resolve))),
      } as unknown as InvigilatorClient;
      return { client, answer: (i: number, room: Room) => answers[i]?.(room) };
    }
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    it('keeps what the stream brought after the room was read: an alert, a removal, reports, a session change, newer heartbeats', async () => {
      const lea = card({ candidateId: 'lea' });
      const hugo = card({ candidateId: 'hugo' });
      const zoe = card({ candidateId: 'zoe', lastHeartbeatAt: at(0) });
      const rooms = deferredRooms();
      const store = createRoomStore({ sessionId: 'ses-1', client: rooms.client, storage: null });
      const first = store.getState().load();
      rooms.answer(0, roomWith([lea, hugo, zoe], 10));
      await first;

      store.getState().applyEvent({ id: null, name: 'resync', data: {} });
      const alerted = { ...lea, alert: alertOn(7, 0) };
      // Event 11 is older than the room the server reads (its last event id is 11): the answer wins.
      store.getState().applyEvent({
        id: 11,
        name: 'candidate',
        data: { cause: 'x', candidate: { ...hugo, incidents: 9 } },
      });
      store
        .getState()
        .applyEvent({ id: 12, name: 'candidate', data: { cause: 'alertRaised', candidate: alerted } });
      store.getState().applyEvent({ id: 13, name: 'removed', data: { candidateId: 'hugo' } });
      store.getState().applyEvent({ id: 14, name: 'incidents', data: { candidateId: 'zoe', count: 3 } });
      store
        .getState()
        .applyEvent({ id: 15, name: 'session', data: { session: { ...session, state: 'finalized' } } });
      store.getState().applyEvent({
        id: null,
        name: 'presence',
        data: {
          serverTime: at(5000),
          heartbeats: [
            {
              candidateId: 'zoe',
              lastHeartbeatAt: at(5000),
              timeLeftMs: 500,
              timeLeftAt: at(5000),
              timeLeftAddedMs: 600_000,
            },
            {
              candidateId: 'lea',
              lastHeartbeatAt: at(1000),
              timeLeftMs: 900,
              timeLeftAt: at(1000),
              timeLeftAddedMs: null,
            },
          ],
          resumeRequests: [],
        },
      });
      // The server read the room up to event 11, before the others were stored; Léa's heartbeat it has
      // is newer than the presence event's.
      const leaThen = { ...lea, lastHeartbeatAt: at(3000), timeLeftMs: 700, timeLeftAt: at(3000) };
      const zoeThen = { ...zoe, station: { id: 'st-z', name: 'Poste 20' } };
      rooms.answer(1, roomWith([leaThen, { ...hugo, incidents: 1 }, zoeThen], 11));
      await settle();

      const { candidates, lastEventId } = store.getState();
      expect(lastEventId).toBe(15);
      expect(candidates.lea?.alert).toEqual(alerted.alert);
      expect(candidates.hugo).toBeUndefined();
      expect(candidates.zoe).toEqual({
        ...zoeThen,
        incidents: 3,
        lastHeartbeatAt: at(5000),
        timeLeftMs: 500,
        timeLeftAt: at(5000),
        timeLeftAddedMs: 600_000,
      });
      expect(store.getState().session?.state).toBe('finalized');
    });

    it('takes the room as read for what came before the reload, and the newer answer when two reloads cross', async () => {
      const lea = card({ candidateId: 'lea' });
      const rooms = deferredRooms();
      const store = createRoomStore({ sessionId: 'ses-1', client: rooms.client, storage: null });
      // A card the stream brought before the restart; the restarted server's room is the truth.
      store
        .getState()
        .applyEvent({ id: 20, name: 'candidate', data: { cause: 'x', candidate: { ...lea, incidents: 4 } } });
      store.getState().applyEvent({ id: null, name: 'resync', data: {} });
      store.getState().applyEvent({ id: null, name: 'resync', data: {} });
      rooms.answer(1, roomWith([{ ...lea, incidents: 2 }], 22));
      await settle();
      expect(store.getState().candidates.lea?.incidents).toBe(2);
      // The first reload answers last, with an older room: it is not shown.
      rooms.answer(0, roomWith([{ ...lea, incidents: 1 }], 21));
      await settle();
      expect(store.getState().candidates.lea?.incidents).toBe(2);
      expect(store.getState().lastEventId).toBe(22);
    });

    it("keeps an action's answer that came during the reload, when the room read is older", async () => {
      const lea = card({ candidateId: 'lea' });
      const rooms = deferredRooms();
      const store = createRoomStore({ sessionId: 'ses-1', client: rooms.client, storage: null });
      const loading = store.getState().load();
      const added = { ...lea, addedMs: 600_000 };
      store.getState().applyIssued({ candidate: added, eventId: 3 });
      rooms.answer(0, roomWith([lea], 2));
      await loading;
      expect(store.getState().candidates.lea?.addedMs).toBe(600_000);
    });
  });

  it('judges stations as of the loss for a while after the stream reopens, not as muted (heartbeats are not replayed)', async () => {
    let clock = T0;
    const lea = card({ candidateId: 'lea', lastHeartbeatAt: at(0) });
    const streams = [streamResponse('', true), streamResponse('', false)];
    let wake = (): void => undefined;
    const store = createRoomStore({
      sessionId: 'ses-1',
      client: clientFor(roomWith([lea])),
      fetch: async () => streams.shift() ?? new Promise<Response>(() => undefined),
      storage: null,
      now: () => clock,
      sleep: () => new Promise<void>((resolve) => (wake = resolve)),
    });
    await store.getState().load();
    const close = store.getState().connect();
    await vi.waitFor(() => expect(store.getState().stream).toBe('lost'));
    expect(store.getState().lostAtServerMs).toBe(T0);
    // Cut off for 30 s, then back: no heartbeat was replayed, the card still says 09:00:00.
    clock += 30_000;
    wake();
    await vi.waitFor(() => expect(store.getState().stream).toBe('open'));
    const judged = (at: number) => connectionHealth(lea, healthNow(store.getState(), at)).health;
    expect(judged(clock + 1_000)).toBe('ok');
    // Each live station is heard again within that time; one that stays silent turns red then.
    expect(judged(clock + REOPEN_SETTLE_MS)).toBe('lost');
    // A fetch of the room brings current heartbeats: judged as of now again.
    await store.getState().load();
    expect(healthNow(store.getState(), clock + 1_000)).toBe(clock + 1_000);
    close();
  });

  it('fetches the room again, with a growing delay, until a resync works, and says meanwhile it is not up to date', async () => {
    const lea = card({ candidateId: 'lea' });
    let answers = 0;
    const room = vi.fn(async () => {
      answers += 1;
      // The first fetch (the page's) works; after the resync the server fails twice.
      if (answers === 2 || answers === 3) throw new ApiFailure(502, 'BAD_GATEWAY', 'down');
      return roomWith([{ ...lea, incidents: answers }], 10);
    });
    const waits: number[] = [];
    const seen: boolean[] = [];
    const store = createRoomStore({
      sessionId: 'ses-1',
      client: { room } as unknown as InvigilatorClient,
      storage: null,
      sleep: async (ms) => void waits.push(ms),
    });
    await store.getState().load();
    store.subscribe((s, before) => {
      if (s.resyncFailed !== before.resyncFailed) seen.push(s.resyncFailed);
    });
    store.getState().applyEvent({ id: 11, name: 'resync', data: {} });
    await vi.waitFor(() => expect(room).toHaveBeenCalledTimes(4));
    await vi.waitFor(() => expect(store.getState().resyncFailed).toBe(false));
    expect(seen).toEqual([true, false]);
    expect(waits).toEqual([RESYNC_RETRY_MS[0], RESYNC_RETRY_MS[1]]);
    expect(store.getState().candidates.lea?.incidents).toBe(4);
  });

  it("keeps the card the stream brought when an action's answer comes after it (the station was faster)", () => {
    const store = createRoomStore({ sessionId: 'ses-1', client: clientFor(roomWith([])), storage: null });
    const addTime = { id: 'cmd-1', type: 'addTime' as const, issuedAt: at(0), acknowledgedAt: null };
    const pending = card({ candidateId: 'lea', pendingCommands: [addTime] });
    const received = card({ candidateId: 'lea', pendingCommands: [] });
    // The command's card is event 5; the station acknowledged it (event 6) before the answer arrived.
    store
      .getState()
      .applyEvent({ id: 5, name: 'candidate', data: { cause: 'command:addTime', candidate: pending } });
    store
      .getState()
      .applyEvent({ id: 6, name: 'candidate', data: { cause: 'acknowledged:addTime', candidate: received } });
    store.getState().applyIssued({ candidate: pending, eventId: 5 });
    expect(store.getState().candidates['lea']?.pendingCommands).toEqual([]);
    // An answer ahead of the stream is shown at once; the stream's later events still replace it.
    store.getState().applyIssued({ candidate: pending, eventId: 7 });
    expect(store.getState().candidates['lea']?.pendingCommands).toEqual([addTime]);
    store
      .getState()
      .applyEvent({ id: 8, name: 'candidate', data: { cause: 'acknowledged:addTime', candidate: received } });
    expect(store.getState().candidates['lea']?.pendingCommands).toEqual([]);
  });
});

describe('the request ids of the invigilator’s actions, kept in the room store', () => {
  const storeWithIds = () => {
    let drawn = 0;
    return createRoomStore({
      sessionId: 'ses-1',
      client: clientFor(roomWith([])),
      storage: null,
      tabStorage: null,
      newRequestId: () => `id-${++drawn}`,
    });
  };
  const addTen = actionKey('lea', 'command', { type: 'addTime', minutes: 10 });

  it('gives the same id again to the same action after a lost answer, whichever dialog asks', () => {
    const store = storeWithIds();
    // « Ajouter 10 min » for Léa: the answer is lost, the invigilator cancels the dialog…
    const first = store.getState().requestIdFor(addTen);
    store.getState().requestAnswered(addTen, new ApiFailure(0, 'NETWORK', 'no answer'));
    // …opens it again for the same action (the parameters written in another order, say): same id.
    expect(store.getState().requestIdFor(actionKey('lea', 'command', { minutes: 10, type: 'addTime' }))).toBe(
      first,
    );
    // A server error, a login that ended, a wait asked: the action may be done, the id is kept.
    for (const error of [
      new ApiFailure(500, 'INTERNAL', 'oops'),
      new ApiFailure(401, 'SESSION_EXPIRED', 'expired'),
      new ApiFailure(429, 'RATE_LIMITED', 'wait'),
      new Error('the page could not read the answer'),
    ]) {
      store.getState().requestAnswered(addTen, error);
      expect(store.getState().requestIdFor(addTen)).toBe(first);
    }
    // Another action, another candidate, other parameters: other ids.
    const others = [
      actionKey('lea', 'command', { type: 'addTime', minutes: 15 }),
      actionKey('tom', 'command', { type: 'addTime', minutes: 10 }),
      actionKey('lea', 'alertDecision', { alertId: 'a-1', decision: 'dismissed', reasonCode: null }),
    ].map((key) => store.getState().requestIdFor(key));
    expect(new Set([first, ...others]).size).toBe(4);
  });

  it('draws a new id once the action is done, or refused for good', () => {
    const store = storeWithIds();
    const first = store.getState().requestIdFor(addTen);
    store.getState().requestAnswered(addTen);
    // The same action again, on purpose: a new one.
    const second = store.getState().requestIdFor(addTen);
    expect(second).not.toBe(first);
    // Refused (the station is offline): nothing was issued under it, the next try is a new request.
    store.getState().requestAnswered(addTen, new ApiFailure(409, 'STATION_OFFLINE', 'offline'));
    expect(store.getState().requestIdFor(addTen)).not.toBe(second);
  });

  describe('reused only to retry the same action the invigilator did not see done', () => {
    let clock = T0;
    const lost = new ApiFailure(502, 'BAD_GATEWAY', 'no answer');
    const storeWith = (...cards: RoomCandidate[]) => {
      let drawn = 0;
      const store = createRoomStore({
        sessionId: 'ses-1',
        client: clientFor(roomWith([])),
        storage: null,
        tabStorage: null,
        now: () => clock,
        newRequestId: () => `id-${++drawn}`,
      });
      cards.forEach((candidate, i) =>
        store.getState().applyEvent({ id: i + 1, name: 'candidate', data: { cause: 'x', candidate } }),
      );
      return store;
    };
    const lea = card({ candidateId: 'lea', addedMs: 0 });

    it('draws a new id once the kept one is older than the TTL, without a reload', () => {
      const store = storeWith(lea);
      // « Ajouter 10 min » at 10:00: applied, but its answer is lost (502).
      const first = store.getState().requestIdFor(addTen);
      store.getState().requestAnswered(addTen, lost);
      clock += 5 * 60_000;
      expect(store.getState().requestIdFor(addTen)).toBe(first);
      store.getState().requestAnswered(addTen, lost);
      // « Ajouter 10 min » again at 10:45: meant as 10 more minutes, not a replay of the first answer.
      clock += PENDING_REQUEST_TTL_MS + 1;
      expect(store.getState().requestIdFor(addTen)).not.toBe(first);
    });

    it('keeps the id of an action whose answer was lost, even once the room shows it done', () => {
      const store = storeWith(lea);
      const first = store.getState().requestIdFor(addTen);
      // The screen says « le serveur ne répond pas, réessayez ».
      expect(store.getState().requestAnswered(addTen, lost)).toBe('failed');
      // The stream comes back and shows the 10 minutes added: the invigilator, told to, tries again.
      store.getState().applyEvent({
        id: 10,
        name: 'candidate',
        data: { cause: 'command:addTime', candidate: { ...lea, addedMs: 600_000 } },
      });
      // The same id: the server replays its first answer, the time is not added twice.
      expect(store.getState().requestIdFor(addTen)).toBe(first);
    });

    it('keeps a lost action’s id when a later action on that candidate succeeded (a retry of it replays it)', () => {
      const tom = card({ candidateId: 'tom' });
      const store = storeWith(lea, tom);
      const pause = actionKey('lea', 'command', { type: 'pause', reason: '' });
      const tomPause = actionKey('tom', 'command', { type: 'pause', reason: '' });
      const first = store.getState().requestIdFor(pause);
      store.getState().requestAnswered(pause, lost);
      const tomFirst = store.getState().requestIdFor(tomPause);
      store.getState().requestAnswered(tomPause, lost);
      const unlock = actionKey('lea', 'command', { type: 'unlock' });
      store.getState().requestIdFor(unlock);
      expect(store.getState().requestAnswered(unlock)).toBe('done');
      expect(store.getState().requestIdFor(pause)).toBe(first);
      expect(store.getState().requestIdFor(tomPause)).toBe(tomFirst);
      // Done at last: the next pause is a new action.
      expect(store.getState().requestAnswered(pause)).toBe('done');
      expect(store.getState().requestIdFor(pause)).not.toBe(first);
    });

    it('tells the action done when its answer is lost but the stream showed it meanwhile', () => {
      const store = storeWith(lea);
      const first = store.getState().requestIdFor(addTen);
      const issued = { id: 'cmd-1', type: 'addTime', issuedAt: at(clock - T0 + 300), acknowledgedAt: null };
      store.getState().applyEvent({
        id: 10,
        name: 'candidate',
        data: { cause: 'command:addTime', candidate: { ...lea, pendingCommands: [issued] } },
      });
      expect(store.getState().requestAnswered(addTen, lost)).toBe('done');
      expect(store.getState().requestIdFor(addTen)).not.toBe(first);
    });

    it('tells an alert decision done when the stream shows that very decision taken', () => {
      const alert = alertOn(3, 0);
      const store = storeWith({ ...lea, alert });
      const validate = actionKey('lea', 'alertDecision', {
        alertId: alert.id,
        decision: 'validated',
        reasonCode: 'E1',
      });
      store.getState().requestIdFor(validate);
      const decided = {
        ...lea,
        alert: null,
        lastAlertDecision: {
          alertId: alert.id,
          decision: 'validated' as const,
          reasonCode: 'E1' as const,
          questionNumber: 3,
          decidedAt: at(clock - T0),
        },
      };
      store
        .getState()
        .applyEvent({ id: 10, name: 'candidate', data: { cause: 'alert', candidate: decided } });
      expect(store.getState().requestAnswered(validate, lost)).toBe('done');
      // Decided otherwise (on another screen): not this one, which stays failed.
      const other = storeWith({ ...lea, alert });
      other.getState().requestIdFor(validate);
      other.getState().applyEvent({
        id: 10,
        name: 'candidate',
        data: {
          cause: 'alert',
          candidate: {
            ...decided,
            lastAlertDecision: { ...decided.lastAlertDecision, decision: 'dismissed', reasonCode: null },
          },
        },
      });
      expect(other.getState().requestAnswered(validate, lost)).toBe('failed');
    });

    it('keeps the id when nothing shows the action done (a retry must not issue it twice)', () => {
      const store = storeWith(lea);
      const first = store.getState().requestIdFor(addTen);
      // Another card change that is not this action's effect.
      store.getState().applyEvent({
        id: 10,
        name: 'candidate',
        data: { cause: 'progress', candidate: { ...lea, progress: { question: 4, answered: 3, total: 48 } } },
      });
      expect(store.getState().requestAnswered(addTen, lost)).toBe('failed');
      expect(store.getState().requestIdFor(addTen)).toBe(first);
    });
  });

  describe('across a reload of the page (the tab’s storage)', () => {
    let clock = T0;
    let drawn = 0;
    const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    /** The room store a (re)loaded page creates: its ids drawn anew, what the tab kept read back. */
    const page = (tab: TabStorage | null, sessionId = 'ses-1') =>
      createRoomStore({
        sessionId,
        client: clientFor(roomWith([])),
        storage: null,
        tabStorage: tab,
        now: () => clock,
        newRequestId: () => uuid(++drawn),
      });
    const lost = new ApiFailure(0, 'NETWORK', 'no answer');

    it('sends the id of the unanswered action again after a reload, for that session only', () => {
      const tab = new FakeStorage();
      const before = page(tab).getState();
      const first = before.requestIdFor(addTen);
      before.requestAnswered(addTen, lost);
      // Nothing seems to happen: the invigilator reloads the page, and asks again.
      clock += 60_000;
      const after = page(tab).getState();
      expect(after.requestIdFor(addTen)).toBe(first);
      expect(page(tab, 'ses-2').getState().requestIdFor(addTen)).not.toBe(first);
      // Done this time: gone from the tab; the same action after another reload is a new one.
      after.requestAnswered(addTen);
      expect(tab.items.has(pendingRequestsKey('ses-1'))).toBe(false);
      expect(page(tab).getState().requestIdFor(addTen)).not.toBe(first);
    });

    it('forgets an action refused for good, and all of them on logout', () => {
      const tab = new FakeStorage();
      const store = page(tab).getState();
      const first = store.requestIdFor(addTen);
      store.requestAnswered(addTen, new ApiFailure(409, 'STATION_OFFLINE', 'offline'));
      expect(page(tab).getState().requestIdFor(addTen)).not.toBe(first);
      const pending = page(tab).getState().requestIdFor(addTen);
      forgetPendingRequests(tab, 'ses-1');
      expect(page(tab).getState().requestIdFor(addTen)).not.toBe(pending);
    });

    it('drops what is damaged, older than the TTL, or past the cap (the most recently used stay)', () => {
      const tab = new FakeStorage();
      const addFifteen = actionKey('lea', 'command', { type: 'addTime', minutes: 15 });
      const store = page(tab).getState();
      const old = store.requestIdFor(addFifteen);
      clock += 60_000;
      const kept = store.requestIdFor(addTen);
      // Tampered with: an id the server would refuse, an entry missing its time.
      const stored = JSON.parse(tab.items.get(pendingRequestsKey('ses-1')) ?? '') as { entries: unknown[] };
      stored.entries.push({ key: 'x', id: 'not-a-uuid', usedAt: clock }, { key: 'y', id: uuid(999) });
      tab.setItem(pendingRequestsKey('ses-1'), JSON.stringify(stored));
      clock += PENDING_REQUEST_TTL_MS - 30_000; // addFifteen last used more than the TTL ago, addTen not
      const reloaded = page(tab).getState();
      expect(reloaded.requestIdFor(addTen)).toBe(kept);
      expect(reloaded.requestIdFor(addFifteen)).not.toBe(old);
      const entries = () =>
        (JSON.parse(tab.items.get(pendingRequestsKey('ses-1')) ?? '') as { entries: { key: string }[] })
          .entries;
      expect(
        entries()
          .map((e) => e.key)
          .sort(),
      ).toEqual([addTen, addFifteen].sort());
      for (let i = 0; i < MAX_PENDING_REQUESTS + 5; i++) {
        clock += 1;
        reloaded.requestIdFor(actionKey(`c-${i}`, 'command', { type: 'pause' }));
      }
      expect(entries()).toHaveLength(MAX_PENDING_REQUESTS);
      expect(entries()[0]?.key).toBe(
        actionKey(`c-${MAX_PENDING_REQUESTS + 4}`, 'command', { type: 'pause' }),
      );
      // Not JSON at all: nothing is read back, nothing throws.
      tab.setItem(pendingRequestsKey('ses-1'), '{oops');
      expect(page(tab).getState().requestIdFor(addTen)).not.toBe(kept);
    });

    it('keeps the ids in memory when the storage refuses', () => {
      const store = page(refusingStorage).getState();
      const first = store.requestIdFor(addTen);
      store.requestAnswered(addTen, lost);
      expect(store.requestIdFor(addTen)).toBe(first);
      store.requestAnswered(addTen);
      expect(store.requestIdFor(addTen)).not.toBe(first);
    });
  });
});
