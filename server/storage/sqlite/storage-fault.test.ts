// Which SQLite errors are storage faults, what IT is told of each, and the store that says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.ts';
import { sqliteStorageFault } from './storage-fault.ts';

const FOLDER = '/var/lib/pix';
const sqliteError = (code: string, message = 'failed') => new Database.SqliteError(message, code);
const faultOf = (error: unknown) => sqliteStorageFault(error, FOLDER);

const dirs: string[] = [];
const dbs: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'storage-fault-'));
  dirs.push(dir);
  return dir;
}
function open(file: string): SqliteDatabase {
  const db = new Database(file, { timeout: 0 });
  dbs.push(db);
  return db;
}
/** The error `run` throws (the test fails if it throws none). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

describe('sqliteStorageFault', () => {
  it('recognises SQLite errors by their extended code', () => {
    const kinds = [
      'SQLITE_FULL',
      'SQLITE_BUSY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_IOERR',
      'SQLITE_IOERR_READ',
      'SQLITE_IOERR_SHMMAP',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_CORRUPT',
      'SQLITE_NOTADB',
      'SQLITE_CANTOPEN_ISDIR',
      'SQLITE_NOMEM',
    ].map((code) => faultOf(sqliteError(code))?.kind);
    expect(kinds).toEqual([
      'full',
      'busy',
      'busy',
      'ioError',
      'ioError',
      'ioError',
      'readOnly',
      'corrupt',
      'corrupt',
      'cantOpen',
      'noMemory',
    ]);
  });

  it('leaves the rest to the 500: constraints, SQL errors, and errors that are not SQLite’s', () => {
    expect(faultOf(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(faultOf(sqliteError('SQLITE_ERROR'))).toBeNull();
    expect(faultOf(sqliteError('SQLITE_LOCKED'))).toBeNull();
    expect(faultOf(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBeNull();
    expect(faultOf('SQLITE_FULL')).toBeNull();
  });

  it('says the disk may have lost written data only for a failed write or sync, never for a read', () => {
    const lost = (code: string) => faultOf(sqliteError(code))?.durabilityLost;
    expect(['SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_DIR_FSYNC'].map(lost)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['SQLITE_IOERR', 'SQLITE_IOERR_READ', 'SQLITE_IOERR_SHORT_READ', 'SQLITE_FULL'].map(lost)).toEqual(
      [false, false, false, false],
    );
  });

  it('tells IT what happened and where, under the names of the IT guide', () => {
    expect(faultOf(sqliteError('SQLITE_FULL', 'database or disk is full'))).toEqual({
      kind: 'full',
      code: 'SQLITE_FULL',
      durabilityLost: false,
      where: FOLDER,
      description: 'the disk holding the database (/var/lib/pix) is full: free space on it',
      logFields: {
        sqliteCode: 'SQLITE_FULL',
        sqliteMessage: 'database or disk is full',
        databaseFolder: FOLDER,
      },
    });
    expect(faultOf(sqliteError('SQLITE_BUSY'))?.description).toBe(
      'the database (/var/lib/pix) stayed locked by another program or connection past the busy timeout (a backup, an sqlite3 shell?)',
    );
    expect(faultOf(sqliteError('SQLITE_CORRUPT'))?.description).toBe(
      'the database file in /var/lib/pix is damaged: stop the server and restore the last backup',
    );
  });

  it('recognises what a real SQLite file throws: a full disk, a lock held by another connection, not a constraint', () => {
    const file = path.join(tempDir(), 'pix.sqlite');
    const db = open(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT)');
    // A full disk, as SQLite sees it: not one page more than the file has.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const full = thrownBy(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('x'.repeat(20_000)));
    expect(faultOf(full)).toMatchObject({ kind: 'full', code: 'SQLITE_FULL', durabilityLost: false });
    // Another connection (a backup, an sqlite3 shell) holds the write lock.
    const other = open(file);
    other.exec('BEGIN IMMEDIATE');
    const busy = thrownBy(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('y'));
    expect(faultOf(busy)).toMatchObject({ kind: 'busy', code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    // Room again, no lock: a constraint is the request's, not the disk's.
    db.pragma('max_page_count = 100000');
    db.exec('CREATE TABLE u (v TEXT UNIQUE)');
    db.prepare('INSERT INTO u (v) VALUES (?)').run('a');
    const duplicate = thrownBy(() => db.prepare('INSERT INTO u (v) VALUES (?)').run('a'));
    expect(duplicate).toBeInstanceOf(Database.SqliteError);
    expect(faultOf(duplicate)).toBeNull();
  });
});

describe('the SQLite store’s faultOf', () => {
  it('shows the database’s folder, never its file', async () => {
    const dir = tempDir();
    const store = openSqliteStore(path.join(dir, 'pix-certification.sqlite'));
    try {
      expect(store.faultOf(sqliteError('SQLITE_READONLY'))).toMatchObject({
        kind: 'readOnly',
        where: dir,
        logFields: { databaseFolder: dir },
      });
      expect(store.faultOf(new Error('a bug'))).toBeNull();
    } finally {
      await store.close();
    }
  });
});
