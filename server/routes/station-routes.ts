// The station API (core/contracts/station-server.ts). Enrollment is open (the one-time code is the
// secret); everything else is a signed request from an enrolled, non-revoked station.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  EnrollRequestSchema,
  EnrollResponseSchema,
  STATION_API_PATHS,
  SelfCheckRequestSchema,
  SelfCheckResponseSchema,
} from '../../core/contracts/station-server.ts';
import type { ServerContext } from '../context.ts';
import { errors } from '../http/route-schema.ts';
import { enrollStation } from '../stations/enrollment.ts';
import { StationAuthenticator } from '../stations/station-auth.ts';
import { SIGNED, refuseBeforeBody, requestStation } from './request-station.ts';
import { iso } from '../time.ts';
import { stationCompatibilityRoutes } from './station-compatibility-routes.ts';
import { stationExamRoutes } from './station-exam-routes.ts';
import { stationResultRoute } from './station-result-route.ts';

export async function stationRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['station'];

  r.post(
    STATION_API_PATHS.enroll,
    {
      // Generous: a whole lab may enroll through one NAT address; the 12-character code does the rest.
      config: { rateLimit: { max: ctx.config.enrollPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Enroll a station with a one-time code from its centre and register its public key',
        body: EnrollRequestSchema,
        response: { 200: EnrollResponseSchema, ...errors(400, 404, 409, 410, 429) },
      },
    },
    async (request) => enrollStation(ctx, request.body),
  );

  stationCompatibilityRoutes(app, ctx);

  const auth = new StationAuthenticator(ctx);
  // Outside the signed scope: the bundle is the station's signature.
  await stationResultRoute(app, ctx, auth);
  await app.register(async (scoped) => {
    // Before the body is read: whoever cannot be a station gets no server memory for its body.
    scoped.addHook(
      'onRequest',
      refuseBeforeBody((request) => auth.precheck(request)),
    );
    // The signature covers the body, so it is checked once the body is in.
    scoped.addHook('preValidation', async (request) => {
      request.station = await auth.authenticate(request);
      ctx.presence.seen(request.station.id, ctx.now());
    });
    const s = scoped.withTypeProvider<ZodTypeProvider>();

    s.post(
      STATION_API_PATHS.selfCheck,
      {
        schema: {
          tags,
          summary: "Record the station's version and self-check result (shown in the centre's station list)",
          description: SIGNED.description,
          body: SelfCheckRequestSchema,
          response: { 200: SelfCheckResponseSchema, ...errors(400, 401, 403) },
        },
      },
      async (request) => {
        const { version, ...check } = request.body;
        const at = ctx.now();
        await ctx.store.stations.setSelfCheck(requestStation(request).id, version, check, at);
        return { recordedAt: iso(at) };
      },
    );

    stationExamRoutes(scoped, ctx);
  });
}
