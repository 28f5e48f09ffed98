// Test helper: a well-formed chain of journal records, as a station's journal writes them.
import { recordHash, type UnhashedRecord } from './chain.ts';
import { GENESIS_HASH, type JournalRecord, type RecordBody } from './journal-record.ts';

export const PACKAGE_HASH = 'c'.repeat(64);

/** A short test: opened, package stored, started, one answer, one skip, ended. */
export const sampleBodies: RecordBody[] = [
  {
    kind: 'testOpened',
    payload: { sessionId: 's1', candidateId: 'c1', stationId: 'st-0123456789abcdef0123' },
  },
  {
    kind: 'packageStored',
    payload: { packageId: 'pkg-1', packageHash: PACKAGE_HASH, challengeCount: 2, allowedMs: 6_300_000 },
  },
  { kind: 'started', payload: { authorization: 'cmd-1' } },
  {
    kind: 'answered',
    payload: {
      challengeId: 'rec1',
      value: { type: 'choice', choice: '1' },
      timeSpentMs: 900,
      timedOut: false,
      focusedOut: false,
    },
  },
  { kind: 'skipped', payload: { challengeId: 'rec2', timeSpentMs: 300 } },
  { kind: 'ended', payload: { reason: 'finished', authorization: null } },
];

/** Chains `bodies` for `testId`: seq from 1, each record linked to the previous one by its hash. */
export function chainOf(testId: string, bodies: readonly RecordBody[] = sampleBodies): JournalRecord[] {
  const records: JournalRecord[] = [];
  let prevHash = GENESIS_HASH;
  bodies.forEach((body, i) => {
    const unhashed: UnhashedRecord = {
      testId,
      seq: i + 1,
      wallAt: 1_700_000_000_000 + i,
      elapsedMs: i * 1000,
      prevHash,
      ...body,
    };
    const record = { ...unhashed, hash: recordHash(unhashed) } as JournalRecord;
    records.push(record);
    prevHash = record.hash;
  });
  return records;
}
