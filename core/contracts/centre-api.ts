// The centre back office's HTTP contract (issue 9): accounts, centres, sessions, candidates, profiles,
// the challenge bank, stations, finalization, results and certificates. Every route but login needs
// an account token (Authorization: Bearer, or the pix_centre cookie); a referent reaches only their
// centre, an administrator every centre. Errors are { error: { code, message } }.
import { z } from 'zod';
import { AttachmentSchema, ContentHashSchema } from '../challenge/challenge.ts';
import { ExtraTimePercentageSchema } from '../exam/duration.ts';
import { CompetenceCodeSchema } from '../framework/crcn.ts';
import { ProfileSchema } from '../profile/profile.ts';
import { AbortReasonSchema } from '../scoring/scoring-input.ts';
import { BirthdateSchema, PersonNameSchema, SessionStateSchema } from '../session/session.ts';
import { normalizeCandidateName } from '../session/candidate-name.ts';
import { EndReasonSchema } from './station-api.ts';
import { SelfCheckCodeTextSchema, SelfCheckParamsSchema } from './station-self-check.ts';

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime({ offset: true });

export const CENTRE_TOKEN_COOKIE = 'pix_centre';

// ------------------------------------------------------------------ accounts and centres

export const ACCOUNT_ROLES = ['administrator', 'referent'] as const;
export const AccountRoleSchema = z.enum(ACCOUNT_ROLES);

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }));

/** At least 12 characters: long enough for a passphrase, no composition rules (NIST SP 800-63B). */
export const NewPasswordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters');

export const CentreLoginRequestSchema = z
  .object({ email: EmailSchema, password: z.string().min(1).max(200) })
  .strict();

export const AccountSchema = z
  .object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    role: AccountRoleSchema,
    /** null for an administrator (every centre). */
    centreId: Id.nullable(),
    createdAt: Timestamp,
    /** Deactivated by an administrator: it can no longer log in (null: active). */
    deactivatedAt: Timestamp.nullable(),
  })
  .strict();
export type Account = z.infer<typeof AccountSchema>;

export const AccountListSchema = z.object({ accounts: z.array(AccountSchema) }).strict();

export const CentreSchema = z.object({ id: Id, name: z.string(), createdAt: Timestamp }).strict();
export type Centre = z.infer<typeof CentreSchema>;

export const CentreLoginResponseSchema = z
  .object({ token: z.string(), expiresAt: Timestamp, account: AccountSchema })
  .strict();

export const MeResponseSchema = z.object({ account: AccountSchema, centres: z.array(CentreSchema) }).strict();

export const CreateAccountRequestSchema = z
  .object({
    email: EmailSchema,
    displayName: z.string().trim().min(1).max(100),
    role: AccountRoleSchema,
    centreId: Id.nullable().default(null),
    password: NewPasswordSchema,
  })
  .strict()
  .refine((a) => a.role === 'administrator' || a.centreId !== null, {
    path: ['centreId'],
    message: 'a referent belongs to a centre',
  });

export const ChangePasswordRequestSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPasswordSchema })
  .strict();

export const CreateCentreRequestSchema = z.object({ name: z.string().trim().min(1).max(200) }).strict();

// ------------------------------------------------------------------ sessions

export const SessionDetailsSchema = z
  .object({
    address: z.string().trim().min(1).max(300),
    room: z.string().trim().min(1).max(100),
    date: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM'),
    examiner: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
  })
  .strict();
export type SessionDetails = z.infer<typeof SessionDetailsSchema>;

export const SessionCountsSchema = z
  .object({
    candidates: z.number().int(),
    joined: z.number().int(),
    started: z.number().int(),
    resultsReceived: z.number().int(),
    /** Results the server refused for good (kept on their stations, for the jury). */
    resultsRefused: z.number().int(),
    /** Tests under way (or candidates waiting to start) on a station heard from in the last seconds. */
    running: z.number().int(),
  })
  .strict();

export const CentreSessionSchema = z
  .object({
    id: Id,
    number: z.number().int().positive(),
    centreId: Id,
    centreName: z.string(),
    address: z.string(),
    room: z.string(),
    date: z.string(),
    time: z.string(),
    examiner: z.string(),
    description: z.string(),
    /** For the session kit: candidates type it to join. */
    accessCode: z.string(),
    /** For the session kit: the invigilator logs in with it. */
    invigilatorPassword: z.string(),
    state: SessionStateSchema,
    finalizedAt: Timestamp.nullable(),
    publishedAt: Timestamp.nullable(),
    counts: SessionCountsSchema,
    createdAt: Timestamp,
  })
  .strict();
export type CentreSession = z.infer<typeof CentreSessionSchema>;

// ------------------------------------------------------------------ candidates

export const SexSchema = z.enum(['M', 'F'], { error: 'must be M or F' });
export const InseeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'must be a 5-character INSEE code');
export const PostalCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{5}$/, 'must be a 5-digit postal code');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const isFrance = (country: string): boolean => normalizeCandidateName(country) === 'FRANCE';

/**
 * A candidate's enrolment (DOMAIN.md §2). Birthplace: born in France → the INSEE code of the town, or
 * its postal code and name; born elsewhere → the town's name.
 */
export const CandidateInputSchema = z
  .object({
    lastName: PersonNameSchema,
    firstName: PersonNameSchema,
    sex: SexSchema,
    birthdate: BirthdateSchema,
    birthCountry: z.string().trim().min(1, 'must not be empty').max(100),
    birthCity: optionalText(100),
    birthInseeCode: InseeCodeSchema.nullable().default(null),
    birthPostalCode: PostalCodeSchema.nullable().default(null),
    externalId: optionalText(64),
    resultEmail: EmailSchema.nullable().default(null),
    extraTimePercentage: ExtraTimePercentageSchema.default(0),
    accessibilityAdjustment: z.boolean().default(false),
  })
  .strict()
  .superRefine((c, ctx) => {
    const birth = Date.parse(`${c.birthdate}T00:00:00Z`);
    if (Number.isNaN(birth) || new Date(birth).toISOString().slice(0, 10) !== c.birthdate) {
      ctx.addIssue({ code: 'custom', path: ['birthdate'], message: 'is not a real date' });
    }
    if (isFrance(c.birthCountry)) {
      if (!c.birthInseeCode && !(c.birthPostalCode && c.birthCity)) {
        ctx.addIssue({
          code: 'custom',
          path: ['birthInseeCode'],
          message: 'born in France: give the INSEE code of the town, or its postal code and name',
        });
      }
    } else if (!c.birthCity) {
      ctx.addIssue({ code: 'custom', path: ['birthCity'], message: 'born abroad: give the town of birth' });
    }
  });
export type CandidateInput = z.output<typeof CandidateInputSchema>;

export const CompetenceLevelSchema = z
  .object({ code: CompetenceCodeSchema, pix: z.number().int(), level: z.number().int() })
  .strict();

export const CandidateProfileSummarySchema = z
  .object({
    competences: z.array(CompetenceLevelSchema),
    validatedSkills: z.number().int(),
    answeredChallenges: z.number().int(),
    importedAt: Timestamp,
  })
  .strict();

export const CandidateSchema = z
  .object({
    id: Id,
    sessionId: Id,
    lastName: z.string(),
    firstName: z.string(),
    sex: SexSchema,
    birthdate: z.string(),
    birthCountry: z.string(),
    birthCity: z.string().nullable(),
    birthInseeCode: z.string().nullable(),
    birthPostalCode: z.string().nullable(),
    externalId: z.string().nullable(),
    resultEmail: z.string().nullable(),
    extraTimePercentage: z.number().int(),
    accessibilityAdjustment: z.boolean(),
    profile: CandidateProfileSummarySchema.nullable(),
    certifiable: z.boolean(),
    /** Why not, in words, when not certifiable. */
    notCertifiableReason: z.string().nullable(),
    /** Joined on a station, test started (package generated), result received or refused by the server. */
    progress: z.enum(['notJoined', 'joined', 'started', 'resultReceived', 'resultRefused']),
    /** Edits and deletion are possible until the test starts. */
    editable: z.boolean(),
  })
  .strict();
export type Candidate = z.infer<typeof CandidateSchema>;

export const CandidateListSchema = z.object({ candidates: z.array(CandidateSchema) }).strict();

/** One line of a CSV import report. Line numbers are the file's (the header is line 1). */
export const ImportLineReportSchema = z
  .object({
    line: z.number().int().positive(),
    status: z.enum(['imported', 'valid', 'rejected']),
    name: z.string().nullable(),
    candidateId: Id.nullable(),
    errors: z.array(
      z
        .object({
          /** The column as written in the file, or null for the whole line. */
          column: z.string().nullable(),
          code: z.enum(['REQUIRED', 'INVALID', 'DUPLICATE_IN_FILE', 'ALREADY_ENROLLED', 'TOO_MANY_COLUMNS']),
          message: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type ImportLineReport = z.infer<typeof ImportLineReportSchema>;

export const CandidateImportReportSchema = z
  .object({
    /** true: nothing was stored (preview). */
    dryRun: z.boolean(),
    separator: z.enum([';', ',', '\t']),
    encoding: z.enum(['utf-8', 'windows-1252']),
    columns: z.array(z.object({ header: z.string(), field: z.string().nullable() }).strict()),
    imported: z.number().int(),
    rejected: z.number().int(),
    lines: z.array(ImportLineReportSchema),
  })
  .strict();
export type CandidateImportReport = z.infer<typeof CandidateImportReportSchema>;

export const CandidateImportQuerySchema = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();

// ------------------------------------------------------------------ profiles

export const ProfileImportRequestSchema = z
  .object({
    profiles: z
      .array(
        z
          .object({
            /** Found by external id, or else by names and birthdate. */
            externalId: z.string().trim().min(1).max(64).optional(),
            lastName: PersonNameSchema.optional(),
            firstName: PersonNameSchema.optional(),
            birthdate: BirthdateSchema.optional(),
            profile: ProfileSchema,
          })
          .strict(),
      )
      .min(1)
      .max(2000),
    /** A preview: the same report, nothing stored (the screen asks before replacing profiles). */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const ProfileImportReportSchema = z
  .object({
    /** Nothing was stored: the report says what the import would do. */
    dryRun: z.boolean(),
    /** Profiles given to candidates who had none. */
    imported: z.number().int(),
    /** Profiles that replaced one imported before. */
    replaced: z.number().int(),
    rejected: z.number().int(),
    entries: z.array(
      z
        .object({
          index: z.number().int().nonnegative(),
          status: z.enum(['imported', 'replaced', 'rejected']),
          candidateId: Id.nullable(),
          message: z.string().nullable(),
          /** The candidate's Pix total (sum over competences) before: replaced entries only. */
          pixBefore: z.number().int().nullable(),
          /** The entry's Pix total: imported and replaced entries. */
          pixAfter: z.number().int().nullable(),
        })
        .strict(),
    ),
  })
  .strict();
export type ProfileImportReport = z.infer<typeof ProfileImportReportSchema>;

// ------------------------------------------------------------------ bank and content

/** Attachment bytes sent with a bank import (or uploaded one by one with PUT content). */
export const InlineContentSchema = z
  .object({
    hash: ContentHashSchema.optional(),
    mediaType: AttachmentSchema.shape.mediaType,
    base64: z.string().max(30 * 1024 * 1024),
  })
  .strict();

/** A bank file: the bare array of challenges, or challenges with their attachments' bytes. */
export const BankImportRequestSchema = z.union([
  z.array(z.unknown()).min(1).max(20_000),
  z
    .object({
      challenges: z.array(z.unknown()).min(1).max(20_000),
      content: z.array(InlineContentSchema).max(2000).default([]),
    })
    .strict(),
]);

export const BankSummarySchema = z
  .object({
    challenges: z.number().int(),
    operative: z.number().int(),
    /** Operative challenges per competence and skill difficulty. */
    byCompetence: z.array(
      z
        .object({
          code: CompetenceCodeSchema,
          challenges: z.number().int(),
          byLevel: z.record(z.string(), z.number().int()),
        })
        .strict(),
    ),
    byType: z.record(z.string(), z.number().int()),
    attachments: z.number().int(),
    illustrations: z.number().int(),
    embeds: z.number().int(),
  })
  .strict();

export const BankImportReportSchema = z
  .object({ imported: z.number().int(), contentStored: z.number().int(), summary: BankSummarySchema })
  .strict();

/**
 * Why a bank import was refused, one problem each, for the back office to say in the referent's
 * language. Only `invalidChallenge` carries the server's own words (the schema's issues): the screen
 * checks every challenge itself before sending, in its language, so that one comes from other clients.
 */
export const BankProblemSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('invalidChallenge'),
      /** 0-based place in the file. */
      index: z.number().int().nonnegative(),
      challengeId: z.string().nullable(),
      detail: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('contentHashMismatch'),
      /** 0-based place in the file's `content`. */
      index: z.number().int().nonnegative(),
      hash: ContentHashSchema,
      expected: z.string(),
    })
    .strict(),
  z.object({ kind: z.literal('duplicateChallenge'), challengeId: z.string() }).strict(),
  z
    .object({
      kind: z.literal('skillInTwoCompetences'),
      challengeId: z.string(),
      skill: z.string(),
      /** The skill's competence in the bank, and the one this challenge gives it. */
      competence: z.string(),
      otherCompetence: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('missingContent'),
      challengeId: z.string(),
      /** The attachment's file name; null for the challenge's illustration. */
      fileName: z.string().nullable(),
      hash: ContentHashSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('contentSize'),
      challengeId: z.string(),
      fileName: z.string(),
      size: z.number().int().nonnegative(),
      expected: z.number().int().nonnegative(),
    })
    .strict(),
]);
export type BankProblem = z.infer<typeof BankProblemSchema>;

/** How many problems a refused bank import lists at most (the server's answer, the screen's list). */
export const BANK_PROBLEMS_LISTED = 20;

/** The 422 answer to a refused bank import: the usual error, with its first problems. */
export const BankImportRefusalSchema = z
  .object({
    error: z
      .object({
        code: z.literal('INVALID_BANK'),
        message: z.string(),
        problems: z.array(BankProblemSchema).max(BANK_PROBLEMS_LISTED),
        /** Problems left out of the list. */
        moreProblems: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();

export const ContentStoredSchema = z
  .object({ hash: ContentHashSchema, mediaType: z.string(), size: z.number().int() })
  .strict();

// ------------------------------------------------------------------ stations

export const EnrollmentCodeRequestSchema = z
  .object({
    validForMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(24 * 60),
    /**
     * A re-enrollment code: for this revoked station of the centre, the only code that enrolls it again,
     * and it enrolls no other key. Without it, a code for a new station (it re-activates no revoked key).
     */
    stationId: Id.optional(),
  })
  .strict();
export const EnrollmentCodeSchema = z
  .object({
    code: z.string(),
    expiresAt: Timestamp,
    /** A re-enrollment code: the revoked station it enrolls again, and no other. */
    stationId: z.string().optional(),
  })
  .strict();
export type EnrollmentCode = z.infer<typeof EnrollmentCodeSchema>;

/** Most test ids a revocation may confirm: far more than one station ever has in use. */
export const MAX_CONFIRMED_TESTS = 200;

/** A test that revoking its station would cut off (its signed result would be refused). */
export const StationTestInUseSchema = z
  .object({
    testId: Id,
    candidateId: Id,
    /** « Prénom NOM », as the room shows it. */
    candidateName: z.string(),
    sessionId: Id,
    sessionNumber: z.number().int(),
    /** running: in course, or waiting to start; resultAwaited: its station's signed result has not come. */
    state: z.enum(['running', 'resultAwaited']),
  })
  .strict();
export type StationTestInUse = z.infer<typeof StationTestInUseSchema>;

/**
 * Revoking a station with tests in use is refused (STATION_IN_USE, with the tests) unless each of them
 * is in `confirmTestIds`: the tests the referent was shown and chose to cut off. A test that came since
 * is not among them, so the referent sees it before it is cut off.
 */
export const StationRevokeRequestSchema = z
  .object({ confirmTestIds: z.array(Id).max(MAX_CONFIRMED_TESTS).default([]) })
  .strict()
  .nullish();

/** The 409 answer to a revocation while the station has tests in use: the usual error, with them. */
export const StationInUseRefusalSchema = z
  .object({
    error: z
      .object({
        code: z.literal('STATION_IN_USE'),
        message: z.string(),
        tests: z.array(StationTestInUseSchema),
      })
      .strict(),
  })
  .strict();

export const StationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    centreId: Id,
    machineId: z.string(),
    enrolledAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    lastSeenAt: Timestamp.nullable(),
    version: z.string().nullable(),
    selfCheck: z
      .object({
        ok: z.boolean(),
        checks: z.array(
          z
            .object({
              name: z.string(),
              ok: z.boolean(),
              detail: z.string(),
              status: z.enum(['ok', 'warning', 'failure', 'skipped']).optional(),
              /** As the station sent them (SelfCheckRequest); older stations send neither. */
              code: SelfCheckCodeTextSchema.optional(),
              params: SelfCheckParamsSchema.optional(),
            })
            .strict(),
        ),
        checkedAt: z.string(),
        receivedAt: Timestamp,
      })
      .strict()
      .nullable(),
    /** In the centre's list, for a station not revoked: the tests its revocation would cut off. */
    inUse: z.array(StationTestInUseSchema).optional(),
  })
  .strict();
export type Station = z.infer<typeof StationSchema>;

// ------------------------------------------------------------------ finalization from the back office

/**
 * Before the referent finalizes (when the invigilator did not): the tests that started and did not end
 * normally (finished or time up). Each needs an abort reason, `candidate` or `technical`.
 */
export const UnfinishedTestsSchema = z
  .object({
    tests: z.array(
      z
        .object({
          candidateId: Id,
          firstName: z.string(),
          lastName: z.string(),
          /** How the test ended (ended by the invigilator…), or null while it has not ended. */
          endReason: EndReasonSchema.nullable(),
          resultReceived: z.boolean(),
        })
        .strict(),
    ),
    /**
     * Enrolled candidates whom finalizing now records absent (no test started, no result): said in the
     * confirmation. Counted as finalization counts them, not from the packages issued.
     */
    absentIfFinalized: z.number().int().nonnegative(),
    /**
     * Tests still running on a live station: the invigilator ends them (or they finish) first.
     * `started` false: the candidate signed in at a station and the test never started (nothing to
     * end: the invigilator closes that station from the room, « Fermer le poste », or it is shut down).
     */
    running: z.array(
      z
        .object({ candidateId: Id, firstName: z.string(), lastName: z.string(), started: z.boolean() })
        .strict(),
    ),
    /**
     * Tests whose station is silent while their candidate may still have time (the test goes on
     * offline): wait for the station, or confirm each over in the finalization (`confirmedOver`); then
     * they need an abort reason (they are also in `tests`). When the station was last heard (null:
     * never) and the time the candidate may still have (ms, null: unknown).
     */
    maybeRunning: z.array(
      z
        .object({
          candidateId: Id,
          firstName: z.string(),
          lastName: z.string(),
          stationLastHeardAt: Timestamp.nullable(),
          timeLeftMs: z.number().int().nullable(),
        })
        .strict(),
    ),
    /** Alerts awaiting the invigilator's decision: settled in the room before finalizing. */
    pendingAlerts: z.array(
      z
        .object({
          candidateId: Id,
          firstName: z.string(),
          lastName: z.string(),
          questionNumber: z.number().int().nullable(),
        })
        .strict(),
    ),
  })
  .strict();
export type UnfinishedTests = z.infer<typeof UnfinishedTestsSchema>;

// ------------------------------------------------------------------ publication

/**
 * Publishing the results (administrator). `juryReviewed`: the jury examined a session that needs it
 * (a comment, reports needing action, untrusted results). `withoutAwaitedSignedResults`: publish even
 * though some stations' signed results have not arrived; those candidates' results stay computed from
 * the answers received during the test. Without it, publication is refused (409
 * SIGNED_RESULTS_AWAITED) while any is awaited.
 */
export const PublicationRequestSchema = z
  .object({
    juryReviewed: z.boolean().default(false),
    withoutAwaitedSignedResults: z.boolean().default(false),
  })
  .strict();
export type PublicationRequest = z.output<typeof PublicationRequestSchema>;

/**
 * Re-scoring with a station's signed result that was not applied: the abort reason is given when its
 * test stopped early and none was given at finalization (the candidate was listed absent then), and
 * only then.
 */
export const SignedResultRescoringRequestSchema = z
  .object({ abortReason: AbortReasonSchema.optional() })
  .strict();
export type SignedResultRescoringRequest = z.infer<typeof SignedResultRescoringRequestSchema>;

// ------------------------------------------------------------------ readiness before exam day

/** How many attachments a readiness list gives at most (the rest are counted). */
export const READINESS_LISTED = 50;

/**
 * An attachment no exam station can open (core/challenge/station-viewers.ts): on exam day the candidate
 * would have to raise an alert and the question would be neutralized.
 */
export const UnopenableAttachmentSchema = z
  .object({ challengeId: z.string(), fileName: z.string(), mediaType: z.string() })
  .strict();
export type UnopenableAttachment = z.infer<typeof UnopenableAttachmentSchema>;

/** Why a candidate's test could not be generated now (the codes the exam-day start would answer). */
export const TestPreparationErrorSchema = z.discriminatedUnion('code', [
  z
    .object({
      code: z.literal('MISSING_CHALLENGES'),
      /** The tested competences where the bank has no challenge for any of the candidate's validated skills. */
      competences: z.array(CompetenceCodeSchema).min(1),
      message: z.string(),
    })
    .strict(),
  z.object({ code: z.literal('NOT_CERTIFIABLE'), message: z.string() }).strict(),
  z.object({ code: z.literal('INVALID_PROFILE'), message: z.string() }).strict(),
]);
export type TestPreparationError = z.infer<typeof TestPreparationErrorSchema>;

export const CandidateReadinessSchema = z
  .object({
    candidateId: Id,
    firstName: z.string(),
    lastName: z.string(),
    /** null: the test can be generated from the current bank and profile. */
    error: TestPreparationErrorSchema.nullable(),
    /**
     * The attachments no station can open among the challenges the candidate's test could contain,
     * whatever the seed drawn on exam day (the first READINESS_LISTED).
     */
    unopenable: z.array(UnopenableAttachmentSchema).max(READINESS_LISTED),
    moreUnopenable: z.number().int().nonnegative(),
  })
  .strict();
export type CandidateReadiness = z.infer<typeof CandidateReadinessSchema>;

/**
 * Whether each candidate's test can be generated on exam day and opened on the stations, checked now
 * with the exam-day generation (nothing stored). Only the candidates with a certifiable profile whose
 * test is not generated yet are checked; the others are counted.
 */
export const SessionReadinessSchema = z
  .object({
    candidates: z.array(CandidateReadinessSchema),
    notChecked: z
      .object({
        withoutProfile: z.number().int().nonnegative(),
        notCertifiable: z.number().int().nonnegative(),
        /** Their test was generated when the invigilator authorized the start. */
        alreadyGenerated: z.number().int().nonnegative(),
      })
      .strict(),
    bank: z
      .object({
        operative: z.number().int().nonnegative(),
        /** The bank's operative challenges' attachments no station can open, whoever sits. */
        unopenable: z.array(UnopenableAttachmentSchema).max(READINESS_LISTED),
        moreUnopenable: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();
export type SessionReadiness = z.infer<typeof SessionReadinessSchema>;
