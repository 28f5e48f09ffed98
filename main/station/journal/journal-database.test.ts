import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal.ts';
import { openJournalDatabase } from './journal-database.ts';
import { JournalCorruptedError } from './journal-errors.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testWithPackage,
} from './journal-fixtures.ts';
import { MIGRATIONS, latestVersion, migrate, type Migration } from './migrations.ts';

const at = { wallAt: 1, elapsedMs: 1 };

/** A real journal with a few full tests, closed: a file of many pages. */
function realJournal(): string {
  const file = tempJournalFile();
  const journal = AnswerJournal.open({ file });
  for (const testId of ['t1', 't2', 't3']) {
    testWithPackage(journal, testId);
    journal.append(testId, opened, at);
    for (let i = 1; i <= 48; i++) journal.append(testId, answered(`rec${i}`), at);
  }
  journal.close();
  return file;
}

afterAll(removeTempJournals);

describe('opening', () => {
  it('creates the missing folders and the file', () => {
    const file = path.join(path.dirname(tempJournalFile()), 'station', 'data', 'journal.sqlite');
    AnswerJournal.open({ file }).close();
    expect(existsSync(file)).toBe(true);
  });

  it('sets the durable settings on its own connection (read back from SQLite)', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    expect(journal.settings()).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      foreignKeys: true,
      busyTimeoutMs: 5000,
      schemaVersion: latestVersion(),
    });
    journal.close();
  });

  it('flushes the drive’s cache on macOS, where fsync alone does not (F_FULLFSYNC)', () => {
    const mac = openJournalDatabase(tempJournalFile(), MIGRATIONS, 'darwin');
    expect([
      mac.pragma('fullfsync', { simple: true }),
      mac.pragma('checkpoint_fullfsync', { simple: true }),
    ]).toEqual([1, 1]);
    mac.close();
    const linux = openJournalDatabase(tempJournalFile(), MIGRATIONS, 'linux');
    expect(linux.pragma('fullfsync', { simple: true })).toBe(0);
    linux.close();
  });

  it('keeps WAL mode in the file itself', () => {
    const file = tempJournalFile();
    AnswerJournal.open({ file }).close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('run once: a reopen applies nothing and keeps the data', () => {
    const file = tempJournalFile();
    const db = openJournalDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.prepare(
      "INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at) VALUES ('t', 's', 'c', 'st', '{}', '{}', 1)",
    ).run();
    expect(migrate(db, file)).toEqual([]);
    db.close();
    const again = openJournalDatabase(file);
    expect(again.prepare('SELECT count(*) FROM tests').pluck().get()).toBe(1);
    again.close();
  });

  it('apply only the new ones when the list grows, and each only once', () => {
    const file = tempJournalFile();
    openJournalDatabase(file).close();
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      description: 'test marker',
      sql: "CREATE TABLE marker (x TEXT) STRICT; INSERT INTO marker VALUES ('applied');",
    };
    const grown = [...MIGRATIONS, next];
    const db = openJournalDatabase(file, grown);
    expect(db.prepare('SELECT count(*) FROM marker').pluck().get()).toBe(1);
    expect(migrate(db, file, grown)).toEqual([]);
    db.close();
    const again = openJournalDatabase(file, grown);
    expect(again.prepare('SELECT count(*) FROM marker').pluck().get()).toBe(1);
    expect(again.pragma('user_version', { simple: true })).toBe(next.version);
    again.close();
  });

  it('a failing migration leaves the file at the previous version, with nothing half-applied', () => {
    const file = tempJournalFile();
    openJournalDatabase(file).close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      description: 'fails half-way',
      sql: 'CREATE TABLE half (x TEXT); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openJournalDatabase(file, [...MIGRATIONS, broken])).toThrow('no_such_table');
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses a file written by a newer station, without changing it', () => {
    const file = tempJournalFile();
    openJournalDatabase(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => AnswerJournal.open({ file })).toThrow(expect.objectContaining({ code: 'JOURNAL_TOO_NEW' }));
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });

  it("3 adds the server's refusals to a journal of version 2, keeping its tests", () => {
    const file = tempJournalFile();
    const v2 = openJournalDatabase(file, MIGRATIONS.slice(0, 2));
    v2.prepare(
      "INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at) VALUES ('t', 's', 'c', 'st', '{}', '{}', 1)",
    ).run();
    v2.close();
    const journal = AnswerJournal.open({ file });
    expect(journal.settings().schemaVersion).toBe(latestVersion());
    const refusal = { status: 409, code: 'BUNDLE_CONFLICT', message: 'another bundle', refusedAt: 5 };
    journal.recordServerRefusal('t', 'result', refusal);
    expect(journal.serverRefusal('t', 'result')).toEqual(refusal);
    expect(journal.testIds()).toEqual(['t']);
    journal.close();
  });

  it('4 has the results refused under version 3 reported, keeping the refusals as they were', () => {
    const file = tempJournalFile();
    const v3 = openJournalDatabase(file, MIGRATIONS.slice(0, 3));
    v3.prepare(
      "INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at) VALUES ('t', 's', 'c', 'st', '{}', '{}', 1)",
    ).run();
    v3.prepare(
      `INSERT INTO server_refusals (test_id, subject, status, code, message, refused_at)
       VALUES ('t', 'result', 422, 'BUNDLE_BAD_SIGNATURE', 'the signature does not verify', 7),
              ('t', 'records', 409, 'RECORD_CONFLICT', 'record 3 differs', 6)`,
    ).run();
    v3.close();
    const journal = AnswerJournal.open({ file });
    expect(journal.settings().schemaVersion).toBe(latestVersion());
    const refusal = {
      status: 422,
      code: 'BUNDLE_BAD_SIGNATURE',
      message: 'the signature does not verify',
      refusedAt: 7,
    };
    expect(journal.serverRefusal('t', 'result')).toEqual(refusal);
    expect(journal.unreportedRefusals()).toEqual([{ testId: 't', refusal }]);
    journal.recordRefusalReported('t', { reportedAt: 8, outcome: 'marked' });
    expect(journal.unreportedRefusals()).toEqual([]);
    journal.close();
  });

  it('8 leaves the tests of a version-7 journal to the server given when they are bound (in flight at the upgrade)', () => {
    const file = tempJournalFile();
    const v7 = openJournalDatabase(file, MIGRATIONS.slice(0, 7));
    v7.prepare(
      "INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at) VALUES ('t', 's', 'c', 'st', '{}', '{}', 1)",
    ).run();
    v7.close();
    const journal = AnswerJournal.open({ file, serverOrigin: 'https://new.example.org' });
    expect(journal.settings().schemaVersion).toBe(latestVersion());
    // Not bound yet: it would go with whatever server the station points to.
    expect(journal.testServer('t')).toBeNull();
    expect(journal.bindTestsToServer('https://certif.example.org')).toBe(1);
    expect(journal.bindTestsToServer('https://new.example.org')).toBe(0);
    expect(journal.testServer('t')).toBe('https://certif.example.org');
    testWithPackage(journal, 'after', 4);
    expect(journal.testServer('after')).toBe('https://new.example.org');
    journal.close();
  });

  it('refuse a list with a gap', () => {
    const db = new Database(':memory:');
    const gap: Migration[] = [{ version: 2, description: 'gap', sql: 'SELECT 1' }];
    expect(() => migrate(db, ':memory:', gap)).toThrow('numbered 2');
    db.close();
  });
});

describe('a damaged file', () => {
  const damages: [string, (file: string) => void][] = [
    [
      'random bytes instead of a database',
      (f) =>
        writeFileSync(
          f,
          Uint8Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256),
        ),
    ],
    ['a text file', (f) => writeFileSync(f, 'this is not a journal\n')],
    [
      'an overwritten header',
      (f) => {
        const bytes = readFileSync(f);
        bytes.fill(0x41, 0, 100);
        writeFileSync(f, bytes);
      },
    ],
    ['a file cut in half', (f) => truncateSync(f, Math.floor(statSync(f).size / 2))],
    ['a file cut inside its header', (f) => truncateSync(f, 50)],
    [
      'a scribbled page',
      (f) => {
        const bytes = readFileSync(f);
        bytes.fill(0xab, 4096, 4096 + 600);
        writeFileSync(f, bytes);
      },
    ],
  ];

  it.each(damages)(
    '%s → JournalCorruptedError naming the file, and the file is kept as it was',
    (_name, damage) => {
      const file = realJournal();
      damage(file);
      const evidence = readFileSync(file);
      let thrown: unknown;
      try {
        AnswerJournal.open({ file }).close();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(JournalCorruptedError);
      expect(thrown).toMatchObject({ code: 'JOURNAL_CORRUPTED', file: path.resolve(file) });
      expect((thrown as Error).message).toContain(path.resolve(file));
      expect(readFileSync(file).equals(evidence)).toBe(true);
    },
  );
});
