// Validation of what callers hand to the journal, with messages that name the offending field.
import { z } from 'zod';
import { JournalRecordSchema, LockdownEventSchema } from '../../../core/journal/journal-record.ts';
import { PackageCandidateSchema, PackageSessionSchema } from '../../../core/package/test-package.ts';

const Id = z.string().min(1).max(64);
const Millis = z.number().int().nonnegative();
const Count = z.number().int().nonnegative();
const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex');

/** Not strict: the runtime may pass a whole TestRow, whose extra columns the journal manages itself. */
export const TestInfoSchema = z
  .object({
    testId: Id,
    sessionId: Id,
    candidateId: Id,
    stationId: Id,
    candidate: PackageCandidateSchema,
    session: PackageSessionSchema,
    createdAt: Millis,
  })
  .refine((info) => info.candidate.id === info.candidateId, {
    message: 'must be the candidate of candidateId',
    path: ['candidate', 'id'],
  })
  .refine((info) => info.session.id === info.sessionId, {
    message: 'must be the session of sessionId',
    path: ['session', 'id'],
  });

export const RecordTimeSchema = z.object({ wallAt: Millis, elapsedMs: Millis });
export const ClockCheckpointSchema = z.object({ elapsedMs: Millis, wallAt: Millis });
export const MillisSchema = Millis;
/** An invigilator command's id, as records name it (`authorization`); null: none. */
export const AuthorizationSchema = Id.nullable();
export const HashSchema = Hash;
export const OutboxLimitSchema = z.number().int().positive().max(10_000);
/** Records replicated by the server, imported to continue a test begun on another station. */
export const ImportedRecordsSchema = z.array(JournalRecordSchema).min(1).max(20_000);
/** What the server handed over with the imported records (the time left its last heartbeat reported). */
export const ResumeHandoverSchema = z.object({ timeLeftMs: Millis.nullable(), receivedAt: Millis });
/** What a record saying how many were left out is about. */
export const OmissionSubjectSchema = z.union([z.literal('navigation'), LockdownEventSchema]);
/** The counts of what a test's journal budget left out. */
export const OmittedRecordsSchema = z.object({
  navigations: Count,
  lockdowns: z.map(LockdownEventSchema, Count),
});
export const BundleSchema = z
  .string()
  .min(1)
  .max(8 * 1024 * 1024);

/** Parses `value` or throws `fail("<root>.<path>: <problem>")`. */
export function parseOrThrow<T>(
  schema: z.ZodType<T>,
  value: unknown,
  root: string,
  fail: (message: string) => Error,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = [root, ...(issue?.path ?? []).map(String)].join('.');
  throw fail(`${where}: ${issue?.message ?? 'invalid'}`);
}
