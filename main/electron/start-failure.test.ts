import { describe, expect, it } from 'vitest';
import { KeyStoreLockedError } from '../station/identity/key-store.ts';
import { StationKeyError, StationKeyMissingError } from '../station/identity/station-keys.ts';
import { JournalCorruptedError } from '../station/journal/journal-errors.ts';
import { startFailurePage } from './shell-pages.ts';
import { describeStartFailure, errorCode, errorForLog } from './start-failure.ts';
import { LockdownSettingsError } from '../station/settings/lockdown-trust.ts';

const JOURNAL = '/data/station/journal.sqlite';

function withCode(message: string, code: string, cause?: unknown): Error {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
}

describe('why the station could not start', () => {
  it('names a damaged journal, a full disk, a read-only data folder, and anything else', () => {
    const cases: [unknown, string, string][] = [
      [new JournalCorruptedError(JOURNAL, 'file is not a database'), 'journalDamaged', 'JOURNAL_CORRUPTED'],
      [withCode('database disk image is malformed', 'SQLITE_CORRUPT'), 'journalDamaged', 'SQLITE_CORRUPT'],
      [withCode('database or disk is full', 'SQLITE_FULL'), 'diskFull', 'SQLITE_FULL'],
      [withCode('no space left on device', 'ENOSPC'), 'diskFull', 'ENOSPC'],
      [withCode('attempt to write a readonly database', 'SQLITE_READONLY'), 'notWritable', 'SQLITE_READONLY'],
      [withCode('moved', 'SQLITE_READONLY_DBMOVED'), 'notWritable', 'SQLITE_READONLY_DBMOVED'],
      [withCode('permission denied', 'EACCES'), 'notWritable', 'EACCES'],
      [withCode('read-only file system', 'EROFS'), 'notWritable', 'EROFS'],
      [new StationKeyError('not a PKCS#8 private key'), 'keyUnreadable', 'STATION_KEY_UNREADABLE'],
      [
        new KeyStoreLockedError('Error while decrypting the ciphertext'),
        'keyStoreLocked',
        'STATION_KEY_LOCKED',
      ],
      [new StationKeyMissingError(1), 'keyMissing', 'STATION_KEY_MISSING'],
      [
        new LockdownSettingsError([{ layer: 'managed', origin: 'm.json', key: 'urlPolicy', message: 'bad' }]),
        'lockdownSettings',
        'LOCKDOWN_SETTINGS_INVALID',
      ],
      [new TypeError('boom'), 'other', 'TypeError'],
      ['not even an error', 'other', 'UNKNOWN'],
    ];
    for (const [error, kind, code] of cases) {
      expect(describeStartFailure(error, JOURNAL), code).toEqual({ kind, code, journalFile: JOURNAL });
    }
  });

  it('tells IT what to do with an unreadable station key, in French then English, with its code', () => {
    const failure = describeStartFailure(new StationKeyError('a rsa key, not Ed25519'), JOURNAL);
    const page = startFailurePage(failure);
    expect(page).toContain('<code>STATION_KEY_UNREADABLE</code>');
    expect(page).toMatch(/Le fichier de la clé de ce poste est endommagé/);
    expect(page).toMatch(/This station’s key file is damaged/);
    expect(page).toContain('À faire :');
    expect(page).toContain('To do:');
    expect(page).toMatch(/restaurez la clé .* depuis une sauvegarde du dossier de données de ce poste/);
    expect(page).toMatch(/Ne supprimez pas la clé/);
    expect(page.indexOf('À faire :')).toBeLessThan(page.indexOf('<section lang="en">'));
  });

  it('finds the code of a wrapped error in its causes', () => {
    const wrapped = new Error('could not open', { cause: withCode('disk full', 'SQLITE_FULL') });
    expect(errorCode(wrapped)).toBe('SQLITE_FULL');
    expect(describeStartFailure(wrapped, JOURNAL).kind).toBe('diskFull');
  });

  it('logs the whole error for IT: message, stack and causes', () => {
    const error = new JournalCorruptedError(JOURNAL, 'quick_check', {
      cause: withCode('file is not a database', 'SQLITE_NOTADB'),
    });
    const logged = errorForLog(error);
    expect(logged).toContain('JournalCorruptedError: the answer journal');
    expect(logged).toMatch(/\n\s+at /);
    expect(logged).toContain('caused by: Error: file is not a database');
  });
});
