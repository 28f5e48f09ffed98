// The station's command stream (SSE, core/contracts/station-server.ts): on connect, every
// unacknowledged command after Last-Event-ID; then each new command as it is issued; and again any
// command still unacknowledged after COMMAND_REDELIVERY_MS, until the station acknowledges it. The
// stream ends when the station is revoked (its reconnection is then refused with 403).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMMAND_REDELIVERY_MS, STATION_COMMAND_EVENT } from '../../core/contracts/station-server.ts';
import type { ServerContext } from '../context.ts';
import { SseStream, closeStreamsOf, lastEventId } from '../http/sse.ts';
import type { StoredCommand, StoredStation } from '../storage/repositories.ts';

export async function openCommandStream(
  ctx: ServerContext,
  station: StoredStation,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const stream = new SseStream(request, reply, ctx.streams, stationStreamOwner(station.id));
  // Registered first: a revocation from now on closes it; one since authentication is seen here.
  watchRevocation(ctx, stream, station.id);
  const sentAt = new Map<string, number>();
  const send = (command: StoredCommand) => {
    sentAt.set(command.id, Date.now());
    stream.send({ id: command.seq, event: STATION_COMMAND_EVENT, data: command.command });
  };
  // Subscribe first, then read the backlog: a command issued in between is sent twice at worst
  // (the station applies each once, by id), never missed.
  stream.onClose(ctx.stationBus.subscribe(station.id, send));
  for (const command of await ctx.store.commands.pendingForStation(station.id, lastEventId(request))) {
    if (!sentAt.has(command.id)) send(command);
  }
  const redeliver = setInterval(() => {
    ctx.store.commands.pendingForStation(station.id, 0).then(
      (pending) => {
        const due = Date.now() - COMMAND_REDELIVERY_MS;
        for (const command of pending) if ((sentAt.get(command.id) ?? 0) <= due) send(command);
      },
      (error: unknown) => ctx.log.error({ err: error }, 'command redelivery failed'),
    );
  }, COMMAND_REDELIVERY_MS / 2);
  redeliver.unref();
  stream.onClose(() => clearInterval(redeliver));
}

/** Ends a station's command streams: called once the station is revoked. */
export function endStationStreams(ctx: ServerContext, stationId: string): void {
  closeStreamsOf(ctx.streams, stationStreamOwner(stationId));
}

function stationStreamOwner(stationId: string): string {
  return `station:${stationId}`;
}

/** Checks now and on every keep-alive that the station is still enrolled (revoked elsewhere, say). */
function watchRevocation(ctx: ServerContext, stream: SseStream, stationId: string): void {
  const check = () => {
    ctx.store.stations.get(stationId).then(
      (station) => {
        if (!station || station.revokedAt !== null) stream.close();
      },
      (error: unknown) => ctx.log.error({ err: error }, 'station revocation check failed'),
    );
  };
  check();
  stream.onKeepAlive(check);
}
