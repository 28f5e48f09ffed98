// The invigilator's event stream: stored events after Last-Event-ID (or `after` on the first
// connection, since EventSource cannot set headers), then live ones, with nothing lost in between and
// nothing sent twice. A screen whose last event predates this server's start, or that knows events the
// server lost, is told to resync. The stream lives on the screen's login: it ends at logout, when the
// login expires (10 h at most) or no longer opens the session, and the screen then finds out on
// reconnecting (401: log in again).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext, RoomMessage } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { SseStream, lastEventId } from '../http/sse.ts';
import { invigilatorStreamOwner, keepInvigilatorAlive } from '../invigilator/invigilator-auth.ts';
import type { StoredSession } from '../storage/repositories.ts';

const REPLAY_PAGE = 500;

export async function openRoomStream(
  ctx: ServerContext,
  session: StoredSession,
  request: FastifyRequest,
  reply: FastifyReply,
  after: number,
  token: string | null,
): Promise<void> {
  const stream = new SseStream(
    request,
    reply,
    ctx.streams,
    token === null ? null : invigilatorStreamOwner(token),
  );
  // Registered before checking: a logout from now on closes it, one before fails the check.
  if (token === null || !(await watchLogin(ctx, stream, token, session.id))) {
    stream.close();
    return;
  }
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
}

/** Re-checks the login on every keep-alive, and ends the stream when it must expire at the latest. */
async function watchLogin(
  ctx: ServerContext,
  stream: SseStream,
  token: string,
  sessionId: string,
): Promise<boolean> {
  const check = () => keepInvigilatorAlive(ctx, token, sessionId);
  const maxExpiresAt = await check().catch((error: unknown) => refused(ctx, error));
  if (maxExpiresAt === null) return false;
  const expiry = setTimeout(() => stream.close(), Math.max(0, maxExpiresAt - ctx.now()));
  expiry.unref();
  stream.onClose(() => clearTimeout(expiry));
  stream.onKeepAlive(() => {
    check().catch((error: unknown) => {
      refused(ctx, error);
      stream.close();
    });
  });
  return true;
}

/** A login no longer valid, or a check that failed (logged): either way the stream ends. */
function refused(ctx: ServerContext, error: unknown): null {
  if (!(error instanceof ApiError)) ctx.log.error({ err: error }, 'invigilator login check failed');
  return null;
}
