// The invigilator screen's API (core/contracts/invigilator-api.ts): login, the room, its event stream,
// commands and alert decisions (incident reports, finalization and results: invigilator-session-routes).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertDecisionRequestSchema,
  CommandIssuedResponseSchema,
  INVIGILATOR_TOKEN_COOKIE,
  InvigilatorCommandRequestSchema,
  InvigilatorLoginRequestSchema,
  InvigilatorLoginResponseSchema,
  RoomSchema,
} from '../../core/contracts/invigilator-api.ts';
import type { ServerContext } from '../context.ts';
import { answerOnce, commandRequest } from '../exam/command-requests.ts';
import { decideAlert, issueCommand } from '../exam/commands.ts';
import { clearTokenCookie, requestToken, setTokenCookie } from '../http/cookies.ts';
import { PathId, SessionParams, errors } from '../http/route-schema.ts';
import {
  INVIGILATOR_LOGIN,
  loginDeviceKey,
  loginRateKey,
  rememberLoginDevice,
} from '../http/login-device.ts';
import {
  authenticateInvigilator,
  invigilatorLoginTarget,
  loginInvigilator,
  logoutInvigilator,
} from '../invigilator/invigilator-auth.ts';
import { loadRoomData, roomCandidate } from '../room/room-view.ts';
import { openRoomStream } from '../room/room-stream.ts';
import { centreName, invigilatorSessionView } from '../sessions/session-service.ts';
import { invigilatedSession } from './request-invigilator.ts';
import { iso } from '../time.ts';
import { invigilatorSessionRoutes } from './invigilator-session-routes.ts';

export const cookiePath = (sessionId: string) => `/api/invigilator/sessions/${sessionId}`;

export async function invigilatorRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['invigilator'];

  r.post(
    '/api/invigilator/login',
    {
      config: {
        rateLimit: {
          max: 30,
          timeWindow: 60_000,
          keyGenerator: loginRateKey(ctx.knownDevices, INVIGILATOR_LOGIN),
        },
      },
      schema: {
        tags,
        summary:
          'Log in with the session number and the invigilator password (5 failures from one address → 429 there for 15 min, lifted at once when a referent changes the invigilator password; the session itself only slows down; a browser that logged in to the session before counts its failures apart, with its pix_invigilator_device cookie)',
        body: InvigilatorLoginRequestSchema,
        response: { 200: InvigilatorLoginResponseSchema, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const target = invigilatorLoginTarget(request.body.sessionNumber);
      const { token, expiresAt, session } = await loginInvigilator(
        ctx,
        request.body.sessionNumber,
        request.body.password,
        request.ip,
        loginDeviceKey(request, ctx.knownDevices, INVIGILATOR_LOGIN, target),
      );
      setTokenCookie(
        request,
        reply,
        INVIGILATOR_TOKEN_COOKIE,
        token,
        cookiePath(session.id),
        ctx.config.invigilatorMaxMs,
      );
      rememberLoginDevice(request, reply, ctx.knownDevices, INVIGILATOR_LOGIN, target);
      return {
        token,
        expiresAt: iso(expiresAt),
        session: invigilatorSessionView(session, await centreName(ctx, session.centreId)),
      };
    },
  );

  await app.register(async (scoped) => {
    scoped.addHook('onRequest', async (request) => {
      const params = request.params as { sessionId?: unknown };
      const sessionId = typeof params.sessionId === 'string' ? params.sessionId : '';
      request.invigilatedSession = await authenticateInvigilator(
        ctx,
        requestToken(request, INVIGILATOR_TOKEN_COOKIE),
        sessionId,
      );
    });
    const s = scoped.withTypeProvider<ZodTypeProvider>();

    s.post(
      '/api/invigilator/sessions/:sessionId/logout',
      {
        schema: {
          tags,
          summary: 'Log out',
          params: SessionParams,
          response: { 204: z.null(), ...errors(401, 403) },
        },
      },
      async (request, reply) => {
        await logoutInvigilator(ctx, requestToken(request, INVIGILATOR_TOKEN_COOKIE));
        clearTokenCookie(reply, INVIGILATOR_TOKEN_COOKIE, cookiePath(request.params.sessionId));
        return reply.code(204).send(null);
      },
    );

    s.get(
      '/api/invigilator/sessions/:sessionId',
      {
        schema: {
          tags,
          summary: 'The room: the session and every candidate’s live state',
          params: SessionParams,
          response: { 200: RoomSchema, ...errors(401, 403) },
        },
      },
      async (request) => {
        const session = invigilatedSession(request);
        // The event id first: an event stored meanwhile is replayed by the stream, never missed.
        const lastEventId = await ctx.store.events.lastSeq(session.id);
        const data = await loadRoomData(ctx, session);
        return {
          session: invigilatorSessionView(session, await centreName(ctx, session.centreId)),
          candidates: data.candidates.map((c) => roomCandidate(data, c, ctx.feed.live)),
          lastEventId,
          serverTime: iso(ctx.now()),
        };
      },
    );

    s.get(
      '/api/invigilator/sessions/:sessionId/events',
      {
        schema: {
          tags,
          summary: 'Live events (server-sent events): replay after Last-Event-ID (or ?after=), then live',
          params: SessionParams,
          querystring: z.object({ after: z.coerce.number().int().nonnegative().default(0) }).strict(),
          response: { 200: z.string().describe('text/event-stream'), ...errors(400, 401, 403) },
        },
      },
      async (request, reply) =>
        openRoomStream(
          ctx,
          invigilatedSession(request),
          request,
          reply,
          request.query.after,
          requestToken(request, INVIGILATOR_TOKEN_COOKIE),
        ),
    );

    s.post(
      '/api/invigilator/sessions/:sessionId/candidates/:candidateId/commands',
      {
        schema: {
          tags,
          summary:
            'Authorize start or withdraw it, authorize resume, pause, unlock, add time, end the test, close the station (a retry with the same requestId gets the first answer; 409 REQUEST_ID_REUSED for another request)',
          params: z.object({ sessionId: PathId, candidateId: PathId }).strict(),
          body: InvigilatorCommandRequestSchema,
          response: { 200: CommandIssuedResponseSchema, ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const session = invigilatedSession(request);
        const { candidateId } = request.params;
        const { requestId, ...asked } = request.body;
        return answerOnce(ctx, session, commandRequest(requestId, ['command', candidateId, asked]), (ref) =>
          issueCommand(ctx, session, candidateId, request.body, ref),
        );
      },
    );

    s.post(
      '/api/invigilator/sessions/:sessionId/alerts/:alertId/decision',
      {
        schema: {
          tags,
          summary:
            'Dismiss an alert (the candidate answers the question) or validate it with an E code (a retry with the same requestId gets the first answer)',
          params: z.object({ sessionId: PathId, alertId: PathId }).strict(),
          body: AlertDecisionRequestSchema,
          response: { 200: CommandIssuedResponseSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const session = invigilatedSession(request);
        const { alertId } = request.params;
        const { requestId, ...asked } = request.body;
        return answerOnce(ctx, session, commandRequest(requestId, ['alertDecision', alertId, asked]), (ref) =>
          decideAlert(ctx, session, alertId, request.body, ref),
        );
      },
    );

    invigilatorSessionRoutes(scoped, ctx);
  });
}
