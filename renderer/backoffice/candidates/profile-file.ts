// Reading a profiles file before sending it: the import request itself ({ profiles: [...] }), a bare
// list of its entries, or a session file with "candidates" (names, birthdate and profile each, as the
// demo's session.json). Checked with the server's schema so that a wrong file is explained at once.
import { ProfileImportRequestSchema } from '../../../core/contracts/centre-api.ts';
import { describeIssues } from '../../../core/validation/describe-issues.ts';

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
  | { ok: false; problem: 'notJson' | 'shape' | 'empty'; detail: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readProfileFile(text: string): ProfileFile {
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
  } else return { ok: false, problem: 'shape', detail: 'profiles' };
  if (Array.isArray(entries) && entries.length === 0) return { ok: false, problem: 'empty', detail: '' };
  const parsed = ProfileImportRequestSchema.safeParse({ profiles: entries });
  if (!parsed.success) {
    const detail = describeIssues(parsed.error).split('; ').slice(0, 5).join('; ');
    return { ok: false, problem: 'shape', detail };
  }
  return { ok: true, body: { profiles: parsed.data.profiles } };
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
