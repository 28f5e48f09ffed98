// GET /api/stations/compatibility?version=…: unsigned, so a station can ask before it is enrolled (its
// self-check): is the server there, what time is it there, and does it accept this station version.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CompatibilityQuerySchema,
  CompatibilityResponseSchema,
  STATION_API_PATHS,
} from '../../core/contracts/station-server.ts';
import { SERVER_VERSION } from '../version.ts';
import type { ServerContext } from '../context.ts';
import { errors } from '../http/route-schema.ts';
import { stationVersionAllowed } from '../stations/station-version.ts';

export function stationCompatibilityRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    STATION_API_PATHS.compatibility,
    {
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags: ['station'],
        summary:
          "Server time and version, and whether this station version is allowed (station's self-check)",
        querystring: CompatibilityQuerySchema,
        response: { 200: CompatibilityResponseSchema, ...errors(400, 429) },
      },
    },
    async (request) => {
      const minimum = ctx.config.minimumStationVersion;
      return {
        serverVersion: SERVER_VERSION,
        serverTime: ctx.now(),
        minimumStationVersion: minimum,
        versionAllowed: stationVersionAllowed(request.query.version, minimum),
      };
    },
  );
}
