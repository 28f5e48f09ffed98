// Reading a profiles file before sending it: the import request itself ({ profiles: [...] }), a bare
// list of its entries, or a session file with "candidates" (names, birthdate and profile each, as the
// demo's session.json). Checked with the server's schema so that a wrong file is explained at once, in
// the screen's language as content/challenge-problems.ts does: zod's messages through its locale,
// core's (written in English for the API) through a table; each problem names its entry by number and
// its field by name (profileProblemText), never zod's raw "profiles.0.profile…" path.
import { z } from 'zod';
import { ProfileImportRequestSchema } from '../../../core/contracts/centre-api.ts';
import type { Language } from '../../shared/i18n/i18n.ts';
import { challengeMessage } from '../content/challenge-problems.ts';
import type { MessageKey, Translate } from '../i18n/use-t.ts';

/** One thing wrong with the file. */
export interface ProfileProblem {
  /** The entry's place in the file, from 1 as people count; null for the file as a whole. */
  entry: number | null;
  /** Where in the entry ([] for the entry itself): ['profile', 'competences', 0, 'code']. */
  path: (string | number)[];
  /** In the screen's language. */
  message: string;
}

/** How many problems the screen lists at most. */
export const PROFILE_PROBLEMS_LISTED = 5;

export type ProfileFile =
  | {
      ok: true;
      body: {
        profiles: {
          externalId?: string;
          lastName?: string;
          firstName?: string;
          birthdate?: string;
          profile: unknown;
        }[];
      };
    }
  | { ok: false; problem: 'notJson'; detail: string }
  | { ok: false; problem: 'notProfiles' | 'empty' }
  | { ok: false; problem: 'shape'; problems: ProfileProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readProfileFile(text: string, language: Language = 'fr'): ProfileFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  let entries: unknown;
  if (Array.isArray(data)) entries = data;
  else if (isRecord(data) && Array.isArray(data.profiles)) entries = data.profiles;
  else if (isRecord(data) && Array.isArray(data.candidates)) {
    // A session file: each candidate is found by names and birthdate (the external id may not have
    // been imported with the class list).
    entries = data.candidates.map((c: unknown) =>
      isRecord(c)
        ? { lastName: c.lastName, firstName: c.firstName, birthdate: c.birthdate, profile: c.profile }
        : c,
    );
  } else return { ok: false, problem: 'notProfiles' };
  if (Array.isArray(entries) && entries.length === 0) return { ok: false, problem: 'empty' };
  const parsed = ProfileImportRequestSchema.safeParse(
    { profiles: entries },
    { error: LOCALES[language]().localeError },
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, PROFILE_PROBLEMS_LISTED).map((issue) => {
      // The path starts at the request's "profiles", then the entry's index.
      const [, index, ...rest] = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const entry = typeof index === 'number' ? index + 1 : null;
      return {
        entry,
        path: entry === null ? [] : rest,
        message: profileMessage(issue.message, language),
      };
    });
    return { ok: false, problem: 'shape', problems };
  }
  return { ok: true, body: { profiles: parsed.data.profiles } };
}

const LOCALES = { fr: z.locales.fr, en: z.locales.en } as const;

type Rule = readonly [RegExp, (match: RegExpExecArray) => string];

/** Core's messages met in a profile entry, in French (the challenge ones: challengeMessage). */
const FRENCH: readonly Rule[] = [
  [/^must not be empty$/, () => 'ne doit pas être vide'],
  [/^is too long \((\d+) characters at most\)$/, (m) => `est trop long (${m[1]} caractères au plus)`],
  [/^must be a date written YYYY-MM-DD$/, () => 'doit être une date écrite AAAA-MM-JJ'],
  [/^must be a whole number of Pix$/, () => 'doit être un nombre entier de Pix'],
  [/^must be at most (\d+) Pix$/, (m) => `doit valoir au plus ${m[1]}\u00a0Pix`],
  [/^each competence appears once$/, () => 'chaque compétence ne doit figurer qu’une fois'],
];

function profileMessage(message: string, language: Language): string {
  if (language !== 'fr') return message;
  for (const [pattern, french] of FRENCH) {
    const match = pattern.exec(message);
    if (match) return french(match);
  }
  return challengeMessage(message, language);
}

/** The fields of an entry with a name of their own (others are shown as written in the file). */
const FIELD_NAMES = [
  'externalId',
  'lastName',
  'firstName',
  'birthdate',
  'profile',
  'competences',
  'code',
  'pix',
  'validatedSkills',
  'answeredChallengeIds',
] as const;

function fieldName(segment: string | number, t: Translate): string {
  if (typeof segment === 'number') return t('profiles.fieldItem', { number: segment + 1 });
  return (FIELD_NAMES as readonly string[]).includes(segment)
    ? t(`profiles.fields.${segment}` as MessageKey)
    : segment;
}

/** Why the file cannot be sent, in one sentence for the screen. */
export function profileFileProblemText(read: Extract<ProfileFile, { ok: false }>, t: Translate): string {
  switch (read.problem) {
    case 'notJson':
      return t('profiles.errors.notJson', { message: read.detail });
    case 'empty':
      return t('profiles.errors.empty');
    case 'notProfiles':
      return t('profiles.errors.notProfiles');
    case 'shape':
      return t('profiles.errors.shape', {
        details: read.problems.map((p) => profileProblemText(p, t)).join(t('profiles.problemsJoin')),
      });
  }
}

/** "Entrée 2, champ « profil › compétences › n° 1 › code » : doit être un code de compétence du CRCN…" */
export function profileProblemText(problem: ProfileProblem, t: Translate): string {
  if (problem.entry === null) return t('profiles.problemFile', { message: problem.message });
  const field = problem.path.map((segment) => fieldName(segment, t)).join(' › ');
  if (field === '') return t('profiles.problemEntry', { number: problem.entry, message: problem.message });
  return t('profiles.problemField', { number: problem.entry, field, message: problem.message });
}

/** Who an entry is about, for the report. */
export function entryName(entry: { externalId?: string; lastName?: string; firstName?: string }): string {
  const name = [entry.firstName, entry.lastName?.toLocaleUpperCase('fr-FR')].filter(Boolean).join(' ');
  return name || entry.externalId || '';
}

/** The server's reasons for a refused entry, as message keys (anything else is shown as it is). */
export function entryMessageKey(
  message: string | null,
): 'noMatch' | 'several' | 'started' | 'twice' | 'missingKey' | null {
  if (!message) return null;
  if (message.startsWith('no candidate')) return 'noMatch';
  if (message.startsWith('several candidates')) return 'several';
  if (message.includes('already been generated')) return 'started';
  if (message.startsWith('another entry')) return 'twice';
  if (message.startsWith('give externalId')) return 'missingKey';
  return null;
}
