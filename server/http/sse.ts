// Server-sent events on a hijacked reply: headers that keep proxies from buffering, a keep-alive comment
// every 15 s, and a clean end when the client goes, the server closes, or the stream's owner (a login,
// a station) loses its access: see closeStreamsOf and onKeepAlive.
import type { FastifyReply, FastifyRequest } from 'fastify';

const KEEP_ALIVE_MS = 15_000;

export class SseStream {
  readonly #reply: FastifyReply;
  readonly #closers: (() => void)[] = [];
  readonly #keepAliveChecks: (() => void)[] = [];
  readonly #keepAlive: NodeJS.Timeout;
  #open = true;
  /** Whose access the stream lives on (a login token, a station), so that its loss can end the stream. */
  readonly owner: string | null;

  constructor(
    request: FastifyRequest,
    reply: FastifyReply,
    registry: Set<SseStream>,
    owner: string | null = null,
    retryMs = 2000,
  ) {
    this.#reply = reply;
    this.owner = owner;
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write(`retry: ${retryMs}\n: connected\n\n`);
    this.#keepAlive = setInterval(() => this.#tick(), KEEP_ALIVE_MS);
    this.#keepAlive.unref();
    registry.add(this);
    this.onClose(() => registry.delete(this));
    request.raw.on('close', () => this.close());
  }

  get open(): boolean {
    return this.#open;
  }

  send(event: { id?: number; event: string; data: unknown }): void {
    if (!this.#open) return;
    const id = event.id === undefined ? '' : `id: ${event.id}\n`;
    this.#reply.raw.write(`${id}event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
  }

  comment(text: string): void {
    if (this.#open) this.#reply.raw.write(`: ${text}\n\n`);
  }

  /**
   * Runs `check` on every keep-alive: the safety net that ends a stream whose access was lost where
   * no closeStreamsOf call could see it (another process, a deleted session).
   */
  onKeepAlive(check: () => void): void {
    if (this.#open) this.#keepAliveChecks.push(check);
  }

  #tick(): void {
    this.comment('keep-alive');
    for (const check of this.#keepAliveChecks) check();
  }

  onClose(closer: () => void): void {
    if (this.#open) this.#closers.push(closer);
    else closer();
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    clearInterval(this.#keepAlive);
    this.#keepAliveChecks.length = 0;
    for (const closer of this.#closers.splice(0)) closer();
    this.#reply.raw.end();
  }
}

/** Ends the open streams of `owner` (logged out, revoked); returns how many. */
export function closeStreamsOf(registry: Iterable<SseStream>, owner: string): number {
  const owned = [...registry].filter((stream) => stream.owner === owner);
  for (const stream of owned) stream.close();
  return owned.length;
}

/** The Last-Event-ID header as a number (0 when absent or not a number). */
export function lastEventId(request: FastifyRequest): number {
  const raw = request.headers['last-event-id'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}
