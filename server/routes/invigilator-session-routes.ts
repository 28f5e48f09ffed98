// Invigilator routes after (and around) the test: incident reports, finalization, results and the
// attendance sheet. Registered inside the invigilator scope.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FinalizationRequestSchema,
  IncidentInputSchema,
  IncidentListSchema,
  IncidentSchema,
  ResultsSchema,
} from '../../core/contracts/invigilator-api.ts';
import { attendanceOf, type Attendance } from '../../core/session/attendance.ts';
import type { ServerContext } from '../context.ts';
import { PathId, SessionParams, errors } from '../http/route-schema.ts';
import { spreadsheetCsv, spreadsheetDate, spreadsheetTime } from '../http/spreadsheet-csv.ts';
import { finalizeSession } from '../results/finalization.ts';
import { incidentView, reportIncident, withdrawIncident } from '../results/incidents.ts';
import { invigilatorResultsView } from '../results/results-view.ts';
import { loadRoomData, roomCandidate } from '../room/room-view.ts';
import { invigilatedSession } from './request-invigilator.ts';

/** The sheet's « Présence » column, in French like the rest of the file (a school's records). */
const PRESENCE_WORDS: Record<Attendance, string> = {
  present: 'présent',
  notStarted: 'connecté, test non commencé',
  notArrived: 'pas encore arrivé',
  absent: 'absent',
};

export function invigilatorSessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['invigilator'];
  const base = '/api/invigilator/sessions/:sessionId';

  r.get(
    `${base}/incidents`,
    {
      schema: {
        tags,
        summary: 'Incident reports of the session',
        params: SessionParams,
        response: { 200: IncidentListSchema, ...errors(401, 403) },
      },
    },
    async (request) => ({
      incidents: (await ctx.store.incidents.listBySession(invigilatedSession(request).id)).map(incidentView),
    }),
  );

  r.post(
    `${base}/incidents`,
    {
      schema: {
        tags,
        summary: 'Report an incident for a candidate (C code, or E code with the question number)',
        params: SessionParams,
        body: IncidentInputSchema,
        response: { 201: IncidentSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const incident = await reportIncident(ctx, invigilatedSession(request), request.body, 'invigilator');
      return reply.code(201).send(incidentView(incident));
    },
  );

  r.delete(
    `${base}/incidents/:incidentId`,
    {
      schema: {
        tags,
        summary: 'Withdraw an incident report (before finalization)',
        params: z.object({ sessionId: PathId, incidentId: PathId }).strict(),
        response: { 204: z.null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await withdrawIncident(ctx, invigilatedSession(request), request.params.incidentId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/finalization`,
    {
      schema: {
        tags,
        summary:
          'Finalize: abort reasons for unfinished tests, global comment (≤ 500), the two yes/no answers; then scoring',
        params: SessionParams,
        body: FinalizationRequestSchema,
        response: { 200: ResultsSchema, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (request) => {
      const session = invigilatedSession(request);
      await finalizeSession(ctx, session, request.body, 'invigilator');
      const updated = (await ctx.store.sessions.get(session.id)) ?? session;
      return invigilatorResultsView(ctx, updated);
    },
  );

  r.get(
    `${base}/results`,
    {
      schema: {
        tags,
        summary: 'Results once scored',
        params: SessionParams,
        response: { 200: ResultsSchema, ...errors(401, 403) },
      },
    },
    async (request) => invigilatorResultsView(ctx, invigilatedSession(request)),
  );

  r.get(
    `${base}/attendance.csv`,
    {
      schema: {
        tags,
        summary: 'The attendance sheet (CSV: name, birthdate, extra time, station, state, start, signature)',
        params: SessionParams,
        response: { 200: z.string(), ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      const session = invigilatedSession(request);
      const data = await loadRoomData(ctx, session);
      const sessionOpen = session.state === 'created';
      const lines = data.candidates.map((c) => {
        const card = roomCandidate(data, c, ctx.feed.live);
        return [
          c.lastName,
          c.firstName,
          spreadsheetDate(c.birthdate),
          c.extraTimePercentage ? `${c.extraTimePercentage} %` : '',
          card.station?.name ?? '',
          PRESENCE_WORDS[attendanceOf(card.state, sessionOpen, card.wentAhead)],
          card.startedAt ? spreadsheetTime(card.startedAt, ctx.config.timeZone) : '',
          '',
        ];
      });
      const header = [
        'Nom',
        'Prénom',
        'Date de naissance',
        'Temps majoré',
        'Poste',
        'Présence',
        'Début',
        'Signature',
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="emargement-session-${session.number}.csv"`)
        .send(spreadsheetCsv(header, lines));
    },
  );
}
