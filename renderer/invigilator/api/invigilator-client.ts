// The invigilator API (core/contracts/invigilator-api.ts) from the browser. The login sets an
// HttpOnly cookie scoped to the session's routes, so the screen never holds the token itself; every
// answer is checked against the contract before the screen believes it.
import type { z } from 'zod';
import {
  CommandIssuedResponseSchema,
  IncidentListSchema,
  IncidentSchema,
  InvigilatorLoginResponseSchema,
  ResultsSchema,
  RoomSchema,
  type FinalizationRequest,
  type InvigilatorCommandRequest,
  type InvigilatorSession,
  type Results,
  type Room,
  type RoomCandidate,
} from '../../../core/contracts/invigilator-api.ts';
import type { AlertReasonCode } from '../../../core/journal/journal-record.ts';

export type Incident = z.infer<typeof IncidentSchema>;
export type IncidentInput = {
  candidateId: string;
  code: Incident['code'];
  questionNumber: number | null;
  description: string;
};

/** A refused or failed request: `status` 0 when the server could not be reached. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  /** A 429's Retry-After, in seconds: how long the refusal lasts (null when not said). */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

export const invigilatorPaths = {
  login: '/api/invigilator/login',
  session: (sessionId: string) => `/api/invigilator/sessions/${encodeURIComponent(sessionId)}`,
  logout: (sessionId: string) => `${invigilatorPaths.session(sessionId)}/logout`,
  events: (sessionId: string) => `${invigilatorPaths.session(sessionId)}/events`,
  command: (sessionId: string, candidateId: string) =>
    `${invigilatorPaths.session(sessionId)}/candidates/${encodeURIComponent(candidateId)}/commands`,
  alertDecision: (sessionId: string, alertId: string) =>
    `${invigilatorPaths.session(sessionId)}/alerts/${encodeURIComponent(alertId)}/decision`,
  incidents: (sessionId: string) => `${invigilatorPaths.session(sessionId)}/incidents`,
  incident: (sessionId: string, incidentId: string) =>
    `${invigilatorPaths.session(sessionId)}/incidents/${encodeURIComponent(incidentId)}`,
  finalization: (sessionId: string) => `${invigilatorPaths.session(sessionId)}/finalization`,
  results: (sessionId: string) => `${invigilatorPaths.session(sessionId)}/results`,
} as const;

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The card an action's answer brings, with the id of the room event that carries it. */
export interface IssuedCard {
  candidate: RoomCandidate;
  eventId: number;
}

export interface InvigilatorClient {
  login(sessionNumber: number, password: string): Promise<InvigilatorSession>;
  logout(sessionId: string): Promise<void>;
  room(sessionId: string): Promise<Room>;
  command(sessionId: string, candidateId: string, command: InvigilatorCommandRequest): Promise<IssuedCard>;
  decideAlert(
    sessionId: string,
    alertId: string,
    decision: (
      { decision: 'dismissed'; reasonCode: null } | { decision: 'validated'; reasonCode: AlertReasonCode }
    ) & { requestId?: string },
  ): Promise<IssuedCard>;
  incidents(sessionId: string): Promise<Incident[]>;
  addIncident(sessionId: string, input: IncidentInput): Promise<Incident>;
  removeIncident(sessionId: string, incidentId: string): Promise<void>;
  finalize(sessionId: string, request: FinalizationRequest): Promise<void>;
  results(sessionId: string): Promise<Results>;
}

async function errorOf(response: Response): Promise<ApiFailure> {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || code;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: keep the status.
  }
  return new ApiFailure(
    response.status,
    code,
    message,
    retryAfterSeconds(response.headers.get('retry-after')),
  );
}

/** Retry-After in seconds (the server never sends the HTTP-date form). */
export function retryAfterSeconds(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

export function createInvigilatorClient(
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): InvigilatorClient {
  async function call(method: string, url: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiFailure(0, 'NETWORK', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  async function json<S extends z.ZodType>(schema: S, response: Response): Promise<z.output<S>> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ApiFailure(response.status, 'UNEXPECTED_RESPONSE', parsed.error.message);
    return parsed.data;
  }

  async function issuedCard(response: Response): Promise<IssuedCard> {
    const { candidate, eventId } = await json(CommandIssuedResponseSchema, response);
    return { candidate, eventId };
  }

  return {
    async login(sessionNumber, password) {
      const response = await call('POST', invigilatorPaths.login, { sessionNumber, password });
      return (await json(InvigilatorLoginResponseSchema, response)).session;
    },
    async logout(sessionId) {
      await call('POST', invigilatorPaths.logout(sessionId));
    },
    async room(sessionId) {
      return json(RoomSchema, await call('GET', invigilatorPaths.session(sessionId)));
    },
    async command(sessionId, candidateId, command) {
      const response = await call('POST', invigilatorPaths.command(sessionId, candidateId), command);
      return issuedCard(response);
    },
    async decideAlert(sessionId, alertId, decision) {
      const response = await call('POST', invigilatorPaths.alertDecision(sessionId, alertId), decision);
      return issuedCard(response);
    },
    async incidents(sessionId) {
      return (await json(IncidentListSchema, await call('GET', invigilatorPaths.incidents(sessionId))))
        .incidents;
    },
    async addIncident(sessionId, input) {
      return json(IncidentSchema, await call('POST', invigilatorPaths.incidents(sessionId), input));
    },
    async removeIncident(sessionId, incidentId) {
      await call('DELETE', invigilatorPaths.incident(sessionId, incidentId));
    },
    async finalize(sessionId, request) {
      await call('POST', invigilatorPaths.finalization(sessionId), request);
    },
    async results(sessionId) {
      return json(ResultsSchema, await call('GET', invigilatorPaths.results(sessionId)));
    },
  };
}
