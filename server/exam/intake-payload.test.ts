// The compiled payload check must never accept what core's zod schema refuses, nor accept it with other
// data: on valid payloads and on generated alterations of every field, whatever it accepts, zod accepts
// unchanged. The parser built on it must give zod's verdict, data and issues in every case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePayload } from '../../core/bundle/payload-fixtures.ts';
import { ResultBundlePayloadSchema } from '../../core/bundle/result-bundle.ts';
import { oddValue } from '../../core/hashing/odd-json.ts';
import { chainOf } from '../../core/journal/chain-fixtures.ts';
import { altered, everyKind, recordPaths, replacement } from '../../core/journal/record-alterations.ts';
import { compiledPayloadCheck, compiledPayloadParser, tightenedSchema } from './intake-payload.ts';

const records = chainOf('test-1', everyKind);
const payload = samplePayload({
  records,
  endReason: 'timeUp',
  clock: { allowedMs: 6_300_000, elapsedMs: 6_300_000, downtimeMs: 0, addedMs: 60_000 },
  sealedAt: '2026-11-23T05:00:00.000+01:00',
});

const topPaths: (readonly string[])[] = [
  ...Object.keys(payload).map((key) => [key]),
  ...Object.keys(payload.clock).map((key) => ['clock', key]),
  ['clock', 'extra'],
  ['extra'],
];

const zodVerdict = (input: unknown) => {
  const result = ResultBundlePayloadSchema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error.issues };
};
const parserVerdict = (input: unknown) => {
  const result = compiledPayloadParser(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error.issues };
};

/** The payload with a change in one of its records or in its own fields. */
const alteredPayload = fc.oneof(
  fc
    .tuple(
      fc.nat({ max: records.length - 1 }),
      fc.array(fc.tuple(fc.constantFrom(...recordPaths), replacement), { minLength: 1, maxLength: 3 }),
    )
    .map(([index, changes]) => ({
      ...payload,
      records: payload.records.map((record, i) =>
        i === index ? changes.reduce<unknown>((r, [path, value]) => altered(r, path, value), record) : record,
      ),
    })),
  fc
    .array(fc.tuple(fc.constantFrom(...topPaths), fc.oneof(replacement, oddValue)), {
      minLength: 1,
      maxLength: 2,
    })
    .map((changes) => changes.reduce<unknown>((p, [path, value]) => altered(p, path, value), payload)),
);

describe('compiled bundle payload check', () => {
  it('accepts a valid payload with a record of every kind by itself, without zod', () => {
    expect(compiledPayloadCheck(payload)).toBe(true);
    expect(parserVerdict(payload)).toEqual({ ok: true, data: payload });
  });

  it('accepts only what zod accepts unchanged, and the parser always answers as zod does', () => {
    let acceptedCompiled = 0;
    fc.assert(
      fc.property(alteredPayload, (input) => {
        if (compiledPayloadCheck(input)) {
          acceptedCompiled += 1;
          expect(zodVerdict(input)).toEqual({ ok: true, data: input });
        }
        expect(parserVerdict(input)).toEqual(zodVerdict(input));
      }),
      { numRuns: 3000 },
    );
    // Some alterations keep the payload valid (an id for an id): the first property is not vacuous.
    expect(acceptedCompiled).toBeGreaterThan(50);
  });

  it('counts string lengths as zod does: a surrogate pair once, a lone surrogate once', () => {
    const cat = '\u{1f431}';
    const lengths = [
      cat.repeat(64), // 64 characters in 128 UTF-16 units: an id may have 64
      cat.repeat(65),
      `${'\ud800'.repeat(63)}${cat}`,
      '\ud800'.repeat(65),
      `${cat.repeat(63)}\udc00\ud800`,
    ];
    const verdicts = lengths.map((testId) => {
      const input = { ...payload, testId, records: records.map((r) => ({ ...r, testId })) };
      expect(parserVerdict(input)).toEqual(zodVerdict(input));
      return [compiledPayloadCheck(input), zodVerdict(input).ok];
    });
    expect(verdicts).toEqual([
      [true, true],
      [false, false],
      [true, true],
      [false, false],
      [false, false],
    ]);
  });

  it('checks a lockdown record’s facts, optional and bounded, as zod does', () => {
    const lockdowns = payload.records.filter((r) => r.kind === 'lockdown');
    // Older stations' records (no facts) and newer ones (facts) side by side.
    expect(lockdowns.some((r) => r.payload.facts === undefined)).toBe(true);
    expect(lockdowns.filter((r) => r.payload.facts !== undefined).length).toBeGreaterThanOrEqual(3);
    const withFacts = (facts: unknown) => ({
      ...payload,
      records: payload.records.map((r) =>
        r.kind === 'lockdown' && r.payload.facts?.type === 'program'
          ? { ...r, payload: { ...r.payload, facts } }
          : r,
      ),
    });
    const program = { type: 'program', name: 'AnyDesk', category: 'remoteControl', executables: ['a.exe'] };
    const verdicts = [
      program,
      { ...program, name: 'x'.repeat(81) },
      { ...program, executables: ['x'.repeat(101)] },
      { ...program, executables: ['a', 'b', 'c', 'd'] },
      { ...program, category: 'game' },
      { ...program, extra: 1 },
      {
        type: 'crash',
        process: 'screen',
        reason: 'x',
        exitCode: 2 ** 32,
        crashes: 1,
        windowMs: 1,
        restarted: true,
      },
      { type: 'away', awayMs: 9e15 },
      { type: 'away', awayMs: 1.5 },
      null,
    ].map((facts) => {
      const input = withFacts(facts);
      expect(parserVerdict(input)).toEqual(zodVerdict(input));
      return [compiledPayloadCheck(input), zodVerdict(input).ok];
    });
    expect(verdicts).toEqual([[true, true], ...Array.from({ length: 9 }, () => [false, false])]);
  });

  it('leaves a record with an unknown envelope field to zod, which drops the field', () => {
    const extra = { ...payload, records: records.map((r, i) => (i === 0 ? { ...r, note: 'x' } : r)) };
    expect(compiledPayloadCheck(extra)).toBe(false);
    expect(parserVerdict(extra)).toEqual({ ok: true, data: payload });
  });

  it('refuses to build a check looser than the schema: a format without its pattern', () => {
    expect(() => tightenedSchema({ type: 'string', format: 'date-time' })).toThrow(/no pattern/);
    expect(tightenedSchema({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: false,
    });
  });
});
