// The session's finalization record (« Procès-verbal de session ») for the centre's referents and
// administrators, to print, sign and file once the session is finalized. Before that there is nothing
// to record: the answers, the comment and the abort reasons are given at finalization.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FinalizationRecordSchema } from '../../core/contracts/finalization-record.ts';
import { reachableSession } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { conflict } from '../http/api-error.ts';
import { SessionParams, errors } from '../http/route-schema.ts';
import { buildFinalizationRecord, finalizationRecordFacts } from '../results/finalization-record.ts';
import { requestAccount } from './request-account.ts';

export function centreFinalizationRecordRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/centre/sessions/:sessionId/finalization-record',
    {
      schema: {
        tags: ['centre'],
        summary:
          'The session’s finalization record to print (« Procès-verbal »), once finalized: the session, who finalized it and when, the yes/no answers and the comment, each candidate’s presence, end of test, abort reason, extra time, incident reports and neutralized questions, and the counts',
        params: SessionParams,
        response: { 200: FinalizationRecordSchema, ...errors(401, 404, 409) },
      },
    },
    async (request) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      if (session.state === 'created') {
        throw conflict(
          'SESSION_NOT_FINALIZED',
          'the session is not finalized yet: its record is written at finalization',
        );
      }
      return buildFinalizationRecord(await finalizationRecordFacts(ctx, session));
    },
  );
}
