import { describe, expect, it, vi } from 'vitest';
import { openRoomEvents } from './room-events.ts';

const stream = (text: string) =>
  new Response(new Blob([text]).stream(), { status: 200, headers: { 'content-type': 'text/event-stream' } });

describe('the room event stream, once the login ends', () => {
  it('reconnects once after the server ends the stream, is refused, and asks for a new login', async () => {
    const answers = [stream('retry: 2000\n: connected\n\n'), new Response('{}', { status: 401 })];
    const fetch = vi.fn(async () => answers.shift() ?? new Response('{}', { status: 401 }));
    const seen: string[] = [];
    openRoomEvents({
      url: '/api/invigilator/sessions/ses-1/events',
      lastEventId: () => 0,
      fetch,
      sleep: async () => undefined,
      handlers: {
        onOpen: () => seen.push('open'),
        onEvent: () => undefined,
        onDrop: () => seen.push('drop'),
        onUnauthorized: () => seen.push('unauthorized'),
      },
    });
    await vi.waitFor(() => expect(seen).toContain('unauthorized'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['open', 'drop', 'unauthorized']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('a refused stream', () => {
  it('hands over the server’s code, which tells an expired login from a changed password', async () => {
    const refusals: { status: number; code: string }[] = [];
    for (const response of [
      new Response(JSON.stringify({ error: { code: 'SESSION_EXPIRED', message: 'expired' } }), {
        status: 401,
      }),
      new Response('<html>no</html>', { status: 403 }),
    ]) {
      openRoomEvents({
        url: '/api/invigilator/sessions/ses-1/events',
        lastEventId: () => 0,
        fetch: async () => response,
        sleep: async () => undefined,
        handlers: {
          onOpen: () => undefined,
          onEvent: () => undefined,
          onDrop: () => undefined,
          onUnauthorized: (refusal) => refusals.push(refusal),
        },
      });
    }
    await vi.waitFor(() => expect(refusals).toHaveLength(2));
    expect(refusals).toContainEqual({ status: 401, code: 'SESSION_EXPIRED' });
    expect(refusals).toContainEqual({ status: 403, code: 'HTTP_403' });
  });
});
