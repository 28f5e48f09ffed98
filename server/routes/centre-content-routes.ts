// Centre routes for content: the challenge bank (import, summary) and attachments by content hash.
// Registered inside the authenticated centre scope. Attachments are read per centre: a centre gets only
// the files it uploaded or its bank cites, under its own media type (an administrator names the centre).
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContentHashSchema } from '../../core/challenge/challenge.ts';
import {
  BankImportRefusalSchema,
  BankImportReportSchema,
  BankImportRequestSchema,
  BankSummarySchema,
  ContentStoredSchema,
} from '../../core/contracts/centre-api.ts';
import { ApiErrorSchema } from '../../core/contracts/station-server.ts';
import { canReachCentre, reachableCentre } from '../accounts/access.ts';
import { claimBankImport, importBank, storeContent, summarizeBank } from '../content/bank-service.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, badRequest, notFound } from '../http/api-error.ts';
import { acceptFiles } from '../http/body-parsers.ts';
import { CentreParams, PathId, errors } from '../http/route-schema.ts';
import { REQUEST_TIMEOUT_MS } from '../config.ts';
import type { StoredAccount } from '../storage/repositories.ts';
import { requestAccount } from './request-account.ts';

const HashParams = z.object({ hash: ContentHashSchema }).strict();
const ContentQuery = z
  .object({ centreId: PathId.optional().describe("the centre's id: required of an administrator") })
  .strict();

/** The centre a content request is for: the one named, else the referent's own. */
function contentCentreId(account: StoredAccount, named: string | undefined): string | null {
  return named ?? account.centreId;
}

/**
 * Claims the server's bank import before the body is read (a refused import costs no memory), for as long
 * as the body takes to arrive within config.bankUploadMs: past it the slot is freed and the upload cut
 * with a 408 (the connection closed after it), so that a stalled or trickled body cannot keep every other
 * centre's import at 409. Once the body is in, the import keeps the slot until its response is sent.
 */
/** A bank body is given at least this rate (2 Mbit/s: a school's uplink), up to the request timeout. */
const BANK_UPLOAD_MIN_BYTES_PER_S = 256 * 1024;

/**
 * How long a bank body may take once it holds the slot: `minimumMs`, or more for a large file at the
 * minimum rate (base64 attachments make banks large), never more than the request timeout (app.ts).
 */
export function bankUploadAllowedMs(minimumMs: number, contentLength: string | undefined): number {
  const bytes = Number(contentLength);
  const atMinimumRate =
    Number.isFinite(bytes) && bytes > 0 ? (bytes / BANK_UPLOAD_MIN_BYTES_PER_S) * 1000 : 0;
  return Math.max(minimumMs, Math.min(REQUEST_TIMEOUT_MS, Math.ceil(atMinimumRate)));
}

function claimForUpload(ctx: ServerContext) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: RequestPayload,
  ): Promise<RequestPayload> => {
    const release = claimBankImport(ctx);
    const body = new PassThrough();
    const allowedMs = bankUploadAllowedMs(ctx.config.bankUploadMs, request.headers['content-length']);
    const seconds = Math.round(allowedMs / 1000);
    const deadline = setTimeout(() => {
      release();
      request.log.warn(
        { accountId: request.account?.id, url: request.url },
        'bank import cut: its body did not arrive in time',
      );
      // Fails the body's reading: Fastify answers with this error and closes the connection.
      body.destroy(
        new ApiError(
          408,
          'BANK_UPLOAD_TOO_SLOW',
          `the bank file did not arrive within ${seconds} s: nothing was imported; retry from a faster connection, or import the bank in several smaller files`,
        ),
      );
    }, allowedMs);
    payload.once('end', () => clearTimeout(deadline));
    reply.raw.once('close', () => {
      clearTimeout(deadline);
      release();
    });
    return payload.pipe(body);
  };
}

export function centreContentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['centre'];

  r.post(
    '/api/centre/centres/:centreId/bank/import',
    {
      bodyLimit: 100 * 1024 * 1024,
      // After the scope's authentication (onRequest), before the body is read.
      preParsing: claimForUpload(ctx),
      schema: {
        tags,
        summary:
          'Import challenges (JSON: the array, or { challenges, content } with attachments in base64); all or nothing',
        params: CentreParams,
        body: BankImportRequestSchema,
        response: {
          200: BankImportReportSchema,
          ...errors(400, 401, 404, 408, 409, 413),
          // A refused bank lists its problems, for the back office to say each in its language.
          422: z.union([BankImportRefusalSchema, ApiErrorSchema]),
        },
      },
    },
    async (request) => {
      const centre = await reachableCentre(ctx, requestAccount(request), request.params.centreId);
      return importBank(ctx, centre.id, request.body);
    },
  );

  r.get(
    '/api/centre/centres/:centreId/bank',
    {
      schema: {
        tags,
        summary: "The centre's bank: challenges per competence and level, formats, attachments",
        params: CentreParams,
        response: { 200: BankSummarySchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const centre = await reachableCentre(ctx, requestAccount(request), request.params.centreId);
      return summarizeBank(await ctx.store.bank.list(centre.id));
    },
  );

  // The one route that takes files: each under its own media type, as bytes (body-parsers.ts). A PUT,
  // which no form can send, so text/plain is safe here.
  app.register(async (files) => {
    acceptFiles(files, /^(image|application|text|audio|video)\//);
    files.withTypeProvider<ZodTypeProvider>().put(
      '/api/centre/content/:hash',
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary:
            'Store an attachment or illustration under the SHA-256 of its bytes (body: the file, with its media type)',
          params: HashParams,
          querystring: ContentQuery,
          consumes: ['application/octet-stream', 'application/pdf', 'image/png', 'text/csv', 'text/plain'],
          body: z.instanceof(Buffer).describe('the file'),
          response: { 201: ContentStoredSchema, ...errors(400, 401, 404, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const account = requestAccount(request);
        const centreId = contentCentreId(account, request.query.centreId);
        if (centreId === null) throw badRequest('an administrator names the centre: ?centreId=…');
        const centre = await reachableCentre(ctx, account, centreId);
        const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const stored = await storeContent(ctx, centre.id, request.params.hash, mediaType, request.body);
        return reply.code(201).send({ hash: stored.hash, mediaType: stored.mediaType, size: stored.size });
      },
    );
  });

  r.get(
    '/api/centre/content/:hash',
    {
      schema: {
        tags,
        summary: 'An attachment or illustration the centre uploaded or its bank cites, for previews',
        params: HashParams,
        querystring: ContentQuery,
        response: { 200: z.instanceof(Buffer).describe('the file'), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const account = requestAccount(request);
      const centreId = contentCentreId(account, request.query.centreId);
      // Out of reach, unknown or another centre's: the same 404, so that no one learns what is stored.
      const content =
        centreId !== null && canReachCentre(account, centreId)
          ? await ctx.store.content.getForCentre(centreId, request.params.hash)
          : null;
      if (!content) throw notFound('content');
      return reply
        .header('content-type', content.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .send(content.bytes);
    },
  );
}
