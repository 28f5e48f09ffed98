// Centre routes for stations: one-time enrollment codes, the centre's stations, revocation.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EnrollmentCodeRequestSchema,
  EnrollmentCodeSchema,
  StationSchema,
} from '../../core/contracts/centre-api.ts';
import { canReachCentre, reachableCentre } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { endStationStreams } from '../exam/command-stream.ts';
import { notFound } from '../http/api-error.ts';
import { CentreParams, StationParams, errors } from '../http/route-schema.ts';
import { issueEnrollmentCode } from '../stations/enrollment.ts';
import { stationView } from '../stations/station-view.ts';
import { iso } from '../time.ts';
import { requestAccount } from './request-account.ts';

export function centreStationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['centre'];

  r.post(
    '/api/centre/centres/:centreId/enrollment-codes',
    {
      schema: {
        tags,
        summary: 'Issue a one-time station enrollment code (shown once; expires)',
        params: CentreParams,
        body: EnrollmentCodeRequestSchema,
        response: { 201: EnrollmentCodeSchema, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const account = requestAccount(request);
      const centre = await reachableCentre(ctx, account, request.params.centreId);
      const { code, expiresAt } = await issueEnrollmentCode(
        ctx,
        centre,
        request.body.validForMinutes,
        account.id,
      );
      return reply.code(201).send({ code, expiresAt: iso(expiresAt) });
    },
  );

  r.get(
    '/api/centre/centres/:centreId/stations',
    {
      schema: {
        tags,
        summary: "The centre's stations: name, version, last seen, last self-check, revoked or not",
        params: CentreParams,
        response: { 200: z.object({ stations: z.array(StationSchema) }).strict(), ...errors(401, 404) },
      },
    },
    async (request) => {
      const centre = await reachableCentre(ctx, requestAccount(request), request.params.centreId);
      const stations = await ctx.store.stations.listByCentre(centre.id);
      return { stations: stations.map((s) => stationView(s, ctx.presence.lastSeen(s.id))) };
    },
  );

  r.post(
    '/api/centre/stations/:stationId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a station: its requests are refused from now on',
        params: StationParams,
        response: { 200: StationSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const station = await ctx.store.stations.get(request.params.stationId);
      if (!station || !canReachCentre(requestAccount(request), station.centreId)) throw notFound('station');
      await ctx.store.stations.revoke(station.id, ctx.now());
      endStationStreams(ctx, station.id);
      ctx.log.info({ stationId: station.id }, 'station revoked');
      const revoked = (await ctx.store.stations.get(station.id)) ?? station;
      return stationView(revoked, ctx.presence.lastSeen(station.id));
    },
  );
}
