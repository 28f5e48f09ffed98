// The journal's hash chain: each record's hash covers its content and the previous record's hash, so
// removing, reordering or editing any record breaks every hash after it.
import { canonicalHash } from '../hashing/canonical-hash.ts';
import { GENESIS_HASH, type JournalRecord, type RecordBody } from './journal-record.ts';

export type UnhashedRecord = RecordBody & {
  testId: string;
  seq: number;
  wallAt: number;
  elapsedMs: number;
  prevHash: string;
};

export function recordHash(record: UnhashedRecord): string {
  const { testId, seq, kind, payload, wallAt, elapsedMs, prevHash } = record;
  return canonicalHash({ testId, seq, kind, payload, wallAt, elapsedMs, prevHash });
}

export type ChainCheck = { ok: true; head: string } | { ok: false; seq: number; problem: string };

/** Verifies a test's records from the first: sequence, links and hashes. */
export function verifyChain(testId: string, records: readonly JournalRecord[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (const [i, record] of records.entries()) {
    const seq = i + 1;
    if (record.testId !== testId) return { ok: false, seq, problem: `record ${seq} belongs to another test` };
    if (record.seq !== seq)
      return { ok: false, seq, problem: `record ${seq} has sequence number ${record.seq}` };
    if (record.prevHash !== prev)
      return { ok: false, seq, problem: `record ${seq} does not follow record ${seq - 1}` };
    if (recordHash(record) !== record.hash) return { ok: false, seq, problem: `record ${seq} was altered` };
    prev = record.hash;
  }
  return { ok: true, head: prev };
}
