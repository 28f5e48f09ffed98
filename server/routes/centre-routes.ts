// The centre back office's API (core/contracts/centre-api.ts): accounts, centres, sessions, candidates.
// Authenticated by account tokens; a referent reaches only their centre (accounts/access.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountListSchema,
  AccountSchema,
  CENTRE_TOKEN_COOKIE,
  CandidateImportQuerySchema,
  CandidateImportReportSchema,
  CandidateInputSchema,
  CandidateListSchema,
  CandidateSchema,
  CentreLoginRequestSchema,
  CentreLoginResponseSchema,
  CentreSchema,
  CentreSessionSchema,
  ChangePasswordRequestSchema,
  CreateAccountRequestSchema,
  CreateCentreRequestSchema,
  MeResponseSchema,
  ProfileImportReportSchema,
  ProfileImportRequestSchema,
  SessionDetailsSchema,
} from '../../core/contracts/centre-api.ts';
import { ProfileSchema } from '../../core/profile/profile.ts';
import {
  reachableCandidate,
  reachableCentre,
  reachableSession,
  requireAdministrator,
} from '../accounts/access.ts';
import {
  accountLoginTarget,
  accountView,
  authenticateAccount,
  changePassword,
  createAccount,
  loginAccount,
  logout,
  setAccountActive,
} from '../accounts/account-service.ts';
import { candidateCsvTemplate } from '../candidates/candidate-csv.ts';
import { CENTRE_LOGIN, loginDeviceKey, loginRateKey, rememberLoginDevice } from '../http/login-device.ts';
import {
  candidateView,
  candidateViews,
  createCandidate,
  deleteCandidate,
  importCandidatesCsv,
  importProfiles,
  setProfile,
  updateCandidate,
} from '../candidates/candidate-service.ts';
import { newId } from '../auth/secrets.ts';
import type { ServerContext } from '../context.ts';
import { acceptFiles } from '../http/body-parsers.ts';
import { clearTokenCookie, requestToken, setTokenCookie } from '../http/cookies.ts';
import { CandidateParams, CentreParams, PathId, SessionParams, errors } from '../http/route-schema.ts';
import { changeInvigilatorPassword } from '../invigilator/invigilator-auth.ts';
import {
  centreName,
  centreSessionView,
  createSession,
  deleteSession,
  sessionCounts,
  updateSession,
  withRunningRecounted,
} from '../sessions/session-service.ts';
import type { StoredCentre } from '../storage/repositories.ts';
import { iso } from '../time.ts';
import { centreContentRoutes } from './centre-content-routes.ts';
import { centreReadinessRoutes } from './centre-readiness-routes.ts';
import { centreStationRoutes } from './centre-station-routes.ts';
import { centreResultsRoutes } from './centre-results-routes.ts';
import { centreJuryRoutes } from './centre-jury-routes.ts';
import { centreResultEmailRoutes } from './centre-result-email-routes.ts';
import { centreTestRecordRoutes } from './centre-test-record-routes.ts';
import { centreFinalizationRecordRoutes } from './centre-finalization-record-routes.ts';
import { requestAccount } from './request-account.ts';

const COOKIE_PATH = '/api/centre';
const LOGIN_RATE_LIMIT = { max: 30, timeWindow: 60_000 };

const account = requestAccount;
/** What a CSV file is sent as (Windows names .csv files application/vnd.ms-excel). */
const CSV_MEDIA_TYPES = ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream'];
const AccountParams = z.object({ accountId: PathId }).strict();

function centreView(c: StoredCentre) {
  return { id: c.id, name: c.name, createdAt: iso(c.createdAt) };
}

export async function centreRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['centre'];

  // ---------------------------------------------------------------- login (no token yet)

  r.post(
    '/api/centre/login',
    {
      config: {
        rateLimit: { ...LOGIN_RATE_LIMIT, keyGenerator: loginRateKey(ctx.knownDevices, CENTRE_LOGIN) },
      },
      schema: {
        tags,
        summary:
          'Log in with email and password (sets the pix_centre cookie too; a browser that logged in to the account before counts its failures apart, with its pix_centre_device cookie)',
        body: CentreLoginRequestSchema,
        response: { 200: CentreLoginResponseSchema, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const target = accountLoginTarget(email);
      const result = await loginAccount(
        ctx,
        email,
        password,
        request.ip,
        loginDeviceKey(request, ctx.knownDevices, CENTRE_LOGIN, target),
      );
      setTokenCookie(request, reply, CENTRE_TOKEN_COOKIE, result.token, COOKIE_PATH, ctx.config.accountMaxMs);
      rememberLoginDevice(request, reply, ctx.knownDevices, CENTRE_LOGIN, target);
      return { token: result.token, expiresAt: iso(result.expiresAt), account: accountView(result.account) };
    },
  );

  // ---------------------------------------------------------------- everything else: a token

  await app.register(async (scoped) => {
    scoped.addHook('onRequest', async (request) => {
      request.account = await authenticateAccount(ctx, requestToken(request, CENTRE_TOKEN_COOKIE));
    });
    const s = scoped.withTypeProvider<ZodTypeProvider>();

    s.post(
      '/api/centre/logout',
      {
        schema: {
          tags,
          summary: 'Log out (the token stops working)',
          response: { 204: z.null(), ...errors(401) },
        },
      },
      async (request, reply) => {
        await logout(ctx, requestToken(request, CENTRE_TOKEN_COOKIE));
        clearTokenCookie(reply, CENTRE_TOKEN_COOKIE, COOKIE_PATH);
        return reply.code(204).send(null);
      },
    );

    s.get(
      '/api/centre/me',
      {
        schema: {
          tags,
          summary: 'The logged-in account and the centres it reaches',
          response: { 200: MeResponseSchema, ...errors(401) },
        },
      },
      async (request) => {
        const me = account(request);
        const centres =
          me.role === 'administrator'
            ? await ctx.store.centres.list()
            : [await ctx.store.centres.get(me.centreId ?? '')].filter((c): c is StoredCentre => c !== null);
        return { account: accountView(me), centres: centres.map(centreView) };
      },
    );

    s.post(
      '/api/centre/me/password',
      {
        schema: {
          tags,
          summary: 'Change my password (ends my other sessions)',
          body: ChangePasswordRequestSchema,
          response: { 204: z.null(), ...errors(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const { currentPassword, newPassword } = request.body;
        await changePassword(ctx, account(request), currentPassword, newPassword, {
          token: requestToken(request, CENTRE_TOKEN_COOKIE),
          clientKey: request.ip,
        });
        return reply.code(204).send(null);
      },
    );

    // -------------------------------------------------------------- accounts and centres (administrators)

    s.get(
      '/api/centre/accounts',
      {
        schema: {
          tags,
          summary: 'Every account (administrator only)',
          response: { 200: AccountListSchema, ...errors(401, 403) },
        },
      },
      async (request) => {
        requireAdministrator(account(request));
        return { accounts: (await ctx.store.accounts.list(null)).map(accountView) };
      },
    );

    s.post(
      '/api/centre/accounts',
      {
        schema: {
          tags,
          summary: 'Create a referent or administrator account (administrator only)',
          body: CreateAccountRequestSchema,
          response: { 201: AccountSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        requireAdministrator(account(request));
        return reply.code(201).send(accountView(await createAccount(ctx, request.body)));
      },
    );

    for (const [action, active] of [
      ['deactivate', false],
      ['reactivate', true],
    ] as const) {
      s.post(
        `/api/centre/accounts/:accountId/${action}`,
        {
          schema: {
            tags,
            summary: active
              ? 'Reactivate an account (administrator only)'
              : 'Deactivate an account: no more logins, its sessions end (administrator only)',
            params: AccountParams,
            response: { 200: AccountSchema, ...errors(401, 403, 404, 409) },
          },
        },
        async (request) => {
          const me = account(request);
          requireAdministrator(me);
          return accountView(await setAccountActive(ctx, me, request.params.accountId, active));
        },
      );
    }

    s.get(
      '/api/centre/centres',
      {
        schema: {
          tags,
          summary: 'The centres I reach',
          response: { 200: z.object({ centres: z.array(CentreSchema) }).strict(), ...errors(401) },
        },
      },
      async (request) => {
        const me = account(request);
        const all = await ctx.store.centres.list();
        return {
          centres: all.filter((c) => me.role === 'administrator' || c.id === me.centreId).map(centreView),
        };
      },
    );

    s.post(
      '/api/centre/centres',
      {
        schema: {
          tags,
          summary: 'Create a certification centre (administrator only)',
          body: CreateCentreRequestSchema,
          response: { 201: CentreSchema, ...errors(400, 401, 403) },
        },
      },
      async (request, reply) => {
        requireAdministrator(account(request));
        const centre = await ctx.store.centres.create({
          id: newId('ctr'),
          name: request.body.name,
          createdAt: ctx.now(),
        });
        return reply.code(201).send(centreView(centre));
      },
    );

    // -------------------------------------------------------------- sessions

    s.get(
      '/api/centre/centres/:centreId/sessions',
      {
        schema: {
          tags,
          summary: "A centre's sessions, most recent first, with counts",
          params: CentreParams,
          response: {
            200: z.object({ sessions: z.array(CentreSessionSchema) }).strict(),
            ...errors(401, 404),
          },
        },
      },
      async (request) => {
        const centre = await reachableCentre(ctx, account(request), request.params.centreId);
        const list = await withRunningRecounted(ctx, await ctx.store.sessions.listByCentre(centre.id));
        return { sessions: list.map((s) => centreSessionView(s, centre.name, s.counts)) };
      },
    );

    s.post(
      '/api/centre/centres/:centreId/sessions',
      {
        schema: {
          tags,
          summary: 'Create a session (its access code and invigilator password are drawn)',
          params: CentreParams,
          body: SessionDetailsSchema,
          response: { 201: CentreSessionSchema, ...errors(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const centre = await reachableCentre(ctx, account(request), request.params.centreId);
        const session = await createSession(ctx, centre.id, request.body);
        return reply.code(201).send(
          centreSessionView(session, centre.name, {
            candidates: 0,
            joined: 0,
            started: 0,
            resultsReceived: 0,
            resultsRefused: 0,
          }),
        );
      },
    );

    s.get(
      '/api/centre/sessions/:sessionId',
      {
        schema: {
          tags,
          summary: 'A session, with what the session kit prints',
          params: SessionParams,
          response: { 200: CentreSessionSchema, ...errors(401, 404) },
        },
      },
      async (request) => {
        const session = await reachableSession(ctx, account(request), request.params.sessionId);
        return centreSessionView(
          session,
          await centreName(ctx, session.centreId),
          await sessionCounts(ctx, session.id),
        );
      },
    );

    s.put(
      '/api/centre/sessions/:sessionId',
      {
        schema: {
          tags,
          summary: "Edit a session's details (until it is finalized)",
          params: SessionParams,
          body: SessionDetailsSchema,
          response: { 200: CentreSessionSchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (request) => {
        const session = await reachableSession(ctx, account(request), request.params.sessionId);
        await updateSession(ctx, session, request.body);
        const updated = await reachableSession(ctx, account(request), session.id);
        return centreSessionView(
          updated,
          await centreName(ctx, session.centreId),
          await sessionCounts(ctx, session.id),
        );
      },
    );

    s.delete(
      '/api/centre/sessions/:sessionId',
      {
        schema: {
          tags,
          summary: 'Delete a session (before any test starts)',
          params: SessionParams,
          response: { 204: z.null(), ...errors(401, 404, 409) },
        },
      },
      async (request, reply) => {
        const session = await reachableSession(ctx, account(request), request.params.sessionId);
        await deleteSession(ctx, session);
        return reply.code(204).send(null);
      },
    );

    s.post(
      '/api/centre/sessions/:sessionId/invigilator-password',
      {
        schema: {
          tags,
          summary:
            'Change the invigilator password: a new one is drawn, the invigilator screens logged in must log in again with it, and every login block aimed at the session is lifted (until the session is processed)',
          params: SessionParams,
          response: { 200: CentreSessionSchema, ...errors(401, 404, 409) },
        },
      },
      async (request) => {
        const me = account(request);
        const session = await reachableSession(ctx, me, request.params.sessionId);
        const changed = await changeInvigilatorPassword(ctx, session, me);
        return centreSessionView(
          changed,
          await centreName(ctx, session.centreId),
          await sessionCounts(ctx, session.id),
        );
      },
    );

    // -------------------------------------------------------------- candidates

    s.get(
      '/api/centre/sessions/:sessionId/candidates',
      {
        schema: {
          tags,
          summary: "A session's candidates, with their profile and certifiability",
          params: SessionParams,
          response: { 200: CandidateListSchema, ...errors(401, 404) },
        },
      },
      async (request) => {
        const session = await reachableSession(ctx, account(request), request.params.sessionId);
        return { candidates: await candidateViews(ctx, session) };
      },
    );

    s.post(
      '/api/centre/sessions/:sessionId/candidates',
      {
        schema: {
          tags,
          summary: 'Enrol a candidate',
          params: SessionParams,
          body: CandidateInputSchema,
          response: { 201: CandidateSchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        const session = await reachableSession(ctx, account(request), request.params.sessionId);
        const candidate = await createCandidate(ctx, session, request.body);
        return reply.code(201).send(candidateView(candidate, session, null));
      },
    );

    // The CSV as bytes, in a scope of its own (body-parsers.ts): no form can send these media types.
    await scoped.register(async (csv) => {
      acceptFiles(csv, CSV_MEDIA_TYPES);
      csv.withTypeProvider<ZodTypeProvider>().post(
        '/api/centre/sessions/:sessionId/candidates/import',
        {
          bodyLimit: 2 * 1024 * 1024,
          schema: {
            tags,
            summary: 'Import candidates from a CSV file (text/csv); dryRun=true previews without storing',
            consumes: CSV_MEDIA_TYPES,
            params: SessionParams,
            querystring: CandidateImportQuerySchema,
            body: z.instanceof(Buffer).describe('the CSV file (text/csv)'),
            response: { 200: CandidateImportReportSchema, ...errors(400, 401, 404, 409, 413, 415) },
          },
        },
        async (request) => {
          const session = await reachableSession(ctx, account(request), request.params.sessionId);
          return importCandidatesCsv(ctx, session, request.body, request.query.dryRun);
        },
      );
    });

    s.get(
      '/api/centre/candidates/template.csv',
      {
        schema: {
          tags,
          summary: 'The CSV template to fill (Excel-friendly)',
          produces: ['text/csv'],
          response: { 200: z.string(), ...errors(401) },
        },
      },
      async (_request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="candidats-modele.csv"')
          .send(candidateCsvTemplate()),
    );

    s.get(
      '/api/centre/candidates/:candidateId',
      {
        schema: {
          tags,
          summary: 'A candidate',
          params: CandidateParams,
          response: { 200: CandidateSchema, ...errors(401, 404) },
        },
      },
      async (request) => {
        const { candidate, session } = await reachableCandidate(
          ctx,
          account(request),
          request.params.candidateId,
        );
        return candidateView(candidate, session, await ctx.store.tests.getByCandidate(candidate.id));
      },
    );

    s.put(
      '/api/centre/candidates/:candidateId',
      {
        schema: {
          tags,
          summary: "Edit a candidate's enrolment (until the test starts)",
          params: CandidateParams,
          body: CandidateInputSchema,
          response: { 200: CandidateSchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (request) => {
        const { candidate, session } = await reachableCandidate(
          ctx,
          account(request),
          request.params.candidateId,
        );
        await updateCandidate(ctx, session, candidate, request.body);
        const updated = await reachableCandidate(ctx, account(request), candidate.id);
        return candidateView(updated.candidate, session, await ctx.store.tests.getByCandidate(candidate.id));
      },
    );

    s.delete(
      '/api/centre/candidates/:candidateId',
      {
        schema: {
          tags,
          summary: 'Remove a candidate (until the test starts)',
          params: CandidateParams,
          response: { 204: z.null(), ...errors(401, 404, 409) },
        },
      },
      async (request, reply) => {
        const { candidate, session } = await reachableCandidate(
          ctx,
          account(request),
          request.params.candidateId,
        );
        await deleteCandidate(ctx, session, candidate);
        return reply.code(204).send(null);
      },
    );

    s.put(
      '/api/centre/candidates/:candidateId/profile',
      {
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags,
          summary: "Set a candidate's Pix profile (until the test is generated)",
          params: CandidateParams,
          body: ProfileSchema,
          response: { 200: CandidateSchema, ...errors(400, 401, 404, 409, 413) },
        },
      },
      async (request) => {
        const { candidate, session } = await reachableCandidate(
          ctx,
          account(request),
          request.params.candidateId,
        );
        await setProfile(ctx, session, candidate, request.body);
        const updated = await reachableCandidate(ctx, account(request), candidate.id);
        return candidateView(updated.candidate, session, await ctx.store.tests.getByCandidate(candidate.id));
      },
    );

    s.post(
      '/api/centre/sessions/:sessionId/profiles/import',
      {
        bodyLimit: 32 * 1024 * 1024,
        schema: {
          tags,
          summary:
            "Import the candidates' Pix profiles (JSON), matched by external id or names and birthdate",
          params: SessionParams,
          body: ProfileImportRequestSchema,
          response: { 200: ProfileImportReportSchema, ...errors(400, 401, 404, 409, 413) },
        },
      },
      async (request) => {
        const session = await reachableSession(ctx, account(request), request.params.sessionId);
        return importProfiles(ctx, session, request.body);
      },
    );

    centreContentRoutes(scoped, ctx);
    centreReadinessRoutes(scoped, ctx);
    centreStationRoutes(scoped, ctx);
    centreResultsRoutes(scoped, ctx);
    centreJuryRoutes(scoped, ctx);
    centreResultEmailRoutes(scoped, ctx);
    centreTestRecordRoutes(scoped, ctx);
    centreFinalizationRecordRoutes(scoped, ctx);
  });
}
