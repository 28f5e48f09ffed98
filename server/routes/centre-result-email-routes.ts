// Centre routes of the result e-mails (mail/): where each message of a published session stands (the
// publication's, and the updates its results' later changes queued), for the centre's referents and
// the administrators; « Renvoyer » for an administrator, which puts a sent
// or failed message back in the queue (its attempts counted from 0) and wakes the mailer.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ResultEmailListSchema,
  ResultEmailParamsSchema,
  ResultEmailSchema,
  type ResultEmail,
} from '../../core/contracts/result-emails.ts';
import { reachableSession, requireAdministrator } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { conflict, notFound } from '../http/api-error.ts';
import { SessionParams, errors } from '../http/route-schema.ts';
import { recipientDomain } from '../mail/result-email-recipients.ts';
import type { StoredCandidate, StoredResultEmail } from '../storage/repositories.ts';
import { isoOrNull, iso } from '../time.ts';
import { requestAccount } from './request-account.ts';

function resultEmailView(
  email: StoredResultEmail,
  candidates: ReadonlyMap<string, StoredCandidate>,
): ResultEmail {
  return {
    id: email.id,
    update: email.update,
    recipient: email.recipient,
    candidates: email.candidateIds.flatMap((id) => {
      const c = candidates.get(id);
      return c ? [{ candidateId: c.id, firstName: c.firstName, lastName: c.lastName }] : [];
    }),
    state: email.state,
    attempts: email.attempts,
    nextAttemptAt: email.state === 'pending' ? iso(email.nextAttemptAt) : null,
    lastAttemptAt: isoOrNull(email.lastAttemptAt),
    sentAt: isoOrNull(email.sentAt),
    lastFailure: email.lastFailure,
    createdAt: iso(email.createdAt),
  };
}

export function centreResultEmailRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['centre'];

  async function candidatesOf(sessionId: string) {
    return new Map((await ctx.store.candidates.listBySession(sessionId)).map((c) => [c.id, c]));
  }

  r.get(
    '/api/centre/sessions/:sessionId/result-emails',
    {
      schema: {
        tags,
        summary:
          'The results e-mailed at publication: one message per result address, its candidates and where its sending stands (empty before publication); then an update per change of a candidate’s result after publication (update: the candidate and why)',
        params: SessionParams,
        response: { 200: ResultEmailListSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      const [emails, candidates] = await Promise.all([
        ctx.store.resultEmails.listBySession(session.id),
        candidatesOf(session.id),
      ]);
      return {
        mailServerConfigured: ctx.resultMailer !== null,
        emails: emails.map((email) => resultEmailView(email, candidates)),
      };
    },
  );

  r.post(
    '/api/centre/sessions/:sessionId/result-emails/:emailId/resend',
    {
      schema: {
        tags,
        summary:
          'Administrator: send a result e-mail again (a sent or failed one): back in the queue, its attempts counted from 0, with the results as they are when it goes; a pending one waiting for its next try goes now (its attempts kept)',
        params: ResultEmailParamsSchema,
        response: { 200: ResultEmailSchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      requireAdministrator(account);
      const session = await reachableSession(ctx, account, request.params.sessionId);
      const email = await ctx.store.resultEmails.get(request.params.emailId);
      if (!email || email.sessionId !== session.id) throw notFound('result e-mail');
      // Pending: sooner than its next try (the mail server is fixed: no need to wait hours); without a
      // mail server, nothing could send it sooner.
      const queued =
        email.state === 'pending'
          ? ctx.resultMailer !== null && (await ctx.store.resultEmails.sendNow(email.id, ctx.now()))
          : await ctx.store.resultEmails.resend(email.id, ctx.now());
      if (!queued) {
        throw conflict('RESULT_EMAIL_PENDING', 'this e-mail is already waiting to be sent');
      }
      ctx.log.info(
        {
          resultEmailId: email.id,
          sessionId: session.id,
          domain: recipientDomain(email.recipient),
          by: account.id,
        },
        'result e-mail queued again',
      );
      ctx.resultMailer?.wake();
      const now = await ctx.store.resultEmails.get(email.id);
      if (!now) throw notFound('result e-mail');
      return resultEmailView(now, await candidatesOf(session.id));
    },
  );
}
