// The record schema is one discriminated union with the envelope merged into each kind (cheaper to
// parse); it must accept and reject exactly what the intersection of envelope and body did, and give
// the same data: checked on valid records of every kind and on generated alterations of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { oddValue } from '../hashing/odd-json.ts';
import { verifyChain } from './chain.ts';
import { chainOf } from './chain-fixtures.ts';
import {
  JournalRecordSchema,
  MAX_EXAM_TIME_MS,
  MAX_TIME_ADDED_MS,
  MAX_WALL_CLOCK_MS,
  RecordBodySchema,
  RecordEnvelopeSchema,
  type JournalRecord,
} from './journal-record.ts';
import { altered, everyKind, recordPaths, replacement } from './record-alterations.ts';

/** The schema as it was: envelope and body parsed separately, results merged. */
const IntersectionSchema = z.intersection(RecordEnvelopeSchema, RecordBodySchema);

const valid = chainOf('test-1', everyKind);

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

  it('takes a withdrawn alert: its alert and question named, nothing else, hashed into the chain', () => {
    const withdrawal = { kind: 'alertWithdrawn', payload: { alertId: 'al-1', challengeId: 'rec3' } } as const;
    expect(RecordBodySchema.safeParse(withdrawal).success).toBe(true);
    for (const payload of [{ alertId: 'al-1' }, { ...withdrawal.payload, decision: 'dismissed' }, {}])
      expect(RecordBodySchema.safeParse({ kind: 'alertWithdrawn', payload }).success).toBe(false);
    const chain = chainOf('test-1', [{ kind: 'alertRaised', payload: withdrawal.payload }, withdrawal]);
    expect(verifyChain('test-1', chain).ok).toBe(true);
    const altered = chain.map((r) =>
      r.kind === 'alertWithdrawn' ? { ...r, payload: { ...r.payload, alertId: 'al-2' } } : r,
    );
    expect(verifyChain('test-1', altered).ok).toBe(false);
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
        fc.array(fc.tuple(fc.constantFrom(...recordPaths), replacement), { minLength: 1, maxLength: 3 }),
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

describe('the bounds of a record’s instants and durations', () => {
  const HOUR = 3600_000;
  const ok = (record: unknown) => JournalRecordSchema.safeParse(record).success;
  const byKind = (kind: JournalRecord['kind']) => {
    const record = valid.find((r) => r.kind === kind);
    if (!record) throw new Error(`no ${kind} record`);
    return record;
  };
  const withPayload = (kind: JournalRecord['kind'], change: Record<string, number>) => {
    const record = byKind(kind);
    return { ...record, payload: { ...record.payload, ...change } };
  };

  it('refuses times no clock gives, which the server could not write as dates (8.64e15 and up)', () => {
    const started = byKind('started');
    for (const wallAt of [9e15, 8.64e15 + 1, MAX_WALL_CLOCK_MS, -1])
      expect(ok({ ...started, wallAt })).toBe(false);
    for (const elapsedMs of [9e15, MAX_EXAM_TIME_MS + 1]) expect(ok({ ...started, elapsedMs })).toBe(false);
    expect(ok(withPayload('resumed', { downtimeMs: 9e15 }))).toBe(false);
    expect(ok(withPayload('resumed', { downtimeMs: MAX_WALL_CLOCK_MS }))).toBe(false);
    expect(ok(withPayload('timeAdded', { addedMs: 9e15 }))).toBe(false);
    expect(ok(withPayload('timeAdded', { addedMs: MAX_TIME_ADDED_MS + 1 }))).toBe(false);
    expect(ok(withPayload('answered', { timeSpentMs: 9e15 }))).toBe(false);
    expect(ok(withPayload('skipped', { timeSpentMs: 9e15 }))).toBe(false);
    expect(ok(withPayload('packageStored', { allowedMs: 9e15 }))).toBe(false);
  });

  it('takes whatever a station writes, its clock wrong by years or its test lengthened many times', () => {
    const started = byKind('started');
    // A wall clock reset to the epoch, or far ahead; the last instant before the bound.
    for (const wallAt of [0, Date.UTC(2001, 0, 1), Date.UTC(2099, 11, 31), MAX_WALL_CLOCK_MS - 1])
      expect(ok({ ...started, wallAt })).toBe(true);
    // 5 h 15 (200 % extra time) and six additions of 4 h: consumed to the last millisecond.
    expect(ok({ ...started, elapsedMs: 315 * 60_000 + 6 * 4 * HOUR })).toBe(true);
    expect(ok(withPayload('answered', { timeSpentMs: 315 * 60_000 + 6 * 4 * HOUR }))).toBe(true);
    // Downtime is two wall-clock readings apart: a clock set right during an outage makes it years.
    expect(ok(withPayload('resumed', { downtimeMs: Date.now() - Date.UTC(2000, 0, 1) }))).toBe(true);
    expect(ok(withPayload('resumed', { downtimeMs: MAX_WALL_CLOCK_MS - 1 }))).toBe(true);
    // The most an addTime command adds (StationCommandSchema).
    expect(ok(withPayload('timeAdded', { addedMs: 4 * HOUR }))).toBe(true);
  });
});
