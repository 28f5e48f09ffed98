// The canonical JSON (RFC 8785) of a journal record's hashed content, written for the record's known
// shape: the envelope's keys go straight into their canonical order, only the payload goes through the
// generic writer. Same bytes as canonicalJson of the same fields (record-canonical-json.test.ts checks
// it on generated records); anything unexpected is written by the reference implementation.
import { plainNumber, plainString, sortedCopy, writeCanonical } from '../hashing/canonical-json.ts';
import type { UnhashedRecord } from './chain.ts';

export function recordCanonicalJson(record: UnhashedRecord): string {
  const { testId, seq, kind, payload, wallAt, elapsedMs, prevHash } = record;
  return writeCanonical({ testId, seq, kind, payload, wallAt, elapsedMs, prevHash }, () => ({
    // RFC 8785 order (UTF-16 code units): elapsedMs, kind, payload, prevHash, seq, testId, wallAt.
    elapsedMs: plainNumber(elapsedMs),
    kind: plainString(kind),
    payload: sortedCopy(payload, 1),
    prevHash: plainString(prevHash),
    seq: plainNumber(seq),
    testId: plainString(testId),
    wallAt: plainNumber(wallAt),
  }));
}
