// A record's hashed text, written for the record's shape, must be byte for byte the RFC 8785 text of
// its fields as the reference implementation writes it (and fail where it fails): checked on generated
// records of every kind, with odd strings and numbers in the envelope, the payload and the answer.
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { describe, expect, it, vi } from 'vitest';
import { oddKey, oddNumber, oddString, oddValue, outcome, referenceJson } from '../hashing/odd-json.ts';
import type { UnhashedRecord } from './chain.ts';
import { chainOf, sampleBodies } from './chain-fixtures.ts';
import { RecordBodySchema } from './journal-record.ts';
import { recordCanonicalJson } from './record-canonical-json.ts';

vi.mock('canonicalize', async (importOriginal) => {
  const original = await importOriginal<{ default: (value: unknown) => string | undefined }>();
  return { default: vi.fn(original.default) };
});
const referenceCalls = vi.mocked(canonicalize);

const KINDS = RecordBodySchema.options.map((o) => o.shape.kind.value);

const text = fc.oneof(fc.string({ maxLength: 20 }), oddString);
const count = fc.oneof(fc.nat(), oddNumber);
const nullableText = fc.option(text, { nil: null });

const answerValue = fc.oneof(
  fc.record({ type: fc.constant('choice'), choice: text }),
  fc.record({ type: fc.constant('choices'), choices: fc.array(text, { maxLength: 5 }) }),
  fc.record({ type: fc.constant('fields'), fields: fc.dictionary(oddKey, text, { maxKeys: 5 }) }),
);

/** Payloads shaped as each kind's (with odd content), or anything at all. */
const payload = fc.oneof(
  fc.record({ sessionId: text, candidateId: text, stationId: text }),
  fc.record({ packageId: text, packageHash: text, challengeCount: count, allowedMs: count }),
  fc.record({ authorization: text, downtimeMs: count }),
  fc.record({
    challengeId: text,
    value: answerValue,
    timeSpentMs: count,
    timedOut: fc.boolean(),
    focusedOut: fc.boolean(),
  }),
  fc.record({ challengeId: text, timeSpentMs: count }),
  fc.record({
    alertId: text,
    challengeId: text,
    decision: fc.constantFrom('dismissed', 'validated'),
    reasonCode: nullableText,
  }),
  fc.record({ cause: text, reason: text }),
  fc.record({ url: text, allowed: fc.boolean(), rule: nullableText }),
  fc.record({ reason: text, authorization: nullableText }),
  oddValue,
);

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

/** Records as they come out of a parsed bundle, sometimes with wrong types where the schema was skipped. */
const record = fc.record({
  testId: fc.oneof(text, oddValue),
  seq: fc.oneof(count, oddValue),
  kind: fc.oneof(fc.constantFrom(...KINDS), text),
  payload,
  wallAt: fc.oneof(count, oddValue),
  elapsedMs: count,
  prevHash: fc.oneof(hex64, text),
}) as fc.Arbitrary<UnhashedRecord>;

function reference(r: UnhashedRecord): string {
  const { testId, seq, kind, payload: body, wallAt, elapsedMs, prevHash } = r;
  return referenceJson({ testId, seq, kind, payload: body, wallAt, elapsedMs, prevHash });
}

describe('recordCanonicalJson', () => {
  it('writes what the reference implementation writes for the record’s fields, or fails as it does', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(outcome(() => recordCanonicalJson(r))).toEqual(outcome(() => reference(r)));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves out what is not hashed (the record’s own hash, extra fields)', () => {
    const [first] = chainOf('test-1');
    if (!first) throw new Error('no record');
    const { hash: _hash, ...unhashed } = first;
    const withExtra = { ...first, note: 'not hashed' };
    expect(recordCanonicalJson(withExtra)).toBe(recordCanonicalJson(unhashed));
    expect(recordCanonicalJson(first)).toBe(reference(unhashed));
  });

  it('writes real records itself, without the reference implementation', () => {
    const records = chainOf('test-1', sampleBodies);
    referenceCalls.mockClear();
    const texts = records.map((r) => recordCanonicalJson(r));
    expect(referenceCalls).not.toHaveBeenCalled();
    expect(texts).toEqual(records.map((r) => reference(r)));
  });
});
