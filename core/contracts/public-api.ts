// The public HTTP contract: anyone can check a certificate by its verification code, once the session's
// results are published. No authentication; rate-limited.
import { z } from 'zod';
import { CompetenceCodeSchema } from '../framework/crcn.ts';
import { VerificationCodeLookupSchema } from '../codes/verification-code.ts';

export const VerificationParamsSchema = z.object({ code: VerificationCodeLookupSchema }).strict();

export const CertificateSchema = z
  .object({
    verificationCode: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthdate: z.string(),
    centreName: z.string(),
    sessionDate: z.string(),
    pixScore: z.number().int(),
    /** Highest level open to certification when scored (levels above it are not certified). */
    maxReachableLevel: z.number().int(),
    competences: z.array(
      z
        .object({
          code: CompetenceCodeSchema,
          label: z.string(),
          level: z.number().int(),
          pix: z.number().int(),
        })
        .strict(),
    ),
    publishedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type Certificate = z.infer<typeof CertificateSchema>;

export const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string(), serverTime: z.iso.datetime({ offset: true }) })
  .strict();
