// The room's live event stream (server-sent events), read with fetch rather than EventSource so that
// the screen can tell a refused login (401: log in again) from a network drop, send Last-Event-ID on
// every reconnection, and notice a silent dead connection (the server sends a keep-alive comment every
// 15 s: nothing for WATCHDOG_MS means the connection is gone). After a drop it reconnects by itself,
// with a growing delay, and the server replays every stored event after the last id received.
import { createParser } from 'eventsource-parser';
import type { Fetch } from './invigilator-client.ts';

export const WATCHDOG_MS = 40_000;
const RETRY_STEPS_MS = [500, 1000, 2000, 4000, 8000] as const;

export interface RoomEvent {
  /** Stored events carry an increasing id; `presence` events have none. */
  id: number | null;
  name: string;
  data: unknown;
}

export interface RoomEventsHandlers {
  /** The stream is open (again): events flow. */
  onOpen(): void;
  onEvent(event: RoomEvent): void;
  /** The stream dropped; it reconnects by itself. */
  onDrop(reason: string): void;
  /** The login is no longer valid (401/403, with the server's code: why): the stream stops. */
  onUnauthorized(refusal: { status: number; code: string }): void;
}

export interface RoomEventsOptions {
  url: string;
  /** The last stored event the screen has applied (asked again at each reconnection). */
  lastEventId(): number;
  handlers: RoomEventsHandlers;
  fetch?: Fetch;
  watchdogMs?: number;
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RoomEventsConnection {
  close(): void;
}

/** The code of a refusal's body ({ error: { code } }), or HTTP_<status> when it has none. */
async function refusalCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } } | null;
    if (typeof body?.error?.code === 'string') return body.error.code;
  } catch {
    // Not JSON.
  }
  return `HTTP_${response.status}`;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function openRoomEvents(options: RoomEventsOptions): RoomEventsConnection {
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const watchdogMs = options.watchdogMs ?? WATCHDOG_MS;
  let closed = false;
  let current: AbortController | null = null;

  async function once(): Promise<'dropped' | { status: number; code: string }> {
    const controller = new AbortController();
    current = controller;
    const after = options.lastEventId();
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    const feedWatchdog = () => {
      if (watchdog !== null) clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(new Error('no data from the server')), watchdogMs);
    };
    try {
      const separator = options.url.includes('?') ? '&' : '?';
      const response = await fetchImpl(`${options.url}${separator}after=${after}`, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { accept: 'text/event-stream', ...(after > 0 ? { 'last-event-id': String(after) } : {}) },
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) {
        return { status: response.status, code: await refusalCode(response) };
      }
      if (!response.ok || !response.body) {
        options.handlers.onDrop(`HTTP ${response.status}`);
        return 'dropped';
      }
      const parser = createParser({
        onEvent(message) {
          let data: unknown;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          const id = message.id === undefined ? null : Number(message.id);
          options.handlers.onEvent({
            id: id !== null && Number.isSafeInteger(id) ? id : null,
            name: message.event ?? 'message',
            data,
          });
        },
        onComment: feedWatchdog,
      });
      feedWatchdog();
      options.handlers.onOpen();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feedWatchdog();
        parser.feed(value);
      }
      options.handlers.onDrop('the server closed the stream');
      return 'dropped';
    } catch (error) {
      if (!closed) options.handlers.onDrop(error instanceof Error ? error.message : String(error));
      return 'dropped';
    } finally {
      if (watchdog !== null) clearTimeout(watchdog);
      controller.abort();
    }
  }

  void (async () => {
    let attempt = 0;
    while (!closed) {
      const openedAt = Date.now();
      const outcome = await once();
      if (closed) break;
      if (outcome !== 'dropped') {
        options.handlers.onUnauthorized(outcome);
        break;
      }
      // A stream that stayed up a while starts the delays over.
      if (Date.now() - openedAt > 10_000) attempt = 0;
      await sleep(RETRY_STEPS_MS[Math.min(attempt, RETRY_STEPS_MS.length - 1)] ?? 8000);
      attempt += 1;
    }
  })();

  return {
    close() {
      closed = true;
      current?.abort();
    },
  };
}
