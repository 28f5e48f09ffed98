// The station's enrollment: which centre and server it belongs to, kept in the data folder. The
// server decides enrollment (it knows the station by its public key); this file only remembers it,
// so a relaunch knows where to connect. A missing or unreadable file means "not enrolled".
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { StationIdSchema } from '../../../core/identity/station-id.ts';
import { describeIssues } from '../../../core/validation/describe-issues.ts';
import { writeFileAtomic } from '../files/atomic-file.ts';

export const EnrollmentSchema = z
  .object({
    formatVersion: z.literal(1),
    stationId: StationIdSchema,
    /** The name the station was enrolled under (shown to the invigilator). */
    name: z.string().min(1).max(100),
    centre: z.object({ id: z.string().min(1).max(64), name: z.string() }).strict(),
    serverUrl: z.url({ protocol: /^https?$/ }),
    /** Recorded for IT, never trusted: cloned lab images share it. */
    machineId: z.string().max(200),
    enrolledAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export type EnrollmentRead =
  | { state: 'enrolled'; enrollment: Enrollment }
  | { state: 'none' }
  | { state: 'unreadable'; problem: string };

export async function readEnrollment(file: string): Promise<EnrollmentRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    return { state: 'unreadable', problem: (error as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'unreadable', problem: 'not JSON' };
  }
  const parsed = EnrollmentSchema.safeParse(json);
  if (!parsed.success) return { state: 'unreadable', problem: describeIssues(parsed.error) };
  return { state: 'enrolled', enrollment: parsed.data };
}

export async function writeEnrollment(file: string, enrollment: Enrollment): Promise<void> {
  const valid = EnrollmentSchema.parse(enrollment);
  await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
}

/** Server URLs compared without a trailing slash: "https://x/" and "https://x" are one server. */
export function sameServer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
