// The jury's decisions on a candidate after the start of their test (administrators, before or after
// publication; results/jury-decisions.ts): the identity corrected (C1) and the certification cancelled
// (C6) or that undone. Each answers the candidate's result as it now reads, with the decisions taken.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CandidateResultSchema,
  IdentityCorrectionResponseSchema,
} from '../../core/contracts/invigilator-api.ts';
import {
  CancellationRequestSchema,
  IdentityCorrectionRequestSchema,
} from '../../core/contracts/jury-decisions.ts';
import { reachableCandidate, requireAdministrator } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { notFound } from '../http/api-error.ts';
import { CandidateParams, errors } from '../http/route-schema.ts';
import { correctIdentity, decideCancellation } from '../results/jury-decisions.ts';
import { candidateResultView } from '../results/results-view.ts';
import type { StoredSession } from '../storage/repositories.ts';
import { requestAccount } from './request-account.ts';

export function centreJuryRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['centre'];

  /** The candidate's result after the decision (read again: the identity or the status changed). */
  async function resultView(session: StoredSession, candidateId: string) {
    const [candidate, result] = await Promise.all([
      ctx.store.candidates.get(candidateId),
      ctx.store.results.get(candidateId),
    ]);
    if (!candidate || !result) return null;
    return candidateResultView(
      ctx,
      session,
      result,
      candidate,
      await ctx.store.incidents.listBySession(session.id),
    );
  }

  r.post(
    '/api/centre/candidates/:candidateId/identity-correction',
    {
      schema: {
        tags,
        summary:
          'Jury (administrator): correct the names or birthdate of a candidate whose test has started (C1), before or after publication; the certificate and its public check carry the corrected identity. Before the start the referent edits the candidate (409 CANDIDATE_NOT_STARTED); the same identity: 422 IDENTITY_UNCHANGED. Answers the result as it now reads (null before the session is scored)',
        params: CandidateParams,
        body: IdentityCorrectionRequestSchema,
        response: { 200: IdentityCorrectionResponseSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      requireAdministrator(account);
      const { candidate, session } = await reachableCandidate(ctx, account, request.params.candidateId);
      await correctIdentity(ctx, session, candidate, request.body, account);
      return { result: await resultView(session, candidate.id) };
    },
  );

  r.post(
    '/api/centre/candidates/:candidateId/cancellation',
    {
      schema: {
        tags,
        summary:
          'Jury (administrator): cancel a candidate’s certification (C6 fraud, or another ground stated), or undo that (cancelled: false), before or after publication. Cancelled: status cancelled (JURY_CANCELLED), no certificate, and its public check answers 410 CERTIFICATE_CANCELLED; undone: the result and its verification code as before. Re-scorings keep it',
        params: CandidateParams,
        body: CancellationRequestSchema,
        response: { 200: CandidateResultSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      requireAdministrator(account);
      const { candidate, session } = await reachableCandidate(ctx, account, request.params.candidateId);
      await decideCancellation(ctx, session, candidate, request.body, account);
      const view = await resultView(session, candidate.id);
      if (!view) throw notFound('result');
      return view;
    },
  );
}
