// What can go wrong in the answer journal, as typed errors with a stable `code`: the exam runtime maps
// codes to what the candidate sees, and a corrupted file is named so the support team can collect it.

export type JournalErrorCode =
  | 'JOURNAL_CORRUPTED'
  | 'JOURNAL_TOO_NEW'
  | 'INVALID_INPUT'
  | 'INVALID_RECORD'
  | 'INVALID_PACKAGE'
  | 'PACKAGE_HASH_MISMATCH'
  | 'PACKAGE_NOT_FOR_TEST'
  | 'PACKAGE_ALREADY_STORED'
  | 'UNKNOWN_TEST'
  | 'TEST_ALREADY_EXISTS'
  | 'TEST_SEALED'
  | 'TEST_NOT_DISCARDABLE'
  | 'UNKNOWN_CHALLENGE'
  | 'ALREADY_ANSWERED'
  | 'RESULT_NOT_SEALED'
  | 'BUNDLE_ALREADY_STORED'
  | 'IMPORT_REFUSED';

export class JournalError extends Error {
  readonly code: JournalErrorCode;
  constructor(code: JournalErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The file is not a readable SQLite journal. It is left in place: it is evidence. */
export class JournalCorruptedError extends JournalError {
  readonly file: string;
  constructor(file: string, detail: string, options?: ErrorOptions) {
    super(
      'JOURNAL_CORRUPTED',
      `the answer journal ${file} is damaged (${detail}); it was left untouched for investigation`,
      options,
    );
    this.file = file;
  }
}

/** The file was written by a newer version of the station: opening it could lose data. */
export class JournalTooNewError extends JournalError {
  constructor(file: string, version: number, known: number) {
    super(
      'JOURNAL_TOO_NEW',
      `the answer journal ${file} has schema version ${version}, this station knows up to ${known}`,
    );
  }
}

/** An argument other than a record body failed validation; the message names the field. */
export class InvalidInputError extends JournalError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

export class InvalidRecordError extends JournalError {
  constructor(message: string) {
    super('INVALID_RECORD', message);
  }
}

export class InvalidPackageError extends JournalError {
  constructor(message: string) {
    super('INVALID_PACKAGE', message);
  }
}

export class PackageHashMismatchError extends JournalError {
  constructor(testId: string, expected: string, actual: string) {
    super(
      'PACKAGE_HASH_MISMATCH',
      `the package for test ${testId} hashes to ${actual}, not the expected ${expected}: not stored`,
    );
  }
}

export class PackageNotForTestError extends JournalError {
  constructor(testId: string, detail: string) {
    super('PACKAGE_NOT_FOR_TEST', `the package is not for test ${testId}: ${detail}`);
  }
}

export class PackageAlreadyStoredError extends JournalError {
  constructor(testId: string) {
    super('PACKAGE_ALREADY_STORED', `test ${testId} already has a different package`);
  }
}

export class UnknownTestError extends JournalError {
  constructor(testId: string) {
    super('UNKNOWN_TEST', `no test ${testId} in the journal`);
  }
}

export class TestAlreadyExistsError extends JournalError {
  constructor(testId: string) {
    super('TEST_ALREADY_EXISTS', `test ${testId} is already in the journal`);
  }
}

/** The result bundle is stored: the journal of that test can no longer grow. */
export class TestSealedError extends JournalError {
  constructor(testId: string) {
    super('TEST_SEALED', `test ${testId} is sealed: no record can be added`);
  }
}

export class TestNotDiscardableError extends JournalError {
  constructor(testId: string, reason: string) {
    super('TEST_NOT_DISCARDABLE', `test ${testId} cannot be discarded: ${reason}`);
  }
}

export class UnknownChallengeError extends JournalError {
  constructor(testId: string, challengeId: string) {
    super('UNKNOWN_CHALLENGE', `challenge ${challengeId} is not in the stored package of test ${testId}`);
  }
}

export class AlreadyAnsweredError extends JournalError {
  constructor(testId: string, challengeId: string) {
    super('ALREADY_ANSWERED', `challenge ${challengeId} of test ${testId} is already answered or skipped`);
  }
}

export class ResultNotSealedError extends JournalError {
  constructor(testId: string) {
    super('RESULT_NOT_SEALED', `test ${testId} has no stored result bundle to acknowledge`);
  }
}

export class BundleAlreadyStoredError extends JournalError {
  constructor(testId: string) {
    super('BUNDLE_ALREADY_STORED', `test ${testId} already has a different result bundle`);
  }
}

/** Records replicated from another station do not form a sound chain for this test: none imported. */
export class ImportRefusedError extends JournalError {
  constructor(testId: string, reason: string) {
    super('IMPORT_REFUSED', `the records of test ${testId} cannot be continued here: ${reason}`);
  }
}
