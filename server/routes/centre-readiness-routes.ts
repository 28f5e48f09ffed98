// Centre route for the session page's readiness before exam day: can each candidate's test be generated
// and opened on the stations (exam/test-readiness.ts). Read-only; registered inside the authenticated
// centre scope, a referent reaching only their centre's sessions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SessionReadinessSchema } from '../../core/contracts/centre-api.ts';
import { reachableSession } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { sessionReadiness } from '../exam/test-readiness.ts';
import { SessionParams, errors } from '../http/route-schema.ts';
import { requestAccount } from './request-account.ts';

export function centreReadinessRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/centre/sessions/:sessionId/readiness',
    {
      schema: {
        tags: ['centre'],
        summary:
          "Before exam day: whether each certifiable candidate's test can be generated from the centre's bank and their profile (the exam-day generation, nothing stored), and the attachments it could contain that no station can open; and those of the whole bank",
        params: SessionParams,
        response: { 200: SessionReadinessSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      return sessionReadiness(ctx, session);
    },
  );
}
