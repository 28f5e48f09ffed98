// Centre routes after the session: incident reports, finalization (when the invigilator did not),
// results (JSON and CSV), the jury's neutralizations, publication (administrators; it waits for the
// stations' signed results unless told not to), re-scoring with a signed result that arrived after
// publication (administrators), certificates.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CandidateResultSchema,
  FinalizationRequestSchema,
  IncidentInputSchema,
  IncidentListSchema,
  IncidentSchema,
  ResultsSchema,
} from '../../core/contracts/invigilator-api.ts';
import {
  PublicationRequestSchema,
  SignedResultRescoringRequestSchema,
  UnfinishedTestsSchema,
} from '../../core/contracts/centre-api.ts';
import { CertificateSchema } from '../../core/contracts/public-api.ts';
import { reachableCandidate, reachableSession, requireAdministrator } from '../accounts/access.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, conflict, notFound, unprocessable } from '../http/api-error.ts';
import { CandidateParams, PathId, SessionParams, errors } from '../http/route-schema.ts';
import { publishWithResultEmails } from '../mail/result-email-queue.ts';
import { certificatePdf, certificatesPdf } from '../results/certificate-pdf.ts';
import {
  assertPublishable,
  finalizationBlockers,
  finalizeSession,
  loadStartedTests,
  needsJury,
  rescoreLateResult,
} from '../results/finalization.ts';
import {
  alertNeutralizations,
  completionOf,
  evidenceOf,
  isFinished,
  knownAbortReason,
} from '../results/scoring.ts';
import { incidentView, reportIncident, withdrawIncident } from '../results/incidents.ts';
import { candidateResultView, certificateView, resultsCsv, resultsView } from '../results/results-view.ts';
import {
  awaitingSignedResults,
  notAppliedSignedResults,
  signedResultOf,
  unscoredSignedResults,
} from '../results/signed-results.ts';
import { centreName } from '../sessions/session-service.ts';
import type { StoredAccount, StoredCandidate, StoredSession } from '../storage/repositories.ts';
import { iso } from '../time.ts';
import { requestAccount } from './request-account.ts';

const nameOf = (c: StoredCandidate) => `${c.firstName} ${c.lastName} (${c.id})`;

export function centreResultsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['centre'];

  async function certificateFor(account: StoredAccount, candidateId: string) {
    const { candidate, session } = await reachableCandidate(ctx, account, candidateId);
    const result = await ctx.store.results.get(candidate.id);
    if (!result) throw notFound('result');
    const certificate = certificateView(result, candidate, session, await centreName(ctx, session.centreId));
    if (!certificate) {
      throw conflict(
        'NO_CERTIFICATE',
        session.publishedAt === null
          ? 'the results are not published yet'
          : 'this candidate is not certified',
      );
    }
    return certificate;
  }

  r.get(
    '/api/centre/sessions/:sessionId/incidents',
    {
      schema: {
        tags,
        summary: 'Incident reports',
        params: SessionParams,
        response: { 200: IncidentListSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      return { incidents: (await ctx.store.incidents.listBySession(session.id)).map(incidentView) };
    },
  );

  r.post(
    '/api/centre/sessions/:sessionId/incidents',
    {
      schema: {
        tags,
        summary: 'Report an incident (before finalization)',
        params: SessionParams,
        body: IncidentInputSchema,
        response: { 201: IncidentSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const account = requestAccount(request);
      const session = await reachableSession(ctx, account, request.params.sessionId);
      return reply.code(201).send(incidentView(await reportIncident(ctx, session, request.body, account.id)));
    },
  );

  r.delete(
    '/api/centre/sessions/:sessionId/incidents/:incidentId',
    {
      schema: {
        tags,
        summary: 'Withdraw an incident report (before finalization)',
        params: z.object({ sessionId: PathId, incidentId: PathId }).strict(),
        response: { 204: z.null(), ...errors(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      await withdrawIncident(ctx, session, request.params.incidentId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/centre/sessions/:sessionId/unfinished-tests',
    {
      schema: {
        tags,
        summary:
          'Before finalizing: the tests that started and did not end normally (each needs an abort reason)',
        params: SessionParams,
        response: { 200: UnfinishedTestsSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      const [candidates, tests] = await Promise.all([
        ctx.store.candidates.listBySession(session.id),
        ctx.store.tests.listBySession(session.id),
      ]);
      const byId = new Map(candidates.map((c) => [c.id, c]));
      const unfinished = [];
      // The same rules finalization applies (finalization.ts), read ahead for the form.
      const blockers = await finalizationBlockers(ctx, candidates, tests);
      const running = new Set(blockers.running.map((r) => r.candidate.id));
      const started = await loadStartedTests(ctx, session.id, tests);
      for (const test of started) {
        const candidate = byId.get(test.candidateId);
        if (!candidate || running.has(candidate.id)) continue;
        const { endReason } = await evidenceOf(ctx, test);
        if (isFinished(endReason)) continue;
        unfinished.push({
          candidateId: candidate.id,
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          endReason,
          resultReceived: test.bundleReceivedAt !== null,
        });
      }
      const named = (c: { id: string; firstName: string; lastName: string }) => ({
        candidateId: c.id,
        firstName: c.firstName,
        lastName: c.lastName,
      });
      const present = new Set(started.map((t) => t.candidateId));
      return {
        tests: unfinished,
        absentIfFinalized: candidates.filter((c) => !present.has(c.id)).length,
        running: blockers.running.map((r) => ({ ...named(r.candidate), started: r.started })),
        maybeRunning: blockers.maybeRunning.map((t) => ({
          ...named(t.candidate),
          stationLastHeardAt: t.stationLastHeardAt === null ? null : iso(t.stationLastHeardAt),
          timeLeftMs: t.timeLeftMs,
        })),
        pendingAlerts: blockers.pendingAlerts.map((a) => ({
          ...named(a.candidate),
          questionNumber: a.questionNumber,
        })),
      };
    },
  );

  r.post(
    '/api/centre/sessions/:sessionId/finalization',
    {
      schema: {
        tags,
        summary: 'Finalize the session (if the invigilator did not) and score it',
        params: SessionParams,
        body: FinalizationRequestSchema,
        response: { 200: ResultsSchema, ...errors(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      const session = await reachableSession(ctx, account, request.params.sessionId);
      await finalizeSession(ctx, session, request.body, account.id);
      return resultsView(ctx, await reachableSession(ctx, account, session.id));
    },
  );

  r.get(
    '/api/centre/sessions/:sessionId/results',
    {
      schema: {
        tags,
        summary: 'Results per candidate',
        params: SessionParams,
        response: { 200: ResultsSchema, ...errors(401, 404) },
      },
    },
    async (request) =>
      resultsView(ctx, await reachableSession(ctx, requestAccount(request), request.params.sessionId)),
  );

  r.get(
    '/api/centre/sessions/:sessionId/results.csv',
    {
      schema: {
        tags,
        summary: 'Results as CSV (school records)',
        params: SessionParams,
        response: { 200: z.string(), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="resultats-session-${session.number}.csv"`)
        .send(
          resultsCsv(await resultsView(ctx, session), await ctx.store.candidates.listBySession(session.id)),
        );
    },
  );

  r.get(
    '/api/centre/sessions/:sessionId/certificates.pdf',
    {
      schema: {
        tags,
        summary:
          'Every certificate of the session in one PDF to print (one page each, by name), once published',
        params: SessionParams,
        response: { 200: z.instanceof(Buffer).describe('application/pdf'), ...errors(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const session = await reachableSession(ctx, requestAccount(request), request.params.sessionId);
      if (session.publishedAt === null) throw conflict('NO_CERTIFICATE', 'the results are not published yet');
      const [candidates, results, centre] = await Promise.all([
        ctx.store.candidates.listBySession(session.id),
        ctx.store.results.listBySession(session.id),
        centreName(ctx, session.centreId),
      ]);
      const byCandidate = new Map(candidates.map((c) => [c.id, c]));
      const certificates = results
        .flatMap((result) => {
          const candidate = byCandidate.get(result.candidateId);
          const certificate = candidate ? certificateView(result, candidate, session, centre) : null;
          return certificate ? [certificate] : [];
        })
        // As the attendance sheet and the results list them: by last name, then first name.
        .sort(
          (a, b) =>
            a.lastName.localeCompare(b.lastName, 'fr', { sensitivity: 'base' }) ||
            a.firstName.localeCompare(b.firstName, 'fr', { sensitivity: 'base' }),
        );
      if (certificates.length === 0)
        throw conflict('NO_CERTIFICATE', 'no candidate of this session is certified');
      const pdf = await certificatesPdf(
        certificates,
        {
          verificationPage: `${ctx.config.publicUrl ?? `${request.protocol}://${request.host}`}/verification/`,
        },
        {
          title: `Certificats Pix — session ${session.number}`,
          subject: `Certificats Pix de la session ${session.number} (${certificates.length})`,
          createdAt: new Date(session.publishedAt).toISOString(),
        },
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="certificats-session-${session.number}.pdf"`)
        .send(pdf);
    },
  );

  r.post(
    '/api/centre/candidates/:candidateId/neutralizations',
    {
      schema: {
        tags,
        summary:
          'Jury (administrator): neutralize a question of a candidate’s test, or undo it; the result is re-scored',
        params: CandidateParams,
        body: z
          .object({ questionNumber: z.number().int().min(1).max(48), neutralized: z.boolean() })
          .strict(),
        response: { 200: CandidateResultSchema, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      requireAdministrator(account);
      const { candidate, session } = await reachableCandidate(ctx, account, request.params.candidateId);
      assertPublishable(session);
      const test = await ctx.store.tests.getByCandidate(candidate.id);
      const pkg = test ? await ctx.store.tests.package(test.id) : null;
      if (!test || !pkg || !(await ctx.store.results.get(candidate.id))) throw notFound('result');
      const { questionNumber, neutralized } = request.body;
      const challenge = pkg.package.challenges[questionNumber - 1];
      if (!challenge)
        throw unprocessable('UNKNOWN_QUESTION', `the test has ${pkg.package.challenges.length} questions`);
      if (!neutralized) {
        // Scoring neutralizes it whatever the jury says: undoing the jury's entry would change nothing.
        const alerted = await alertNeutralizations(ctx, test, await evidenceOf(ctx, test));
        if (alerted.has(challenge.id)) {
          const code = alerted.get(challenge.id) ?? null;
          throw conflict(
            'NEUTRALIZED_BY_ALERT',
            `question ${questionNumber} was neutralized by an alert the invigilator validated during the test${code === null ? '' : ` (code ${code})`}: the jury cannot undo it here`,
          );
        }
      }
      await ctx.store.tests.setJuryNeutralization(test.id, challenge.id, neutralized, ctx.now(), account.id);
      await rescoreLateResult(ctx, session.id, candidate.id);
      return resultView(session, candidate);
    },
  );

  async function resultView(session: StoredSession, candidate: StoredCandidate) {
    const result = await ctx.store.results.get(candidate.id);
    if (!result) throw notFound('result');
    return candidateResultView(
      ctx,
      session,
      result,
      candidate,
      await ctx.store.incidents.listBySession(session.id),
    );
  }

  r.post(
    '/api/centre/candidates/:candidateId/signed-result-rescoring',
    {
      schema: {
        tags,
        summary:
          'Administrator: re-score a candidate with the station’s signed result that arrived after publication (or was not applied, or came for a candidate listed absent); the verification code is kept and the certificate shows the new result. A test that stopped early with no abort reason given at finalization needs one (abortReason), and only it',
        params: CandidateParams,
        // No body at all, as before the abort reason could be given: null.
        body: SignedResultRescoringRequestSchema.nullish(),
        response: { 200: CandidateResultSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      requireAdministrator(account);
      const { candidate, session } = await reachableCandidate(ctx, account, request.params.candidateId);
      if (session.state !== 'processed')
        throw conflict('SESSION_NOT_PROCESSED', 'the session is not finalized yet');
      const [test, previous] = await Promise.all([
        ctx.store.tests.getByCandidate(candidate.id),
        ctx.store.results.get(candidate.id),
      ]);
      // Without a result, only a signed result that came for a candidate listed absent is re-scored.
      if (!test || test.packageId === null || (!previous && test.bundleReceivedAt === null))
        throw notFound('result');
      if (previous && signedResultOf(previous, test, session).state !== 'notApplied') {
        throw conflict(
          'NO_LATE_SIGNED_RESULT',
          previous.source === 'bundle'
            ? 'this result is already scored from the station’s signed result'
            : 'the station’s signed result has not arrived: nothing to re-score with',
        );
      }
      const given = request.body?.abortReason;
      const evidence = await evidenceOf(ctx, test);
      const known = knownAbortReason(session, candidate.id, previous);
      if (given === undefined && !completionOf(evidence, known)) {
        const why = `the test ended early (${evidence.endReason ?? 'no end recorded'}) and no abort reason was given at finalization: say whether the candidate or a technical problem stopped it (abortReason: candidate or technical)`;
        throw badRequest(why, 'ABORT_REASON_REQUIRED');
      }
      if (given !== undefined && completionOf(evidence, known)) {
        const why = isFinished(evidence.endReason)
          ? 'the test ended normally: it has no abort reason to give'
          : `its abort reason was given at finalization (${known ?? ''}): it is kept`;
        throw badRequest(why, 'ABORT_REASON_NOT_EXPECTED');
      }
      const result = await rescoreLateResult(ctx, session.id, candidate.id, {
        afterPublication: true,
        ...(given === undefined ? {} : { abortReason: given }),
      });
      if (!result) throw notFound('result');
      ctx.log.info(
        {
          sessionId: session.id,
          candidateId: candidate.id,
          by: account.id,
          at: iso(ctx.now()),
          published: session.publishedAt !== null,
          before: previous ? { status: previous.score.status, pixScore: previous.score.pixScore } : null,
          after: { status: result.score.status, pixScore: result.score.pixScore },
          abortReason: given ?? null,
          verificationCode: result.verificationCode,
          codeKept:
            (previous?.verificationCode ?? null) !== null &&
            result.verificationCode === previous?.verificationCode,
        },
        'result re-scored with the signed result received late',
      );
      // The room and any screen following the session hear of it (a stored session event).
      await ctx.feed.candidateChanged(session, candidate.id, 'resultRescored');
      return resultView(session, candidate);
    },
  );

  r.post(
    '/api/centre/sessions/:sessionId/publication',
    {
      schema: {
        tags,
        summary:
          'Publish the results (administrator); a session with a comment, reports needing action or untrusted results needs juryReviewed; while stations’ signed results are awaited, it is refused (SIGNED_RESULTS_AWAITED) unless withoutAwaitedSignedResults',
        params: SessionParams,
        body: PublicationRequestSchema,
        response: { 200: ResultsSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const account = requestAccount(request);
      requireAdministrator(account);
      const session = await reachableSession(ctx, account, request.params.sessionId);
      assertPublishable(session);
      const [candidates, tests] = await Promise.all([
        ctx.store.candidates.listBySession(session.id),
        ctx.store.tests.listBySession(session.id),
      ]);
      // A signed result that arrived while its scoring was under way (or failed) is applied first; one
      // that came for a candidate listed absent too, unless its test awaits an abort reason.
      const scored = await ctx.store.results.listBySession(session.id);
      const late = [
        ...notAppliedSignedResults(tests, scored).map((r) => r.candidateId),
        ...(await unscoredSignedResults(ctx, session, candidates, tests, scored)).map((u) => u.candidate.id),
      ];
      for (const candidateId of late) await rescoreLateResult(ctx, session.id, candidateId);
      const [incidents, results] = await Promise.all([
        ctx.store.incidents.listBySession(session.id),
        ctx.store.results.listBySession(session.id),
      ]);
      const unscored = await unscoredSignedResults(ctx, session, candidates, tests, results);
      const awaited = awaitingSignedResults(candidates, tests, results);
      if (awaited.length > 0 && !request.body.withoutAwaitedSignedResults) {
        throw conflict(
          'SIGNED_RESULTS_AWAITED',
          `the stations' signed results of these candidates have not arrived (their results come only from the answers received during the test): switch their stations on in the room, with network, and the results send themselves; or publish withoutAwaitedSignedResults: ${awaited.map(nameOf).join(', ')}`,
        );
      }
      if (
        needsJury(session.finalization, incidents, results, tests, unscored) &&
        !request.body.juryReviewed
      ) {
        throw conflict(
          'JURY_REVIEW_NEEDED',
          'the session has a comment, reports that need action, results too neutralized to be trusted, signed results the server refused or signed results whose abort reason the jury must give: the jury reviews it first',
        );
      }
      // The result e-mails are queued with it (mail/result-email-queue.ts).
      if (!(await publishWithResultEmails(ctx, session.id, ctx.now()))) {
        throw conflict('SESSION_PUBLISHED', 'the results are already published');
      }
      const published = await reachableSession(ctx, account, session.id);
      await ctx.feed.sessionChanged(published);
      ctx.log.info(
        {
          sessionId: session.id,
          by: account.id,
          withoutSignedResults: awaited.map((c) => c.id),
        },
        awaited.length > 0 ? 'results published without awaited signed results' : 'results published',
      );
      return resultsView(ctx, published);
    },
  );

  r.get(
    '/api/centre/candidates/:candidateId/certificate',
    {
      schema: {
        tags,
        summary: "A certified candidate's certificate (after publication)",
        params: CandidateParams,
        response: { 200: CertificateSchema, ...errors(401, 404, 409) },
      },
    },
    async (request) => certificateFor(requestAccount(request), request.params.candidateId),
  );

  r.get(
    '/api/centre/candidates/:candidateId/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'The certificate to print (PDF) with its verification code',
        params: CandidateParams,
        response: { 200: z.instanceof(Buffer).describe('application/pdf'), ...errors(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const certificate = await certificateFor(requestAccount(request), request.params.candidateId);
      const pdf = await certificatePdf(certificate, {
        verificationPage: `${ctx.config.publicUrl ?? `${request.protocol}://${request.host}`}/verification/`,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="certificat-${certificate.verificationCode}.pdf"`,
        )
        .send(pdf);
    },
  );
}
