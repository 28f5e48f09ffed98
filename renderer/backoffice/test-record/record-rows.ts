// The sections of the test record, read off its timeline (core/contracts/candidate-record.ts): the
// pages requested, the station's events with the focused questions left, and the pauses, interruptions
// and time added, each in the order they happened.
import type { CandidateTestRecord, TimelineEntry } from '../../../core/contracts/candidate-record.ts';

type Entry<K extends TimelineEntry['kind']> = Extract<TimelineEntry, { kind: K }>;

const ofKinds = <K extends TimelineEntry['kind']>(
  record: Pick<CandidateTestRecord, 'timeline'>,
  kinds: readonly K[],
): Entry<K>[] => record.timeline.filter((e): e is Entry<K> => (kinds as readonly string[]).includes(e.kind));

export type NavigationRow = Entry<'navigation'>;

export function navigationRows(record: Pick<CandidateTestRecord, 'timeline'>): NavigationRow[] {
  return ofKinds(record, ['navigation']);
}

/** A lockdown event, or the candidate leaving a focused question (the journal's `focusLost`). */
export type StationEventRow = Entry<'lockdown'> | Entry<'focusLost'>;

export function stationEventRows(record: Pick<CandidateTestRecord, 'timeline'>): StationEventRow[] {
  return ofKinds(record, ['lockdown', 'focusLost']);
}

/** A pause's end says how long it lasted (server clock), when both ends have a time. */
export type PauseRow =
  | Entry<'paused'>
  | (Entry<'unpaused'> & { durationMs: number | null })
  | Entry<'timeAdded'>
  | Entry<'resumed'>;

export function pauseRows(record: Pick<CandidateTestRecord, 'timeline'>): PauseRow[] {
  let pausedAt: string | null | undefined;
  return ofKinds(record, ['paused', 'unpaused', 'timeAdded', 'resumed']).map((entry): PauseRow => {
    if (entry.kind === 'paused') {
      pausedAt = entry.at;
      return entry;
    }
    if (entry.kind !== 'unpaused') return entry;
    const from = pausedAt;
    pausedAt = undefined;
    const durationMs = from && entry.at ? Math.max(0, Date.parse(entry.at) - Date.parse(from)) : null;
    return { ...entry, durationMs };
  });
}
