// The harness's StationApi transport: a WebSocket served by the station services' own process on
// 127.0.0.1, which the candidate page reaches in one hop — as Electron's renderer reaches the main
// process over IPC. (Calls used to go page → Playwright binding → test process → station process and
// back, and every event was a page.evaluate: two hops and Playwright's protocol on each, several
// milliseconds per call on two shared cores.) Only the station page's origin, with this run's random
// token in the address, is let in. Each message is JSON text: calls `{ id, method, request }`, answers
// `{ id, result }`, events `{ event }`. The request goes to the station's dispatcher, which checks the
// method and validates it with the StationApi schemas, as under Electron's ipcMain.handle.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { StationEvent, StationResult } from '../../core/contracts/station-api.ts';

/** A call from the page; the request itself is the dispatcher's to validate. */
export const StationSocketCallSchema = z
  .object({ id: z.number().int().nonnegative(), method: z.string().max(100), request: z.unknown() })
  .strict();

export type StationSocketMessage = { id: number; result: StationResult<unknown> } | { event: StationEvent };

export interface StationSocketOptions {
  dispatch(method: string, request: unknown): Promise<StationResult<unknown>>;
  /** The only origin allowed to connect (the candidate screens'). */
  origin: string;
  log?: (message: string) => void;
}

export interface StationSocket {
  /** ws://127.0.0.1:<port>/station/<token> */
  readonly endpoint: string;
  /** Sends an event to every connected page, in order with the answers. */
  broadcast(event: StationEvent): void;
  close(): Promise<void>;
}

/** Big enough for any StationApi request (drafts, addresses), small enough to refuse a flood. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function serveStationSocket(options: StationSocketOptions): Promise<StationSocket> {
  const token = randomBytes(24).toString('base64url');
  const path = `/station/${token}`;
  const http = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!sameText(request.url ?? '', path) || request.headers.origin !== options.origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serve(ws, options));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('the station socket has no port');
  return {
    endpoint: `ws://127.0.0.1:${address.port}${path}`,
    broadcast(event) {
      const text = JSON.stringify({ event } satisfies StationSocketMessage);
      for (const ws of sockets.clients) if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function serve(ws: WebSocket, options: StationSocketOptions): void {
  ws.on('message', (data, isBinary) => {
    let call: z.infer<typeof StationSocketCallSchema>;
    try {
      if (isBinary) throw new Error('binary message');
      const parsed = StationSocketCallSchema.safeParse(JSON.parse(rawText(data)));
      if (!parsed.success) throw new Error('not a StationApi call');
      call = parsed.data;
    } catch (error) {
      // Not a call at all: nothing to answer to, the page is not ours to trust any more.
      options.log?.(`station socket: ${error instanceof Error ? error.message : String(error)}`);
      ws.close(1008, 'not a StationApi call');
      return;
    }
    void options
      .dispatch(call.method, call.request ?? {})
      .catch((): StationResult<unknown> => ({
        ok: false,
        error: { code: 'INTERNAL', message: 'The station did not answer.' },
      }))
      .then((result) => {
        if (ws.readyState === WebSocket.OPEN)
          ws.send(JSON.stringify({ id: call.id, result } satisfies StationSocketMessage));
      });
  });
}

function rawText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
