// The StationApi: the only way the candidate screens (renderer) reach the station. In Electron the
// preload exposes it over IPC; in tests and the browser demo a harness exposes the same methods over a
// local WebSocket to the station services' process. Every request and response crosses a trust
// boundary, so each is a schema.
import { z } from 'zod';
import { AnswerValueSchema } from '../challenge/answer.ts';
import {
  AttachmentSchema,
  ChallengeIdSchema,
  ContentHashSchema,
  PackagedChallengeSchema,
} from '../challenge/challenge.ts';
import { DOCUMENT_TYPES, SPREADSHEET_TYPES, VIEWER_KINDS } from '../challenge/station-viewers.ts';
import type { StationMethodName } from './station-method-names.ts';
import { describeIssues } from '../validation/describe-issues.ts';
import { BirthdateSchema, PersonNameSchema, SessionNumberSchema } from '../session/session.ts';
import { SelfCheckReportSchema } from './station-self-check.ts';

// ---------------------------------------------------------------------------------------------
// Errors: every method answers { ok: true, value } or { ok: false, error }, never a thrown error,
// because errors do not survive IPC or a socket with their type.
// ---------------------------------------------------------------------------------------------

export const STATION_ERROR_CODES = [
  /** The request does not match its schema. */
  'INVALID_REQUEST',
  /** The method is not allowed in the current exam phase. */
  'ILLEGAL_TRANSITION',
  /** Sign-in: the access code does not match the session. */
  'WRONG_ACCESS_CODE',
  /** Sign-in: the session number is unknown. */
  'SESSION_NOT_FOUND',
  /** Sign-in: the session is finalized or processed. */
  'SESSION_CLOSED',
  'NO_MATCHING_CANDIDATE',
  'SEVERAL_MATCHING_CANDIDATES',
  'NOT_CERTIFIABLE',
  /** The candidate already sat (or is sitting) the test elsewhere. */
  'CANDIDATE_ALREADY_STARTED',
  /** The station is not enrolled, or was revoked. */
  'STATION_NOT_READY',
  /** The server could not be reached and the action needs it (sign-in). */
  'SERVER_UNREACHABLE',
  /** Sign-in: the server's join limit blocks this station for a while (HTTP 429). */
  'TOO_MANY_ATTEMPTS',
  'UNKNOWN_CHALLENGE',
  'ALREADY_ANSWERED',
  /** The current question is frozen by a pending alert. */
  'ALERT_PENDING',
  'UNKNOWN_ATTACHMENT',
  /** The challenge browser refused an address (policy). */
  'URL_BLOCKED',
  /** The station could not store the answer: nothing was recorded, the candidate must try again. */
  'STORAGE_FAILED',
  'INTERNAL',
] as const;
export const StationErrorCodeSchema = z.enum(STATION_ERROR_CODES);
export type StationErrorCode = z.infer<typeof StationErrorCodeSchema>;

export const StationErrorSchema = z.object({ code: StationErrorCodeSchema, message: z.string() }).strict();
export type StationError = z.infer<typeof StationErrorSchema>;

export type StationResult<T> = { ok: true; value: T } | { ok: false; error: StationError };

export function stationResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }).strict(),
    z.object({ ok: z.literal(false), error: StationErrorSchema }).strict(),
  ]);
}

// ---------------------------------------------------------------------------------------------
// The station's state as the screens see it.
// ---------------------------------------------------------------------------------------------

export const EXAM_PHASES = [
  /** No candidate: the station home. */
  'idle',
  /** Candidate reconciled; reading the instructions. */
  'signedIn',
  /** Instructions accepted; waiting for the invigilator to confirm presence. */
  'waiting',
  /** A test was interrupted (crash, relaunch): waiting for the invigilator's "authorize resume". */
  'resumePending',
  'inProgress',
  /** The invigilator paused or locked the station, or a lockdown event locked it; the clock stops. */
  'paused',
  /** The test is over (see endReason); sealing the result. */
  'ended',
  /** The signed result is stored locally and being sent. */
  'sealed',
  /** The server acknowledged the result. */
  'uploaded',
] as const;
export const ExamPhaseSchema = z.enum(EXAM_PHASES);
export type ExamPhase = z.infer<typeof ExamPhaseSchema>;

export const END_REASONS = ['finished', 'timeUp', 'endedByInvigilator', 'aborted'] as const;
export const EndReasonSchema = z.enum(END_REASONS);
export type EndReason = z.infer<typeof EndReasonSchema>;

export const PAUSE_CAUSES = ['invigilator', 'lockdown'] as const;
export const PauseCauseSchema = z.enum(PAUSE_CAUSES);

/** What the shell detects (the journal's `lockdown` records); here so the screens can name a lock's cause. */
export const LOCKDOWN_EVENTS = [
  'focusLost',
  'focusRegained',
  'displayAdded',
  'displayRemoved',
  'lockScreen',
  'suspend',
  'resume',
  'rendererCrashed',
  'forbiddenProcess',
  'uncleanExit',
] as const;
export const LockdownEventSchema = z.enum(LOCKDOWN_EVENTS);
export type LockdownEvent = z.infer<typeof LockdownEventSchema>;

/** Why the station cannot welcome a candidate, as a code the screens translate. */
export const NOT_READY_CODES = [
  /** Not enrolled, trying with the settings' code (clears by itself once the server answers). */
  'enrolling',
  'notEnrolled',
  'closedByInvigilator',
  'stationFault',
  'stationRevoked',
] as const;
export const NotReadyCodeSchema = z.enum(NOT_READY_CODES);
export type NotReadyCode = z.infer<typeof NotReadyCodeSchema>;

/** How the candidate moved past questions without answering them, said on the end screen. */
export const EndSummarySchema = z
  .object({
    /** "Je passe". */
    skipped: z.number().int().nonnegative(),
    /** Neutralized by an alert the invigilator validated. */
    neutralized: z.number().int().nonnegative(),
  })
  .strict();
export type EndSummary = z.infer<typeof EndSummarySchema>;

/** `refused`: the server refused the result for good; it stays on the station, the invigilator must know. */
export const UploadStateSchema = z.enum(['notStarted', 'pending', 'uploaded', 'refused']);

export const ExamViewSchema = z
  .object({
    phase: ExamPhaseSchema,
    candidate: z
      .object({
        firstName: z.string(),
        lastName: z.string(),
        extraTimePercentage: z.number().int().nonnegative(),
        accessibilityAdjustment: z.boolean(),
      })
      .strict()
      .nullable(),
    session: z
      .object({ number: z.number().int(), centreName: z.string(), room: z.string(), examiner: z.string() })
      .strict()
      .nullable(),
    /** Position in the test; null before the package is downloaded. */
    progress: z
      .object({
        /** 0-based index of the current challenge. */
        current: z.number().int().nonnegative(),
        answered: z.number().int().nonnegative(),
        total: z.number().int().positive(),
      })
      .strict()
      .nullable(),
    /** Time left including extra time; null before the start. */
    timeLeftMs: z.number().int().nonnegative().nullable(),
    allowedMs: z.number().int().positive().nullable(),
    /**
     * `reason` is the invigilator's message, or the lockdown detail in French for the jury (never shown
     * to the candidate); `lockEvent` is what locked the station, null for the invigilator's pause.
     */
    pause: z
      .object({ cause: PauseCauseSchema, reason: z.string(), lockEvent: LockdownEventSchema.nullable() })
      .strict()
      .nullable(),
    endReason: EndReasonSchema.nullable(),
    /** The alert raised on the current challenge, while the invigilator has not decided. */
    alertPending: z.boolean(),
    /**
     * The pending alert reached the server, so the invigilator sees it; false while it waits to be
     * sent (the station is offline) and when no alert is pending.
     */
    alertSent: z.boolean(),
    /**
     * The current challenge's own timer, milliseconds left; null when it has none or none is shown.
     * It stands still during a pause and while an alert is pending: screens re-base on it.
     */
    challengeTimerLeftMs: z.number().int().nonnegative().nullable(),
    /**
     * The candidate left the current question (a focused one): recorded by the page or by the shell,
     * which sees what the page cannot (focus inside a frame, then Alt+Tab). The screen says so at once.
     */
    currentFocusLost: z.boolean(),
    /**
     * The invigilator authorized the start (or the resume) and the station is getting the test ready
     * (`downloading`), or its last try failed and it tries again every few seconds (`retrying`: no
     * network, the server refusing the package, a full disk); `none` otherwise. The waiting screens
     * say so: the candidate no longer waits for an invigilator who already clicked.
     */
    preparation: z.enum(['none', 'downloading', 'retrying']),
    upload: UploadStateSchema,
    /**
     * The test last taken here continues on another station (the candidate resumed there): this
     * station stopped it without sealing it, and its home says so until the next sign-in.
     */
    movedElsewhere: z.object({ firstName: z.string(), lastName: z.string() }).strict().nullable(),
    /** Once the test has ended: the questions skipped or neutralized; null before. */
    endSummary: EndSummarySchema.nullable(),
  })
  .strict();
export type ExamView = z.infer<typeof ExamViewSchema>;

export const StationStatusSchema = z
  .object({
    station: z
      .object({
        id: z.string(),
        name: z.string(),
        centreName: z.string().nullable(),
        enrolled: z.boolean(),
        online: z.boolean(),
        /**
         * Ready to welcome a candidate; when not, `notReadyCode` says why (the screens translate it) and
         * `notReadyReason` says it in French for the logs.
         */
        ready: z.boolean(),
        notReadyReason: z.string().nullable(),
        notReadyCode: NotReadyCodeSchema.nullable(),
      })
      .strict(),
    exam: ExamViewSchema,
  })
  .strict();
export type StationStatus = z.infer<typeof StationStatusSchema>;

export const CurrentChallengeSchema = z
  .object({
    index: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    challenge: PackagedChallengeSchema,
    /** Display order of the choices (seeded per candidate when the challenge is shuffled). */
    choiceOrder: z.array(z.string()),
    /** The last saved draft, restored after a crash. */
    draft: AnswerValueSchema.nullable(),
    /** Timed challenge: milliseconds left on its own timer. */
    timerLeftMs: z.number().int().nonnegative().nullable(),
    focusLost: z.boolean(),
  })
  .strict();
export type CurrentChallenge = z.infer<typeof CurrentChallengeSchema>;

/**
 * What "Valider" and "Je passe" answer once the answer is stored: the station's status and the
 * challenge to show next (null when none is shown: the test ended, or it is paused without one), so
 * the screens draw it at once instead of asking for it in a second round trip.
 */
export const MoveOnSchema = z
  .object({ status: StationStatusSchema, next: CurrentChallengeSchema.nullable() })
  .strict();
export type MoveOn = z.infer<typeof MoveOnSchema>;

export const BrowserBoundsSchema = z
  .object({
    x: z.number().int().nonnegative(),
    y: z.number().int().nonnegative(),
    width: z.number().int().nonnegative().max(16384),
    height: z.number().int().nonnegative().max(16384),
  })
  .strict();

export const BrowserStateSchema = z
  .object({
    url: z.string(),
    title: z.string(),
    /** A downloaded file's saved copy shown in the view: its name (the screens say a file, not a page). */
    file: z.string().min(1).max(255).optional(),
    loading: z.boolean(),
    canGoBack: z.boolean(),
    canGoForward: z.boolean(),
  })
  .strict();
export type BrowserState = z.infer<typeof BrowserStateSchema>;

export const ViewerKindSchema = z.enum(VIEWER_KINDS);

/**
 * Why the station refused a file downloaded in the challenge browser: no viewer reads it (`type`; old
 * binary Word `oldWord`; Office files with macros or templates `macroOrTemplate`, each said with what to
 * look for instead), too big (`size`), or the test already saved as many files as it may (`quota`).
 */
export const DOWNLOAD_PROBLEMS = ['type', 'size', 'quota', 'oldWord', 'macroOrTemplate'] as const;
export const DownloadProblemSchema = z.enum(DOWNLOAD_PROBLEMS);
export type DownloadProblem = z.infer<typeof DownloadProblemSchema>;

/**
 * A refused download, as the screens word it: the file's name (as the site gave it, cleaned; absent
 * when nothing showable is left, the screens then say « fichier » in their language) and the problem.
 */
export const BrowserDownloadRefusalSchema = z
  .object({ fileName: z.string().min(1).max(255).optional(), problem: DownloadProblemSchema })
  .strict();
export type BrowserDownloadRefusal = z.infer<typeof BrowserDownloadRefusalSchema>;

// ---------------------------------------------------------------------------------------------
// Methods: name → request schema and response (value) schema.
// ---------------------------------------------------------------------------------------------

const empty = z.object({}).strict();
const challengeRef = z.object({ challengeId: ChallengeIdSchema }).strict();

export const SignInRequestSchema = z
  .object({
    sessionNumber: SessionNumberSchema,
    accessCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{4}[0-9]{2}$/, 'must be 4 letters then 2 digits, e.g. BCDF23'),
    firstName: PersonNameSchema,
    lastName: PersonNameSchema,
    birthdate: BirthdateSchema,
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const STATION_METHODS = {
  getStatus: { request: empty, response: StationStatusSchema },
  signIn: { request: SignInRequestSchema, response: StationStatusSchema },
  /** Back to the station home before the test starts (wrong person, changed mind). */
  cancelSignIn: { request: empty, response: StationStatusSchema },
  acceptInstructions: { request: empty, response: StationStatusSchema },
  getCurrentChallenge: { request: empty, response: CurrentChallengeSchema },
  saveDraft: {
    request: z.object({ challengeId: ChallengeIdSchema, value: AnswerValueSchema }).strict(),
    response: empty,
  },
  /** Resolves only once the answer is committed to the journal, with the next challenge. */
  submitAnswer: {
    request: z.object({ challengeId: ChallengeIdSchema, value: AnswerValueSchema }).strict(),
    response: MoveOnSchema,
  },
  /** "Je passe": recorded as abandoned; answers like submitAnswer. */
  skipChallenge: { request: challengeRef, response: MoveOnSchema },
  /** The candidate left a focused challenge (another window, the challenge browser). */
  reportFocusLost: { request: challengeRef, response: empty },
  /** "Signaler un problème": freezes the question until the invigilator decides. */
  raiseAlert: { request: challengeRef, response: StationStatusSchema },
  /**
   * « Annuler mon signalement »: takes back a report that has not reached the server (offline), so the
   * question unfreezes; refused once the invigilator has it (they decide).
   */
  withdrawAlert: { request: challengeRef, response: StationStatusSchema },
  openAttachment: {
    request: z.object({ challengeId: ChallengeIdSchema, hash: ContentHashSchema }).strict(),
    response: z.object({ attachment: AttachmentSchema, viewer: ViewerKindSchema, url: z.string() }).strict(),
  },
  /** Ends the test at the candidate's request (confirmed in the screen). */
  finishTest: { request: empty, response: StationStatusSchema },
  /** After the result is sent (or stored for sending): back to the station home for the next candidate. */
  returnHome: { request: empty, response: StationStatusSchema },
  browserNavigate: {
    request: z.object({ url: z.string().min(1).max(4096) }).strict(),
    response: BrowserStateSchema,
  },
  browserBack: { request: empty, response: BrowserStateSchema },
  browserForward: { request: empty, response: BrowserStateSchema },
  browserReload: { request: empty, response: BrowserStateSchema },
  browserHome: { request: empty, response: BrowserStateSchema },
  /** The region the renderer reserves for the browser view; null hides it. */
  browserSetBounds: {
    request: z.object({ bounds: BrowserBoundsSchema.nullable() }).strict(),
    response: empty,
  },
  /**
   * Gives the keyboard to the browser's page (« Aller dans la page », F6); F6 in the page gives it back.
   * Refused (ILLEGAL_TRANSITION) when no page is shown.
   */
  browserFocus: { request: empty, response: empty },
  /** Runs the station's self-check (core/contracts/station-self-check.ts); only at the station home. */
  runSelfCheck: { request: empty, response: SelfCheckReportSchema },
} as const satisfies Record<StationMethodName, { request: z.ZodType; response: z.ZodType }>;

export type { StationMethodName };
export type StationRequest<M extends StationMethodName> = z.input<(typeof STATION_METHODS)[M]['request']>;
export type StationResponse<M extends StationMethodName> = z.output<(typeof STATION_METHODS)[M]['response']>;

// ---------------------------------------------------------------------------------------------
// Events pushed from the station to the screens.
// ---------------------------------------------------------------------------------------------

export const StationEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: StationStatusSchema }).strict(),
  /** Calm warnings at 15 and 5 minutes left. */
  z.object({ type: z.literal('timeWarning'), minutesLeft: z.union([z.literal(15), z.literal(5)]) }).strict(),
  z.object({ type: z.literal('challengeTimerExpired'), challengeId: ChallengeIdSchema }).strict(),
  z
    .object({
      type: z.literal('alertDecided'),
      challengeId: ChallengeIdSchema,
      decision: z.enum(['dismissed', 'validated']),
    })
    .strict(),
  z.object({ type: z.literal('connection'), online: z.boolean() }).strict(),
  z.object({ type: z.literal('browserState'), state: BrowserStateSchema }).strict(),
  /**
   * A page (or a frame) the URL policy refused, or a download the station refused (`download`: the
   * screens say that a file could not be opened, not that the page was blocked, in the candidate's
   * language). `reason` is the station's own detail, in French: the screens never show it.
   */
  z
    .object({
      type: z.literal('browserBlocked'),
      url: z.string(),
      reason: z.string(),
      download: BrowserDownloadRefusalSchema.optional(),
    })
    .strict(),
  /**
   * A file the challenge browser saved, offered by the screens' notice (« Ouvrir le fichier »): nothing
   * opens by itself. A spreadsheet or word-processor file opens in their read-only office viewer, as a
   * challenge's attachment: `url` is the station's address of the saved copy (as openAttachment's),
   * `mediaType` the station's, never the site's. A PDF, an image, a text or a CSV a page downloaded by
   * itself (not the candidate's click) opens in the challenge browser's page: `url` is the browser's
   * address of the saved copy, asked for with browserNavigate.
   */
  z.discriminatedUnion('viewer', [
    z
      .object({
        type: z.literal('browserFileOpened'),
        viewer: z.enum(['spreadsheet', 'document']),
        url: z.string().min(1).max(4096),
        fileName: z.string().min(1).max(255),
        mediaType: z.enum([...SPREADSHEET_TYPES, ...DOCUMENT_TYPES] as [string, ...string[]]),
      })
      .strict(),
    z
      .object({
        type: z.literal('browserFileOpened'),
        viewer: z.enum(['pdf', 'image', 'text', 'csv']),
        url: z.string().min(1).max(4096),
        fileName: z.string().min(1).max(255),
      })
      .strict(),
  ]),
  /** The invigilator closed this station: it stops now (the app quits where there is one). */
  z.object({ type: z.literal('stationClosing') }).strict(),
]);
export type StationEvent = z.infer<typeof StationEventSchema>;

/** The API as the renderer calls it. */
export type StationApi = {
  [M in StationMethodName]: (request: StationRequest<M>) => Promise<StationResult<StationResponse<M>>>;
} & {
  /** Subscribes to station events; returns the unsubscribe function. */
  onEvent(listener: (event: StationEvent) => void): () => void;
};

/** Validates a request that crossed the boundary; the error names the offending field. */
export function parseStationRequest<M extends StationMethodName>(
  method: M,
  input: unknown,
): StationResult<z.output<(typeof STATION_METHODS)[M]['request']>> {
  const parsed = STATION_METHODS[method].request.safeParse(input ?? {});
  if (parsed.success)
    return { ok: true, value: parsed.data as z.output<(typeof STATION_METHODS)[M]['request']> };
  return { ok: false, error: { code: 'INVALID_REQUEST', message: describeIssues(parsed.error) } };
}

export function isStationMethod(name: unknown): name is StationMethodName {
  return typeof name === 'string' && Object.hasOwn(STATION_METHODS, name);
}
