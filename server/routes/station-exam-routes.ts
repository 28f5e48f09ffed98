// Station routes of the exam: join, heartbeat, journal replication, package and attachments, the
// command stream and its acknowledgments, the report of a refused result. Registered inside the
// signed-station scope.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContentHashSchema } from '../../core/challenge/challenge.ts';
import {
  CommandAckRequestSchema,
  CommandAckResponseSchema,
  HeartbeatRequestSchema,
  HeartbeatResponseSchema,
  JoinRequestSchema,
  JoinResponseSchema,
  PackageResponseSchema,
  RecordsRequestSchema,
  RecordsResponseSchema,
  ResultRefusalRequestSchema,
  ResultRefusalResponseSchema,
  STATION_API_PATHS,
  TestRecordsResponseSchema,
} from '../../core/contracts/station-server.ts';
import { centreBank } from '../content/bank-service.ts';
import type { ServerContext } from '../context.ts';
import { acknowledgeCommand } from '../exam/commands.ts';
import { openCommandStream } from '../exam/command-stream.ts';
import { receiveHeartbeat } from '../exam/heartbeat.ts';
import { joinSession } from '../exam/join.ts';
import { receiveRecords, recordsForResume } from '../exam/records.ts';
import { receiveRefusalReport } from '../exam/result-refusal.ts';
import { servePackage } from '../exam/test-package.ts';
import { ApiError } from '../http/api-error.ts';
import { PathId, errors } from '../http/route-schema.ts';
import { iso } from '../time.ts';
import { SIGNED, requestStation } from './request-station.ts';

export const TestParams = z.object({ testId: PathId }).strict();

export function stationExamRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['station'];
  const description = SIGNED.description;

  r.post(
    STATION_API_PATHS.join,
    {
      schema: {
        tags,
        summary: 'A candidate joins: session number, access code, names and birthdate',
        description,
        body: JoinRequestSchema,
        response: { 200: JoinResponseSchema, ...errors(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request) => joinSession(ctx, requestStation(request), request.body),
  );

  r.post(
    STATION_API_PATHS.heartbeat,
    {
      schema: {
        tags,
        summary: 'Heartbeat (every 2 s): phase, question, time left, alert pending',
        description,
        body: HeartbeatRequestSchema,
        response: { 200: HeartbeatResponseSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => receiveHeartbeat(ctx, requestStation(request), request.body),
  );

  r.post(
    '/api/station/tests/:testId/records',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Replicate journal records (in order; duplicates ignored; a broken chain stores nothing)',
        description,
        params: TestParams,
        body: RecordsRequestSchema,
        response: { 200: RecordsResponseSchema, ...errors(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request) => ({
      storedThrough: await receiveRecords(
        ctx,
        requestStation(request),
        request.params.testId,
        request.body.records,
      ),
    }),
  );

  r.get(
    '/api/station/tests/:testId/records',
    {
      schema: {
        tags,
        summary: 'The stored records, to continue the test on this station after an authorized resume',
        description,
        params: TestParams,
        response: { 200: TestRecordsResponseSchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => recordsForResume(ctx, requestStation(request), request.params.testId),
  );

  r.get(
    '/api/station/tests/:testId/package',
    {
      schema: {
        tags,
        summary: "The candidate's test package (no solutions) and its hash, once the start is authorized",
        description,
        params: TestParams,
        response: { 200: PackageResponseSchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => servePackage(ctx, requestStation(request), request.params.testId),
  );

  r.post(
    '/api/station/tests/:testId/result-refusal',
    {
      // A code and a message of at most 2,000 characters, each perhaps escaped to 6 bytes.
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        summary:
          'Report that the server refused this test’s result for good: marked on the test for the room ' +
          '(idempotent; nothing is marked once a result was accepted)',
        description,
        params: TestParams,
        body: ResultRefusalRequestSchema,
        response: { 200: ResultRefusalResponseSchema, ...errors(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) =>
      receiveRefusalReport(ctx, requestStation(request), request.params.testId, request.body),
  );

  r.get(
    '/api/station/attachments/:hash',
    {
      schema: {
        tags,
        summary:
          "An attachment or illustration of the centre's bank, or cited by the package of a test attached " +
          "to this station (its session, of the station's centre, not processed), by the SHA-256 of its bytes",
        description,
        params: z.object({ hash: ContentHashSchema }).strict(),
        response: { 200: z.instanceof(Buffer).describe('the file'), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const station = requestStation(request);
      const { hash } = request.params;
      const bank = await centreBank(ctx, station.centreId);
      // A package is a snapshot: a bank imported since may no longer cite a file a test was given (a
      // candidate resuming on another station downloads it then). Only this station's own tests count,
      // in sessions of its own centre.
      const cited =
        bank.contentHashes.has(hash) || (await ctx.store.tests.packageCitesForStation(station, hash));
      const content = cited ? await ctx.store.content.get(hash) : null;
      if (!content) throw new ApiError(404, 'NOT_FOUND', "no such attachment in this centre's bank");
      return reply
        .header('content-type', content.mediaType)
        .header('x-content-type-options', 'nosniff')
        .send(content.bytes);
    },
  );

  r.get(
    STATION_API_PATHS.commands,
    {
      schema: {
        tags,
        summary: 'Invigilator commands (server-sent events, resumable with Last-Event-ID)',
        description,
        response: { 200: z.string().describe('text/event-stream'), ...errors(401, 403) },
      },
    },
    async (request, reply) => openCommandStream(ctx, requestStation(request), request, reply),
  );

  r.post(
    '/api/station/commands/:commandId/ack',
    {
      schema: {
        tags,
        summary: 'Acknowledge a command (applied, or nothing to do)',
        description,
        params: z.object({ commandId: PathId }).strict(),
        // Older stations send `{}` or nothing: the outcome is then not known.
        body: CommandAckRequestSchema.nullish(),
        response: { 200: CommandAckResponseSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      acknowledgedAt: iso(
        await acknowledgeCommand(
          ctx,
          requestStation(request).id,
          request.params.commandId,
          request.body?.outcome ?? null,
        ),
      ),
    }),
  );
}
