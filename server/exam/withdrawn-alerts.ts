// Alerts the candidate withdrew before they reached the server (the journal's `alertWithdrawn`, written
// offline). Withdrawn with its raise in one batch, an alert is never stored (journal-reading.ts); one
// stored before its withdrawal arrived (the station lost the acknowledgment) is no alert for the room,
// finalization, decisions or scoring: the candidate went on answering that question.
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import type { ServerContext } from '../context.ts';

export function withdrawnIn(records: readonly JournalRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const record of records) if (record.kind === 'alertWithdrawn') ids.add(record.payload.alertId);
  return ids;
}

export async function withdrawnAlertIds(ctx: ServerContext, testIds: string[]): Promise<Set<string>> {
  const replicated = await ctx.store.tests.recordsOfKind(testIds, 'alertWithdrawn');
  return withdrawnIn(replicated.map(({ record }) => record));
}
