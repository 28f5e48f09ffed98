// The signed result bundle: a sealed test journal, signed by the station key (JWS, Ed25519). It is
// the record of the test the server stores and scores; the server accepts it only if the signature,
// the chain and the package hash all check out.
import { z } from 'zod';
import { EndReasonSchema } from '../contracts/station-api.ts';
import { StationIdSchema } from '../identity/station-id.ts';
import { JournalRecordSchema } from '../journal/journal-record.ts';

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().min(1).max(64);

export const RESULT_BUNDLE_TYPE = 'pix-result+jws';
export const RESULT_BUNDLE_ALG = 'Ed25519';
/** The most records a bundle may hold (the station budgets its journal under it: journal-budget.ts). */
export const MAX_BUNDLE_RECORDS = 20_000;

export const ResultBundlePayloadSchema = z
  .object({
    formatVersion: z.literal(1),
    testId: Id,
    sessionId: Id,
    candidateId: Id,
    stationId: StationIdSchema,
    packageId: Id,
    packageHash: HashSchema,
    endReason: EndReasonSchema,
    records: z.array(JournalRecordSchema).min(1).max(MAX_BUNDLE_RECORDS),
    chainHead: HashSchema,
    clock: z
      .object({
        /** Time allowed: 105 min + extra time + time added by the invigilator. */
        allowedMs: z.number().int().positive(),
        elapsedMs: z.number().int().nonnegative(),
        /** Time the station was down during the test: recorded, not charged. */
        downtimeMs: z.number().int().nonnegative(),
        addedMs: z.number().int().nonnegative(),
      })
      .strict(),
    /** Server time minus station time, last measured (ms); null if never measured. */
    serverClockOffsetMs: z.number().int().nullable(),
    sealedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type ResultBundlePayload = z.infer<typeof ResultBundlePayloadSchema>;
