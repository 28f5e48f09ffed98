// The invigilator's event stream: stored events after Last-Event-ID (or `after` on the first
// connection, since EventSource cannot set headers), then live ones, with nothing lost in between and
// nothing sent twice. A screen whose last event predates this server's start, or that knows events the
// server lost, is told to resync.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext, RoomMessage } from '../context.ts';
import { SseStream, lastEventId } from '../http/sse.ts';
import { keepInvigilatorAlive } from '../invigilator/invigilator-auth.ts';
import type { StoredSession } from '../storage/repositories.ts';

const REPLAY_PAGE = 500;
const TOKEN_REFRESH_MS = 60_000;

export async function openRoomStream(
  ctx: ServerContext,
  session: StoredSession,
  request: FastifyRequest,
  reply: FastifyReply,
  after: number,
  token: string | null,
): Promise<void> {
  const stream = new SseStream(request, reply, ctx.streams);
  let sent = lastEventId(request) || after;
  let replaying = true;
  const buffered: RoomMessage[] = [];
  const deliver = (message: RoomMessage) => {
    if (message.kind === 'presence') {
      stream.send({ event: 'presence', data: message.data });
    } else if (message.event.seq > sent) {
      sent = message.event.seq;
      stream.send({ id: message.event.seq, event: message.event.type, data: message.event.data });
    }
  };
  stream.onClose(
    ctx.roomBus.subscribe(session.id, (message) => (replaying ? buffered.push(message) : deliver(message))),
  );
  // The screen's last event predates this server's start, or is one the server no longer has (lost to
  // a power cut): its picture may be stale, it must fetch the room again.
  if (sent > 0 && (sent <= ctx.feed.bootSeq || sent > (await ctx.store.events.maxSeq()))) {
    stream.send({ event: 'resync', data: {} });
  }
  for (;;) {
    const page = await ctx.store.events.after(session.id, sent, REPLAY_PAGE);
    for (const event of page) deliver({ kind: 'event', event });
    if (page.length < REPLAY_PAGE || !stream.open) break;
  }
  replaying = false;
  for (const message of buffered.splice(0)) deliver(message);

  if (token) {
    const keepAlive = setInterval(() => {
      keepInvigilatorAlive(ctx, token).catch((error: unknown) =>
        ctx.log.error({ err: error }, 'token refresh failed'),
      );
    }, TOKEN_REFRESH_MS);
    keepAlive.unref();
    stream.onClose(() => clearInterval(keepAlive));
  }
}
