// Why the station could not start, sorted into what the invigilator and IT can act on (no Electron
// import: tested in plain Node). Only a code and the journal's path ever reach the screen: the full
// error, with its stack, goes to the log.

export type StartFailureKind =
  | 'journalDamaged'
  | 'diskFull'
  | 'notWritable'
  | 'keyStoreLocked'
  | 'keyUnreadable'
  | 'keyMissing'
  | 'lockdownSettings'
  | 'other';

export interface StartFailure {
  kind: StartFailureKind;
  /** For IT: the error's code (JOURNAL_CORRUPTED, SQLITE_FULL, EACCES…), or its name. */
  code: string;
  /** For IT: the answer journal, left as it is (it is the evidence). */
  journalFile: string;
}

// Codes are matched as prefixes: SQLite's extended codes (SQLITE_READONLY_DBMOVED…) keep the family.
// A stored package found altered is reported by the journal as JOURNAL_CORRUPTED too.
const KINDS: readonly { kind: Exclude<StartFailureKind, 'other'>; codes: RegExp }[] = [
  { kind: 'journalDamaged', codes: /^(JOURNAL_CORRUPTED|SQLITE_CORRUPT|SQLITE_NOTADB)/ },
  { kind: 'diskFull', codes: /^(SQLITE_FULL|ENOSPC|EDQUOT)/ },
  { kind: 'notWritable', codes: /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EACCES|EPERM|EROFS)/ },
  // The OS key store cannot unseal the station key now (no keyring in the session, DPAPI after a
  // password reset): identity/key-store.ts KeyStoreLockedError.
  { kind: 'keyStoreLocked', codes: /^STATION_KEY_LOCKED$/ },
  // The store gives back something that is not this station's key (a damaged or foreign key file, a
  // store that kept nothing): station-keys.ts StationKeyError. The key is never replaced: restored.
  { kind: 'keyUnreadable', codes: /^STATION_KEY_UNREADABLE$/ },
  // No key while results still need it: identity/station-keys.ts StationKeyMissingError.
  { kind: 'keyMissing', codes: /^STATION_KEY_MISSING$/ },
  // IT's lockdown settings cannot be used (settings/lockdown-trust.ts): the defaults are less strict.
  { kind: 'lockdownSettings', codes: /^LOCKDOWN_SETTINGS_INVALID$/ },
];

/** The first string `code` along the error and its causes (wrappers keep the original as cause). */
export function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
    if ('code' in current && typeof current.code === 'string' && current.code) return current.code;
    current = 'cause' in current ? current.cause : null;
  }
  return null;
}

export function describeStartFailure(error: unknown, journalFile: string): StartFailure {
  const code = errorCode(error) ?? (error instanceof Error ? error.name : 'UNKNOWN');
  const kind = KINDS.find((entry) => entry.codes.test(code))?.kind ?? 'other';
  return { kind, code, journalFile };
}

/** The whole error for the log (IT reads it there): message, stack and causes. */
export function errorForLog(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && current !== undefined; depth++) {
    parts.push(
      current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current),
    );
    current = current instanceof Error ? current.cause : null;
  }
  return parts.join('\ncaused by: ');
}
