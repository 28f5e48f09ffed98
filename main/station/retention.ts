// The retention rule: a test's journal, result and files stay on the station until the server has
// acknowledged its result, then for a configurable delay (7 days by default), then they are purged,
// files included. Nothing unacknowledged is ever purged (the journal's WHERE clause decides).
import path from 'node:path';
import type { AttachmentStore } from './attachments/attachment-store.ts';

export const DEFAULT_RETENTION_MS = 7 * 24 * 3600_000;
/** How often the station looks for expired tests. */
export const PURGE_EVERY_MS = 3600_000;

export interface RetentionJournal {
  purgeExpired(now: number): number;
  testIds(): string[];
}

/** Purges expired tests, then the sandboxes of tests the journal no longer holds. */
export async function purgeExpired(
  journal: RetentionJournal,
  attachments: Pick<AttachmentStore, 'removeAllBut' | 'folder'>,
  now: number,
): Promise<{ tests: number; folders: string[] }> {
  const tests = journal.purgeExpired(now);
  const kept = new Set(journal.testIds().map((testId) => path.basename(attachments.folder(testId))));
  const folders = await attachments.removeAllBut((name) => kept.has(name));
  return { tests, folders };
}
