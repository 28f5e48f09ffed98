// Centre routes for stations: one-time enrollment codes (for new stations, or to enroll again one
// revoked station), the centre's stations, revocation. A station with tests in use (running, or a
// signed result awaited) is revoked only when the request confirms each of them, as the referent saw
// them: their results would be refused until it is enrolled again.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EnrollmentCodeRequestSchema,
  EnrollmentCodeSchema,
  StationInUseRefusalSchema,
  StationRevokeRequestSchema,
  StationSchema,
} from '../../core/contracts/centre-api.ts';
import { ApiErrorSchema } from '../../core/contracts/station-server.ts';
import { canReachCentre, reachableCentre } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { endStationStreams } from '../exam/command-stream.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { CentreParams, StationParams, errors } from '../http/route-schema.ts';
import { issueEnrollmentCode } from '../stations/enrollment.ts';
import { stationView, testInUseView } from '../stations/station-view.ts';
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
        summary:
          'Issue a one-time station enrollment code (shown once; expires): for a new station, or with ' +
          'stationId to enroll again that revoked station of the centre (and no other key)',
        params: CentreParams,
        body: EnrollmentCodeRequestSchema,
        response: { 201: EnrollmentCodeSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const account = requestAccount(request);
      const centre = await reachableCentre(ctx, account, request.params.centreId);
      const { stationId } = request.body;
      if (stationId !== undefined) {
        const station = await ctx.store.stations.get(stationId);
        if (!station || station.centreId !== centre.id) throw notFound('station');
        if (station.revokedAt === null) {
          throw new ApiError(
            409,
            'STATION_NOT_REVOKED',
            'this station is enrolled and not revoked: it needs no code to be enrolled again',
          );
        }
      }
      const { code, expiresAt } = await issueEnrollmentCode(
        ctx,
        centre,
        request.body.validForMinutes,
        account.id,
        stationId ?? null,
      );
      if (stationId !== undefined) {
        ctx.log.info({ stationId, by: account.id }, 're-enrollment code issued for a revoked station');
      }
      return reply
        .code(201)
        .send({ code, expiresAt: iso(expiresAt), ...(stationId === undefined ? {} : { stationId }) });
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
      return {
        stations: await Promise.all(
          stations.map(async (s) =>
            stationView(
              s,
              ctx.presence.lastSeen(s.id),
              s.revokedAt === null ? await ctx.store.stations.testsInUse(s.id) : undefined,
            ),
          ),
        ),
      };
    },
  );

  r.post(
    '/api/centre/stations/:stationId/revoke',
    {
      schema: {
        tags,
        summary:
          'Revoke a station: its requests, and its signed results, are refused from now on (until it is ' +
          'enrolled again); refused (409 STATION_IN_USE, with the tests) while it has a test running or a ' +
          'signed result awaited that confirmTestIds does not list',
        params: StationParams,
        body: StationRevokeRequestSchema,
        response: {
          200: StationSchema,
          409: z.union([StationInUseRefusalSchema, ApiErrorSchema]),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      const station = await ctx.store.stations.get(request.params.stationId);
      if (!station || !canReachCentre(account, station.centreId)) throw notFound('station');
      if (station.revokedAt !== null) return stationView(station, ctx.presence.lastSeen(station.id));
      const confirmed = request.body?.confirmTestIds ?? [];
      // Checked and revoked at once: a test that joined since the referent's list is not confirmed.
      const outcome = await ctx.store.stations.revokeConfirmed(station.id, confirmed, ctx.now());
      if (!outcome.ok) {
        const unconfirmed = outcome.inUse.filter((t) => !confirmed.includes(t.testId)).length;
        throw new ApiError(
          409,
          'STATION_IN_USE',
          `this station has ${outcome.inUse.length} test(s) running or whose signed result is awaited ` +
            `(${unconfirmed} not confirmed): once revoked, its results are refused until it is enrolled ` +
            'again; to revoke it anyway, send the ids of all these tests in confirmTestIds',
          {},
          { tests: outcome.inUse.map(testInUseView) },
        );
      }
      const inUse = outcome.inUse;
      if (outcome.revoked) endStationStreams(ctx, station.id);
      ctx.log.info(
        { stationId: station.id, by: account.id, testsInUse: inUse.map((t) => t.testId) },
        inUse.length > 0 ? 'station revoked though tests were in use' : 'station revoked',
      );
      const revoked = (await ctx.store.stations.get(station.id)) ?? station;
      return stationView(revoked, ctx.presence.lastSeen(station.id));
    },
  );
}
