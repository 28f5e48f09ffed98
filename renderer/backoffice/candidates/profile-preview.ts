// A profiles file is first sent as a dry run: when it would replace profiles imported before, the
// referent sees which (with the Pix totals before and after) and confirms; otherwise it is imported
// at once, as before. What the screen does next, and how it words a replaced profile, as data.
import type { ProfileImportReport } from '../../../core/contracts/centre-api.ts';

/** After the dry run: import at once, or show the preview and wait for the referent's confirmation. */
export function afterPreview(preview: ProfileImportReport): 'import' | 'confirm' {
  return preview.replaced > 0 ? 'confirm' : 'import';
}

/** The body of the dry run: the file's entries as they are, nothing stored. */
export function previewBody<B extends { profiles: unknown[] }>(body: B): B & { dryRun: true } {
  return { ...body, dryRun: true };
}

/** What changes for a replaced profile, in a word: the Pix total before and after (null otherwise). */
export function pixChange(
  entry: ProfileImportReport['entries'][number],
): { before: number; after: number } | null {
  return entry.status === 'replaced' && entry.pixBefore !== null && entry.pixAfter !== null
    ? { before: entry.pixBefore, after: entry.pixAfter }
    : null;
}
