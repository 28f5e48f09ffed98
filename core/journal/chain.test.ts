import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordHash, verifyChain } from './chain.ts';
import { chainOf } from './chain-fixtures.ts';
import { GENESIS_HASH, JournalRecordSchema, type JournalRecord } from './journal-record.ts';

describe('the journal chain', () => {
  const chain = chainOf('test-1');

  it('verifies, and its head is the last record’s hash', () => {
    expect(verifyChain('test-1', chain)).toEqual({ ok: true, head: chain.at(-1)?.hash });
  });

  it('an empty chain verifies, its head the genesis hash', () => {
    expect(verifyChain('test-1', [])).toEqual({ ok: true, head: GENESIS_HASH });
  });

  it('every record is valid for the schema', () => {
    for (const record of chain) expect(JournalRecordSchema.safeParse(record).success).toBe(true);
  });

  it('each hash covers the content and the previous hash', () => {
    const [first] = chain;
    if (!first) throw new Error('no record');
    const { hash: _hash, ...unhashed } = first;
    expect(recordHash(unhashed)).toBe(first.hash);
    expect(recordHash({ ...unhashed, wallAt: unhashed.wallAt + 1 })).not.toBe(first.hash);
    expect(recordHash({ ...unhashed, elapsedMs: 1 })).not.toBe(first.hash);
    expect(recordHash({ ...unhashed, prevHash: '1'.repeat(64) })).not.toBe(first.hash);
  });

  const edit = (i: number, change: (r: JournalRecord) => JournalRecord) =>
    chain.map((r, j) => (j === i ? change(r) : r));
  it.each<[string, JournalRecord[], number, RegExp]>([
    [
      'an edited answer',
      edit(
        3,
        (r) =>
          ({
            ...r,
            payload: { ...(r.payload as object), value: { type: 'choice', choice: '2' } },
          }) as JournalRecord,
      ),
      4,
      /altered/,
    ],
    ['an edited time', edit(3, (r) => ({ ...r, elapsedMs: 1 })), 4, /altered/],
    ['an edited kind', edit(4, (r) => ({ ...r, kind: 'answered' }) as JournalRecord), 5, /altered/],
    [
      'an edited hash (the next record no longer follows)',
      edit(1, (r) => ({ ...r, hash: 'a'.repeat(64) })),
      2,
      /altered/,
    ],
    ['a removed record', chain.filter((_, i) => i !== 2), 3, /sequence number 4/],
    [
      'two records swapped',
      [chain[0], chain[2], chain[1], ...chain.slice(3)] as JournalRecord[],
      2,
      /sequence number 3/,
    ],
    ['a record of another test', edit(1, (r) => ({ ...r, testId: 'test-2' })), 2, /another test/],
    [
      'a record rehashed after an edit (its successor breaks)',
      edit(2, (r) => {
        const { hash: _h, ...rest } = { ...r, elapsedMs: 99 };
        return { ...rest, hash: recordHash(rest) } as JournalRecord;
      }),
      4,
      /does not follow record 3/,
    ],
  ])('finds %s', (_case, records, seq, problem) => {
    const check = verifyChain('test-1', records);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.seq).toBe(seq);
      expect(check.problem).toMatch(problem);
    }
  });

  it('a chain that does not start at the genesis hash is refused', () => {
    const check = verifyChain('test-1', chain.slice(1));
    expect(check.ok).toBe(false);
  });

  it('a native SHA-256 passed in gives the same hashes and verdicts', () => {
    let calls = 0;
    const native = (text: string) => {
      calls += 1;
      return createHash('sha256').update(text, 'utf8').digest('hex');
    };
    const [first] = chain;
    if (!first) throw new Error('no record');
    const { hash: _hash, ...unhashed } = first;
    expect(recordHash(unhashed, native)).toBe(first.hash);
    expect(verifyChain('test-1', chain, { sha256: native })).toEqual({ ok: true, head: chain.at(-1)?.hash });
    expect(calls).toBe(1 + chain.length);
    const altered = edit(3, (r) => ({ ...r, elapsedMs: 1 }));
    expect(verifyChain('test-1', altered, { sha256: native })).toEqual(verifyChain('test-1', altered));
  });

  it('a record holding text that is not valid Unicode cannot be hashed: refused, not thrown', () => {
    const lone = edit(
      4,
      (r) => ({ ...r, payload: { challengeId: 'rec2\ud800', timeSpentMs: 300 } }) as JournalRecord,
    );
    expect(verifyChain('test-1', lone)).toEqual({ ok: false, seq: 5, problem: 'record 5 cannot be hashed' });
  });
});
