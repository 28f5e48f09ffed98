// The demo content, read and validated in one place so that `npm run demo`, the server's demo seeding
// and the tests use the same data: the French challenge bank, the files its challenges show (attachments
// and illustrations, by SHA-256), the demo centre and session, and its candidates with their Pix profiles.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ChallengeSchema, type Challenge } from '../../core/challenge/challenge.ts';
import { ExtraTimePercentageSchema } from '../../core/exam/duration.ts';
import { ProfileSchema } from '../../core/profile/profile.ts';
import { BirthdateSchema, PersonNameSchema } from '../../core/session/session.ts';
import { parseInput } from '../../core/validation/describe-issues.ts';

export const DEMO_DIR = import.meta.dirname;

export const DemoCentreSchema = z
  .object({
    name: z.string().min(1).max(200),
    city: z.string().min(1).max(100),
    /** The school's official number (UAI/RNE). */
    uai: z.string().regex(/^[0-9]{7}[A-Z]$/, 'must be a UAI: 7 digits and a letter'),
  })
  .strict();
export type DemoCentre = z.infer<typeof DemoCentreSchema>;

export const DemoSessionDetailsSchema = z
  .object({
    address: z.string().min(1).max(300),
    room: z.string().min(1).max(100),
    date: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
    time: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time written HH:MM'),
    examiner: z.string().min(1).max(200),
    description: z.string().max(500).optional(),
  })
  .strict();
export type DemoSessionDetails = z.infer<typeof DemoSessionDetailsSchema>;

/** An enrolled candidate (DOMAIN.md §2) with the Pix profile the positioning platform exported. */
export const DemoCandidateSchema = z
  .object({
    lastName: PersonNameSchema,
    firstName: PersonNameSchema,
    sex: z.enum(['M', 'F']),
    birthdate: BirthdateSchema,
    birthCountry: z.string().min(1).max(100),
    birthCity: z.string().min(1).max(100),
    /** INSEE code of the birth town, for candidates born in France. */
    birthInseeCode: z
      .string()
      .regex(/^(?:[0-9]{5}|2[AB][0-9]{3})$/, 'must be an INSEE code')
      .optional(),
    /** The student's national number (INE), used as the external id. */
    externalId: z.string().min(1).max(64),
    email: z.email().optional(),
    extraTimePercentage: ExtraTimePercentageSchema,
    accessibilityAdjustment: z.boolean(),
    profile: ProfileSchema,
  })
  .strict();
export type DemoCandidate = z.infer<typeof DemoCandidateSchema>;

export const DemoSessionFileSchema = z
  .object({
    centre: DemoCentreSchema,
    session: DemoSessionDetailsSchema,
    candidates: z.array(DemoCandidateSchema).min(1),
  })
  .strict();

/** A file a challenge shows: an attachment to open, or an illustration. */
export interface DemoFile {
  /** SHA-256 of the bytes, in lower-case hex: the id the bank and the station use. */
  hash: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface DemoData {
  bank: Challenge[];
  /** Every file of attachments/, by hash. */
  files: ReadonlyMap<string, DemoFile>;
  centre: DemoCentre;
  session: DemoSessionDetails;
  candidates: DemoCandidate[];
  /** The offline websites' folder (see demo-sites.ts: `demoSiteFile(url, sitesDir)`). */
  sitesDir: string;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The demo data is broken (a file missing or changed): the message says which and what to fix. */
export class DemoDataError extends Error {
  constructor(message: string) {
    super(`demo data: ${message}`);
    this.name = 'DemoDataError';
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads every file of attachments/ and indexes it by hash. */
export function readDemoFiles(dir: string = DEMO_DIR): Map<string, DemoFile> {
  const folder = path.join(dir, 'attachments');
  const files = new Map<string, DemoFile>();
  for (const fileName of readdirSync(folder).sort()) {
    const mediaType = MEDIA_TYPES[path.extname(fileName).toLowerCase()];
    if (!mediaType) throw new DemoDataError(`attachments/${fileName} has no known media type`);
    const bytes = new Uint8Array(readFileSync(path.join(folder, fileName)));
    const hash = sha256Hex(bytes);
    files.set(hash, { hash, fileName, mediaType, bytes });
  }
  return files;
}

/** Every attachment and illustration of the bank must be one of the files, byte for byte. */
function checkFiles(bank: readonly Challenge[], files: ReadonlyMap<string, DemoFile>): void {
  for (const challenge of bank) {
    for (const attachment of challenge.attachments) {
      const file = files.get(attachment.hash);
      if (!file || file.fileName !== attachment.fileName || file.bytes.length !== attachment.size) {
        throw new DemoDataError(
          `challenge ${challenge.id}: attachments/${attachment.fileName} is missing or does not match its ` +
            `hash and size in challenges.json (update them if the file changed on purpose)`,
        );
      }
    }
    if (challenge.illustration && !files.has(challenge.illustration.hash)) {
      throw new DemoDataError(
        `challenge ${challenge.id}: no file of attachments/ has the illustration's hash ${challenge.illustration.hash}`,
      );
    }
  }
}

const readJson = (dir: string, name: string): unknown => {
  try {
    return JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  } catch (error) {
    throw new DemoDataError(`cannot read ${name}: ${(error as Error).message}`);
  }
};

/** Reads and validates the demo content. Throws InvalidInputError or DemoDataError, naming what is wrong. */
export function loadDemoData(dir: string = DEMO_DIR): DemoData {
  const bank = parseInput(z.array(ChallengeSchema), readJson(dir, 'challenges.json'), 'demo challenge bank');
  const demo = parseInput(DemoSessionFileSchema, readJson(dir, 'session.json'), 'demo session');
  const files = readDemoFiles(dir);
  checkFiles(bank, files);
  return {
    bank,
    files,
    centre: demo.centre,
    session: demo.session,
    candidates: demo.candidates,
    sitesDir: path.join(dir, 'sites'),
  };
}
