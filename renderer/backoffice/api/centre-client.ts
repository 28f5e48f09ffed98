// The centre API (core/contracts/centre-api.ts) from the back office. Login sets an HttpOnly cookie
// scoped to /api/centre, so the screen never holds the token; every answer is checked against the
// contract before the screen believes it. A 401 anywhere (expired, closed or unknown session,
// deactivated account) is reported once to `onUnauthorized`, which sends the user back to the login.
import { z } from 'zod';
import {
  AccountListSchema,
  AccountSchema,
  BankImportRefusalSchema,
  BankImportReportSchema,
  BankSummarySchema,
  CandidateImportReportSchema,
  CandidateListSchema,
  CandidateSchema,
  CentreLoginResponseSchema,
  CentreSchema,
  CentreSessionSchema,
  EnrollmentCodeSchema,
  MeResponseSchema,
  ProfileImportReportSchema,
  SessionReadinessSchema,
  StationSchema,
  UnfinishedTestsSchema,
  type Account,
  type BankProblem,
  type Candidate,
  type CandidateImportReport,
  type Centre,
  type CentreSession,
  type PublicationRequest,
  type SessionReadiness,
  type Station,
  type UnfinishedTests,
} from '../../../core/contracts/centre-api.ts';
import {
  CandidateResultSchema,
  IncidentListSchema,
  IdentityCorrectionResponseSchema,
  IncidentSchema,
  ResultsSchema,
  type CandidateResult,
  type IdentityCorrectionResponse,
  type FinalizationRequest,
  type IncidentInputSchema,
  type Results,
} from '../../../core/contracts/invigilator-api.ts';
import {
  CandidateTestRecordSchema,
  type CandidateTestRecord,
} from '../../../core/contracts/candidate-record.ts';
import {
  FinalizationRecordSchema,
  type FinalizationRecord,
} from '../../../core/contracts/finalization-record.ts';
import {
  ResultEmailListSchema,
  ResultEmailSchema,
  type ResultEmail,
  type ResultEmailList,
} from '../../../core/contracts/result-emails.ts';
import type { AbortReason } from '../../../core/scoring/scoring-input.ts';
import type {
  CancellationRequest,
  IdentityCorrectionRequest,
} from '../../../core/contracts/jury-decisions.ts';

export type Me = z.infer<typeof MeResponseSchema>;
export type BankSummary = z.infer<typeof BankSummarySchema>;
export type BankImportReport = z.infer<typeof BankImportReportSchema>;
export type ProfileImportReport = z.infer<typeof ProfileImportReportSchema>;
export type EnrollmentCode = z.infer<typeof EnrollmentCodeSchema>;
export type Incident = z.infer<typeof IncidentListSchema>['incidents'][number];
/** A coded incident report as the form sends it (checked by the same schema on the server). */
export type IncidentInput = z.input<typeof IncidentInputSchema>;
export type {
  Account,
  Candidate,
  CandidateImportReport,
  Centre,
  CentreSession,
  Results,
  SessionReadiness,
  Station,
};

/** What the forms send (validated by the same schemas on the server). */
export interface SessionDetailsInput {
  address: string;
  room: string;
  date: string;
  time: string;
  examiner: string;
  description: string;
}
export type CandidateInputBody = Record<string, unknown>;
export interface NewAccountInput {
  email: string;
  displayName: string;
  role: 'administrator' | 'referent';
  centreId: string | null;
  password: string;
}

/** A refused bank import's problems, as data (the screen words each one). */
export interface BankRefusal {
  problems: BankProblem[];
  moreProblems: number;
}

/** A refused or failed request: `status` 0 when the server could not be reached. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  /** INVALID_BANK only: what kept the bank out. */
  readonly bankRefusal: BankRefusal | null;

  constructor(status: number, code: string, message: string, bankRefusal: BankRefusal | null = null) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.bankRefusal = bankRefusal;
  }
}

const id = (value: string) => encodeURIComponent(value);

export const centrePaths = {
  login: '/api/centre/login',
  logout: '/api/centre/logout',
  me: '/api/centre/me',
  password: '/api/centre/me/password',
  accounts: '/api/centre/accounts',
  accountAction: (accountId: string, action: 'deactivate' | 'reactivate') =>
    `/api/centre/accounts/${id(accountId)}/${action}`,
  centres: '/api/centre/centres',
  sessions: (centreId: string) => `/api/centre/centres/${id(centreId)}/sessions`,
  session: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}`,
  invigilatorPassword: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/invigilator-password`,
  candidates: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/candidates`,
  readiness: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/readiness`,
  candidateImport: (sessionId: string, dryRun: boolean) =>
    `/api/centre/sessions/${id(sessionId)}/candidates/import?dryRun=${dryRun}`,
  candidateTemplate: '/api/centre/candidates/template.csv',
  candidate: (candidateId: string) => `/api/centre/candidates/${id(candidateId)}`,
  profiles: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/profiles/import`,
  bank: (centreId: string) => `/api/centre/centres/${id(centreId)}/bank`,
  bankImport: (centreId: string) => `/api/centre/centres/${id(centreId)}/bank/import`,
  enrollmentCodes: (centreId: string) => `/api/centre/centres/${id(centreId)}/enrollment-codes`,
  stations: (centreId: string) => `/api/centre/centres/${id(centreId)}/stations`,
  revoke: (stationId: string) => `/api/centre/stations/${id(stationId)}/revoke`,
  unfinished: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/unfinished-tests`,
  finalization: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/finalization`,
  incidents: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/incidents`,
  incident: (sessionId: string, incidentId: string) =>
    `/api/centre/sessions/${id(sessionId)}/incidents/${id(incidentId)}`,
  neutralizations: (candidateId: string) => `/api/centre/candidates/${id(candidateId)}/neutralizations`,
  identityCorrection: (candidateId: string) =>
    `/api/centre/candidates/${id(candidateId)}/identity-correction`,
  cancellation: (candidateId: string) => `/api/centre/candidates/${id(candidateId)}/cancellation`,
  results: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/results`,
  resultsCsv: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/results.csv`,
  certificatesPdf: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/certificates.pdf`,
  publication: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/publication`,
  signedResultRescoring: (candidateId: string) =>
    `/api/centre/candidates/${id(candidateId)}/signed-result-rescoring`,
  certificatePdf: (candidateId: string) => `/api/centre/candidates/${id(candidateId)}/certificate.pdf`,
  resultEmails: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/result-emails`,
  resendResultEmail: (sessionId: string, emailId: string) =>
    `/api/centre/sessions/${id(sessionId)}/result-emails/${id(emailId)}/resend`,
  testRecord: (candidateId: string) => `/api/centre/candidates/${id(candidateId)}/test-record`,
  finalizationRecord: (sessionId: string) => `/api/centre/sessions/${id(sessionId)}/finalization-record`,
} as const;

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface CentreClient {
  login(email: string, password: string): Promise<Me['account']>;
  logout(): Promise<void>;
  me(): Promise<Me>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  accounts(): Promise<Account[]>;
  createAccount(input: NewAccountInput): Promise<Account>;
  setAccountActive(accountId: string, active: boolean): Promise<Account>;
  createCentre(name: string): Promise<Centre>;
  sessions(centreId: string): Promise<CentreSession[]>;
  createSession(centreId: string, details: SessionDetailsInput): Promise<CentreSession>;
  session(sessionId: string): Promise<CentreSession>;
  updateSession(sessionId: string, details: SessionDetailsInput): Promise<CentreSession>;
  deleteSession(sessionId: string): Promise<void>;
  /**
   * Draws a new invigilator password (the session comes back with it): open invigilator screens must
   * log in again, and login blocks aimed at the session are lifted. Refused once it is processed.
   */
  changeInvigilatorPassword(sessionId: string): Promise<CentreSession>;
  candidates(sessionId: string): Promise<Candidate[]>;
  /**
   * Before exam day: whether each certifiable candidate's test can be generated from the bank and their
   * profile, and the files it could contain that the stations cannot open (nothing is stored).
   */
  readiness(sessionId: string): Promise<SessionReadiness>;
  createCandidate(sessionId: string, input: CandidateInputBody): Promise<Candidate>;
  candidate(candidateId: string): Promise<Candidate>;
  updateCandidate(candidateId: string, input: CandidateInputBody): Promise<Candidate>;
  deleteCandidate(candidateId: string): Promise<void>;
  importCandidates(sessionId: string, file: Blob, dryRun: boolean): Promise<CandidateImportReport>;
  importProfiles(sessionId: string, body: unknown): Promise<ProfileImportReport>;
  bank(centreId: string): Promise<BankSummary>;
  importBank(centreId: string, body: unknown): Promise<BankImportReport>;
  /**
   * A one-time code for a new station; with `stationId`, a code to enroll again that revoked station of
   * the centre, and no other (« Réinscrire ce poste »).
   */
  issueEnrollmentCode(
    centreId: string,
    validForMinutes: number,
    options?: { stationId?: string },
  ): Promise<EnrollmentCode>;
  stations(centreId: string): Promise<Station[]>;
  /**
   * Revokes a station. A station with a test running or a signed result awaited is refused
   * (STATION_IN_USE, with the tests) unless each of them is in `confirmTestIds`: the tests the referent
   * saw in the list and confirmed cutting off.
   */
  revokeStation(stationId: string, options?: { confirmTestIds?: readonly string[] }): Promise<Station>;
  /** The tests needing an abort reason, and what must be settled in the room first. */
  unfinishedTests(sessionId: string): Promise<UnfinishedTests>;
  finalize(sessionId: string, request: FinalizationRequest): Promise<Results>;
  incidents(sessionId: string): Promise<Incident[]>;
  /** Files a coded incident report (before finalization; an E code needs the question number). */
  reportIncident(sessionId: string, input: IncidentInput): Promise<Incident>;
  /** Withdraws a report filed by mistake (before finalization). */
  withdrawIncident(sessionId: string, incidentId: string): Promise<void>;
  /**
   * The jury (administrator), before publication: neutralizes a question of a candidate's test, or
   * undoes its own neutralization; the candidate's result comes back re-scored. Undoing a neutralization
   * by an alert validated during the test is refused (NEUTRALIZED_BY_ALERT).
   */
  neutralizeQuestion(
    candidateId: string,
    questionNumber: number,
    neutralized: boolean,
  ): Promise<CandidateResult>;
  /**
   * The jury (administrator), once the candidate's test has started, before or after publication:
   * corrects the names or birthdate their certificate carries (C1); the result comes back as it now
   * reads (null before the session is scored).
   */
  correctIdentity(
    candidateId: string,
    request: IdentityCorrectionRequest,
  ): Promise<IdentityCorrectionResponse>;
  /** The jury cancels a candidate's certification (C6), or undoes that; the result comes back. */
  decideCancellation(candidateId: string, request: CancellationRequest): Promise<CandidateResult>;
  results(sessionId: string): Promise<Results>;
  /** Refused (SIGNED_RESULTS_AWAITED) while signed results are awaited, unless the request says so. */
  publish(sessionId: string, request: PublicationRequest): Promise<Results>;
  /** Administrator: re-score with a signed result that arrived after publication (the code is kept). */
  /** `abortReason` only when the results say the test needs one (`abortReasonNeeded`). */
  rescoreWithSignedResult(candidateId: string, abortReason?: AbortReason): Promise<CandidateResult>;
  /** The results e-mailed at publication: each message, its candidates and where its sending stands. */
  resultEmails(sessionId: string): Promise<ResultEmailList>;
  /** Administrator: a sent or failed message back in the queue (RESULT_EMAIL_PENDING if it is there). */
  resendResultEmail(sessionId: string, emailId: string): Promise<ResultEmail>;
  /**
   * The record of the candidate's test for the jury (« Dossier du test »), once the session is
   * finalized (SESSION_NOT_FINALIZED before); NOT_FOUND for a candidate who never started.
   */
  testRecord(candidateId: string): Promise<CandidateTestRecord>;
  /** The session's record to print (« Procès-verbal »), once finalized (SESSION_NOT_FINALIZED before). */
  finalizationRecord(sessionId: string): Promise<FinalizationRecord>;
  /**
   * A file to save (results CSV, certificate PDF), fetched like any other request: a refusal (409, an
   * expired login: 401, reported to `onUnauthorized`) is an ApiFailure, never an error body saved as the
   * file. The file name is the server's (Content-Disposition), null when it gives none.
   */
  download(url: string): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` first, then `filename`). */
export function fileNameOf(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A badly encoded name: the plain one, if any.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(contentDisposition);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name : null;
}

async function errorOf(response: Response): Promise<ApiFailure> {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || code;
  let bankRefusal: BankRefusal | null = null;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
    const refusal = BankImportRefusalSchema.safeParse(body);
    if (refusal.success) {
      bankRefusal = { problems: refusal.data.error.problems, moreProblems: refusal.data.error.moreProblems };
    }
  } catch {
    // Not JSON (a proxy's page): keep the status.
  }
  return new ApiFailure(response.status, code, message, bankRefusal);
}

export interface ClientOptions {
  fetch?: Fetch;
  /** A request was refused for want of a valid session (the code says why). */
  onUnauthorized?: (code: string) => void;
}

export function createCentreClient(options: ClientOptions = {}): CentreClient {
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call(
    method: string,
    url: string,
    body?: unknown,
    raw?: { body: Blob; type: string },
    accept = 'application/json',
  ): Promise<Response> {
    let response: Response;
    const headers: Record<string, string> = { accept };
    if (raw) headers['content-type'] = raw.type;
    else if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      response = await fetchImpl(url, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers,
        ...(raw ? { body: raw.body } : body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiFailure(0, 'NETWORK', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const failure = await errorOf(response);
      if (failure.status === 401 && url !== centrePaths.login) options.onUnauthorized?.(failure.code);
      throw failure;
    }
    return response;
  }

  async function json<S extends z.ZodType>(schema: S, response: Response): Promise<z.output<S>> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ApiFailure(response.status, 'UNEXPECTED_RESPONSE', parsed.error.message);
    return parsed.data;
  }

  const get = async <S extends z.ZodType>(schema: S, url: string) => json(schema, await call('GET', url));
  const send = async <S extends z.ZodType>(schema: S, method: string, url: string, body?: unknown) =>
    json(schema, await call(method, url, body));

  return {
    async login(email, password) {
      return (await send(CentreLoginResponseSchema, 'POST', centrePaths.login, { email, password })).account;
    },
    async logout() {
      await call('POST', centrePaths.logout);
    },
    me: () => get(MeResponseSchema, centrePaths.me),
    async changePassword(currentPassword, newPassword) {
      await call('POST', centrePaths.password, { currentPassword, newPassword });
    },
    async accounts() {
      return (await get(AccountListSchema, centrePaths.accounts)).accounts;
    },
    createAccount: (input) => send(AccountSchema, 'POST', centrePaths.accounts, input),
    setAccountActive: (accountId, active) =>
      send(AccountSchema, 'POST', centrePaths.accountAction(accountId, active ? 'reactivate' : 'deactivate')),
    createCentre: (name) => send(CentreSchema, 'POST', centrePaths.centres, { name }),
    async sessions(centreId) {
      return (await get(z.object({ sessions: z.array(CentreSessionSchema) }), centrePaths.sessions(centreId)))
        .sessions;
    },
    createSession: (centreId, details) =>
      send(CentreSessionSchema, 'POST', centrePaths.sessions(centreId), details),
    session: (sessionId) => get(CentreSessionSchema, centrePaths.session(sessionId)),
    updateSession: (sessionId, details) =>
      send(CentreSessionSchema, 'PUT', centrePaths.session(sessionId), details),
    async deleteSession(sessionId) {
      await call('DELETE', centrePaths.session(sessionId));
    },
    changeInvigilatorPassword: (sessionId) =>
      send(CentreSessionSchema, 'POST', centrePaths.invigilatorPassword(sessionId)),
    async candidates(sessionId) {
      return (await get(CandidateListSchema, centrePaths.candidates(sessionId))).candidates;
    },
    readiness: (sessionId) => get(SessionReadinessSchema, centrePaths.readiness(sessionId)),
    createCandidate: (sessionId, input) =>
      send(CandidateSchema, 'POST', centrePaths.candidates(sessionId), input),
    candidate: (candidateId) => get(CandidateSchema, centrePaths.candidate(candidateId)),
    updateCandidate: (candidateId, input) =>
      send(CandidateSchema, 'PUT', centrePaths.candidate(candidateId), input),
    async deleteCandidate(candidateId) {
      await call('DELETE', centrePaths.candidate(candidateId));
    },
    async importCandidates(sessionId, file, dryRun) {
      // The bytes as they are: the server recognises UTF-8 or Windows-1252 and the separator itself.
      const response = await call('POST', centrePaths.candidateImport(sessionId, dryRun), undefined, {
        body: file,
        type: 'text/csv',
      });
      return json(CandidateImportReportSchema, response);
    },
    importProfiles: (sessionId, body) =>
      send(ProfileImportReportSchema, 'POST', centrePaths.profiles(sessionId), body),
    bank: (centreId) => get(BankSummarySchema, centrePaths.bank(centreId)),
    importBank: (centreId, body) =>
      send(BankImportReportSchema, 'POST', centrePaths.bankImport(centreId), body),
    issueEnrollmentCode: (centreId, validForMinutes, options) =>
      send(EnrollmentCodeSchema, 'POST', centrePaths.enrollmentCodes(centreId), {
        validForMinutes,
        ...(options?.stationId === undefined ? {} : { stationId: options.stationId }),
      }),
    async stations(centreId) {
      return (await get(z.object({ stations: z.array(StationSchema) }), centrePaths.stations(centreId)))
        .stations;
    },
    revokeStation: (stationId, options) =>
      send(
        StationSchema,
        'POST',
        centrePaths.revoke(stationId),
        options?.confirmTestIds?.length ? { confirmTestIds: [...options.confirmTestIds] } : undefined,
      ),
    async unfinishedTests(sessionId) {
      return get(UnfinishedTestsSchema, centrePaths.unfinished(sessionId));
    },
    finalize: (sessionId, request) =>
      send(ResultsSchema, 'POST', centrePaths.finalization(sessionId), request),
    async incidents(sessionId) {
      return (await get(IncidentListSchema, centrePaths.incidents(sessionId))).incidents;
    },
    reportIncident: (sessionId, input) =>
      send(IncidentSchema, 'POST', centrePaths.incidents(sessionId), input),
    async withdrawIncident(sessionId, incidentId) {
      await call('DELETE', centrePaths.incident(sessionId, incidentId));
    },
    neutralizeQuestion: (candidateId, questionNumber, neutralized) =>
      send(CandidateResultSchema, 'POST', centrePaths.neutralizations(candidateId), {
        questionNumber,
        neutralized,
      }),
    correctIdentity: (candidateId, request) =>
      send(IdentityCorrectionResponseSchema, 'POST', centrePaths.identityCorrection(candidateId), request),
    decideCancellation: (candidateId, request) =>
      send(CandidateResultSchema, 'POST', centrePaths.cancellation(candidateId), request),
    results: (sessionId) => get(ResultsSchema, centrePaths.results(sessionId)),
    publish: (sessionId, request) => send(ResultsSchema, 'POST', centrePaths.publication(sessionId), request),
    rescoreWithSignedResult: (candidateId, abortReason) =>
      send(
        CandidateResultSchema,
        'POST',
        centrePaths.signedResultRescoring(candidateId),
        abortReason === undefined ? {} : { abortReason },
      ),
    testRecord: (candidateId) => get(CandidateTestRecordSchema, centrePaths.testRecord(candidateId)),
    finalizationRecord: (sessionId) =>
      get(FinalizationRecordSchema, centrePaths.finalizationRecord(sessionId)),
    resultEmails: (sessionId) => get(ResultEmailListSchema, centrePaths.resultEmails(sessionId)),
    resendResultEmail: (sessionId, emailId) =>
      send(ResultEmailSchema, 'POST', centrePaths.resendResultEmail(sessionId, emailId)),
    async download(url) {
      const response = await call('GET', url, undefined, undefined, '*/*');
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch (error) {
        throw new ApiFailure(0, 'NETWORK', error instanceof Error ? error.message : String(error));
      }
      return { blob, fileName: fileNameOf(response.headers.get('content-disposition')) };
    },
  };
}
