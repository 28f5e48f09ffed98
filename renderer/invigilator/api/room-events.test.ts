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
