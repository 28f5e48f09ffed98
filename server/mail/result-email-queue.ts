// The publication with its result e-mails: the session's results published and, in the same
// transaction, one e-mail queued per result address (result-email-recipients.ts). One transaction
// rather than a write after it: a crash in between would publish without queuing, and nothing could
// tell such a session from one published before this feature existed (whose e-mails must not go out).
import type { ServerContext } from '../context.ts';
import { planResultEmails } from './result-email-recipients.ts';

/** False when the session was not publishable (already published, not processed): nothing queued. */
export async function publishWithResultEmails(
  ctx: ServerContext,
  sessionId: string,
  at: number,
): Promise<boolean> {
  if (!(await ctx.store.sessions.publish(sessionId, at, planResultEmails))) return false;
  const queued = (await ctx.store.resultEmails.listBySession(sessionId)).length;
  ctx.log.info(
    { sessionId, resultEmails: queued, mailServer: ctx.resultMailer?.mailServer ?? null },
    ctx.resultMailer || queued === 0
      ? `result e-mails queued: ${queued}`
      : `result e-mails queued: ${queued}, waiting: no mail server configured (--smtp-url)`,
  );
  // A look at the outbox now; a pause after a mail-server failure stands (only « Renvoyer » and
  // « Envoyer maintenant », the administrator's word that the server is fixed, end it).
  ctx.resultMailer?.wake({ endPause: false });
  return true;
}
