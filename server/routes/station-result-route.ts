// The result upload. It is authenticated by its body: the bundle is a JWS by the station key, checked
// against the key the station enrolled with (intake.ts), so the request itself carries only the
// station id, not a request signature (core/contracts/station-request-signing.ts): a second Ed25519
// check per upload would cost the server without protecting anything more, since sending the same
// bundle again only gets the same receipt. An unknown station is refused, a revoked one too.
//
// The body stays bytes here: it is read (JSON, body schema) where the bundle is checked, on a
// verification worker (intake-upload.ts), so the event loop neither parses the 30 KB bundle nor
// copies it to the worker. Its schema below documents it and types nothing at run time.
import type { FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  RESULT_IDEMPOTENCY_HEADER,
  ResultUploadRequestSchema,
  ResultUploadResponseSchema,
} from '../../core/contracts/station-server.ts';
import type { ServerContext } from '../context.ts';
import { receiveResult } from '../exam/intake.ts';
import { errors } from '../http/route-schema.ts';
import type { StationAuthenticator } from '../stations/station-auth.ts';
import { refuseBeforeBody, requestStation } from './request-station.ts';
import { TestParams } from './station-exam-routes.ts';

export async function stationResultRoute(
  app: FastifyInstance,
  ctx: ServerContext,
  auth: StationAuthenticator,
): Promise<void> {
  await app.register(async (raw) => {
    // Before the body is read (up to 9 MB): an unknown or revoked station is refused without it. Not
    // looked up again once the body is in (intake's hot path): the bundle is checked against the key the
    // station had when the upload began, and was signed before any later revocation.
    raw.addHook(
      'onRequest',
      refuseBeforeBody(async (request) => {
        request.station = await auth.identify(request);
      }),
    );
    raw.removeContentTypeParser('application/json');
    raw.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      request.rawBody = body as Buffer;
      done(null, body);
    });
    raw.withTypeProvider<ZodTypeProvider>().post(
      '/api/station/tests/:testId/result',
      {
        bodyLimit: 9 * 1024 * 1024,
        validatorCompiler: (route) =>
          route.httpPart === 'body'
            ? () => true
            : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]),
        schema: {
          tags: ['station'],
          summary:
            'Upload the signed result bundle (idempotent: the same bundle again gets the same answer; another one, 409)',
          description:
            'Authenticated by the bundle itself (a JWS by the enrolled station key): header x-station-id, no ' +
            'request signature. Optional header idempotency-key: <testId>:<SHA-256 of the bundle>.',
          params: TestParams,
          body: ResultUploadRequestSchema,
          response: { 200: ResultUploadResponseSchema, ...errors(400, 401, 403, 404, 409, 413, 422, 503) },
        },
      },
      async (request) => {
        const key = request.headers[RESULT_IDEMPOTENCY_HEADER];
        const station = requestStation(request);
        const receipt = await receiveResult(
          ctx,
          station,
          request.params.testId,
          request.rawBody ?? new Uint8Array(),
          typeof key === 'string' ? key : null,
        );
        // Only now is the station proven the sender (its bundle checked out against its key, or is the
        // one that did): x-station-id alone must not make an absent station look present.
        ctx.presence.seen(station.id, ctx.now());
        return receipt;
      },
    );
  });
}
