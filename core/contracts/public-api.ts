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

/**
 * A certificate the jury cancelled (fraud, or another ground), once its session's results are
 * published: its code answers 410 Gone with this error body, so that a client which only checks the
 * status reads it as not valid. It says when, and nothing of the holder nor of why (the decision's
 * ground stays with the jury). The jury may undo it: the same code then answers 200 again.
 */
export const CERTIFICATE_CANCELLED = 'CERTIFICATE_CANCELLED';
export const CancelledCertificateSchema = z
  .object({
    error: z
      .object({
        code: z.literal(CERTIFICATE_CANCELLED),
        message: z.string(),
        verificationCode: z.string(),
        cancelledAt: z.iso.datetime({ offset: true }),
      })
      .strict(),
  })
  .strict();
export type CancelledCertificate = z.infer<typeof CancelledCertificateSchema>;

export const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string(), serverTime: z.iso.datetime({ offset: true }) })
  .strict();
