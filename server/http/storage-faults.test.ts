// What each storage fault is answered, and the log IT reads: one line per kind of fault a minute at most,
// with the count of the requests refused meanwhile, the count still pending at the end of the minute, and
// a line once a minute passes without the fault. The faults are SQLite's here, as the server meets them
// (their recognition: storage/sqlite/storage-fault.test.ts), and another backend's in one test.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageFault } from '../storage/repositories.ts';
import { sqliteStorageFault } from '../storage/sqlite/storage-fault.ts';
import { StorageFaults, storageFaultAnswer } from './storage-faults.ts';

const sqliteError = (code: string, message = 'failed') => new Database.SqliteError(message, code);

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
  const databaseFolder = '/var/lib/pix';
  /** What every line about SQLite's full disk names, and how it begins. */
  const FULL_DISK_FIELDS = {
    storageFault: 'full',
    sqliteCode: 'SQLITE_FULL',
    sqliteMessage: 'database or disk is full',
    databaseFolder: '/var/lib/pix',
  };
  const FULL_DISK_SAID =
    'storage fault: the disk holding the database (/var/lib/pix) is full: free space on it (SQLITE_FULL); ';

  // The timers of the end-of-minute lines are vitest's; so is the clock of the tests that let them fire.
  const opened: StorageFaults[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-12-08T09:00:00.000Z'));
  });
  afterEach(() => {
    for (const faults of opened.splice(0)) faults.close();
    vi.useRealTimers();
  });

  /**
   * `timed`: on vitest's clock, which its timers fire on (vi.advanceTimersByTime); else on `clock`, moved
   * by hand, with the timers never let fire.
   */
  function setup(
    options: {
      onDurabilityLost?: (error: Error) => void;
      faultOf?: (error: unknown) => StorageFault | null;
      timed?: boolean;
    } = {},
  ) {
    const lines: { level: 'info' | 'error' | 'fatal'; fields: Record<string, unknown>; message: string }[] =
      [];
    const clock = { now: 1_000_000 };
    const faults = new StorageFaults({
      log: {
        info: (fields, message) => lines.push({ level: 'info', fields: { ...fields }, message }),
        error: (fields, message) => lines.push({ level: 'error', fields: { ...fields }, message }),
        fatal: (fields, message) => lines.push({ level: 'fatal', fields: { ...fields }, message }),
      },
      faultOf: options.faultOf ?? ((error) => sqliteStorageFault(error, databaseFolder)),
      now: options.timed ? () => Date.now() : () => clock.now,
      ...(options.onDurabilityLost ? { onDurabilityLost: options.onDurabilityLost } : {}),
    });
    opened.push(faults);
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
        ...FULL_DISK_FIELDS,
        answered: '503 STORAGE_FULL',
        during: 'POST /api/station/heartbeat',
        refusedMeanwhile: 0,
      },
      message: `${FULL_DISK_SAID}requests that need the database are answered 503 STORAGE_FULL, nothing stored`,
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
    const { faults, lines } = setup({ onDurabilityLost: (error) => stopped.push(error) });
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

  it('writes the count still pending at the end of the minute, then that the fault is no longer seen', () => {
    const { faults, lines } = setup({ timed: true });
    const full = () => faults.answer(sqliteError('SQLITE_FULL', 'database or disk is full'), request);
    full(); // 09:00:00: said at once
    vi.advanceTimersByTime(10_000);
    for (let i = 0; i < 5; i += 1) full(); // 09:00:10: counted, and the faults stop there
    vi.advanceTimersByTime(49_999);
    expect(lines).toHaveLength(1);
    // The end of the minute of the first line: the five are said without waiting for a sixth.
    vi.advanceTimersByTime(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({
      level: 'error',
      fields: {
        ...FULL_DISK_FIELDS,
        answered: '503 STORAGE_FULL',
        refusedMeanwhile: 5,
        lastSeenAt: '2026-12-08T09:00:10.000Z',
      },
      message:
        FULL_DISK_SAID +
        '5 more since the last such line, answered 503 STORAGE_FULL, nothing stored; the last at 2026-12-08T09:00:10.000Z',
    });
    // A minute after the last fault, not before: the fault ended, as far as the server saw.
    vi.advanceTimersByTime(9_999);
    expect(lines).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toEqual({
      level: 'info',
      fields: { ...FULL_DISK_FIELDS, lastSeenAt: '2026-12-08T09:00:10.000Z' },
      message:
        'storage fault no longer seen: no "full" fault of the database (/var/lib/pix) for 60 s; ' +
        'the last was SQLITE_FULL at 2026-12-08T09:00:10.000Z',
    });
    // Nothing more is timed; a new fault is said at once, as a first one.
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(600_000);
    expect(lines).toHaveLength(3);
    full();
    expect(lines).toHaveLength(4);
    expect(lines[3]?.fields).toMatchObject({ storageFault: 'full', refusedMeanwhile: 0 });
  });

  it('says a single fault is over too, each kind on its own time', () => {
    const { faults, lines } = setup({ timed: true });
    faults.answer(sqliteError('SQLITE_BUSY'), request);
    vi.advanceTimersByTime(30_000);
    faults.noteTask(sqliteError('SQLITE_IOERR_READ'), 'presence flush');
    vi.advanceTimersByTime(30_000);
    // No refusal pending: no count line, only the end of the lock, a minute after it.
    expect(lines.map((l) => [l.level, l.fields.storageFault])).toEqual([
      ['error', 'busy'],
      ['error', 'ioError'],
      ['info', 'busy'],
    ]);
    vi.advanceTimersByTime(30_000);
    expect(lines.map((l) => [l.level, l.fields.storageFault])).toEqual([
      ['error', 'busy'],
      ['error', 'ioError'],
      ['info', 'busy'],
      ['info', 'ioError'],
    ]);
  });

  it('while the fault lasts, says it once a minute with every fault counted, and never that it ended', () => {
    const { faults, lines } = setup({ timed: true });
    // A station's heartbeat every 5 s on a full disk for 150 s (31 faults), then none.
    for (let t = 0; t <= 150_000; t += 5_000) {
      faults.answer(sqliteError('SQLITE_FULL'), request);
      vi.advanceTimersByTime(5_000);
    }
    expect(lines.filter((l) => l.level === 'info')).toEqual([]);
    vi.advanceTimersByTime(120_000);
    expect(lines.map((l) => [l.level, l.fields.refusedMeanwhile])).toEqual([
      ['error', 0], // 0 s: the first fault
      ['error', 11], // 60 s: 5 s … 55 s
      ['error', 12], // 120 s: 60 s … 115 s
      ['error', 7], // 180 s: 120 s … 150 s
      ['info', undefined], // 210 s: a minute after the last, at 150 s
    ]);
    // Every fault is in a line: the first, and the counts.
    expect(lines.reduce((sum, l) => sum + Number(l.fields.refusedMeanwhile ?? 0), 1)).toBe(31);
  });

  it('writes the pending count when the server closes, and times nothing after', () => {
    const { faults, lines } = setup({ timed: true });
    for (let i = 0; i < 3; i += 1) faults.answer(sqliteError('SQLITE_BUSY'), request);
    expect(vi.getTimerCount()).toBe(1);
    faults.close();
    expect(lines.map((l) => [l.level, l.fields.refusedMeanwhile])).toEqual([
      ['error', 0],
      ['error', 2],
    ]);
    expect(vi.getTimerCount()).toBe(0);
    faults.answer(sqliteError('SQLITE_BUSY'), request);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(600_000);
    expect(lines).toHaveLength(2);
  });

  it('answers and logs another backend’s faults alike, with that backend’s words', () => {
    // What a PostgreSQL backend could say of its disk-full error (53100).
    const pgFull: StorageFault = {
      kind: 'full',
      code: '53100',
      durabilityLost: false,
      where: 'db.lycee.lan:5432/pix',
      description: 'the disk of the database server (db.lycee.lan:5432/pix) is full: free space on it',
      logFields: { pgCode: '53100', database: 'db.lycee.lan:5432/pix' },
    };
    const thrown = new Error('could not extend file: No space left on device');
    const { faults, lines } = setup({ faultOf: (error) => (error === thrown ? pgFull : null) });
    expect(faults.answer(thrown, request)?.code).toBe('STORAGE_FULL');
    expect(faults.answer(sqliteError('SQLITE_FULL'), request)).toBeNull();
    expect(lines).toEqual([
      {
        level: 'error',
        fields: {
          storageFault: 'full',
          pgCode: '53100',
          database: 'db.lycee.lan:5432/pix',
          answered: '503 STORAGE_FULL',
          during: 'POST /api/station/heartbeat',
          refusedMeanwhile: 0,
        },
        message:
          'storage fault: the disk of the database server (db.lycee.lan:5432/pix) is full: free space on it (53100); ' +
          'requests that need the database are answered 503 STORAGE_FULL, nothing stored',
      },
    ]);
  });
});
