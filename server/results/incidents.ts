// Incident reports per candidate (DOMAIN.md §7): C codes for the candidate and the session, E codes for
// a question (with its number). Added and removed until the session is finalized.
import type { z } from 'zod';
import type { IncidentInputSchema, IncidentSchema } from '../../core/contracts/invigilator-api.ts';
import { newId } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, conflict, notFound } from '../http/api-error.ts';
import type { StoredIncident, StoredSession } from '../storage/repositories.ts';
import { iso } from '../time.ts';

export function incidentView(i: StoredIncident): z.infer<typeof IncidentSchema> {
  return {
    id: i.id,
    candidateId: i.candidateId,
    code: i.code as z.infer<typeof IncidentSchema>['code'],
    questionNumber: i.questionNumber,
    description: i.description,
    createdAt: iso(i.createdAt),
  };
}

/**
 * An E code names a question of the candidate's own test: the jury neutralizes that question by its
 * number, so a number the test never had (31 of a 13-question test) or a test with no questions yet
 * would send it to nothing, and the question that was meant would be missed.
 */
async function checkQuestionOfTest(ctx: ServerContext, candidateId: string, questionNumber: number) {
  const test = await ctx.store.tests.getByCandidate(candidateId);
  const generated = test ? await ctx.store.tests.package(test.id) : null;
  if (!generated)
    throw conflict(
      'NO_TEST_QUESTIONS',
      'this candidate’s test has no questions yet: an E code names a question of the test, use a C code',
    );
  const total = generated.package.challenges.length;
  if (questionNumber > total)
    throw badRequest(
      `this candidate’s test has ${total} questions: question ${questionNumber} is not one of them`,
      'QUESTION_NOT_IN_TEST',
    );
}

export async function reportIncident(
  ctx: ServerContext,
  session: StoredSession,
  input: z.output<typeof IncidentInputSchema>,
  by: string,
): Promise<StoredIncident> {
  if (session.state !== 'created')
    throw conflict('SESSION_CLOSED', 'the session is finalized: reports can no longer change');
  const candidate = await ctx.store.candidates.get(input.candidateId);
  if (!candidate || candidate.sessionId !== session.id) throw notFound('candidate');
  if (input.code.startsWith('E') && input.questionNumber !== null)
    await checkQuestionOfTest(ctx, candidate.id, input.questionNumber);
  const incident: StoredIncident = {
    id: newId('inc'),
    sessionId: session.id,
    candidateId: candidate.id,
    code: input.code,
    questionNumber: input.code.startsWith('E') ? input.questionNumber : null,
    description: input.description,
    createdAt: ctx.now(),
    createdBy: by,
  };
  await ctx.store.incidents.create(incident);
  await ctx.feed.incidentsChanged(
    session.id,
    candidate.id,
    await ctx.store.incidents.countByCandidate(session.id, candidate.id),
  );
  return incident;
}

export async function withdrawIncident(
  ctx: ServerContext,
  session: StoredSession,
  incidentId: string,
): Promise<void> {
  if (session.state !== 'created')
    throw conflict('SESSION_CLOSED', 'the session is finalized: reports can no longer change');
  const incident = await ctx.store.incidents.get(incidentId);
  if (!incident || incident.sessionId !== session.id) throw notFound('incident report');
  await ctx.store.incidents.delete(incident.id);
  await ctx.feed.incidentsChanged(
    session.id,
    incident.candidateId,
    await ctx.store.incidents.countByCandidate(session.id, incident.candidateId),
  );
}
