import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { recordHash } from '../../../core/journal/chain.ts';
import { GENESIS_HASH, type RecordBody } from '../../../core/journal/journal-record.ts';
import { canonicalHash, sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import { AnswerJournal } from './answer-journal.ts';
import {
  answered,
  opened,
  packageOf,
  skipped,
  removeTempJournals,
  tempJournalFile,
  testInfo,
  testWithPackage,
} from './journal-fixtures.ts';

const at = (elapsedMs = 0) => ({ wallAt: 1_700_000_000_000 + elapsedMs, elapsedMs });
const DAY = 24 * 3600_000;

const open: AnswerJournal[] = [];
function journalAt(file = tempJournalFile()): AnswerJournal {
  const journal = AnswerJournal.open({ file });
  open.push(journal);
  return journal;
}
afterEach(() => {
  for (const journal of open.splice(0)) journal.close();
});

/** Counts rows with a separate connection, as an investigator would. */
function count(file: string, sql: string, ...params: unknown[]): number {
  const db = new Database(file, { readonly: true });
  try {
    return Number(
      db
        .prepare(sql)
        .pluck()
        .get(...params),
    );
  } finally {
    db.close();
  }
}

/** A test with a package of 4, `answers` answers, a draft, a clock checkpoint and a stored bundle. */
function sealed(journal: AnswerJournal, testId: string, createdAt?: number, answers = 0): void {
  testWithPackage(journal, testId, 4, createdAt);
  journal.append(testId, opened, at());
  for (let i = 1; i <= answers; i++) journal.append(testId, answered(`rec${i}`), at(i));
  journal.saveDraft(testId, 'rec4', { type: 'choice', choice: '2' }, 1);
  journal.checkpointClock(testId, { elapsedMs: 5, wallAt: 5 });
  const bundle = `bundle-of-${testId}`;
  journal.storeBundle(testId, bundle, sha256Hex(bundle));
}

afterAll(removeTempJournals);

describe('tests', () => {
  it('stores a test and reads it back with nothing else set yet', () => {
    const journal = journalAt();
    journal.createTest(testInfo('t1'));
    expect(journal.test('t1')).toEqual({
      ...testInfo('t1'),
      packageHash: null,
      bundle: null,
      bundleHash: null,
      acknowledgedAt: null,
      purgeAfter: null,
    });
    expect(journal.test('nope')).toBeNull();
  });

  it('accepts a whole TestRow (the runtime passes one) and keeps only the test info', () => {
    const journal = journalAt();
    journal.createTest({ ...testInfo('t1'), packageHash: 'x', bundle: 'y' } as ReturnType<typeof testInfo>);
    expect(journal.test('t1')?.packageHash).toBeNull();
    expect(journal.test('t1')?.bundle).toBeNull();
  });

  it('refuses a second test with the same id', () => {
    const journal = journalAt();
    journal.createTest(testInfo('t1'));
    expect(() => journal.createTest(testInfo('t1'))).toThrow(
      expect.objectContaining({ code: 'TEST_ALREADY_EXISTS' }),
    );
  });

  it.each([
    ['an empty testId', { testId: '' }, 'test.testId'],
    ['a negative createdAt', { createdAt: -1 }, 'test.createdAt'],
    ['a candidate that is not candidateId', { candidateId: 'someone-else' }, 'test.candidate.id'],
    ['a session that is not sessionId', { sessionId: 'other-session' }, 'test.session.id'],
    [
      'a candidate without a birthdate',
      { candidate: { ...testInfo('t').candidate, birthdate: 'yesterday' } },
      'test.candidate.birthdate',
    ],
  ])('rejects test info with %s, naming the field', (_name, change, field) => {
    const journal = journalAt();
    const info = { ...testInfo('t1'), ...change };
    expect(() => journal.createTest(info)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => journal.createTest(info)).toThrow(field);
    expect(journal.unfinishedTest()).toBeNull();
  });

  it('unfinishedTest is the most recent test without a stored bundle', () => {
    const journal = journalAt();
    expect(journal.unfinishedTest()).toBeNull();
    journal.createTest(testInfo('old', 1000));
    journal.createTest(testInfo('new', 2000));
    expect(journal.unfinishedTest()?.testId).toBe('new');
    testWithPackage(journal, 'sealed-later', 4, 3000);
    journal.storeBundle('sealed-later', 'b', sha256Hex('b'));
    expect(journal.unfinishedTest()?.testId).toBe('new');
    journal.storeBundle('new', 'b', sha256Hex('b'));
    expect(journal.unfinishedTest()?.testId).toBe('old');
  });

  it('discards a test that never started, with everything it holds', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    testWithPackage(journal, 't1');
    journal.append('t1', opened, at());
    journal.discardTest('t1');
    expect(journal.test('t1')).toBeNull();
    expect(count(file, 'SELECT count(*) FROM records')).toBe(0);
    expect(count(file, 'SELECT count(*) FROM outbox')).toBe(0);
    expect(count(file, 'SELECT count(*) FROM challenges')).toBe(0);
  });

  it.each([
    [
      'a started test',
      (j: AnswerJournal) => j.append('t1', { kind: 'started', payload: { authorization: 'a1' } }, at()),
    ],
    ['a sealed test', (j: AnswerJournal) => j.storeBundle('t1', 'b', sha256Hex('b'))],
  ])('never discards %s', (_name, step) => {
    const journal = journalAt();
    testWithPackage(journal, 't1');
    step(journal);
    expect(() => journal.discardTest('t1')).toThrow(
      expect.objectContaining({ code: 'TEST_NOT_DISCARDABLE' }),
    );
    expect(journal.test('t1')).not.toBeNull();
  });
});

describe('package', () => {
  it('stores the package when its canonical hash matches and gives it back', () => {
    const journal = journalAt();
    journal.createTest(testInfo('t1'));
    expect(journal.package('t1')).toBeNull();
    const pkg = packageOf(48);
    journal.storePackage('t1', pkg, canonicalHash(pkg));
    expect(journal.package('t1')).toEqual(pkg);
    expect(journal.test('t1')?.packageHash).toBe(canonicalHash(pkg));
  });

  it('stores nothing when the hash does not match', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    journal.createTest(testInfo('t1'));
    const pkg = packageOf(48);
    expect(() => journal.storePackage('t1', pkg, canonicalHash(packageOf(47)))).toThrow(
      expect.objectContaining({ code: 'PACKAGE_HASH_MISMATCH' }),
    );
    expect(journal.package('t1')).toBeNull();
    expect(journal.test('t1')?.packageHash).toBeNull();
    expect(count(file, 'SELECT count(*) FROM challenges')).toBe(0);
  });

  it('storing the same package again changes nothing; a different one is refused', () => {
    const journal = journalAt();
    const pkg = testWithPackage(journal, 't1', 48);
    journal.storePackage('t1', pkg, canonicalHash(pkg));
    const other = packageOf(47);
    expect(() => journal.storePackage('t1', other, canonicalHash(other))).toThrow(
      expect.objectContaining({ code: 'PACKAGE_ALREADY_STORED' }),
    );
    expect(journal.package('t1')).toEqual(pkg);
  });

  it.each([
    ['another candidate', { candidate: { ...packageOf(1).candidate, id: 'cand-2' } }],
    ['another session', { session: { ...packageOf(1).session, id: 'session-2' } }],
  ])('refuses a package for %s', (_name, change) => {
    const journal = journalAt();
    journal.createTest(testInfo('t1'));
    const pkg = { ...packageOf(4), ...change };
    expect(() => journal.storePackage('t1', pkg, canonicalHash(pkg))).toThrow(
      expect.objectContaining({ code: 'PACKAGE_NOT_FOR_TEST' }),
    );
    expect(journal.package('t1')).toBeNull();
  });

  it('refuses an invalid package, naming the field', () => {
    const journal = journalAt();
    journal.createTest(testInfo('t1'));
    const pkg = { ...packageOf(2), challenges: [] };
    expect(() => journal.storePackage('t1', pkg, canonicalHash(pkg))).toThrow('package.challenges');
  });

  it('refuses a package for an unknown test', () => {
    const journal = journalAt();
    const pkg = packageOf(2);
    expect(() => journal.storePackage('nope', pkg, canonicalHash(pkg))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEST' }),
    );
  });

  it('detects a stored package altered on disk', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    testWithPackage(journal, 't1', 4);
    const raw = new Database(file);
    raw.prepare("UPDATE tests SET package = replace(package, 'Question rec1', 'Question recX')").run();
    raw.close();
    expect(() => journal.package('t1')).toThrow(expect.objectContaining({ code: 'JOURNAL_CORRUPTED' }));
  });
});

describe('append', () => {
  it('chains records: seq from 1, prevHash from genesis, hash over the content', () => {
    const journal = journalAt();
    testWithPackage(journal, 't1');
    const first = journal.append('t1', opened, at(0));
    const second = journal.append('t1', answered('rec1'), at(5000));
    expect(first).toMatchObject({ testId: 't1', seq: 1, prevHash: GENESIS_HASH, kind: 'testOpened' });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, elapsedMs: 5000 });
    const { hash: _hash, ...unhashed } = second;
    expect(second.hash).toBe(recordHash(unhashed));
    expect(journal.records('t1')).toEqual([first, second]);
    expect(journal.lastRecord('t1')).toEqual(second);
    expect(journal.verify('t1')).toEqual({ ok: true, head: second.hash });
  });

  it('keeps each test its own chain', () => {
    const journal = journalAt();
    testWithPackage(journal, 'a');
    testWithPackage(journal, 'b');
    journal.append('a', opened, at());
    journal.append('b', opened, at());
    journal.append('a', answered('rec1'), at(1));
    expect(journal.records('a').map((r) => r.seq)).toEqual([1, 2]);
    expect(journal.records('b').map((r) => r.seq)).toEqual([1]);
    expect(journal.lastRecord('b')?.prevHash).toBe(GENESIS_HASH);
  });

  it('writes an outbox row with each record', () => {
    const journal = journalAt();
    testWithPackage(journal, 't1');
    journal.append('t1', opened, at());
    const record = journal.append('t1', answered('rec1'), at(1));
    expect(journal.pendingOutbox(10)).toEqual([
      expect.objectContaining({ testId: 't1', seq: 1 }),
      { id: expect.any(Number), testId: 't1', seq: 2, record },
    ]);
  });

  it('refuses a second answer to the same challenge; nothing is written', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    testWithPackage(journal, 't1');
    journal.append('t1', answered('rec1', '1'), at());
    expect(() => journal.append('t1', answered('rec1', '2'), at(1))).toThrow(
      expect.objectContaining({ code: 'ALREADY_ANSWERED' }),
    );
    expect(() => journal.append('t1', skipped('rec1'), at(1))).toThrow(
      expect.objectContaining({ code: 'ALREADY_ANSWERED' }),
    );
    expect(journal.records('t1')).toHaveLength(1);
    expect(count(file, 'SELECT count(*) FROM outbox')).toBe(1);
    expect(journal.verify('t1').ok).toBe(true);
  });

  it('a skipped challenge cannot be answered afterwards', () => {
    const journal = journalAt();
    testWithPackage(journal, 't1');
    journal.append('t1', skipped('rec2'), at());
    expect(() => journal.append('t1', answered('rec2'), at(1))).toThrow(
      expect.objectContaining({ code: 'ALREADY_ANSWERED' }),
    );
  });

  it('relies on a unique index on answers (not only on a prior read)', () => {
    const file = tempJournalFile();
    journalAt(file);
    const db = new Database(file, { readonly: true });
    const indexes = db.prepare('SELECT name, "unique" AS isUnique FROM pragma_index_list(\'answers\')').all();
    const columns = db
      .prepare("SELECT name FROM pragma_index_info('answers_one_per_challenge')")
      .pluck()
      .all();
    db.close();
    expect(indexes).toContainEqual({ name: 'answers_one_per_challenge', isUnique: 1 });
    expect(columns).toEqual(['test_id', 'challenge_id']);
  });

  it.each([
    ['a challenge not in the package', (j: AnswerJournal) => testWithPackage(j, 't1', 4), answered('rec5')],
    [
      'an answer before the package is stored',
      (j: AnswerJournal) => j.createTest(testInfo('t1')),
      answered('rec1'),
    ],
    [
      'a skip of a challenge not in the package',
      (j: AnswerJournal) => testWithPackage(j, 't1', 4),
      skipped('zzz'),
    ],
  ])('refuses %s; nothing is written', (_name, setup, body) => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    setup(journal);
    expect(() => journal.append('t1', body, at())).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CHALLENGE' }),
    );
    expect(journal.records('t1')).toEqual([]);
    expect(count(file, 'SELECT count(*) FROM outbox')).toBe(0);
  });

  it.each<[string, unknown, string]>([
    ['an unknown kind', { kind: 'cheated', payload: {} }, 'record.kind'],
    [
      'a negative time spent',
      { ...answered('rec1'), payload: { ...answered('rec1').payload, timeSpentMs: -1 } },
      'record.payload.timeSpentMs',
    ],
    ['a bad challenge id', skipped('rec 1'), 'record.payload.challengeId'],
    ['an extra field', { ...opened, payload: { ...opened.payload, note: 'x' } }, 'record.payload'],
  ])('refuses a record with %s, naming the field', (_name, body, field) => {
    const journal = journalAt();
    testWithPackage(journal, 't1');
    const append = () => journal.append('t1', body as RecordBody, at());
    expect(append).toThrow(expect.objectContaining({ code: 'INVALID_RECORD' }));
    expect(append).toThrow(field);
    expect(journal.records('t1')).toEqual([]);
  });

  it.each([
    ['a negative elapsed time', { wallAt: 1, elapsedMs: -5 }, 'record.elapsedMs'],
    ['a fractional wall time', { wallAt: 1.5, elapsedMs: 0 }, 'record.wallAt'],
  ])('refuses %s', (_name, time, field) => {
    const journal = journalAt();
    testWithPackage(journal, 't1');
    expect(() => journal.append('t1', opened, time)).toThrow(field);
    expect(journal.records('t1')).toEqual([]);
  });

  it('refuses a record for an unknown test', () => {
    const journal = journalAt();
    expect(() => journal.append('nope', opened, at())).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEST' }),
    );
  });

  it('refuses a record once the result is sealed', () => {
    const journal = journalAt();
    sealed(journal, 't1');
    expect(() => journal.append('t1', answered('rec1'), at())).toThrow(
      expect.objectContaining({ code: 'TEST_SEALED' }),
    );
    expect(journal.records('t1')).toHaveLength(1);
  });

  it('property: only the first answer or skip of each package challenge is journaled, and the chain holds', () => {
    const journal = journalAt();
    let n = 0;
    const attempt = fc.record({
      challenge: fc.integer({ min: 1, max: 10 }),
      skip: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 25 }), (attempts) => {
        const testId = `p${n++}`;
        testWithPackage(journal, testId, 8);
        const expected: string[] = [];
        for (const { challenge, skip } of attempts) {
          const id = `rec${challenge}`;
          const fresh = challenge <= 8 && !expected.includes(id);
          const body = skip ? skipped(id) : answered(id);
          if (fresh) {
            journal.append(testId, body, at(expected.length));
            expected.push(id);
          } else {
            expect(() => journal.append(testId, body, at())).toThrow(
              expect.objectContaining({ code: challenge <= 8 ? 'ALREADY_ANSWERED' : 'UNKNOWN_CHALLENGE' }),
            );
          }
        }
        const records = journal.records(testId);
        expect(
          records.map((r) => (r.kind === 'answered' || r.kind === 'skipped' ? r.payload.challengeId : '')),
        ).toEqual(expected);
        expect(journal.verify(testId).ok).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('verify', () => {
  function tampered(edit: (raw: InstanceType<typeof Database>) => void) {
    const file = tempJournalFile();
    const journal = journalAt(file);
    testWithPackage(journal, 't1');
    journal.append('t1', opened, at());
    for (let i = 1; i <= 5; i++) journal.append('t1', answered(`rec${i}`), at(i * 1000));
    const raw = new Database(file);
    raw.exec('DROP TRIGGER records_are_append_only');
    edit(raw);
    raw.close();
    return journal;
  }

  it('records cannot be edited through SQL while the trigger is in place', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    testWithPackage(journal, 't1');
    journal.append('t1', answered('rec1'), at());
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE records SET payload = '{}'").run()).toThrow('append-only');
    raw.close();
  });

  it.each([
    [
      'an edited answer',
      'UPDATE records SET payload = replace(payload, \'"choice":"1"\', \'"choice":"2"\') WHERE seq = 4',
      4,
    ],
    ['an edited time', 'UPDATE records SET elapsed_ms = 1 WHERE seq = 3', 3],
    ['a payload that is no longer JSON', "UPDATE records SET payload = '{' WHERE seq = 5", 5],
    ['a removed record', 'DELETE FROM records WHERE seq = 2', 2],
    [
      'a recomputed hash without relinking',
      "UPDATE records SET hash = '" + 'a'.repeat(64) + "' WHERE seq = 6",
      6,
    ],
  ])('reports %s at its seq', (_name, sql, seq) => {
    const journal = tampered((raw) => raw.exec(sql));
    expect(journal.verify('t1')).toMatchObject({ ok: false, seq });
  });

  it('records() refuses to hand out an unreadable record', () => {
    const journal = tampered((raw) => raw.exec("UPDATE records SET payload = 'garbage' WHERE seq = 2"));
    expect(() => journal.records('t1')).toThrow(expect.objectContaining({ code: 'JOURNAL_CORRUPTED' }));
  });

  it('an unknown test has no chain to verify', () => {
    const journal = journalAt();
    expect(() => journal.verify('nope')).toThrow(expect.objectContaining({ code: 'UNKNOWN_TEST' }));
    expect(() => journal.records('nope')).toThrow(expect.objectContaining({ code: 'UNKNOWN_TEST' }));
    expect(journal.lastRecord('nope')).toBeNull();
  });
});

describe('drafts and clock', () => {
  it('keeps the last draft per challenge, outside the chain and the outbox', () => {
    const journal = journalAt();
    testWithPackage(journal, 't1');
    expect(journal.draft('t1', 'rec1')).toBeNull();
    journal.saveDraft('t1', 'rec1', { type: 'fields', fields: { r1: 'Par' } }, 1);
    journal.saveDraft('t1', 'rec1', { type: 'fields', fields: { r1: 'Paris' } }, 2);
    journal.saveDraft('t1', 'rec2', { type: 'choices', choices: ['1', '3'] }, 3);
    expect(journal.draft('t1', 'rec1')).toEqual({ type: 'fields', fields: { r1: 'Paris' } });
    expect(journal.draft('t1', 'rec2')).toEqual({ type: 'choices', choices: ['1', '3'] });
    expect(journal.records('t1')).toEqual([]);
    expect(journal.pendingOutbox(10)).toEqual([]);
  });

  it.each([
    ['a challenge not in the package', 't1', 'rec99', 'UNKNOWN_CHALLENGE'],
    ['an unknown test', 'nope', 'rec1', 'UNKNOWN_TEST'],
  ])('refuses a draft for %s', (_name, testId, challengeId, code) => {
    const journal = journalAt();
    testWithPackage(journal, 't1', 4);
    expect(() => journal.saveDraft(testId, challengeId, { type: 'choice', choice: '1' }, 1)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('refuses an invalid draft value, naming the field', () => {
    const journal = journalAt();
    testWithPackage(journal, 't1', 4);
    const value = { type: 'choice', choice: '' } as const;
    expect(() => journal.saveDraft('t1', 'rec1', value, 1)).toThrow('value.choice');
  });

  it('keeps the last clock checkpoint', () => {
    const journal = journalAt();
    journal.createTest(testInfo('t1'));
    expect(journal.clockCheckpoint('t1')).toBeNull();
    journal.checkpointClock('t1', { elapsedMs: 1000, wallAt: 5000 });
    journal.checkpointClock('t1', { elapsedMs: 2000, wallAt: 6000 });
    expect(journal.clockCheckpoint('t1')).toEqual({ elapsedMs: 2000, wallAt: 6000 });
    expect(() => journal.checkpointClock('nope', { elapsedMs: 1, wallAt: 1 })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEST' }),
    );
    expect(() => journal.checkpointClock('t1', { elapsedMs: -1, wallAt: 1 })).toThrow('checkpoint.elapsedMs');
  });
});

describe('result bundle, acknowledgment and retention', () => {
  it('stores the bundle once; the same again is fine, a different one is refused', () => {
    const journal = journalAt();
    sealed(journal, 't1');
    expect(journal.test('t1')).toMatchObject({
      bundle: 'bundle-of-t1',
      bundleHash: sha256Hex('bundle-of-t1'),
    });
    journal.storeBundle('t1', 'bundle-of-t1', sha256Hex('bundle-of-t1'));
    expect(() => journal.storeBundle('t1', 'other', sha256Hex('other'))).toThrow(
      expect.objectContaining({ code: 'BUNDLE_ALREADY_STORED' }),
    );
    expect(() => journal.storeBundle('nope', 'b', sha256Hex('b'))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEST' }),
    );
    expect(() => journal.storeBundle('t1', 'b', 'not-a-hash')).toThrow('bundleHash');
  });

  it('pendingBundles lists stored results not yet acknowledged, oldest first', () => {
    const journal = journalAt();
    sealed(journal, 'b', 2000);
    sealed(journal, 'a', 1000);
    journal.createTest(testInfo('running', 3000));
    expect(journal.pendingBundles().map((t) => t.testId)).toEqual(['a', 'b']);
    journal.acknowledge('a', 5000, DAY);
    expect(journal.pendingBundles().map((t) => t.testId)).toEqual(['b']);
  });

  it('acknowledge sets acknowledgedAt and purgeAfter; a repeat keeps the first', () => {
    const journal = journalAt();
    sealed(journal, 't1');
    journal.acknowledge('t1', 10_000, 7 * DAY);
    journal.acknowledge('t1', 20_000, DAY);
    expect(journal.test('t1')).toMatchObject({ acknowledgedAt: 10_000, purgeAfter: 10_000 + 7 * DAY });
  });

  it('a result that is not stored cannot be acknowledged', () => {
    const journal = journalAt();
    journal.createTest(testInfo('t1'));
    expect(() => journal.acknowledge('t1', 1, DAY)).toThrow(
      expect.objectContaining({ code: 'RESULT_NOT_SEALED' }),
    );
    expect(() => journal.acknowledge('nope', 1, DAY)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEST' }),
    );
    expect(journal.test('t1')?.acknowledgedAt).toBeNull();
  });

  it('purge removes only acknowledged tests past their delay, with everything they hold', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    sealed(journal, 'expired', 1, 3);
    sealed(journal, 'kept-longer', 2, 3);
    sealed(journal, 'not-acknowledged', 3, 3);
    testWithPackage(journal, 'running', 4, 4);
    journal.append('running', answered('rec1'), at());
    journal.acknowledge('expired', 1000, DAY);
    journal.acknowledge('kept-longer', 1000, 2 * DAY);

    expect(journal.purgeExpired(1000 + DAY - 1)).toBe(0);
    expect(journal.purgeExpired(1000 + DAY)).toBe(1);
    expect(journal.test('expired')).toBeNull();
    for (const table of ['records', 'answers', 'outbox', 'drafts', 'clock_checkpoints', 'challenges']) {
      expect(count(file, `SELECT count(*) FROM ${table} WHERE test_id = ?`, 'expired'), table).toBe(0);
      expect(
        count(file, `SELECT count(*) FROM ${table} WHERE test_id = ?`, 'kept-longer'),
        table,
      ).toBeGreaterThan(0);
    }
    expect(journal.purgeExpired(Number.MAX_SAFE_INTEGER)).toBe(1);
    expect(journal.test('kept-longer')).toBeNull();
    expect(journal.verify('not-acknowledged').ok).toBe(true);
    expect(journal.verify('running').ok).toBe(true);
  });

  it('keeps a test continued on another station as evidence until its retention, never to resume or send', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    testWithPackage(journal, 'moved', 4, 1);
    journal.append('moved', opened, at());
    journal.append('moved', answered('rec1'), at(1));
    sealed(journal, 'moved-sealed', 2, 2);
    expect(journal.unfinishedTest()?.testId).toBe('moved');
    expect(journal.pendingOutbox(10)).toHaveLength(5);

    journal.markMovedElsewhere('moved', 5000, DAY);
    journal.markMovedElsewhere('moved', 6000, 2 * DAY); // again: the first one counts
    journal.markMovedElsewhere('moved-sealed', 5000, DAY);
    expect(journal.movedAt('moved')).toBe(5000);
    expect(journal.unfinishedTest()).toBeNull();
    expect(journal.pendingBundles()).toEqual([]);
    expect(journal.pendingOutbox(10)).toEqual([]);
    // Its journal stays whole for the jury, and closed to new records.
    expect(journal.verify('moved').ok).toBe(true);
    expect(journal.records('moved')).toHaveLength(2);
    expect(() => journal.append('moved', answered('rec2'), at(2))).toThrow(/TEST_MOVED/);

    expect(journal.purgeExpired(5000 + DAY - 1)).toBe(0);
    expect(journal.purgeExpired(5000 + DAY)).toBe(2);
    expect(journal.test('moved')).toBeNull();
    expect(count(file, 'SELECT count(*) FROM moved_tests')).toBe(0);
    expect(count(file, 'SELECT count(*) FROM records')).toBe(0);
  });

  it('leaves a test whose result the server acknowledged as it is', () => {
    const journal = journalAt();
    sealed(journal, 'done', 1, 1);
    journal.acknowledge('done', 1000, 7 * DAY);
    journal.markMovedElsewhere('done', 2000, DAY);
    expect(journal.movedAt('done')).toBeNull();
    expect(journal.purgeExpired(2000 + DAY)).toBe(0);
    expect(() => journal.markMovedElsewhere('nope', 1, DAY)).toThrow(/nope/);
  });

  it('property: purge never deletes a test whose result is not acknowledged', () => {
    const journal = journalAt();
    let n = 0;
    const state = fc.oneof(
      fc.constant({ sealed: false, ack: null }),
      fc.constant({ sealed: true, ack: null }),
      fc
        .record({ ack: fc.integer({ min: 0, max: 1000 }), keep: fc.integer({ min: 0, max: 1000 }) })
        .map((ack) => ({
          sealed: true,
          ack,
        })),
    );
    fc.assert(
      fc.property(
        fc.array(state, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2500 }),
        (states, now) => {
          const ids = states.map((s) => {
            const id = `q${n++}`;
            journal.createTest(testInfo(id));
            if (s.sealed) journal.storeBundle(id, 'b', sha256Hex('b'));
            if (s.ack) journal.acknowledge(id, s.ack.ack, s.ack.keep);
            return id;
          });
          journal.purgeExpired(now);
          states.forEach((s, i) => {
            const expired = s.ack !== null && s.ack.ack + s.ack.keep <= now;
            expect(journal.test(ids[i] ?? '') === null).toBe(expired);
          });
          journal.purgeExpired(Number.MAX_SAFE_INTEGER); // start the next run from a clean journal
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('tests whose result needs this station’s key', () => {
  it('are those started and not sealed, or sealed and not accepted, unless gone elsewhere or refused for good', () => {
    const journal = journalAt();
    const started = { kind: 'started' as const, payload: { authorization: 'c1' } };
    journal.createTest(testInfo('signed-in', 1));
    journal.append('signed-in', opened, at());
    testWithPackage(journal, 'under-way', 4, 2);
    journal.append('under-way', opened, at());
    journal.append('under-way', started, at());
    sealed(journal, 'sealed', 3);
    sealed(journal, 'accepted', 4);
    journal.acknowledge('accepted', 10, DAY);
    testWithPackage(journal, 'moved', 4, 5);
    journal.append('moved', opened, at());
    journal.append('moved', started, at());
    journal.markMovedElsewhere('moved', 10, DAY);
    sealed(journal, 'refused', 6);
    const refusal = { status: 422, code: 'X', message: 'no', refusedAt: 10 };
    journal.recordServerRefusal('refused', 'result', refusal);
    expect(journal.testsAwaitingResult()).toEqual(['under-way', 'sealed', 'refused']);
    journal.recordRefusalReported('refused', { reportedAt: 11, outcome: 'marked' });
    expect(journal.testsAwaitingResult()).toEqual(['under-way', 'sealed']);
  });
});

describe('outbox', () => {
  it('hands out records oldest first across tests, up to the limit', () => {
    const journal = journalAt();
    testWithPackage(journal, 'a');
    testWithPackage(journal, 'b');
    journal.append('a', opened, at());
    journal.append('b', opened, at());
    journal.append('a', answered('rec1'), at(1));
    expect(journal.pendingOutbox(10).map((o) => [o.testId, o.seq])).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 2],
    ]);
    expect(journal.pendingOutbox(2)).toHaveLength(2);
    const ids = journal.pendingOutbox(10).map((o) => o.id);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    expect(() => journal.pendingOutbox(0)).toThrow('limit');
  });

  it("acknowledgeOutbox removes that test's rows up to storedThrough, and only those", () => {
    const journal = journalAt();
    testWithPackage(journal, 'a');
    testWithPackage(journal, 'b');
    journal.append('a', opened, at());
    journal.append('b', opened, at());
    for (let i = 1; i <= 3; i++) journal.append('a', answered(`rec${i}`), at(i));
    journal.acknowledgeOutbox('a', 2);
    expect(journal.pendingOutbox(10).map((o) => [o.testId, o.seq])).toEqual([
      ['b', 1],
      ['a', 3],
      ['a', 4],
    ]);
    journal.acknowledgeOutbox('a', 2); // a repeat changes nothing
    journal.acknowledgeOutbox('a', 4);
    expect(journal.pendingOutbox(10).map((o) => [o.testId, o.seq])).toEqual([['b', 1]]);
    expect(journal.records('a')).toHaveLength(4);
  });
});

describe("the server's refusals", () => {
  const refusal = {
    status: 422,
    code: 'CHAIN_BROKEN',
    message: 'record 3 does not follow 2',
    refusedAt: 9000,
  };

  it('a refused result leaves pendingBundles for good, and is still refused after a reopen', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    sealed(journal, 'old', 1000);
    sealed(journal, 'new', 2000);
    expect(journal.serverRefusal('old', 'result')).toBeNull();
    journal.recordServerRefusal('old', 'result', refusal);
    journal.recordServerRefusal('old', 'result', { ...refusal, code: 'OTHER', refusedAt: 9999 }); // first kept
    expect(journal.pendingBundles().map((t) => t.testId)).toEqual(['new']);
    expect(journal.serverRefusal('old', 'records')).toBeNull();
    journal.close();

    const again = journalAt(file);
    expect(again.serverRefusal('old', 'result')).toEqual(refusal);
    expect(again.pendingBundles().map((t) => t.testId)).toEqual(['new']);
    // Kept as evidence: the bundle and the records are still there.
    expect(again.test('old')?.bundle).toBe('bundle-of-old');
    expect(() => again.recordServerRefusal('nope', 'result', refusal)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEST' }),
    );
  });

  it("a test whose records are refused leaves the outbox reading; the others' records still come", () => {
    const journal = journalAt();
    testWithPackage(journal, 'a', 8);
    testWithPackage(journal, 'b', 8);
    journal.append('a', opened, at());
    for (let i = 1; i <= 5; i++) journal.append('a', answered(`rec${i}`), at(i));
    journal.append('b', opened, at());
    // Taken in turn: one test's backlog does not fill the batch.
    expect(journal.pendingOutbox(4).map((o) => [o.testId, o.seq])).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 2],
      ['a', 3],
    ]);
    journal.recordServerRefusal('a', 'records', refusal);
    expect(journal.pendingOutbox(4).map((o) => [o.testId, o.seq])).toEqual([['b', 1]]);
    expect(journal.awaitsReplication('a', 1)).toBe(true); // kept, only no longer sent
  });

  it('a refused result waits to be reported until the server answers for good, also across a reopen', () => {
    const file = tempJournalFile();
    const journal = journalAt(file);
    sealed(journal, 'old', 1000);
    sealed(journal, 'new', 2000);
    sealed(journal, 'records', 3000);
    journal.recordServerRefusal('new', 'result', { ...refusal, refusedAt: 9500 });
    journal.recordServerRefusal('old', 'result', refusal);
    // Refused records are the station's to keep: the server is not told of them this way.
    journal.recordServerRefusal('records', 'records', refusal);
    expect(journal.unreportedRefusals()).toEqual([
      { testId: 'old', refusal },
      { testId: 'new', refusal: { ...refusal, refusedAt: 9500 } },
    ]);
    expect(journal.refusalReport('old')).toBeNull();

    journal.recordRefusalReported('old', { reportedAt: 10_000, outcome: 'marked' });
    journal.recordRefusalReported('old', { reportedAt: 11_000, outcome: 'again' }); // first kept
    journal.recordRefusalReported('records', { reportedAt: 11_000, outcome: 'marked' }); // not a result's
    expect(journal.refusalReport('old')).toEqual({ reportedAt: 10_000, outcome: 'marked' });
    expect(journal.refusalReport('records')).toBeNull();
    expect(journal.serverRefusal('old', 'result')).toEqual(refusal);
    journal.close();

    const again = journalAt(file);
    expect(again.unreportedRefusals().map((r) => r.testId)).toEqual(['new']);
    expect(again.refusalReport('old')).toEqual({ reportedAt: 10_000, outcome: 'marked' });
    expect(() => again.recordRefusalReported('new', { reportedAt: -1, outcome: 'marked' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(again.unreportedRefusals().map((r) => r.testId)).toEqual(['new']);
  });
});

describe('reopening', () => {
  it('keeps everything after close and reopen', () => {
    const file = tempJournalFile();
    const first = AnswerJournal.open({ file });
    const pkg = testWithPackage(first, 't1');
    first.append('t1', opened, at());
    first.append('t1', answered('rec1'), at(1000));
    first.saveDraft('t1', 'rec2', { type: 'choice', choice: '2' }, 1);
    first.checkpointClock('t1', { elapsedMs: 1500, wallAt: 9 });
    sealed(first, 'done');
    first.acknowledge('done', 100, DAY);
    const before = {
      row: first.test('t1'),
      records: first.records('t1'),
      outbox: first.pendingOutbox(100),
      done: first.test('done'),
    };
    first.close();

    const again = journalAt(file);
    expect(again.test('t1')).toEqual(before.row);
    expect(again.package('t1')).toEqual(pkg);
    expect(again.records('t1')).toEqual(before.records);
    expect(again.verify('t1').ok).toBe(true);
    expect(again.draft('t1', 'rec2')).toEqual({ type: 'choice', choice: '2' });
    expect(again.clockCheckpoint('t1')).toEqual({ elapsedMs: 1500, wallAt: 9 });
    expect(again.pendingOutbox(100)).toEqual(before.outbox);
    expect(again.test('done')).toEqual(before.done);
    expect(again.unfinishedTest()?.testId).toBe('t1');
    // The chain goes on from where it was.
    expect(again.append('t1', answered('rec2'), at(2000)).prevHash).toBe(before.records.at(-1)?.hash);
    expect(() => again.append('t1', answered('rec1'), at(2000))).toThrow(
      expect.objectContaining({ code: 'ALREADY_ANSWERED' }),
    );
  });
});

describe('importRecords (a test begun on another station)', () => {
  /** The chain another station wrote: a journal of its own, as the server replicated it. */
  function recordsFromElsewhere(answers = 2) {
    const other = journalAt();
    testWithPackage(other, 'test-1', 4);
    const pkgHash = other.test('test-1')?.packageHash ?? '';
    other.append('test-1', opened, at());
    other.append(
      'test-1',
      {
        kind: 'packageStored',
        payload: { packageId: 'pkg-1', packageHash: pkgHash, challengeCount: 4, allowedMs: 6_300_000 },
      },
      at(1),
    );
    other.append('test-1', { kind: 'started', payload: { authorization: 'cmd-start' } }, at(2));
    for (let i = 1; i <= answers; i++) other.append('test-1', answered(`rec${i}`), at(10 + i));
    return other.records('test-1');
  }

  it('keeps the records as they are and the chain continues from them', () => {
    const records = recordsFromElsewhere();
    const journal = journalAt();
    testWithPackage(journal, 'test-1', 4);
    const check = journal.importRecords('test-1', records);
    expect(check).toEqual({ ok: true, head: records.at(-1)?.hash });
    expect(journal.records('test-1')).toEqual(records);
    const next = journal.append('test-1', answered('rec3'), at(20));
    expect(next).toMatchObject({ seq: records.length + 1, prevHash: records.at(-1)?.hash });
    expect(journal.verify('test-1').ok).toBe(true);
    // The server already has the imported records: only the new one waits in the outbox.
    expect(journal.pendingOutbox(100).map((item) => item.seq)).toEqual([records.length + 1]);
  });

  it('imported answers count: the same challenge cannot be answered again', () => {
    const journal = journalAt();
    testWithPackage(journal, 'test-1', 4);
    journal.importRecords('test-1', recordsFromElsewhere());
    expect(() => journal.append('test-1', answered('rec1'), at(30))).toThrow(/already answered/);
  });

  const refusals: [string, (records: ReturnType<typeof recordsFromElsewhere>) => unknown[], RegExp][] = [
    [
      'a record altered',
      (r) => r.map((x, i) => (i === 3 ? { ...x, elapsedMs: 1 } : x)),
      /record 4 was altered/,
    ],
    ['a record missing', (r) => r.filter((_, i) => i !== 2), /sequence number/],
    ['records of another test', (r) => r.map((x) => ({ ...x, testId: 'test-9' })), /another test/],
    ['a record that is not one', (r) => [...r, { seq: 99 }], /records\.\d/],
    ['no record at all', () => [], /records/],
  ];
  it.each(refusals)('refuses %s, and writes nothing', (_case, damage, message) => {
    const journal = journalAt();
    testWithPackage(journal, 'test-1', 4);
    expect(() => journal.importRecords('test-1', damage(recordsFromElsewhere()) as never)).toThrow(message);
    expect(journal.records('test-1')).toEqual([]);
  });

  it('refuses records that name another package than the one stored', () => {
    const records = recordsFromElsewhere();
    const otherPackage = packageOf(4, 'pkg-2');
    const journal2 = journalAt();
    journal2.createTest(testInfo('test-1'));
    journal2.storePackage('test-1', otherPackage, canonicalHash(otherPackage));
    expect(() => journal2.importRecords('test-1', records)).toThrow(/names another package/);
    expect(journal2.records('test-1')).toEqual([]);
  });

  it('refuses a test without its package, or that already has records', () => {
    const records = recordsFromElsewhere();
    const bare = journalAt();
    bare.createTest(testInfo('test-1'));
    expect(() => bare.importRecords('test-1', records)).toThrow(/package is not stored/);
    const started = journalAt();
    testWithPackage(started, 'test-1', 4);
    started.append('test-1', opened, at());
    expect(() => started.importRecords('test-1', records)).toThrow(/already has records/);
    expect(started.records('test-1')).toHaveLength(1);
  });
});

describe('the server each test was taken on', () => {
  const X = 'https://certif.example.org';
  const Y = 'https://other.example.org';

  /** A journal holding, sealed and pending, `old` taken on X and `new` taken on Y. */
  function onTwoServers() {
    const file = tempJournalFile();
    const x = AnswerJournal.open({ file, serverOrigin: X });
    sealed(x, 'old', 1000, 1);
    x.close();
    const journal = AnswerJournal.open({ file, serverOrigin: Y });
    open.push(journal);
    sealed(journal, 'new', 2000, 1);
    return journal;
  }

  it('is recorded when the test is created, and never changes', () => {
    const journal = onTwoServers();
    expect([journal.testServer('old'), journal.testServer('new')]).toEqual([X, Y]);
    expect(journal.bindTestsToServer(Y)).toBe(0);
    expect(journal.testServer('old')).toBe(X);
  });

  it('sends each server only its own tests’ results, records and refusal reports', () => {
    const journal = onTwoServers();
    expect(journal.pendingBundles(Y).map((t) => t.testId)).toEqual(['new']);
    expect(journal.pendingBundles(X).map((t) => t.testId)).toEqual(['old']);
    expect(journal.pendingBundles().map((t) => t.testId)).toEqual(['old', 'new']);
    expect(new Set(journal.pendingOutbox(10, Y).map((o) => o.testId))).toEqual(new Set(['new']));
    expect(journal.pendingOutbox(10)).toHaveLength(4);
    const refusal = { status: 409, code: 'BUNDLE_CONFLICT', message: 'another', refusedAt: 5 };
    journal.recordServerRefusal('old', 'result', refusal);
    expect(journal.unreportedRefusals(Y)).toEqual([]);
    expect(journal.unreportedRefusals(X)).toEqual([{ testId: 'old', refusal }]);
  });

  it('says which results wait for another server than the station’s, until that server has them', () => {
    const journal = onTwoServers();
    expect(journal.resultsOfOtherServers(Y)).toEqual([{ serverOrigin: X, testIds: ['old'] }]);
    expect(journal.resultsOfOtherServers(X)).toEqual([{ serverOrigin: Y, testIds: ['new'] }]);
    journal.acknowledge('old', 10, DAY);
    expect(journal.resultsOfOtherServers(Y)).toEqual([]);
  });

  it('moves a server’s tests to another address when IT says they are one server', () => {
    const journal = onTwoServers();
    expect(journal.moveTestsToServer('https://unknown.example.org', Y)).toBe(0);
    expect(journal.moveTestsToServer(X, Y)).toBe(1);
    expect(journal.testServer('old')).toBe(Y);
    expect(journal.resultsOfOtherServers(Y)).toEqual([]);
    expect(journal.pendingBundles(Y).map((t) => t.testId)).toEqual(['old', 'new']);
  });
});
