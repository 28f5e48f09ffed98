// The record schema is one discriminated union with the envelope merged into each kind (cheaper to
// parse); it must accept and reject exactly what the intersection of envelope and body did, and give
// the same data: checked on valid records of every kind and on generated alterations of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { oddValue } from '../hashing/odd-json.ts';
import { chainOf, PACKAGE_HASH } from './chain-fixtures.ts';
import {
  JournalRecordSchema,
  RecordBodySchema,
  RecordEnvelopeSchema,
  type RecordBody,
} from './journal-record.ts';

/** The schema as it was: envelope and body parsed separately, results merged. */
const IntersectionSchema = z.intersection(RecordEnvelopeSchema, RecordBodySchema);

/** One valid body of every kind. */
const everyKind: RecordBody[] = [
  { kind: 'testOpened', payload: { sessionId: 's1', candidateId: 'c1', stationId: 'st-1' } },
  {
    kind: 'packageStored',
    payload: { packageId: 'pkg-1', packageHash: PACKAGE_HASH, challengeCount: 2, allowedMs: 6_300_000 },
  },
  { kind: 'started', payload: { authorization: 'cmd-1' } },
  { kind: 'resumed', payload: { authorization: 'cmd-2', downtimeMs: 0 } },
  {
    kind: 'answered',
    payload: {
      challengeId: 'rec1',
      value: { type: 'fields', fields: { reponse: 'Paris', autre: '' } },
      timeSpentMs: 900,
      timedOut: false,
      focusedOut: true,
    },
  },
  {
    kind: 'answered',
    payload: {
      challengeId: 'rec2',
      value: { type: 'choices', choices: ['1', '3'] },
      timeSpentMs: 0,
      timedOut: true,
      focusedOut: false,
    },
  },
  { kind: 'skipped', payload: { challengeId: 'rec3', timeSpentMs: 300 } },
  { kind: 'focusLost', payload: { challengeId: 'rec3' } },
  { kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: 'rec3' } },
  {
    kind: 'alertDecided',
    payload: { alertId: 'al-1', challengeId: 'rec3', decision: 'validated', reasonCode: 'E3' },
  },
  { kind: 'paused', payload: { cause: 'invigilator', reason: 'malaise' } },
  { kind: 'unpaused', payload: { authorization: null } },
  { kind: 'timeAdded', payload: { addedMs: 60_000, authorization: 'cmd-3' } },
  { kind: 'navigation', payload: { url: 'https://exemple.pix-demo.test/', allowed: false, rule: null } },
  { kind: 'lockdown', payload: { event: 'focusLost', detail: '' } },
  { kind: 'ended', payload: { reason: 'timeUp', authorization: 'cmd-4' } },
];
const valid = chainOf('test-1', everyKind);

/** A path into a record: the envelope's fields, the payload's, the answer's. */
const paths: (readonly string[])[] = [
  ['testId'],
  ['seq'],
  ['wallAt'],
  ['elapsedMs'],
  ['prevHash'],
  ['hash'],
  ['kind'],
  ['payload'],
  ['extra'],
  ...[
    'sessionId',
    'packageHash',
    'challengeCount',
    'authorization',
    'downtimeMs',
    'challengeId',
    'value',
    'timeSpentMs',
    'timedOut',
    'decision',
    'reasonCode',
    'cause',
    'reason',
    'url',
    'allowed',
    'rule',
    'event',
    'extra',
  ].map((key) => ['payload', key]),
  ['payload', 'value', 'type'],
  ['payload', 'value', 'choices'],
  ['payload', 'value', 'fields'],
  ['payload', 'value', 'fields', 'reponse'],
  ['payload', 'value', 'extra'],
];

/** A copy of `record` with the value at `path` replaced (or removed when `value` is undefined). */
function altered(record: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const base: Record<string, unknown> =
    typeof record === 'object' && record !== null && !Array.isArray(record)
      ? { ...(record as Record<string, unknown>) }
      : {};
  const next = altered(base[head], rest, value);
  if (next === undefined) delete base[head];
  else base[head] = next;
  return base;
}

const replacement = fc.oneof(
  oddValue,
  fc.constantFrom(
    ...RecordBodySchema.options.map((o) => o.shape.kind.value),
    'E3',
    'invigilator',
    'finished',
    'dismissed',
    'focusLost',
    '',
    'x'.repeat(65),
    'a'.repeat(64),
    -1,
    0,
    1.5,
    null,
  ),
);

function verdict(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false };
}

describe('JournalRecordSchema', () => {
  it('accepts a valid record of every kind, with the same data as the intersection', () => {
    for (const record of valid) {
      expect(verdict(JournalRecordSchema, record)).toEqual({ ok: true, data: record });
      expect(verdict(JournalRecordSchema, record)).toEqual(verdict(IntersectionSchema, record));
    }
  });

  it('drops unknown fields beside the envelope and refuses unknown payload fields, as before', () => {
    const [first] = valid;
    expect(JournalRecordSchema.parse({ ...first, note: 1 })).toEqual(first);
    expect(JournalRecordSchema.safeParse({ ...first, payload: { ...first?.payload, note: 1 } }).success).toBe(
      false,
    );
  });

  it('accepts and refuses what the intersection accepts and refuses, for any alteration', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(fc.tuple(fc.constantFrom(...paths), replacement), { minLength: 1, maxLength: 3 }),
        (record, changes) => {
          const input = changes.reduce<unknown>((r, [path, value]) => altered(r, path, value), record);
          expect(verdict(JournalRecordSchema, input)).toEqual(verdict(IntersectionSchema, input));
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('accepts and refuses what the intersection does for anything at all', () => {
    fc.assert(
      fc.property(oddValue, (input) => {
        expect(verdict(JournalRecordSchema, input)).toEqual(verdict(IntersectionSchema, input));
      }),
      { numRuns: 500 },
    );
  });
});
