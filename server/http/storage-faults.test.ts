// Which SQLite errors are storage faults, what each is answered, and the log IT reads: one line per kind
// of fault a minute at most, with the count of the requests refused meanwhile.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StorageFaults, storageFaultAnswer, storageFaultOf } from './storage-faults.ts';

const sqliteError = (code: string, message = 'failed') => new Database.SqliteError(message, code);

describe('storageFaultOf', () => {
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
    ].map((code) => storageFaultOf(sqliteError(code))?.kind);
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
    expect(storageFaultOf(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageFaultOf(sqliteError('SQLITE_ERROR'))).toBeNull();
    expect(storageFaultOf(sqliteError('SQLITE_LOCKED'))).toBeNull();
    expect(
      storageFaultOf(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })),
    ).toBeNull();
    expect(storageFaultOf('SQLITE_FULL')).toBeNull();
  });

  it('says the disk may have lost written data only for a failed write or sync, never for a read', () => {
    const lost = (code: string) => storageFaultOf(sqliteError(code))?.writeLost;
    expect(['SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_DIR_FSYNC'].map(lost)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['SQLITE_IOERR', 'SQLITE_IOERR_READ', 'SQLITE_IOERR_SHORT_READ', 'SQLITE_FULL'].map(lost)).toEqual(
      [false, false, false, false],
    );
  });
});

describe('storageFaultAnswer', () => {
  it('is a 503 with its own code and a Retry-After, saying nothing was stored', () => {
    const answers = (['full', 'busy', 'ioError', 'readOnly', 'corrupt', 'cantOpen', 'noMemory'] as const).map(
      storageFaultAnswer,
    );
    expect(answers.map((a) => [a.status, a.code, a.headers['retry-after']])).toEqual([
      [503, 'STORAGE_FULL', '60'],
      [503, 'STORAGE_BUSY', '5'],
      [503, 'STORAGE_UNAVAILABLE', '30'],
      [503, 'STORAGE_UNAVAILABLE', '30'],
      [503, 'STORAGE_UNAVAILABLE', '30'],
      [503, 'STORAGE_UNAVAILABLE', '30'],
      [503, 'STORAGE_UNAVAILABLE', '30'],
    ]);
    for (const answer of answers) expect(answer.message).toContain('nothing was stored');
  });
});

describe('StorageFaults', () => {
  const request = { method: 'POST', route: '/api/station/heartbeat' };
  const databaseFile = path.join('/var/lib/pix', 'pix-certification.sqlite');

  function setup(onDurabilityLost?: (error: Error) => void) {
    const lines: { level: 'error' | 'fatal'; fields: Record<string, unknown>; message: string }[] = [];
    const clock = { now: 1_000_000 };
    const faults = new StorageFaults({
      log: {
        error: (fields, message) => lines.push({ level: 'error', fields: { ...fields }, message }),
        fatal: (fields, message) => lines.push({ level: 'fatal', fields: { ...fields }, message }),
      },
      databaseFile,
      now: () => clock.now,
      ...(onDurabilityLost ? { onDurabilityLost } : {}),
    });
    return { faults, lines, clock };
  }

  it('logs one line per kind of fault a minute, then the count of the requests refused meanwhile', () => {
    const { faults, lines, clock } = setup();
    // Thirty stations' heartbeats on a full disk.
    for (let i = 0; i < 30; i += 1) {
      expect(faults.answer(sqliteError('SQLITE_FULL', 'database or disk is full'), request)?.code).toBe(
        'STORAGE_FULL',
      );
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'error',
      fields: {
        storageFault: 'full',
        sqliteCode: 'SQLITE_FULL',
        sqliteMessage: 'database or disk is full',
        databaseFolder: '/var/lib/pix',
        answered: '503 STORAGE_FULL',
        during: 'POST /api/station/heartbeat',
        refusedMeanwhile: 0,
      },
      message:
        'storage fault: the disk holding the database (/var/lib/pix) is full: free space on it (SQLITE_FULL); ' +
        'requests that need the database are answered 503 STORAGE_FULL, nothing stored',
    });
    // Another kind has its own line at once.
    faults.answer(sqliteError('SQLITE_BUSY'), request);
    expect(lines.map((l) => l.fields.storageFault)).toEqual(['full', 'busy']);
    // Within the minute: still counted, not logged.
    clock.now += 59_999;
    faults.answer(sqliteError('SQLITE_FULL'), request);
    expect(lines).toHaveLength(2);
    // A minute after the last line: a new one, with the 30 refused since it.
    clock.now += 1;
    faults.answer(sqliteError('SQLITE_FULL'), request);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.fields.refusedMeanwhile).toBe(30);
    expect(lines[2]?.message).toMatch(/; 30 more since the last such line$/);
  });

  it('counts the background tasks’ faults with the requests’, and leaves their other errors to them', () => {
    const { faults, lines } = setup();
    // The presence flush every 5 s on a read-only disk: one line, not twelve a minute.
    for (let i = 0; i < 12; i += 1)
      expect(faults.noteTask(sqliteError('SQLITE_READONLY'), 'presence flush')).toBe(true);
    expect(faults.answer(sqliteError('SQLITE_READONLY_DBMOVED'), request)?.code).toBe('STORAGE_UNAVAILABLE');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ storageFault: 'readOnly', during: 'presence flush' });
    expect(faults.noteTask(new Error('a bug'), 'purge')).toBe(false);
    expect(lines).toHaveLength(1);
  });

  it('answers nothing for an error that is not a storage fault, and logs nothing', () => {
    const { faults, lines } = setup();
    expect(faults.answer(new Error('a bug'), request)).toBeNull();
    expect(faults.answer(sqliteError('SQLITE_CONSTRAINT_UNIQUE'), request)).toBeNull();
    expect(lines).toEqual([]);
  });

  it('stops the server once, saying why, when the disk failed to take written data', () => {
    const stopped: Error[] = [];
    const { faults, lines } = setup((error) => stopped.push(error));
    faults.answer(sqliteError('SQLITE_IOERR_READ'), request);
    expect(stopped).toEqual([]);
    const lost = sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error');
    expect(faults.answer(lost, request)?.code).toBe('STORAGE_UNAVAILABLE');
    expect(stopped).toEqual([lost]);
    expect(lines.map((l) => l.level)).toEqual(['error', 'fatal']);
    expect(lines[1]?.message).toContain('failed to keep data the server wrote (SQLITE_IOERR_WRITE)');
    // Not told twice (the first stop is under way): the next ones are counted like any fault.
    faults.answer(sqliteError('SQLITE_IOERR_FSYNC'), request);
    expect(stopped).toHaveLength(1);
    expect(lines).toHaveLength(2);
  });
});
