// The station's self-check (issue 8): "is this machine ready for exam day?", answered one line per
// check, for IT scripts (`--check`, `npm run station:check`) and for the referent's "Vérifier ce poste"
// screen (StationApi `runSelfCheck`). The station sends the result to its server, where the centre's
// station list shows it (core/contracts/station-server.ts SelfCheckRequest).
import { z } from 'zod';
import {
  SELF_CHECK_CODES,
  isSelfCheckCode,
  selfCheckParamsFit,
  type SelfCheckCode,
} from './station-self-check-codes.ts';

/** ok; warning: works, but fix it before exam day; failure: the station cannot sit an exam; skipped: not measurable here. */
export const SELF_CHECK_STATUSES = ['ok', 'warning', 'failure', 'skipped'] as const;
export const SelfCheckStatusSchema = z.enum(SELF_CHECK_STATUSES);
export type SelfCheckStatus = z.infer<typeof SelfCheckStatusSchema>;

/** Every check, in the order they are shown. */
export const SELF_CHECK_IDS = [
  'settings',
  'server',
  'tls',
  'clock',
  'version',
  'enrollment',
  'displays',
  'disk',
  'journal',
  'browser',
] as const;
export const SelfCheckIdSchema = z.enum(SELF_CHECK_IDS);
export type SelfCheckId = z.infer<typeof SelfCheckIdSchema>;

/**
 * A line's code as it travels to the server: any well-formed code, so that a server keeps the reports of
 * stations newer than itself (the screens word the codes they know and show the French text otherwise).
 */
export const SelfCheckCodeTextSchema = z
  .string()
  .max(80)
  .regex(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/);
/** A line's parameters: a few names, each a string or a finite number. */
export const SelfCheckParamsSchema = z
  .record(z.string().min(1).max(40), z.union([z.string().max(500), z.number()]))
  .refine((params) => Object.keys(params).length <= 16, { message: 'at most 16 parameters' });

export const SelfCheckLineSchema = z
  .object({
    id: SelfCheckIdSchema,
    status: SelfCheckStatusSchema,
    /** What was checked, e.g. "Serveur de certification joignable" (French: IT and referents' language). */
    title: z.string().min(1).max(120),
    /** What was found, e.g. "https://certif.lycee.fr répond en 42 ms". */
    detail: z.string().max(500),
    /** What to do when it is not ok; null when there is nothing to do. */
    action: z.string().max(500).nullable(),
    /**
     * What was found, for the screens to word in their language (station-self-check-codes.ts), with its
     * parameters. Stations older than the codes send neither: their `detail` and `action` are shown.
     */
    code: z.enum(SELF_CHECK_CODES as [SelfCheckCode, ...SelfCheckCode[]]).optional(),
    params: SelfCheckParamsSchema.optional(),
  })
  .strict()
  .refine(
    (line) =>
      line.code === undefined
        ? line.params === undefined
        : isSelfCheckCode(line.code) && selfCheckParamsFit(line.code, line.params ?? {}),
    { message: 'the parameters do not fit the code', path: ['params'] },
  );
export type SelfCheckLine = z.infer<typeof SelfCheckLineSchema>;

/**
 * Why the server did not record a report: it refused this station (unknown or revoked), refused the
 * request as out of date (the station's clock), could not be reached, or failed otherwise.
 */
export const SELF_CHECK_RECORD_REASONS = [
  'stationRefused',
  'clockRefused',
  'serverUnreachable',
  'serverError',
] as const;
export const SelfCheckRecordReasonSchema = z.enum(SELF_CHECK_RECORD_REASONS);
export type SelfCheckRecordReason = z.infer<typeof SelfCheckRecordReasonSchema>;

export const SelfCheckOverallSchema = z.enum(['ok', 'warning', 'failure']);
export type SelfCheckOverall = z.infer<typeof SelfCheckOverallSchema>;

export const SelfCheckReportSchema = z
  .object({
    version: z.string().min(1).max(50),
    stationId: z.string().max(100),
    stationName: z.string().max(100),
    checkedAt: z.iso.datetime({ offset: true }),
    overall: SelfCheckOverallSchema,
    lines: z.array(SelfCheckLineSchema).max(SELF_CHECK_IDS.length),
    /** Whether the server recorded this report (null: not sent, e.g. the station is not enrolled). */
    recorded: z
      .object({
        ok: z.boolean(),
        /** French, for logs and IT's terminal. */
        message: z.string().max(500),
        /** When the server recorded it (its clock); null when it did not. Older stations omit it. */
        recordedAt: z.iso.datetime({ offset: true }).nullable().optional(),
        /** Why the server did not record it; null when it did. Older stations omit it. */
        reason: SelfCheckRecordReasonSchema.nullable().optional(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type SelfCheckReport = z.infer<typeof SelfCheckReportSchema>;

/** The worst status decides: any failure → failure; else any warning → warning; skipped counts as ok. */
export function overallStatus(lines: readonly Pick<SelfCheckLine, 'status'>[]): SelfCheckOverall {
  if (lines.some((line) => line.status === 'failure')) return 'failure';
  if (lines.some((line) => line.status === 'warning')) return 'warning';
  return 'ok';
}

/** Exit codes of `--check` for IT scripts: 0 ready, 1 warnings only, 2 at least one failure. */
export const SELF_CHECK_EXIT_CODES = { ok: 0, warning: 1, failure: 2 } as const satisfies Record<
  SelfCheckOverall,
  number
>;
/** The check itself could not run (bad arguments, another instance holding the station's data). */
export const SELF_CHECK_EXIT_UNUSABLE = 3;
