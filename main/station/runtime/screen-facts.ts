// Facts the candidate screens show that the test progress does not keep: they are read from the
// journal (the only memory a relaunched station has), so they are the same before and after a crash.
import type { EndSummary, LockdownEvent } from '../../../core/contracts/station-api.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';

/**
 * What locked the station for the pause under way: the lockdown record the runtime writes just before
 * its `paused` record. Null when the last pause is the invigilator's, or was lifted.
 */
export function lockEventOf(records: readonly JournalRecord[]): LockdownEvent | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record?.kind === 'unpaused') return null;
    if (record?.kind !== 'paused') continue;
    if (record.payload.cause !== 'lockdown') return null;
    const lock = records.slice(0, i).findLast((r) => r.kind === 'lockdown');
    return lock?.kind === 'lockdown' ? lock.payload.event : null;
  }
  return null;
}

/** The questions the candidate moved past without an answer: skipped, or neutralized by an alert. */
export function endSummaryOf(records: readonly JournalRecord[]): EndSummary {
  let skipped = 0;
  let neutralized = 0;
  for (const record of records) {
    if (record.kind === 'skipped') skipped += 1;
    else if (record.kind === 'alertDecided' && record.payload.decision === 'validated') neutralized += 1;
  }
  return { skipped, neutralized };
}
