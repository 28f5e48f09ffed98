// The start authorization the station holds until the test starts on it (migration 5): kept across a
// relaunch, outside the chain, gone with its test.
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal.ts';
import { openJournalDatabase } from './journal-database.ts';
import { InvalidInputError, UnknownTestError } from './journal-errors.ts';
import { opened, removeTempJournals, tempJournalFile, testInfo } from './journal-fixtures.ts';
import { MIGRATIONS, latestVersion } from './migrations.ts';

afterAll(removeTempJournals);

describe('the held start authorization', () => {
  it('is kept across a reopening, replaced, then forgotten', () => {
    const file = tempJournalFile();
    const journal = AnswerJournal.open({ file });
    journal.createTest(testInfo('t'));
    expect(journal.heldStartAuthorization('t')).toBeNull();
    journal.holdStartAuthorization('t', 'cmd-1');
    journal.close();

    const reopened = AnswerJournal.open({ file });
    expect(reopened.heldStartAuthorization('t')).toBe('cmd-1');
    reopened.holdStartAuthorization('t', 'cmd-2');
    expect(reopened.heldStartAuthorization('t')).toBe('cmd-2');
    reopened.holdStartAuthorization('t', null);
    expect(reopened.heldStartAuthorization('t')).toBeNull();
    reopened.close();
  });

  it('is not part of the chain, and goes with its test', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    journal.createTest(testInfo('t'));
    journal.append('t', opened, { wallAt: 1, elapsedMs: 0 });
    journal.holdStartAuthorization('t', 'cmd-1');
    expect(journal.records('t').map((r) => r.kind)).toEqual(['testOpened']);
    expect(journal.verify('t').ok).toBe(true);
    journal.discardTest('t');
    expect(journal.heldStartAuthorization('t')).toBeNull();
    journal.close();
  });

  it('refuses an unknown test and an id no record could name', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    expect(() => journal.holdStartAuthorization('nope', 'cmd-1')).toThrow(UnknownTestError);
    journal.createTest(testInfo('t'));
    expect(() => journal.holdStartAuthorization('t', '')).toThrow(InvalidInputError);
    expect(() => journal.holdStartAuthorization('t', 'x'.repeat(65))).toThrow(InvalidInputError);
    journal.close();
  });

  it('comes with migration 5, which keeps the tests of a version 4 file and holds nothing for them', () => {
    const file = tempJournalFile();
    const v4 = openJournalDatabase(file, MIGRATIONS.slice(0, 4));
    v4.prepare(
      "INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at) VALUES ('t', 's', 'c', 'st', '{}', '{}', 1)",
    ).run();
    v4.close();
    const journal = AnswerJournal.open({ file });
    expect(journal.settings().schemaVersion).toBe(latestVersion());
    expect(journal.testIds()).toEqual(['t']);
    expect(journal.heldStartAuthorization('t')).toBeNull();
    journal.holdStartAuthorization('t', 'cmd-1');
    expect(journal.heldStartAuthorization('t')).toBe('cmd-1');
    journal.close();
  });
});
