// The counts of what a test's journal budget left out (migration 7): kept across a relaunch, each
// taken away in the transaction of the record that says it, so it is never said twice nor lost.
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerJournal, type OmittedRecords } from './answer-journal.ts';
import { openJournalDatabase } from './journal-database.ts';
import { InvalidInputError, TestSealedError, UnknownTestError } from './journal-errors.ts';
import { opened, removeTempJournals, tempJournalFile, testInfo } from './journal-fixtures.ts';
import { MIGRATIONS, latestVersion } from './migrations.ts';

afterAll(removeTempJournals);

const at = (elapsedMs = 0) => ({ wallAt: 1_700_000_000_000 + elapsedMs, elapsedMs });
const none = (): OmittedRecords => ({ navigations: 0, lockdowns: new Map() });
const summary = (detail: string) => ({
  kind: 'lockdown' as const,
  payload: { event: 'focusLost' as const, detail },
});

describe('what the journal budget left out', () => {
  it('is kept across a reopening, replaced by each save', () => {
    const file = tempJournalFile();
    const journal = AnswerJournal.open({ file });
    journal.createTest(testInfo('t'));
    expect(journal.omittedRecords('t')).toEqual(none());
    journal.saveOmittedRecords('t', { navigations: 3, lockdowns: new Map([['focusLost', 2]]) });
    journal.saveOmittedRecords('t', {
      navigations: 5,
      lockdowns: new Map([
        ['focusLost', 4],
        ['displayAdded', 1],
      ]),
    });
    journal.close();

    const reopened = AnswerJournal.open({ file });
    expect(reopened.omittedRecords('t')).toEqual({
      navigations: 5,
      lockdowns: new Map([
        ['displayAdded', 1],
        ['focusLost', 4],
      ]),
    });
    reopened.close();
  });

  it('goes, count by count, with the record that says it, in the same transaction', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    journal.createTest(testInfo('t'));
    journal.append('t', opened, at());
    journal.saveOmittedRecords('t', { navigations: 5, lockdowns: new Map([['focusLost', 4]]) });
    journal.append('t', summary('4 left out'), at(1), { saysOmitted: 'focusLost' });
    expect(journal.omittedRecords('t')).toEqual({ navigations: 5, lockdowns: new Map() });

    const rule = 'journal : 5 navigation(s) de plus non journalisée(s)';
    const navigation = { kind: 'navigation' as const, payload: { url: '', allowed: false, rule } };
    journal.append('t', navigation, at(2), { saysOmitted: 'navigation' });
    expect(journal.omittedRecords('t')).toEqual(none());
    expect(journal.records('t').map((r) => r.kind)).toEqual(['testOpened', 'lockdown', 'navigation']);
    expect(journal.verify('t').ok).toBe(true);
    journal.close();
  });

  it('stays when the record that says it cannot be written', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    journal.createTest(testInfo('t'));
    journal.append('t', opened, at());
    journal.saveOmittedRecords('t', { navigations: 0, lockdowns: new Map([['focusLost', 4]]) });
    journal.storeBundle('t', 'sealed.t.1', 'a'.repeat(64));
    expect(() => journal.append('t', summary('4 left out'), at(1), { saysOmitted: 'focusLost' })).toThrow(
      TestSealedError,
    );
    expect(journal.omittedRecords('t').lockdowns.get('focusLost')).toBe(4);
    journal.close();
  });

  it('refuses an unknown test, a count no test could have and a subject that is not one', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    expect(() => journal.saveOmittedRecords('nope', { navigations: 1, lockdowns: new Map() })).toThrow(
      UnknownTestError,
    );
    journal.createTest(testInfo('t'));
    expect(() => journal.saveOmittedRecords('t', { navigations: -1, lockdowns: new Map() })).toThrow(
      InvalidInputError,
    );
    expect(() =>
      journal.append('t', opened, at(), { saysOmitted: 'nothing' as unknown as 'navigation' }),
    ).toThrow(InvalidInputError);
    expect(journal.records('t')).toEqual([]);
    journal.close();
  });

  it('goes with its test', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    journal.createTest(testInfo('t'));
    journal.saveOmittedRecords('t', { navigations: 2, lockdowns: new Map() });
    journal.discardTest('t');
    expect(journal.omittedRecords('t')).toEqual(none());
    journal.close();
  });

  it('comes with migration 7, which keeps the tests of a version 6 file and counts nothing for them', () => {
    const file = tempJournalFile();
    const v6 = openJournalDatabase(file, MIGRATIONS.slice(0, 6));
    v6.prepare(
      "INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at) VALUES ('t', 's', 'c', 'st', '{}', '{}', 1)",
    ).run();
    v6.close();
    const journal = AnswerJournal.open({ file });
    expect(journal.settings().schemaVersion).toBe(latestVersion());
    expect(journal.testIds()).toEqual(['t']);
    expect(journal.omittedRecords('t')).toEqual(none());
    journal.close();
  });
});
