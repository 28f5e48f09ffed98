// The jury's record of a candidate's test (« Dossier du test »): everything the station journaled,
// with the server's own data, for the centre's referents and administrators once the session is
// finalized. Before that the test may still run, and the invigilator screen is where it is followed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CandidateTestRecordSchema } from '../../core/contracts/candidate-record.ts';
import { reachableCandidate } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { conflict, notFound } from '../http/api-error.ts';
import { CandidateParams, errors } from '../http/route-schema.ts';
import { buildTestRecord } from '../results/test-record.ts';
import { testRecordFacts } from '../results/test-record-facts.ts';
import { requestAccount } from './request-account.ts';

export function centreTestRecordRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/centre/candidates/:candidateId/test-record',
    {
      schema: {
        tags: ['centre'],
        summary:
          'The record of a candidate’s test for the jury, once the session is finalized: questions with answers and statuses, alerts and reports, navigations, lockdown events, pauses, on the server’s clock',
        params: CandidateParams,
        response: { 200: CandidateTestRecordSchema, ...errors(401, 404, 409) },
      },
    },
    async (request) => {
      const { candidate, session } = await reachableCandidate(
        ctx,
        requestAccount(request),
        request.params.candidateId,
      );
      if (session.state === 'created') {
        throw conflict(
          'SESSION_NOT_FINALIZED',
          'the session is not finalized yet: during the test, the invigilator screen shows each candidate’s events',
        );
      }
      const facts = await testRecordFacts(ctx, candidate, session);
      if (!facts) throw notFound('test');
      return buildTestRecord(facts);
    },
  );
}
