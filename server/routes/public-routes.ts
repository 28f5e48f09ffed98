// Public routes: certificate verification by code (published results only; rate-limited against
// enumeration) and a health check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CERTIFICATE_CANCELLED,
  CancelledCertificateSchema,
  CertificateSchema,
  HealthSchema,
  VerificationParamsSchema,
} from '../../core/contracts/public-api.ts';
import { SERVER_VERSION } from '../version.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { errors } from '../http/route-schema.ts';
import { certificateView } from '../results/results-view.ts';
import { centreName } from '../sessions/session-service.ts';
import { iso } from '../time.ts';

export function publicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];

  r.get(
    '/api/public/certificates/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'Check a certificate by its verification code (P- and 8 characters); one the jury cancelled answers 410 CERTIFICATE_CANCELLED',
        params: VerificationParamsSchema,
        response: { 200: CertificateSchema, 410: CancelledCertificateSchema, ...errors(400, 404, 429) },
      },
    },
    async (request) => {
      const result = await ctx.store.results.findByVerificationCode(request.params.code);
      const candidate = result ? await ctx.store.candidates.get(result.candidateId) : null;
      const session = candidate ? await ctx.store.sessions.get(candidate.sessionId) : null;
      const certificate =
        result && candidate && session
          ? certificateView(result, candidate, session, await centreName(ctx, session.centreId))
          : null;
      // Cancelled by the jury once published: said so (Gone), never shown as valid, nor the holder.
      const cancelledAt = result?.juryCancelledAt ?? null;
      if (result?.verificationCode && session && session.publishedAt !== null && cancelledAt !== null) {
        throw new ApiError(
          410,
          CERTIFICATE_CANCELLED,
          'this certificate was cancelled by the jury: it is not valid',
          {},
          { verificationCode: result.verificationCode, cancelledAt: iso(cancelledAt) },
        );
      }
      if (!certificate) throw notFound('certificate');
      return certificate;
    },
  );

  r.get(
    '/api/health',
    { schema: { tags, summary: 'Health check', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const, version: SERVER_VERSION, serverTime: iso(ctx.now()) }),
  );
}
