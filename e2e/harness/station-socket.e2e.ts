// The harness's StationApi socket on its own (no browser): who may connect, what a call is, and that
// answers and events arrive in order on the one channel.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { StationResult } from '../../core/contracts/station-api.ts';
import { serveStationSocket, type StationSocket } from './station-socket.ts';

const ORIGIN = 'https://station.pix.test';
let socket: StationSocket | null = null;
afterEach(async () => {
  await socket?.close();
  socket = null;
});

async function serve(
  dispatch: (method: string, request: unknown) => Promise<StationResult<unknown>>,
): Promise<StationSocket> {
  socket = await serveStationSocket({ dispatch, origin: ORIGIN });
  return socket;
}

/** Connects; resolves with the open socket and every text message it receives. */
function connect(endpoint: string, origin = ORIGIN): Promise<{ ws: WebSocket; received: unknown[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(endpoint, { origin });
    const received: unknown[] = [];
    ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))));
    ws.once('open', () => resolve({ ws, received }));
    ws.once('error', reject);
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('station socket', () => {
  it('answers a call with what the dispatcher answers, under the call id', async () => {
    const calls: [string, unknown][] = [];
    const { endpoint } = await serve(async (method, request) => {
      calls.push([method, request]);
      return { ok: true, value: { method } };
    });
    expect(endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/station\/[\w-]{32}$/);
    const { ws, received } = await connect(endpoint);
    ws.send(JSON.stringify({ id: 7, method: 'getStatus', request: { a: 1 } }));
    await until(() => received.length === 1);
    expect(received[0]).toEqual({ id: 7, result: { ok: true, value: { method: 'getStatus' } } });
    expect(calls).toEqual([['getStatus', { a: 1 }]]);
    ws.close();
  });

  it('lets in neither another origin nor an address without the token', async () => {
    const { endpoint } = await serve(async () => ({ ok: true, value: null }));
    await expect(connect(endpoint, 'https://elsewhere.test')).rejects.toThrow(/403/);
    await expect(connect(endpoint.replace(/\/station\/.*/, '/station/guess'))).rejects.toThrow(/403/);
    const { ws } = await connect(endpoint);
    ws.close();
  });

  it('closes on a message that is not a call, without dispatching it', async () => {
    let dispatched = 0;
    const { endpoint } = await serve(async () => {
      dispatched += 1;
      return { ok: true, value: null };
    });
    const { ws } = await connect(endpoint);
    const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    ws.send(JSON.stringify({ id: 'x', method: 'getStatus', request: {}, extra: true }));
    expect(await closed).toBe(1008);
    expect(dispatched).toBe(0);
  });

  it('sends events to the page in order with the answers', async () => {
    let station: StationSocket | null = null;
    station = await serve(async (method) => {
      station?.broadcast({ type: 'connection', online: false });
      return { ok: true, value: method };
    });
    const { ws, received } = await connect(station.endpoint);
    ws.send(JSON.stringify({ id: 1, method: 'submitAnswer', request: {} }));
    await until(() => received.length === 2);
    expect(received).toEqual([
      { event: { type: 'connection', online: false } },
      { id: 1, result: { ok: true, value: 'submitAnswer' } },
    ]);
    ws.close();
  });
});
