// The test package: what a station downloads once presence is confirmed. It holds everything the
// candidate needs to sit the test and nothing that would reveal an answer (no solutions).
import { z } from 'zod';
import { PackagedChallengeSchema } from '../challenge/challenge.ts';
import { ExtraTimePercentageSchema, allowedDurationMs } from '../exam/duration.ts';
import { BirthdateSchema, PersonNameSchema, SessionNumberSchema } from '../session/session.ts';

export const MAX_CHALLENGES_PER_TEST = 48;

export const PackageCandidateSchema = z
  .object({
    id: z.string().min(1).max(64),
    firstName: PersonNameSchema,
    lastName: PersonNameSchema,
    birthdate: BirthdateSchema,
    extraTimePercentage: ExtraTimePercentageSchema,
    accessibilityAdjustment: z.boolean(),
  })
  .strict();
export type PackageCandidate = z.infer<typeof PackageCandidateSchema>;

export const PackageSessionSchema = z
  .object({
    id: z.string().min(1).max(64),
    number: SessionNumberSchema,
    centreName: z.string().min(1).max(200),
    room: z.string().max(100),
    examiner: z.string().max(200),
  })
  .strict();
export type PackageSession = z.infer<typeof PackageSessionSchema>;

export const TestPackageSchema = z
  .object({
    formatVersion: z.literal(1),
    packageId: z.string().min(1).max(64),
    generatedAt: z.iso.datetime({ offset: true }),
    /** The generation seed, recorded so that the test can be regenerated for audit. */
    seed: z.number().int().nonnegative(),
    session: PackageSessionSchema,
    candidate: PackageCandidateSchema,
    challenges: z
      .array(PackagedChallengeSchema)
      .min(1, 'a test needs at least one challenge')
      .max(MAX_CHALLENGES_PER_TEST)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'a challenge appears once'),
  })
  .strict();
export type TestPackage = z.infer<typeof TestPackageSchema>;

export function packageAllowedMs(pkg: Pick<TestPackage, 'candidate'>): number {
  return allowedDurationMs(pkg.candidate.extraTimePercentage);
}
