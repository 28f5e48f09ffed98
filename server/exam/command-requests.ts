// An invigilator's command issued once per request id (core/contracts/invigilator-api.ts,
// RequestIdSchema): the screen sends the same id again when it retries a confirmation whose answer was
// lost. The id is stored with the command itself (unique per session, in the same transaction), with
// the answer given: a retry, even after a restart, gets that answer again and issues nothing.
import type { z } from 'zod';
import type { CommandIssuedResponseSchema } from '../../core/contracts/invigilator-api.ts';
import type { ServerContext } from '../context.ts';
import { conflict } from '../http/api-error.ts';
import type { CommandRequest, StoredSession } from '../storage/repositories.ts';
import { iso, isoOrNull } from '../time.ts';
import type { Issued } from './commands.ts';

export type IssuedAnswer = z.input<typeof CommandIssuedResponseSchema>;

export function issuedAnswer(issued: Pick<Issued, 'command' | 'candidate' | 'eventId'>): IssuedAnswer {
  return {
    command: {
      id: issued.command.id,
      type: issued.command.command.type,
      issuedAt: iso(issued.command.issuedAt),
      acknowledgedAt: isoOrNull(issued.command.acknowledgedAt),
    },
    candidate: issued.candidate,
    eventId: issued.eventId,
  };
}

/** The request id, with what was asked under it (the route, its target, the body without the id). */
export function commandRequest(requestId: string | undefined, asked: unknown[]): CommandRequest | null {
  return requestId === undefined ? null : { id: requestId, key: JSON.stringify(asked) };
}

/**
 * Runs `issue` unless the session already has a command under this request id: then its answer. A
 * second try of the same request racing the first one loses on the stored id (or on the state the
 * first one changed: the alert already decided…) and gets the first one's command too.
 */
export async function answerOnce(
  ctx: ServerContext,
  session: StoredSession,
  request: CommandRequest | null,
  issue: (request: CommandRequest | null) => Promise<Issued>,
): Promise<IssuedAnswer> {
  if (!request) return issuedAnswer(await issue(null));
  const earlier = await answered(ctx, session, request);
  if (earlier) return earlier;
  let issued: Issued;
  try {
    issued = await issue(request);
  } catch (error) {
    const raced = await answered(ctx, session, request);
    if (raced) return raced;
    throw error;
  }
  const answer = issuedAnswer(issued);
  await ctx.store.commands.setAnswer(issued.command.id, answer);
  return answer;
}

async function answered(
  ctx: ServerContext,
  session: StoredSession,
  request: CommandRequest,
): Promise<IssuedAnswer | null> {
  const found = await ctx.store.commands.byRequest(session.id, request.id);
  if (!found) return null;
  if (found.key !== request.key) {
    throw conflict('REQUEST_ID_REUSED', 'this request id was already used for another request');
  }
  if (found.answer !== null) return found.answer as IssuedAnswer;
  // Issued but not answered yet: the first try is still under way, or the server stopped in between.
  // The command, with the card as it is now and the room's last event id (the stream then brings
  // whatever follows).
  const test = await ctx.store.tests.get(found.command.testId);
  const candidate = test ? await ctx.feed.candidateView(session, test.candidateId) : null;
  if (!candidate) throw new Error('the candidate vanished');
  const eventId = await ctx.store.events.lastSeq(session.id);
  return issuedAnswer({ command: found.command, candidate, eventId });
}
