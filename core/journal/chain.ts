// The journal's hash chain: each record's hash covers its content and the previous record's hash, so
// removing, reordering or editing any record breaks every hash after it.
import { sha256Hex, type Sha256Hex } from '../hashing/canonical-hash.ts';
import { GENESIS_HASH, type JournalRecord, type RecordBody } from './journal-record.ts';
import { recordCanonicalJson } from './record-canonical-json.ts';

export type UnhashedRecord = RecordBody & {
  testId: string;
  seq: number;
  wallAt: number;
  elapsedMs: number;
  prevHash: string;
};

/** SHA-256 of the record's canonical JSON (all but its own hash); `sha256` may be a native one. */
export function recordHash(record: UnhashedRecord, sha256: Sha256Hex = sha256Hex): string {
  return sha256(recordCanonicalJson(record));
}

export type ChainCheck = { ok: true; head: string } | { ok: false; seq: number; problem: string };

export interface ChainOptions {
  /** The SHA-256 to hash records with (default: core's portable one). */
  sha256?: Sha256Hex;
}

/** Verifies a test's records from the first: sequence, links and hashes. */
export function verifyChain(
  testId: string,
  records: readonly JournalRecord[],
  options: ChainOptions = {},
): ChainCheck {
  const sha256 = options.sha256 ?? sha256Hex;
  let prev = GENESIS_HASH;
  for (const [i, record] of records.entries()) {
    const seq = i + 1;
    if (record.testId !== testId) return { ok: false, seq, problem: `record ${seq} belongs to another test` };
    if (record.seq !== seq)
      return { ok: false, seq, problem: `record ${seq} has sequence number ${record.seq}` };
    if (record.prevHash !== prev)
      return { ok: false, seq, problem: `record ${seq} does not follow record ${seq - 1}` };
    let hash: string;
    try {
      hash = recordHash(record, sha256);
    } catch {
      // Text that is not valid Unicode (a lone surrogate) has no canonical form: no station wrote it.
      return { ok: false, seq, problem: `record ${seq} cannot be hashed` };
    }
    if (hash !== record.hash) return { ok: false, seq, problem: `record ${seq} was altered` };
    prev = record.hash;
  }
  return { ok: true, head: prev };
}
